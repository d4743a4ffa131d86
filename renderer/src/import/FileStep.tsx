/** Step 1: choose the file (and its password, and optionally a saved mapping). */
import { Alert, Button, FileInput, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/api/clubApi.ts';
import type { ImportSourceView } from '../../../shared/api/import.ts';
import {
  type ImportMapping,
  mappingProblems,
  parseMapping,
} from '../../../shared/import/mapping.ts';
import { clubApi } from '../api/transport.ts';
import { errorText, fieldTexts, messageText } from '../i18n/messageText.ts';
import { fileAsBase64 } from './download.ts';
import { importTextShown } from './importText.ts';

export function FileStep({ onOpened }: { onOpened: (view: ImportSourceView) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [mappingFile, setMappingFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const open = async () => {
    if (!file) {
      setErrors({ file: t('importWizard.chooseFile') });
      return;
    }
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setErrors({ file: t('importWizard.tooLarge') });
      return;
    }
    let mapping: ImportMapping | null = null;
    if (mappingFile) {
      const parsed = parseMapping(await mappingFile.text());
      if (!parsed.ok) {
        setErrors({ mapping: importTextShown(parsed.error) });
        return;
      }
      mapping = parsed.mapping;
    }
    setBusy(true);
    const result = await clubApi.importOpen(
      file.name,
      await fileAsBase64(file),
      password === '' ? null : password,
    );
    setBusy(false);
    if (!result.ok) {
      // A file the core cannot read: the reason at the file's field (or the password's).
      setErrors(
        result.error.fields ? fieldTexts(result.error.fields) : { file: errorText(result.error) },
      );
      return;
    }
    if (mapping) {
      const source = {
        fileName: result.value.fileName,
        format: result.value.format,
        notes: [],
        tables: result.value.tables.map((table) => ({
          name: table.name,
          columns: table.columns,
          rows: [],
        })),
      };
      const problems = mappingProblems(mapping, source);
      if (problems.length > 0) {
        setErrors({ mapping: messageText(problems[0]!) });
        return;
      }
    }
    setErrors({});
    onOpened(mapping ? { ...result.value, mapping } : result.value);
  };

  return (
    <Paper withBorder p="md" maw={680}>
      <Stack>
        <Text>{t('importWizard.intro')}</Text>
        <FileInput
          label={t('importWizard.file')}
          description={t('importWizard.fileHint')}
          placeholder={t('importWizard.choose')}
          accept=".mdb,.accdb,.xlsx,.csv,.txt"
          value={file}
          onChange={setFile}
          error={errors.file}
          clearable
          data-testid="import-file"
        />
        <PasswordInput
          label={t('importWizard.password')}
          description={t('importWizard.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
          data-testid="import-password"
        />
        <FileInput
          label={t('importWizard.mappingFile')}
          description={t('importWizard.mappingFileHint')}
          placeholder={t('importWizard.choose')}
          accept=".json"
          value={mappingFile}
          onChange={setMappingFile}
          error={errors.mapping}
          clearable
          data-testid="import-mapping-file"
        />
        {errors._form && <Alert color="red">{errors._form}</Alert>}
        <Group>
          <Button onClick={() => void open()} loading={busy} data-testid="import-open">
            {t('importWizard.read')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

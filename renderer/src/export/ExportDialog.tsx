/**
 * "Drucken / Exportieren" for a list: as PDF (to print), Excel workbook or CSV, with the
 * records the list shows — its search, filter and sort — and the columns chosen here (those
 * of a printed list to start with). Columns the role may not read are not offered; the core
 * leaves them out regardless.
 */
import { Button, Checkbox, Group, Modal, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListExportEntity, ListFormat } from '../../../shared/api/export.ts';
import { fieldShortKey, recordFields } from '../../../shared/domain/catalogue/index.ts';
import { PRINT_FIELDS } from '../../../shared/export/printFields.ts';
import { clubApi } from '../api/transport.ts';
import { useRights } from '../state/access.ts';
import { handOver } from './saveFile.ts';

export function ExportDialog({
  entity,
  shownIds,
  onClose,
}: {
  entity: ListExportEntity;
  /** The ids of the records the list shows now, in its order. */
  shownIds: () => string[];
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const rights = useRights();
  const offered = recordFields(entity).filter(
    (f) => !f.noExport && (!f.sensitive || rights.mayReadSensitive(entity)),
  );
  const printed = PRINT_FIELDS[entity];
  const [fields, setFields] = useState<string[]>(
    offered.map((f) => f.field).filter((f) => !printed || printed.includes(f)),
  );
  const [format, setFormat] = useState<ListFormat>('pdf');
  const [busy, setBusy] = useState(false);
  const ids = shownIds();

  async function run() {
    setBusy(true);
    const result = await clubApi.exportList({
      entity,
      ids,
      // In the catalogue's order, as the columns of the list.
      fields: offered.map((f) => f.field).filter((f) => fields.includes(f)),
      format,
      language: i18n.language === 'en' ? 'en' : 'de',
    });
    setBusy(false);
    if (handOver(result)) onClose();
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('export.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md" data-testid="export-dialog">
        <Text size="sm">{t('export.rows', { count: ids.length })}</Text>
        <Radio.Group
          label={t('export.format')}
          value={format}
          onChange={(v) => setFormat(v as ListFormat)}
        >
          <Group mt="xs">
            <Radio value="pdf" label={t('export.pdf')} data-testid="export-format-pdf" />
            <Radio value="xlsx" label={t('export.xlsx')} data-testid="export-format-xlsx" />
            <Radio value="csv" label={t('export.csv')} data-testid="export-format-csv" />
          </Group>
        </Radio.Group>
        <Checkbox.Group label={t('export.columns')} value={fields} onChange={setFields}>
          <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xs" spacing="xs">
            {offered.map((f) => (
              <Checkbox key={f.field} value={f.field} label={t(fieldShortKey(entity, f.field))} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {fields.length === 0 && (
          <Text size="sm" c="red" role="alert">
            {t('export.noColumn')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => void run()}
            loading={busy}
            disabled={fields.length === 0}
            data-testid="export-run"
          >
            {t('export.run')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

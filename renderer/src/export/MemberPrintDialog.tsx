/**
 * "Etiketten & Serienbrief" for the members a list shows: address labels on a standard sheet
 * (a partly used one from a later start position) or one letter per member from a text with
 * fields. Mistakes are named at their fields; members without an address are named after.
 */
import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../../shared/api/export.ts';
import type { ApiResult } from '../../../shared/api/result.ts';
import { formatGermanDate, parseGermanDate, todayIso } from '../../../shared/domain/dates.ts';
import { LABEL_FORMATS, labelFormat } from '../../../shared/export/labelFormats.ts';
import { letterFieldList, unknownLetterFields } from '../../../shared/export/letterTemplate.ts';
import { clubApi } from '../api/transport.ts';
import { DateInput } from '../components/DateInput.tsx';
import { errorText, fieldTexts } from '../i18n/messageText.ts';
import { saveFile } from './saveFile.ts';

type Kind = 'labels' | 'letters';

export function MemberPrintDialog({
  shownIds,
  onClose,
}: {
  shownIds: () => string[];
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const ids = shownIds();
  const size = (n: number) => (language === 'de' ? String(n).replace('.', ',') : String(n));
  const [kind, setKind] = useState<Kind>('labels');
  const [format, setFormat] = useState(LABEL_FORMATS[0]!.id);
  const [start, setStart] = useState('1');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [place, setPlace] = useState('');
  const [date, setDate] = useState(formatGermanDate(todayIso()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  function check(): Record<string, string> {
    const found: Record<string, string> = {};
    if (kind === 'labels') {
      const labels = labelFormat(format)!;
      const perSheet = labels.columns * labels.rows;
      const n = Number(start);
      if (!/^\d+$/.test(start.trim()) || n < 1 || n > perSheet)
        found.start = t('core.export.startOutside', { labels: perSheet });
    } else {
      const texts = { subject: [subject, 200], body: [body, 20_000], place: [place, 100] } as const;
      for (const [field, [text, max]] of Object.entries(texts)) {
        if (field !== 'place' && !text.trim()) found[field] = t('validation.required');
        else if (text.length > max) found[field] = t('validation.tooLong', { max });
        const unknown = unknownLetterFields(text);
        if (unknown.length > 0)
          found[field] = t('core.export.unknownLetterField', {
            fields: unknown.join(', '),
            possible: letterFieldList(language),
          });
      }
      if (!parseGermanDate(date)) found.date = t('validation.date');
    }
    return found;
  }

  async function run() {
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result: ApiResult<ExportedFile> =
      kind === 'labels'
        ? await clubApi.printMembers({
            kind,
            ids,
            labelFormat: format,
            start: Number(start),
            language,
          })
        : await clubApi.printMembers({
            kind,
            ids,
            subject,
            body,
            place,
            date: parseGermanDate(date)!,
            language,
          });
    setBusy(false);
    if (!result.ok) {
      if (result.error.fields) setErrors(fieldTexts(result.error.fields));
      else notifications.show({ color: 'red', message: errorText(result.error), autoClose: 8000 });
      return;
    }
    saveFile(result.value);
    const leftOut = result.value.leftOut ?? [];
    const tooLong = result.value.tooLong ?? [];
    const said = [
      ...(leftOut.length > 0
        ? [t('export.leftOut', { count: leftOut.length, names: leftOut.join('; ') })]
        : []),
      ...(tooLong.length > 0
        ? [t('export.tooLong', { count: tooLong.length, names: tooLong.join('; ') })]
        : []),
      ...(result.value.undrawable
        ? [t('core.export.undrawable', { characters: result.value.undrawable })]
        : []),
    ];
    notifications.show({
      message: said.length > 0 ? said.join(' ') : t('export.done', { file: result.value.fileName }),
      autoClose: said.length > 0 ? false : 4000,
    });
    onClose();
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('export.printTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md" data-testid="member-print-dialog">
        <Text size="sm">{t('export.rows', { count: ids.length })}</Text>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={[
            { value: 'labels', label: t('export.labels') },
            { value: 'letters', label: t('export.letters') },
          ]}
          aria-label={t('export.printKind')}
        />
        {kind === 'labels' ? (
          <Group align="start" grow>
            <Select
              label={t('export.labelFormat')}
              data={LABEL_FORMATS.map((f) => ({
                value: f.id,
                label: `${f.name} (${size(f.width)} × ${size(f.height)} mm, ${f.columns} × ${f.rows})`,
              }))}
              value={format}
              allowDeselect={false}
              onChange={(v) => v && setFormat(v)}
              data-field="labelFormat"
            />
            <TextInput
              label={t('export.start')}
              description={t('export.startHint')}
              value={start}
              inputMode="numeric"
              onChange={(e) => setStart(e.currentTarget.value)}
              error={errors.start}
              data-field="start"
            />
          </Group>
        ) : (
          <Stack gap="sm">
            <TextInput
              label={t('export.subject')}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              error={errors.subject}
              required
              data-field="subject"
            />
            <Textarea
              label={t('export.body')}
              description={t('export.bodyHint', { fields: letterFieldList(language) })}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={errors.body}
              autosize
              minRows={6}
              required
              data-field="body"
            />
            <Group grow align="start">
              <TextInput
                label={t('export.place')}
                description={t('export.placeHint')}
                value={place}
                onChange={(e) => setPlace(e.currentTarget.value)}
                error={errors.place}
                data-field="place"
              />
              <DateInput
                label={t('export.date')}
                value={date}
                onChange={setDate}
                error={errors.date}
                data-field="date"
              />
            </Group>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => void run()}
            loading={busy}
            disabled={ids.length === 0}
            data-testid="member-print-run"
          >
            {t('export.makePdf')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Records the honours ticked in the list of those due, in one step: each becomes an honour of
 * its member under its official name and issuer, on the day given. What could not be saved is
 * named with its reason and stays ticked; what was saved can be taken back at once.
 */
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate, parseGermanDate, todayIso } from '../../../shared/domain/dates.ts';
import type { DueHonour } from '../../../shared/domain/honours/honoursDue.ts';
import { DateInput } from '../components/DateInput.tsx';
import { saveDraft } from '../components/saveDraft.ts';
import { showUndoNotice } from '../components/undoNotice.tsx';
import { errorText } from '../i18n/messageText.ts';
import { useClubData } from '../state/clubData.ts';

export function RecordHonoursBar({
  year,
  ceremony,
  chosen,
  nameOf,
  keyOf,
  onRecorded,
}: {
  year: number;
  ceremony: string | null;
  chosen: readonly DueHonour[];
  nameOf(memberId: string): string;
  keyOf(item: DueHonour): string;
  onRecorded(keys: string[]): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const today = todayIso();
  const initial = ceremony ?? (today.startsWith(`${year}-`) ? today : null);
  const [dateText, setDateText] = useState(initial ? formatGermanDate(initial) : '');
  const [busy, setBusy] = useState(false);
  const date = parseGermanDate(dateText);
  const dateError = !dateText.trim()
    ? null
    : !date
      ? t('validation.date')
      : !date.startsWith(`${year}-`)
        ? t('reports.honours.recordDateOutside', { year })
        : null;

  async function recordChosen() {
    if (!date || dateError) return;
    setBusy(true);
    const created: string[] = [];
    const done: string[] = [];
    const failures: string[] = [];
    for (const item of chosen) {
      const outcome = await saveDraft('honours', {
        memberId: item.memberId,
        kind: item.level.name.de,
        date,
        federation: item.issuer,
        notes: null,
      });
      if (outcome.record) {
        created.push(outcome.record.id);
        done.push(keyOf(item));
      } else {
        const reason =
          outcome.formError ?? Object.values(outcome.fieldErrors ?? {}).join(' ') ?? '';
        failures.push(
          t('reports.honours.notRecorded', {
            member: nameOf(item.memberId),
            honour: item.level.name[language],
            reason,
          }),
        );
      }
    }
    setBusy(false);
    onRecorded(done);
    if (failures.length > 0)
      notifications.show({ color: 'red', message: failures.join('\n'), autoClose: false });
    if (created.length > 0)
      showUndoNotice({
        id: `recorded-${created[0]}`,
        text: t('reports.honours.recorded', { count: created.length }),
        undoLabel: t('common.undo'),
        undo: async () => {
          const { remove } = useClubData.getState();
          for (const id of created) {
            const result = await remove('honours', id);
            if (!result.ok) return { ok: false, text: errorText(result.error) };
          }
          return { ok: true, text: t('reports.honours.undone', { count: created.length }) };
        },
      });
  }

  return (
    <Group align="end" data-testid="record-honours">
      <DateInput
        label={t('reports.honours.recordDate')}
        value={dateText}
        onChange={setDateText}
        error={dateError}
        required
        data-field="recordDate"
      />
      <Button
        onClick={() => void recordChosen()}
        loading={busy}
        disabled={chosen.length === 0 || !date || dateError !== null}
        data-testid="record-chosen"
      >
        {t('reports.honours.record')} ({chosen.length})
      </Button>
    </Group>
  );
}

/**
 * "Verein": the club's own data that letters, reports and the federation report print. Every
 * role sees it; administrators change it. A charitable status running out within three months
 * is said at the top, so the board asks the tax office in time.
 */
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUB_RECORD_ID, type Club } from '../../../shared/domain/club.ts';
import { formatGermanDate, todayIso } from '../../../shared/domain/dates.ts';
import { memberSortName } from '../../../shared/domain/member.ts';
import { DateInput } from '../components/DateInput.tsx';
import { saveDraft } from '../components/saveDraft.ts';
import { useSaveFeedback } from '../components/useSaveFeedback.ts';
import { MemberPicker } from '../members/MemberPicker.tsx';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { RecordRejection } from '../sync/rejectedChanges.tsx';
import { type ClubFormValues, clubFromForm, clubToForm, monthsLeft } from './clubFormValues.ts';
import { FederationsEditor } from './FederationsEditor.tsx';
import { HonourRulesEditor } from './HonourRulesEditor.tsx';

export function ClubPage() {
  const { t } = useTranslation();
  const club = useClubData((s) => s.club.get(CLUB_RECORD_ID));
  const membersMap = useClubData((s) => s.members);
  const rights = useRights();
  const canWrite = rights.may('club', 'write');
  const form = useForm<ClubFormValues>({ initialValues: clubToForm(club) });
  const { container, formError, setFormError, showProblem } = useSaveFeedback(form);
  const [saving, setSaving] = useState(false);
  // Once a save was refused for the own honours, their problems stay shown at their fields
  // (an edit clears the form's error for the whole list) until a save goes through.
  const [ownHonourProblems, setOwnHonourProblems] = useState(false);
  // What is stored is the form's new starting point: dirty again only through an edit.
  // The record the form's values started from: what a save says the form showed.
  const shown = useRef(club);
  const showStored = (stored: Club | undefined) => {
    shown.current = stored;
    const values = clubToForm(stored);
    form.setValues(values);
    form.resetDirty(values);
  };
  const field = (name: keyof ClubFormValues) => ({
    ...form.getInputProps(name),
    'data-field': name,
    ...(canWrite ? {} : { readOnly: true }),
  });
  const memberOptions = useMemo(
    () =>
      valuesOf(membersMap)
        .filter((m) => m.status !== 'ausgetreten' || form.values.conductorIds.includes(m.id))
        .map((m) => ({ value: m.id, label: memberSortName(m) }))
        .toSorted((a, b) => a.label.localeCompare(b.label, 'de')),
    [membersMap, form.values.conductorIds],
  );
  // Data that arrives while nobody edits (a sync) shows at once; an edit under way is kept.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new record should reset the form
  useEffect(() => {
    if (!form.isDirty()) showStored(club);
  }, [club]);
  const left = monthsLeft(club?.charitableUntil, todayIso());

  async function submit(values: ClubFormValues) {
    setSaving(true);
    setFormError(null);
    const outcome = await saveDraft('club', clubFromForm(values), shown.current);
    setSaving(false);
    setOwnHonourProblems(Boolean(outcome.fieldErrors?.ownHonours));
    if (outcome.record) {
      showStored(outcome.record);
      notifications.show({ message: t('common.saved'), autoClose: 2000 });
      return;
    }
    showProblem(outcome);
  }

  return (
    <Stack gap="md" style={{ overflow: 'auto' }}>
      <Title order={1} size="h2">
        {t('club.title')}
      </Title>
      <Text c="dimmed">{t('club.intro')}</Text>
      {!canWrite && (
        <Text size="sm" c="dimmed" data-testid="club-read-only">
          {t('club.readOnly')}
        </Text>
      )}
      {left !== null && left < 3 && (
        <Alert color={left < 0 ? 'red' : 'yellow'} data-testid="charitable-warning">
          {t(left < 0 ? 'club.charitableExpired' : 'club.charitableEnds', {
            date: formatGermanDate(club?.charitableUntil),
          })}
        </Alert>
      )}
      <RecordRejection
        entity="club"
        id={club?.id}
        onDiscarded={() => showStored(useClubData.getState().club.get(CLUB_RECORD_ID))}
      />
      <form ref={container} onSubmit={form.onSubmit(submit)} data-testid="club-form" noValidate>
        <Stack gap="md">
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('fields.club.name')}
                required
                {...field('name')}
                style={{ gridColumn: 'span 2' }}
              />
              <DateInput label={t('fields.club.foundedOn')} {...field('foundedOn')} />
              <TextInput label={t('fields.club.street')} {...field('street')} />
              <TextInput label={t('fields.club.postalCode')} {...field('postalCode')} />
              <TextInput label={t('fields.club.city')} {...field('city')} />
              <TextInput label={t('fields.club.country')} maxLength={2} {...field('country')} />
              <DateInput label={t('fields.club.charitableUntil')} {...field('charitableUntil')} />
              <TextInput
                label={t('fields.club.sepaCreditorId')}
                autoComplete="off"
                {...field('sepaCreditorId')}
              />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md">
            <FederationsEditor
              rows={form.values.federations}
              onChange={(rows) => form.setFieldValue('federations', rows)}
              readOnly={!canWrite}
              error={form.errors.federations as string | undefined}
            />
          </Paper>
          <Paper withBorder p="md">
            <HonourRulesEditor
              ruleSets={form.values.honourRuleSets}
              onRuleSets={(ids) => form.setFieldValue('honourRuleSets', ids)}
              own={form.values.ownHonours}
              onOwn={(rows) => form.setFieldValue('ownHonours', rows)}
              readOnly={!canWrite}
              showProblems={ownHonourProblems}
            />
          </Paper>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <MemberPicker label={t('fields.club.chairId')} {...field('chairId')} />
              <MultiSelect
                label={t('fields.club.conductorIds')}
                data={memberOptions}
                searchable
                limit={50}
                {...field('conductorIds')}
              />
              <MemberPicker label={t('fields.club.youthLeaderId')} {...field('youthLeaderId')} />
            </SimpleGrid>
          </Paper>
          {formError && (
            <Text c="red" role="alert">
              {formError}
            </Text>
          )}
          {canWrite && (
            <Group>
              <Button type="submit" loading={saving} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Stack>
  );
}

/**
 * One honour a member received: who, what, when, from which federation. Deleting asks first
 * and can be undone, like every other record.
 */
import { Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUB_RECORD_ID } from '../../../shared/domain/club.ts';
import type { Honour } from '../../../shared/domain/honour.ts';
import { DateInput } from '../components/DateInput.tsx';
import { FormFooter } from '../components/FormFooter.tsx';
import { dateFromForm, dateToForm } from '../components/formValues.ts';
import { ImportedValuesPanel } from '../components/ImportedValues.tsx';
import { saveDraft } from '../components/saveDraft.ts';
import { useDeleteWithUndo } from '../components/useDeleteWithUndo.tsx';
import { useDiscardGuard } from '../components/useDiscardGuard.tsx';
import { useSaveFeedback } from '../components/useSaveFeedback.ts';
import { MemberPicker } from '../members/MemberPicker.tsx';
import { memberDisplayName } from '../members/memberSearch.ts';
import { useRights } from '../state/access.ts';
import { useClubData } from '../state/clubData.ts';
import { RecordRejection } from '../sync/rejectedChanges.tsx';

interface HonourFormValues {
  memberId: string | null;
  kind: string;
  date: string;
  federation: string;
  notes: string;
}

export function HonourForm({ honour, onClose }: { honour: Honour | null; onClose(): void }) {
  const { t } = useTranslation();
  const rights = useRights();
  const confirmDelete = useDeleteWithUndo();
  // A new honour is most often from the club's (first) federation.
  const federation = useClubData((s) => s.club.get(CLUB_RECORD_ID)?.federations[0]?.name ?? '');
  const members = useClubData((s) => s.members);
  const [imported, setImported] = useState(honour?.importedValues ?? null);
  const [saving, setSaving] = useState(false);
  const form = useForm<HonourFormValues>({
    initialValues: {
      memberId: honour?.memberId ?? null,
      kind: honour?.kind ?? '',
      date: dateToForm(honour?.date),
      federation: honour ? (honour.federation ?? '') : federation,
      notes: honour?.notes ?? '',
    },
  });
  const { container, formError, setFormError, showProblem } = useSaveFeedback(form);
  const canWrite = honour
    ? rights.fieldsOf('honours', 'write', honour) !== null
    : rights.may('honours', 'write');
  const field = (name: keyof HonourFormValues) => ({
    ...form.getInputProps(name),
    'data-field': name,
    ...(canWrite ? {} : { readOnly: true }),
  });

  async function submit(values: HonourFormValues) {
    setSaving(true);
    setFormError(null);
    const outcome = await saveDraft(
      'honours',
      {
        ...(honour ? { id: honour.id } : {}),
        memberId: values.memberId,
        kind: values.kind,
        date: dateFromForm(values.date),
        federation: values.federation,
        notes: values.notes,
        importedValues: imported,
      },
      honour ?? undefined,
    );
    setSaving(false);
    if (outcome.record) {
      notifications.show({ message: t('common.saved'), autoClose: 2000 });
      onClose();
    } else showProblem(outcome);
  }

  const { requestClose, discardQuestion } = useDiscardGuard(
    () => form.isDirty() || imported !== (honour?.importedValues ?? null),
    onClose,
  );
  const member = honour ? members.get(honour.memberId) : undefined;
  const name = `${honour?.kind ?? ''}${member ? ` – ${memberDisplayName(member)}` : ''}`;
  return (
    <Modal
      opened
      onClose={requestClose}
      size="lg"
      title={honour ? t('honours.edit') : t('honours.new')}
    >
      {discardQuestion}
      <form ref={container} onSubmit={form.onSubmit(submit)} data-testid="honour-form" noValidate>
        <Stack>
          <RecordRejection entity="honours" id={honour?.id} onDiscarded={onClose} />
          <MemberPicker label={t('fields.honours.memberId')} required {...field('memberId')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('fields.honours.kind')} required {...field('kind')} />
            <DateInput label={t('fields.honours.date')} required {...field('date')} />
          </SimpleGrid>
          <TextInput label={t('fields.honours.federation')} {...field('federation')} />
          <Textarea label={t('fields.honours.notes')} rows={3} {...field('notes')} />
          <ImportedValuesPanel values={imported} onChange={setImported} readOnly={!canWrite} />
          <FormFooter
            readOnly={!canWrite}
            mayDelete={rights.may('honours', 'delete')}
            formError={formError}
            onCancel={requestClose}
            saving={saving}
            onDelete={honour ? () => confirmDelete('honours', honour.id, name, onClose) : undefined}
          />
        </Stack>
      </form>
    </Modal>
  );
}

import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../shared/domain/dates.ts';
import { type ClubEvent, EVENT_KINDS, type EventKind } from '../../../shared/domain/event.ts';
import { DateInput } from '../components/DateInput.tsx';
import { FormFooter } from '../components/FormFooter.tsx';
import { dateFromForm, dateToForm } from '../components/formValues.ts';
import { saveDraft } from '../components/saveDraft.ts';
import { useDeleteWithUndo } from '../components/useDeleteWithUndo.tsx';
import { useDiscardGuard } from '../components/useDiscardGuard.tsx';
import { useSaveFeedback } from '../components/useSaveFeedback.ts';
import { useRights } from '../state/access.ts';

interface EventFormValues {
  kind: EventKind;
  title: string;
  date: string;
  startTime: string;
  location: string;
  notes: string;
}

export function EventForm({
  event,
  onClose,
  onSaved,
}: {
  event: ClubEvent | null;
  onClose(): void;
  onSaved(e: ClubEvent): void;
}) {
  const { t } = useTranslation();
  const rights = useRights();
  const confirmDelete = useDeleteWithUndo();
  const form = useForm<EventFormValues>({
    initialValues: {
      kind: event?.kind ?? 'probe',
      title: event?.title ?? t('values.events.kind.probe'),
      date: dateToForm(event?.date ?? todayIso()),
      startTime: event?.startTime ?? '19:30',
      location: event?.location ?? '',
      notes: event?.notes ?? '',
    },
  });
  const { container, formError, setFormError, showProblem } = useSaveFeedback(form);
  const field = (name: keyof EventFormValues) => ({
    ...form.getInputProps(name),
    'data-field': name,
  });

  async function submit(values: EventFormValues) {
    setFormError(null);
    const outcome = await saveDraft(
      'events',
      {
        ...values,
        ...(event ? { id: event.id } : {}),
        date: dateFromForm(values.date) ?? undefined,
      },
      event ?? undefined,
    );
    if (outcome.record) onSaved(outcome.record);
    else showProblem(outcome);
  }

  const { requestClose, discardQuestion } = useDiscardGuard(() => form.isDirty(), onClose);
  return (
    <Modal
      opened
      onClose={requestClose}
      title={event ? t('events.edit') : t('events.new')}
      size="lg"
    >
      {discardQuestion}
      <form ref={container} onSubmit={form.onSubmit(submit)} data-testid="event-form" noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <Select
              label={t('fields.events.kind')}
              data={EVENT_KINDS.map((k) => ({ value: k, label: t(`values.events.kind.${k}`) }))}
              allowDeselect={false}
              {...field('kind')}
            />
            <TextInput
              label={t('fields.events.title')}
              required
              data-autofocus
              {...field('title')}
            />
            <DateInput label={t('fields.events.date')} required {...field('date')} />
            <TextInput
              label={t('fields.events.startTime')}
              placeholder="19:30"
              {...field('startTime')}
            />
          </SimpleGrid>
          <TextInput label={t('fields.events.location')} {...field('location')} />
          <Textarea label={t('fields.events.notes')} rows={3} {...field('notes')} />
          <FormFooter
            readOnly={!rights.may('events', 'write')}
            mayDelete={rights.may('events', 'delete')}
            formError={formError}
            onCancel={requestClose}
            onDelete={
              event ? () => confirmDelete('events', event.id, event.title, onClose) : undefined
            }
          />
        </Stack>
      </form>
    </Modal>
  );
}

import { List, Modal, MultiSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { memberSortName } from '../../../shared/domain/member.ts';
import type { Register } from '../../../shared/domain/register.ts';
import { FormFooter } from '../components/FormFooter.tsx';
import { ImportedValuesPanel } from '../components/ImportedValues.tsx';
import { saveDraft } from '../components/saveDraft.ts';
import { useDeleteWithUndo } from '../components/useDeleteWithUndo.tsx';
import { useDiscardGuard } from '../components/useDiscardGuard.tsx';
import { useSaveFeedback } from '../components/useSaveFeedback.ts';
import { memberDisplayName } from '../members/memberSearch.ts';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { RecordRejection } from '../sync/rejectedChanges.tsx';

interface RegisterFormValues {
  name: string;
  sortOrder: number | string;
  leaderIds: string[];
}

export function RegisterForm({
  register,
  onClose,
}: {
  register: Register | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const rights = useRights();
  const membersMap = useClubData((s) => s.members);
  const registersMap = useClubData((s) => s.registers);
  const confirmDelete = useDeleteWithUndo();
  const [imported, setImported] = useState(register?.importedValues ?? null);
  const form = useForm<RegisterFormValues>({
    initialValues: {
      name: register?.name ?? '',
      sortOrder: register?.sortOrder ?? (registersMap.size + 1) * 10,
      leaderIds: register?.leaderIds ?? [],
    },
  });
  const { container, formError, setFormError, showProblem } = useSaveFeedback(form);

  const registerMembers = useMemo(
    () =>
      register
        ? valuesOf(membersMap)
            .filter((m) => m.registerIds.includes(register.id))
            .toSorted((a, b) => memberSortName(a).localeCompare(memberSortName(b), 'de'))
        : [],
    [membersMap, register],
  );

  async function submit(values: RegisterFormValues) {
    setFormError(null);
    const outcome = await saveDraft(
      'registers',
      {
        ...(register ? { id: register.id } : {}),
        name: values.name,
        sortOrder: values.sortOrder === '' ? 0 : Number(values.sortOrder),
        leaderIds: values.leaderIds,
        importedValues: imported,
      },
      register ?? undefined,
    );
    if (outcome.record) {
      notifications.show({ message: t('common.saved'), autoClose: 2000 });
      onClose();
    } else showProblem(outcome);
  }

  const { requestClose, discardQuestion } = useDiscardGuard(
    () => form.isDirty() || imported !== (register?.importedValues ?? null),
    onClose,
  );
  return (
    <Modal
      opened
      onClose={requestClose}
      title={register ? t('registers.edit') : t('registers.new')}
      size="lg"
    >
      {discardQuestion}
      <form ref={container} onSubmit={form.onSubmit(submit)} data-testid="register-form" noValidate>
        <Stack>
          <RecordRejection entity="registers" id={register?.id} onDiscarded={onClose} />
          <TextInput
            label={t('fields.registers.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
            data-field="name"
          />
          <NumberInput
            label={t('fields.registers.sortOrder')}
            min={0}
            allowDecimal={false}
            {...form.getInputProps('sortOrder')}
            data-field="sortOrder"
          />
          <MultiSelect
            label={t('fields.registers.leaderIds')}
            description={t('registers.leaderHint')}
            data={registerMembers.map((m) => ({ value: m.id, label: memberDisplayName(m) }))}
            searchable
            {...form.getInputProps('leaderIds')}
            data-field="leaderIds"
          />
          {register && (
            <div>
              <Text fw={600} size="sm">
                {t('registers.membersOf')} ({registerMembers.length})
              </Text>
              <List size="sm" data-testid="register-members">
                {registerMembers.map((m) => (
                  <List.Item key={m.id}>{memberDisplayName(m)}</List.Item>
                ))}
              </List>
            </div>
          )}
          <ImportedValuesPanel
            values={imported}
            onChange={setImported}
            readOnly={!rights.may('registers', 'write')}
          />
          <FormFooter
            readOnly={!rights.may('registers', 'write')}
            mayDelete={rights.may('registers', 'delete')}
            formError={formError}
            onCancel={requestClose}
            onDelete={
              register
                ? () => confirmDelete('registers', register.id, register.name, onClose)
                : undefined
            }
          />
        </Stack>
      </form>
    </Modal>
  );
}

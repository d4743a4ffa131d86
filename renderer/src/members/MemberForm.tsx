import {
  Alert,
  Checkbox,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GENDERS,
  MEMBER_SENSITIVE_FIELDS,
  MEMBER_STATUSES,
  type Member,
  SALUTATIONS,
  settleReview,
} from '../../../shared/domain/member.ts';
import { DateInput } from '../components/DateInput.tsx';
import { FormFooter } from '../components/FormFooter.tsx';
import { ImportedValuesPanel } from '../components/ImportedValues.tsx';
import { saveDraft } from '../components/saveDraft.ts';
import { useDeleteWithUndo } from '../components/useDeleteWithUndo.tsx';
import { useDiscardGuard } from '../components/useDiscardGuard.tsx';
import { useSaveFeedback } from '../components/useSaveFeedback.ts';
import { useRegisterOptions } from '../registers/useRegisterOptions.ts';
import { useRights } from '../state/access.ts';
import { RecordRejection } from '../sync/rejectedChanges.tsx';
import { ConsentsEditor } from './ConsentsEditor.tsx';
import { MemberHonours } from './MemberHonours.tsx';
import { MemberLoans } from './MemberLoans.tsx';
import { MemberPicker } from './MemberPicker.tsx';
import { MembershipsEditor } from './MembershipsEditor.tsx';
import {
  MEMBER_FIELD_TAB,
  MEMBER_FORM_TABS,
  type MemberFormTab,
  type MemberFormValues,
  memberFromForm,
  memberToForm,
} from './memberFormValues.ts';
import { memberDisplayName } from './memberSearch.ts';

export function MemberForm({ member, onClose }: { member: Member | null; onClose(): void }) {
  const { t } = useTranslation();
  const confirmDelete = useDeleteWithUndo();
  const [saving, setSaving] = useState(false);
  const form = useForm<MemberFormValues>({ initialValues: memberToForm(member) });
  const { container, formError, setFormError, showProblem } = useSaveFeedback(form);
  const [tab, setTab] = useState<MemberFormTab>('person');
  const tabsWithErrors = new Set(
    Object.keys(form.errors).map((f) => MEMBER_FIELD_TAB[f as keyof MemberFormValues]),
  );
  const statusOptions = useMemo(
    () => MEMBER_STATUSES.map((s) => ({ value: s, label: t(`values.members.status.${s}`) })),
    [t],
  );

  const rights = useRights();
  // A role that writes members only in its own registers is offered only those.
  const ownRegisters = rights.writableRegisters('members');
  const registerOptions = useRegisterOptions().filter(
    (option) => !ownRegisters || ownRegisters.includes(option.value),
  );
  // Judged for this record: a member sees (and a role may write) all of their own record.
  const canWrite = member
    ? rights.fieldsOf('members', 'write', member) !== null
    : rights.may('members', 'write');
  const seeSensitive = member
    ? rights.fieldsOf('members', 'read', member) === 'all'
    : rights.mayWriteSensitive('members');
  const writeSensitive = member
    ? rights.fieldsOf('members', 'write', member) === 'all'
    : rights.mayWriteSensitive('members');
  const tabs = MEMBER_FORM_TABS.filter((key) => key !== 'bank' || seeSensitive);
  const sensitive = new Set<string>(MEMBER_SENSITIVE_FIELDS);
  const [imported, setImported] = useState(member?.importedValues ?? null);
  // Values an import kept as the source had them although a rule refuses them.
  const flagged = [...(member?.review ?? []), ...(member?.reviewSensitive ?? [])];
  const field = (name: keyof MemberFormValues) => ({
    ...form.getInputProps(name),
    'data-field': name,
    ...((flagged as string[]).includes(name)
      ? { description: t('review.field'), 'data-review': 'true' }
      : {}),
    ...(!canWrite || (sensitive.has(name) && !writeSensitive) ? { readOnly: true } : {}),
  });
  const check = (name: keyof MemberFormValues) => ({
    ...form.getInputProps(name, { type: 'checkbox' }),
    'data-field': name,
    ...(!canWrite || (sensitive.has(name) && !writeSensitive) ? { disabled: true } : {}),
  });

  async function submit(values: MemberFormValues) {
    setSaving(true);
    setFormError(null);
    const draft = memberFromForm(values, member?.id);
    // A flag goes once its value was corrected; the import's kept values stay unless removed.
    const review = settleReview(member, {
      ...draft,
      review: member?.review ?? [],
      reviewSensitive: member?.reviewSensitive ?? [],
    });
    const outcome = await saveDraft(
      'members',
      { ...draft, ...review, importedValues: imported },
      member ?? undefined,
    );
    setSaving(false);
    if (outcome.record) {
      notifications.show({ message: t('common.saved'), autoClose: 2000 });
      onClose();
      return;
    }
    showProblem(outcome, {
      // Show the tab of the first field with an error; the cursor then goes into that field.
      beforeFocus: (errors) => {
        const first = Object.keys(errors).find((f) => f in MEMBER_FIELD_TAB);
        if (first) setTab(MEMBER_FIELD_TAB[first as keyof MemberFormValues]);
      },
    });
  }

  const { requestClose, discardQuestion } = useDiscardGuard(
    () => form.isDirty() || imported !== (member?.importedValues ?? null),
    onClose,
  );
  return (
    <Modal
      opened
      onClose={requestClose}
      size="xl"
      title={member ? t('members.edit') : t('members.new')}
    >
      {discardQuestion}
      <form ref={container} onSubmit={form.onSubmit(submit)} data-testid="member-form" noValidate>
        <Stack gap="md">
          <RecordRejection entity="members" id={member?.id} onDiscarded={onClose} />
          {flagged.length > 0 && (
            <Alert color="yellow" title={t('review.title')} data-testid="review-notice">
              {t('review.explain', {
                fields: flagged.map((f) => t(`fields.members.${f}`)).join(', '),
              })}
            </Alert>
          )}
          <Tabs
            value={tab}
            onChange={(v) => setTab((v as MemberFormTab) ?? 'person')}
            keepMounted={false}
          >
            <Tabs.List>
              {tabs.map((key) => (
                <Tabs.Tab
                  key={key}
                  value={key}
                  color={tabsWithErrors.has(key) ? 'red' : undefined}
                  rightSection={
                    tabsWithErrors.has(key) ? (
                      <Text c="red" fw={700}>
                        !
                      </Text>
                    ) : undefined
                  }
                  data-testid={`member-tab-${key}`}
                >
                  {t(`members.tab_${key}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>

            <Tabs.Panel value="person" pt="md">
              <SimpleGrid cols={3}>
                <Select
                  label={t('fields.members.salutation')}
                  data={SALUTATIONS.map((s) => ({
                    value: s,
                    label: t(`values.members.salutation.${s}`),
                  }))}
                  clearable
                  {...field('salutation')}
                />
                <TextInput label={t('fields.members.title')} {...field('title')} />
                <Select
                  label={t('fields.members.gender')}
                  data={GENDERS.map((g) => ({ value: g, label: t(`values.members.gender.${g}`) }))}
                  clearable
                  {...field('gender')}
                />
                <TextInput label={t('fields.members.memberNumber')} {...field('memberNumber')} />
                <TextInput
                  label={t('fields.members.firstName')}
                  {...field('firstName')}
                  data-autofocus
                />
                <TextInput label={t('fields.members.lastName')} required {...field('lastName')} />
                {seeSensitive && (
                  <DateInput label={t('fields.members.birthDate')} {...field('birthDate')} />
                )}
                <Select
                  label={t('fields.members.status')}
                  data={statusOptions}
                  allowDeselect={false}
                  {...field('status')}
                />
                <DateInput label={t('fields.members.entryDate')} {...field('entryDate')} />
                <DateInput label={t('fields.members.exitDate')} {...field('exitDate')} />
              </SimpleGrid>
            </Tabs.Panel>

            <Tabs.Panel value="contact" pt="md">
              <SimpleGrid cols={3}>
                <TextInput label={t('fields.members.street')} {...field('street')} />
                <TextInput label={t('fields.members.postalCode')} {...field('postalCode')} />
                <TextInput label={t('fields.members.city')} {...field('city')} />
                <TextInput
                  label={t('fields.members.country')}
                  {...field('country')}
                  maxLength={2}
                />
                <TextInput label={t('fields.members.phone')} type="tel" {...field('phone')} />
                <TextInput label={t('fields.members.mobile')} type="tel" {...field('mobile')} />
                <TextInput label={t('fields.members.email')} type="email" {...field('email')} />
              </SimpleGrid>
            </Tabs.Panel>

            <Tabs.Panel value="club" pt="md">
              <Stack>
                <SimpleGrid cols={3}>
                  <MultiSelect
                    label={t('fields.members.registerIds')}
                    data={[
                      ...registerOptions,
                      // A link to a register that is gone is named as such, never by its id.
                      ...form.values.registerIds
                        .filter((id) => !registerOptions.some((o) => o.value === id))
                        .map((id) => ({ value: id, label: t('members.deletedRegister') })),
                    ]}
                    searchable
                    {...field('registerIds')}
                  />
                  <TextInput
                    label={t('fields.members.mainInstrument')}
                    {...field('mainInstrument')}
                  />
                  <MemberPicker
                    label={t('fields.members.householdId')}
                    excludeId={member?.id}
                    {...field('householdId')}
                  />
                </SimpleGrid>
                <Textarea label={t('fields.members.notes')} rows={3} {...field('notes')} />
                {member && <MemberLoans memberId={member.id} />}
              </Stack>
            </Tabs.Panel>

            <Tabs.Panel value="history" pt="md">
              <Stack gap="lg">
                <MembershipsEditor
                  rows={form.values.memberships}
                  onChange={(rows) => form.setFieldValue('memberships', rows)}
                  readOnly={!canWrite}
                  error={form.errors.memberships as string | undefined}
                />
                <ConsentsEditor
                  rows={form.values.consents}
                  onChange={(rows) => form.setFieldValue('consents', rows)}
                  readOnly={!canWrite}
                  error={form.errors.consents as string | undefined}
                />
                {member && <MemberHonours memberId={member.id} />}
              </Stack>
            </Tabs.Panel>

            <Tabs.Panel value="bank" pt="md">
              {/* A full IBAN (up to 34 characters, 42 with spaces) gets a line of its own. */}
              <SimpleGrid cols={{ base: 1, xs: 3 }}>
                <TextInput
                  label={t('fields.members.iban')}
                  {...field('iban')}
                  autoComplete="off"
                  style={{ gridColumn: 'span 2' }}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                />
                <TextInput label={t('fields.members.bic')} {...field('bic')} autoComplete="off" />
                <TextInput label={t('fields.members.accountHolder')} {...field('accountHolder')} />
                <TextInput
                  label={t('fields.members.sepaMandateReference')}
                  {...field('sepaMandateReference')}
                />
                <DateInput
                  label={t('fields.members.sepaMandateDate')}
                  {...field('sepaMandateDate')}
                />
                <Checkbox mt="xl" label={t('fields.members.feeExempt')} {...check('feeExempt')} />
              </SimpleGrid>
            </Tabs.Panel>
          </Tabs>

          {!seeSensitive && (
            <Text size="sm" c="dimmed" data-testid="sensitive-hidden">
              {t('rights.sensitiveHidden')}
            </Text>
          )}
          {seeSensitive && (
            <ImportedValuesPanel
              values={imported}
              onChange={setImported}
              readOnly={!canWrite || !writeSensitive}
            />
          )}
          <FormFooter
            readOnly={!canWrite}
            mayDelete={rights.may('members', 'delete')}
            formError={formError}
            onCancel={requestClose}
            onDelete={
              member
                ? () => confirmDelete('members', member.id, memberDisplayName(member), onClose)
                : undefined
            }
            saving={saving}
          />
        </Stack>
      </form>
    </Modal>
  );
}

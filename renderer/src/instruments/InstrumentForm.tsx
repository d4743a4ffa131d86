import {
  Modal,
  NumberInput,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENT_CONDITIONS, type Instrument } from '../../../shared/domain/instrument.ts';
import { DateInput } from '../components/DateInput.tsx';
import { FormFooter } from '../components/FormFooter.tsx';
import {
  centsFromForm,
  centsToForm,
  dateFromForm,
  dateToForm,
  numberFromForm,
} from '../components/formValues.ts';
import { ImportedValuesPanel } from '../components/ImportedValues.tsx';
import { saveDraft } from '../components/saveDraft.ts';
import { useUnsavedWork } from '../components/unsavedWork.tsx';
import { useDeleteWithUndo } from '../components/useDeleteWithUndo.tsx';
import { useDiscardGuard } from '../components/useDiscardGuard.tsx';
import { useSaveFeedback } from '../components/useSaveFeedback.ts';
import { useRegisterOptions } from '../registers/useRegisterOptions.ts';
import { useRights } from '../state/access.ts';
import { RecordRejection } from '../sync/rejectedChanges.tsx';
import { LoansPanel } from './LoansPanel.tsx';
import { MaintenancePanel } from './MaintenancePanel.tsx';

interface InstrumentFormValues {
  inventoryNumber: string;
  kind: string;
  maker: string;
  model: string;
  serialNumber: string;
  purchaseDate: string;
  purchasePrice: string;
  condition: string | null;
  location: string;
  registerId: string | null;
  /** '' while empty, as the number input gives it. */
  maintenanceIntervalMonths: number | string;
  notes: string;
}

export function InstrumentForm({
  instrument,
  initialTab,
  onClose,
}: {
  instrument: Instrument | null;
  /** The tab to show first: 'loans' or 'maintenance' when a link of the start page led here. */
  initialTab?: string | undefined;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const rights = useRights();
  const confirmDelete = useDeleteWithUndo();
  const [imported, setImported] = useState(instrument?.importedValues ?? null);
  // The record as the form opened with it; the list may hold a newer one meanwhile.
  const [opened] = useState(instrument);
  const form = useForm<InstrumentFormValues>({
    initialValues: {
      inventoryNumber: instrument?.inventoryNumber ?? '',
      kind: instrument?.kind ?? '',
      maker: instrument?.maker ?? '',
      model: instrument?.model ?? '',
      serialNumber: instrument?.serialNumber ?? '',
      purchaseDate: dateToForm(instrument?.purchaseDate),
      purchasePrice: centsToForm(instrument?.purchasePriceCents),
      condition: instrument?.condition ?? null,
      location: instrument?.location ?? '',
      registerId: instrument?.registerId ?? null,
      maintenanceIntervalMonths: instrument?.maintenanceIntervalMonths ?? '',
      notes: instrument?.notes ?? '',
    },
  });
  const { container, formError, setFormError, showProblem } = useSaveFeedback(form);
  const registerOptions = useRegisterOptions();
  const field = (name: keyof InstrumentFormValues) => ({
    ...form.getInputProps(name),
    'data-field': name,
  });

  async function submit(values: InstrumentFormValues) {
    setFormError(null);
    const { purchasePrice, ...rest } = values;
    const outcome = await saveDraft(
      'instruments',
      {
        ...rest,
        // The record the form opened: deleted or out of sight meanwhile, it is still an edit.
        ...(opened ? { id: opened.id } : {}),
        purchaseDate: dateFromForm(values.purchaseDate),
        purchasePriceCents: centsFromForm(purchasePrice),
        maintenanceIntervalMonths: numberFromForm(values.maintenanceIntervalMonths),
        importedValues: imported,
      },
      opened ?? undefined,
    );
    if (outcome.record) {
      notifications.show({ message: t('common.saved'), autoClose: 2000 });
      onClose();
    } else {
      showProblem(outcome, {
        // The form edits the price as text in euros; the record holds cents.
        toFormFields: ({ purchasePriceCents, ...others }) =>
          purchasePriceCents ? { ...others, purchasePrice: purchasePriceCents } : others,
      });
    }
  }

  const title = opened
    ? `${t('instruments.edit')}: ${opened.kind} ${opened.inventoryNumber}`
    : t('instruments.new');

  // Typed values in the loan and maintenance tabs count too; the tabs stay mounted so that
  // switching between them keeps what was typed.
  const { anyUnsaved, UnsavedWorkProvider } = useUnsavedWork();
  const { requestClose, discardQuestion } = useDiscardGuard(
    () => form.isDirty() || imported !== (instrument?.importedValues ?? null) || anyUnsaved(),
    onClose,
  );
  return (
    <Modal opened onClose={requestClose} size="xl" title={title}>
      {discardQuestion}
      <RecordRejection entity="instruments" id={instrument?.id} onDiscarded={onClose} />
      <UnsavedWorkProvider>
        <Tabs defaultValue={instrument ? (initialTab ?? 'data') : 'data'}>
          <Tabs.List mb="md">
            <Tabs.Tab value="data">{t('instruments.tabData')}</Tabs.Tab>
            <Tabs.Tab value="loans" data-testid="tab-loans">
              {t('instruments.tabLoans')}
            </Tabs.Tab>
            <Tabs.Tab value="maintenance" data-testid="tab-maintenance">
              {t('instruments.tabMaintenance')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="data">
            <form
              ref={container}
              onSubmit={form.onSubmit(submit)}
              data-testid="instrument-form"
              noValidate
            >
              <Stack>
                <SimpleGrid cols={3}>
                  <TextInput
                    label={t('fields.instruments.inventoryNumber')}
                    required
                    data-autofocus
                    {...field('inventoryNumber')}
                  />
                  <TextInput label={t('fields.instruments.kind')} required {...field('kind')} />
                  <Select
                    label={t('fields.instruments.registerId')}
                    data={registerOptions}
                    clearable
                    {...field('registerId')}
                  />
                  <TextInput label={t('fields.instruments.maker')} {...field('maker')} />
                  <TextInput label={t('fields.instruments.model')} {...field('model')} />
                  <TextInput
                    label={t('fields.instruments.serialNumber')}
                    {...field('serialNumber')}
                  />
                  <DateInput
                    label={t('fields.instruments.purchaseDate')}
                    {...field('purchaseDate')}
                  />
                  <TextInput
                    label={t('fields.instruments.purchasePriceCents')}
                    placeholder={t('common.moneyHint')}
                    rightSection="€"
                    {...field('purchasePrice')}
                  />
                  <Select
                    label={t('fields.instruments.condition')}
                    data={INSTRUMENT_CONDITIONS.map((c) => ({
                      value: c,
                      label: t(`values.instruments.condition.${c}`),
                    }))}
                    clearable
                    {...field('condition')}
                  />
                  <TextInput label={t('fields.instruments.location')} {...field('location')} />
                  {/* Not clamped: 0 or 121 stay as typed, so the schema's message says what fits. */}
                  <NumberInput
                    label={t('fields.instruments.maintenanceIntervalMonths')}
                    description={t('instruments.maintenanceIntervalHint')}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    min={1}
                    max={120}
                    clampBehavior="none"
                    allowDecimal={false}
                    allowNegative={false}
                    {...field('maintenanceIntervalMonths')}
                  />
                </SimpleGrid>
                <Textarea label={t('fields.instruments.notes')} rows={3} {...field('notes')} />
                <ImportedValuesPanel
                  values={imported}
                  onChange={setImported}
                  readOnly={!rights.may('instruments', 'write')}
                />
                <FormFooter
                  readOnly={!rights.may('instruments', 'write')}
                  mayDelete={rights.may('instruments', 'delete')}
                  formError={formError}
                  onCancel={requestClose}
                  onDelete={
                    instrument
                      ? () =>
                          confirmDelete(
                            'instruments',
                            instrument.id,
                            `${instrument.kind} ${instrument.inventoryNumber}`,
                            onClose,
                          )
                      : undefined
                  }
                />
              </Stack>
            </form>
          </Tabs.Panel>
          <Tabs.Panel value="loans">
            {instrument ? (
              <LoansPanel instrument={instrument} />
            ) : (
              <Text c="dimmed">{t('instruments.saveFirst')}</Text>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="maintenance">
            {instrument ? (
              <MaintenancePanel instrument={instrument} />
            ) : (
              <Text c="dimmed">{t('instruments.saveFirst')}</Text>
            )}
          </Tabs.Panel>
        </Tabs>
      </UnsavedWorkProvider>
    </Modal>
  );
}

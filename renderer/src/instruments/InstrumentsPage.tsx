import { Button, Group, SegmentedControl, Stack, TextInput, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Instrument } from '../../../shared/domain/instrument.ts';
import { findsAll, foldForSearch, searchWords } from '../../../shared/domain/searchFold.ts';
import { useRecordToOpen } from '../app/navigation.ts';
import { DataTable } from '../components/DataTable.tsx';
import { DuplicatesNotice } from '../components/DuplicatesNotice.tsx';
import { NotAllowed } from '../components/NotAllowed.tsx';
import { ExportButton } from '../export/ExportButton.tsx';
import { memberDisplayName } from '../members/memberSearch.ts';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { RejectedMark } from '../sync/rejectedChanges.tsx';
import { InstrumentForm } from './InstrumentForm.tsx';
import { openLoansByInstrument } from './openLoans.ts';

type LoanFilter = 'all' | 'lent' | 'available';

type Accessor = (row: Instrument, index: number) => unknown;
const accessorOf = (column: ColumnDef<Instrument, unknown>): Accessor | undefined =>
  (column as { accessorFn?: Accessor }).accessorFn;

export function InstrumentsPage() {
  const { t } = useTranslation();
  const shownRows = useRef<Instrument[]>([]);
  const rights = useRights();
  const instrumentsMap = useClubData((s) => s.instruments);
  const loansMap = useClubData((s) => s.loans);
  const membersMap = useClubData((s) => s.members);
  const registersMap = useClubData((s) => s.registers);
  const [query, setQuery] = useState('');
  const [loanFilter, setLoanFilter] = useState<LoanFilter>('all');
  const toOpen = useRecordToOpen('instruments', (id) => instrumentsMap.has(id));
  const [editingId, setEditingId] = useState<string | 'new' | null>(() => toOpen?.id ?? null);
  // The tab a link asked for, for that one opening: the next opening starts on the data again.
  const [askedTab, setAskedTab] = useState(toOpen?.tab);
  const openLoans = useMemo(() => openLoansByInstrument(loansMap.values()), [loansMap]);

  const columns = useMemo<ColumnDef<Instrument, unknown>[]>(() => {
    const borrower = (i: Instrument) => {
      const loan = openLoans.get(i.id);
      const member = loan && membersMap.get(loan.memberId);
      return member ? memberDisplayName(member) : '';
    };
    return [
      {
        id: 'inventoryNumber',
        header: t('fields.instruments.inventoryNumber'),
        accessorFn: (i) => i.inventoryNumber,
        cell: (c) => (
          <>
            {c.getValue() as string}
            <RejectedMark entity="instruments" id={c.row.original.id} />
          </>
        ),
        size: 130,
      },
      { id: 'kind', header: t('fields.instruments.kind'), accessorFn: (i) => i.kind, size: 170 },
      {
        id: 'maker',
        header: t('fields.instruments.maker'),
        accessorFn: (i) => [i.maker, i.model].filter(Boolean).join(' '),
        size: 200,
      },
      {
        id: 'register',
        header: t('fields.instruments.registerId'),
        accessorFn: (i) => (i.registerId ? registersMap.get(i.registerId)?.name : '') ?? '',
        size: 150,
      },
      {
        id: 'condition',
        header: t('fields.instruments.condition'),
        accessorFn: (i) => (i.condition ? t(`values.instruments.condition.${i.condition}`) : ''),
        size: 150,
      },
      { id: 'lentTo', header: t('fields.instruments.borrower'), accessorFn: borrower, size: 200 },
    ];
  }, [t, registersMap, openLoans, membersMap]);

  // Every column the list shows is searched (register, condition, borrower too), folded as
  // a German reader compares names ("muller" finds the tuba lent to Müller).
  const predicate = useMemo(() => {
    const words = searchWords(query);
    if (words.length === 0 && loanFilter === 'all') return undefined;
    return (i: Instrument) => {
      const lent = openLoans.has(i.id);
      if ((loanFilter === 'lent' && !lent) || (loanFilter === 'available' && lent)) return false;
      if (words.length === 0) return true;
      const text = foldForSearch(
        columns.map((column) => String(accessorOf(column)?.(i, 0) ?? '')).join(' ') +
          ` ${i.serialNumber ?? ''} ${i.location ?? ''}`,
      );
      return findsAll(text, words);
    };
  }, [query, loanFilter, openLoans, columns]);

  const editing = editingId && editingId !== 'new' ? (instrumentsMap.get(editingId) ?? null) : null;

  return (
    <Stack h="100%" gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('instruments.title')}
        </Title>
        <Group gap="xs">
          <ExportButton entity="instruments" shownRows={shownRows} />
          {rights.may('instruments', 'write') ? (
            <Button onClick={() => setEditingId('new')} data-testid="new-instrument">
              {t('instruments.new')}
            </Button>
          ) : (
            <NotAllowed what={t('rights.what.instruments')} testId="no-new-instrument" />
          )}
        </Group>
      </Group>
      <Group>
        <TextInput
          placeholder={t('common.search')}
          aria-label={t('common.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={280}
          data-testid="instrument-search"
        />
        <SegmentedControl
          aria-label={t('instruments.filterLoan')}
          value={loanFilter}
          onChange={(v) => setLoanFilter(v as LoanFilter)}
          data={[
            { value: 'all', label: t('common.all') },
            { value: 'lent', label: t('instruments.onlyLent') },
            { value: 'available', label: t('instruments.onlyAvailable') },
          ]}
        />
      </Group>
      <DuplicatesNotice
        records={valuesOf(instrumentsMap)}
        field="inventoryNumber"
        kind="instruments"
      />
      <DataTable
        shownRows={shownRows}
        data={valuesOf(instrumentsMap)}
        filter={predicate}
        columns={columns}
        initialSorting={[{ id: 'inventoryNumber', desc: false }]}
        getRowId={(i) => i.id}
        onOpen={(i) => setEditingId(i.id)}
        emptyText={instrumentsMap.size === 0 ? t('instruments.empty') : t('instruments.noMatch')}
        label={t('instruments.title')}
      />
      {editingId && (
        <InstrumentForm
          instrument={editing}
          initialTab={askedTab}
          onClose={() => {
            setEditingId(null);
            setAskedTab(undefined);
          }}
        />
      )}
    </Stack>
  );
}

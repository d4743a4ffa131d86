/**
 * "Ehrungen": the honours members received (imported from the old program or recorded here),
 * newest first, searchable over every column shown.
 */
import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate } from '../../../shared/domain/dates.ts';
import type { Honour } from '../../../shared/domain/honour.ts';
import { memberSortName } from '../../../shared/domain/member.ts';
import { findsAll, foldForSearch, searchWords } from '../../../shared/domain/searchFold.ts';
import { DataTable, type RowFilter } from '../components/DataTable.tsx';
import { NotAllowed } from '../components/NotAllowed.tsx';
import { ExportButton } from '../export/ExportButton.tsx';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { RejectedMark } from '../sync/rejectedChanges.tsx';
import { HonourForm } from './HonourForm.tsx';

export function HonoursPage() {
  const { t } = useTranslation();
  const shownRows = useRef<Honour[]>([]);
  const rights = useRights();
  const honoursMap = useClubData((s) => s.honours);
  const membersMap = useClubData((s) => s.members);
  const [editing, setEditing] = useState<Honour | 'new' | null>(null);
  const [query, setQuery] = useState('');

  const memberName = useMemo(
    () => (h: Honour) => {
      const m = membersMap.get(h.memberId);
      return m ? memberSortName(m) : t('honours.deletedMember');
    },
    [membersMap, t],
  );

  const columns = useMemo<ColumnDef<Honour, unknown>[]>(
    () => [
      {
        id: 'date',
        header: t('fields.honours.date'),
        accessorFn: (h) => h.date,
        cell: (c) => formatGermanDate(c.getValue() as string),
        size: 120,
      },
      {
        id: 'member',
        header: t('fields.honours.memberId'),
        accessorFn: memberName,
        cell: (c) => (
          <>
            {c.getValue() as string}
            <RejectedMark entity="honours" id={c.row.original.id} />
          </>
        ),
        size: 240,
      },
      { id: 'kind', header: t('fields.honours.kind'), accessorFn: (h) => h.kind, size: 260 },
      {
        id: 'federation',
        header: t('fields.honours.federation'),
        accessorFn: (h) => h.federation ?? '',
        size: 200,
      },
    ],
    [t, memberName],
  );

  // Every column shown is searched, folded like a German reader (ä = ae).
  const filter = useMemo<RowFilter<Honour> | undefined>(() => {
    const words = searchWords(query);
    if (words.length === 0) return undefined;
    return (h) =>
      findsAll(
        foldForSearch(
          [formatGermanDate(h.date), memberName(h), h.kind, h.federation ?? ''].join(' '),
        ),
        words,
      );
  }, [query, memberName]);

  return (
    <Stack h="100%" gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('honours.title')}
        </Title>
        <Group gap="xs">
          <ExportButton entity="honours" shownRows={shownRows} />
          {rights.may('honours', 'write') ? (
            <Button onClick={() => setEditing('new')} data-testid="new-honour">
              {t('honours.new')}
            </Button>
          ) : (
            <NotAllowed what={t('rights.what.honours')} testId="no-new-honour" />
          )}
        </Group>
      </Group>
      <TextInput
        placeholder={t('common.search')}
        aria-label={t('common.search')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        data-testid="honour-search"
        maw={360}
      />
      <DataTable
        shownRows={shownRows}
        data={valuesOf(honoursMap)}
        filter={filter}
        columns={columns}
        initialSorting={[{ id: 'date', desc: true }]}
        getRowId={(h) => h.id}
        onOpen={(h) => setEditing(h)}
        emptyText={query ? t('honours.noMatch') : t('honours.empty')}
        label={t('honours.title')}
      />
      {editing && (
        <HonourForm honour={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

import { Badge, Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_STATUSES, type Member } from '../../../shared/domain/member.ts';
import { DataTable } from '../components/DataTable.tsx';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { MemberForm } from './MemberForm.tsx';
import { type MemberFilter, memberFilter, WITHOUT_REGISTER } from './memberSearch.ts';

const STATUS_COLORS: Record<string, string> = {
  aktiv: 'green',
  passiv: 'gray',
  ehrenmitglied: 'yellow',
  jugend: 'blue',
  ausgetreten: 'red',
};

export function MembersPage() {
  const { t } = useTranslation();
  const membersMap = useClubData((s) => s.members);
  const registersMap = useClubData((s) => s.registers);
  const [filter, setFilter] = useState<MemberFilter>({ query: '', status: null, registerId: null });
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const members = valuesOf(membersMap);
  const predicate = useMemo(() => memberFilter(filter), [filter]);
  const registers = useMemo(
    () =>
      valuesOf(registersMap).toSorted(
        (a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'de'),
      ),
    [registersMap],
  );
  const deferredRegisters = useDeferredValue(registersMap);

  const columns = useMemo<ColumnDef<Member, unknown>[]>(
    () => [
      {
        id: 'memberNumber',
        header: t('members.memberNumber'),
        accessorFn: (m) => m.memberNumber ?? '',
        size: 90,
      },
      {
        id: 'name',
        header: t('members.name'),
        accessorFn: (m) => `${m.lastName}, ${m.firstName}`,
        sortingFn: (a, b) =>
          (a.getValue('name') as string).localeCompare(b.getValue('name') as string, 'de'),
        size: 220,
      },
      {
        id: 'status',
        header: t('members.status'),
        accessorFn: (m) => m.status,
        cell: (c) => (
          <Badge variant="light" color={STATUS_COLORS[c.getValue() as string]}>
            {t(`memberStatus.${c.getValue() as string}`)}
          </Badge>
        ),
        size: 130,
      },
      {
        id: 'registers',
        header: t('members.registers'),
        accessorFn: (m) =>
          m.registerIds
            .map((id) => deferredRegisters.get(id)?.name ?? '')
            .filter(Boolean)
            .join(', '),
        size: 180,
      },
      {
        id: 'mainInstrument',
        header: t('members.mainInstrument'),
        accessorFn: (m) => m.mainInstrument ?? '',
        size: 150,
      },
      { id: 'city', header: t('members.city'), accessorFn: (m) => m.city ?? '', size: 140 },
      {
        id: 'phone',
        header: t('members.phone'),
        accessorFn: (m) => m.mobile ?? m.phone ?? '',
        enableSorting: false,
        size: 150,
      },
      { id: 'email', header: t('members.email'), accessorFn: (m) => m.email ?? '', size: 220 },
    ],
    [t, deferredRegisters],
  );

  return (
    <Stack h="100%" gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('members.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="new-member">
          {t('members.new')}
        </Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          placeholder={t('common.search')}
          aria-label={t('common.search')}
          value={filter.query}
          onChange={(e) => setFilter({ ...filter, query: e.currentTarget.value })}
          w={280}
          data-testid="member-search"
          autoFocus
        />
        <Select
          label={t('members.filterStatus')}
          placeholder={t('common.all')}
          clearable
          data={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`memberStatus.${s}`) }))}
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status })}
          w={180}
          data-testid="member-filter-status"
        />
        <Select
          label={t('members.filterRegister')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={[
            ...registers.map((r) => ({ value: r.id, label: r.name })),
            { value: WITHOUT_REGISTER, label: t('members.withoutRegister') },
          ]}
          value={filter.registerId}
          onChange={(registerId) => setFilter({ ...filter, registerId })}
          w={220}
          data-testid="member-filter-register"
        />
      </Group>
      <DataTable
        data={members}
        filter={predicate}
        columns={columns}
        initialSorting={[{ id: 'name', desc: false }]}
        getRowId={(m) => m.id}
        onOpen={(m) => setEditing(m)}
        emptyText={members.length === 0 ? t('members.empty') : t('members.noMatch')}
        label={t('members.title')}
      />
      {editing && (
        <MemberForm member={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

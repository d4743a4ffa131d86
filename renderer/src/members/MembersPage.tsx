import { Badge, Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_STATUSES, type Member, memberSortName } from '../../../shared/domain/member.ts';
import type { Register } from '../../../shared/domain/register.ts';
import { useRecordToOpen } from '../app/navigation.ts';
import { DataTable } from '../components/DataTable.tsx';
import { NotAllowed } from '../components/NotAllowed.tsx';
import { ExportButton } from '../export/ExportButton.tsx';
import { MemberPrintButton } from '../export/MemberPrintButton.tsx';
import { useRegisterOptions } from '../registers/useRegisterOptions.ts';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { RejectedMark } from '../sync/rejectedChanges.tsx';
import { MemberForm } from './MemberForm.tsx';
import {
  CURRENT_MEMBERS,
  type MemberFilter,
  memberFilter,
  memberSearchText,
  WITHOUT_REGISTER,
} from './memberSearch.ts';

const STATUS_COLORS: Record<string, string> = {
  aktiv: 'green',
  passiv: 'gray',
  ehrenmitglied: 'yellow',
  jugend: 'blue',
  ausgetreten: 'red',
};

// Module-level accessors stay the same function between visits, so the sorted order is cached.
const memberNumberOf = (m: Member) => m.memberNumber ?? '';
const nameOf = (m: Member) => memberSortName(m);
const statusOf = (m: Member) => m.status;
const mainInstrumentOf = (m: Member) => m.mainInstrument ?? '';
const cityOf = (m: Member) => m.city ?? '';
const phoneOf = (m: Member) => m.mobile ?? m.phone ?? '';
const emailOf = (m: Member) => m.email ?? '';

function memberColumns(
  t: TFunction,
  registers: ReadonlyMap<string, Register>,
): ColumnDef<Member, unknown>[] {
  return [
    { id: 'memberNumber', header: t('members.numberShort'), accessorFn: memberNumberOf, size: 80 },
    {
      id: 'name',
      header: t('members.name'),
      accessorFn: nameOf,
      cell: (c) => (
        <>
          {c.getValue() as string}
          <RejectedMark entity="members" id={c.row.original.id} />
          {(c.row.original.review?.length ?? 0) + (c.row.original.reviewSensitive?.length ?? 0) >
            0 && (
            <Badge color="yellow" variant="light" size="sm" ml="xs" data-testid="review-mark">
              {t('review.mark')}
            </Badge>
          )}
        </>
      ),
      size: 220,
    },
    {
      id: 'status',
      header: t('fields.members.status'),
      accessorFn: statusOf,
      cell: (c) => (
        <Badge variant="light" tt="none" color={STATUS_COLORS[c.getValue() as string]}>
          {t(`values.members.status.${c.getValue() as string}`)}
        </Badge>
      ),
      size: 160,
    },
    {
      id: 'registers',
      header: t('fields.members.registerIds'),
      accessorFn: (m) =>
        m.registerIds
          .map((id) => registers.get(id)?.name ?? '')
          .filter(Boolean)
          .join(', '),
      size: 180,
    },
    {
      id: 'mainInstrument',
      header: t('fields.members.mainInstrument'),
      accessorFn: mainInstrumentOf,
      size: 150,
    },
    { id: 'city', header: t('fields.members.city'), accessorFn: cityOf, size: 140 },
    {
      id: 'phone',
      header: t('fields.members.phone'),
      accessorFn: phoneOf,
      enableSorting: false,
      size: 150,
    },
    { id: 'email', header: t('fields.members.email'), accessorFn: emailOf, size: 220 },
  ];
}

interface FilterBarProps {
  status: string | null;
  registerId: string | null;
  statusOptions: { value: string; label: string }[];
  registerOptions: { value: string; label: string }[];
  onStatus(status: string | null): void;
  onRegister(registerId: string | null): void;
}

/** Status and register filters; memoised, so they sit still while the search box is typed in. */
const MemberFilterBar = memo(function MemberFilterBar(props: FilterBarProps) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t('members.filterStatus')}
        placeholder={t('common.all')}
        clearable
        data={props.statusOptions}
        value={props.status}
        onChange={props.onStatus}
        w={180}
        data-testid="member-filter-status"
      />
      <Select
        label={t('members.filterRegister')}
        placeholder={t('common.all')}
        clearable
        searchable
        data={props.registerOptions}
        value={props.registerId}
        onChange={props.onRegister}
        w={220}
        data-testid="member-filter-register"
      />
    </>
  );
});

export function MembersPage() {
  const { t } = useTranslation();
  const shownRows = useRef<Member[]>([]);
  const rights = useRights();
  const membersMap = useClubData((s) => s.members);
  const registersMap = useClubData((s) => s.registers);
  // Former members ("ausgetreten") are out of the list until asked for: one click shows them.
  const [filter, setFilter] = useState<MemberFilter>({
    query: '',
    status: CURRENT_MEMBERS,
    registerId: null,
  });
  const toOpen = useRecordToOpen('members', (id) => membersMap.has(id));
  const [editing, setEditing] = useState<Member | 'new' | null>(
    () => (toOpen && membersMap.get(toOpen.id)) || null,
  );
  const members = valuesOf(membersMap);
  const predicate = useMemo(() => memberFilter(filter, registersMap), [filter, registersMap]);
  // Exactly those the one click will add: former members that fit the search and register.
  const formerCount = useMemo(() => {
    const former = memberFilter({ ...filter, status: 'ausgetreten' }, registersMap);
    return former ? members.filter(former).length : 0;
  }, [members, filter, registersMap]);
  useEffect(() => {
    // Prepare the search text of every member while the secretary is still reading the list,
    // so the first letter typed does not pay for 10,000 of them.
    const handle = requestIdleCallback(() => {
      for (const m of members) memberSearchText(m, registersMap);
    });
    return () => cancelIdleCallback(handle);
  }, [members, registersMap]);
  const columns = useMemo(() => memberColumns(t, registersMap), [t, registersMap]);
  const statusOptions = useMemo(
    () => [
      { value: CURRENT_MEMBERS, label: t('members.currentMembers') },
      ...MEMBER_STATUSES.map((s) => ({ value: s, label: t(`values.members.status.${s}`) })),
    ],
    [t],
  );
  const registerChoices = useRegisterOptions();
  const registerOptions = useMemo(
    () => [...registerChoices, { value: WITHOUT_REGISTER, label: t('members.withoutRegister') }],
    [registerChoices, t],
  );

  const onStatus = useCallback((status: string | null) => setFilter((f) => ({ ...f, status })), []);
  const onRegister = useCallback(
    (registerId: string | null) => setFilter((f) => ({ ...f, registerId })),
    [],
  );

  return (
    <Stack h="100%" gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('members.title')}
        </Title>
        <Group gap="xs">
          <ExportButton entity="members" shownRows={shownRows} />
          <MemberPrintButton shownRows={shownRows} />
          {rights.may('members', 'write') ? (
            <Button onClick={() => setEditing('new')} data-testid="new-member">
              {t('members.new')}
            </Button>
          ) : (
            <NotAllowed what={t('rights.what.members')} testId="no-new-member" />
          )}
        </Group>
      </Group>
      <Group align="flex-end">
        <TextInput
          placeholder={t('common.search')}
          aria-label={t('common.search')}
          value={filter.query}
          onChange={(e) => {
            const query = e.currentTarget.value;
            setFilter((f) => ({ ...f, query }));
          }}
          w={280}
          data-testid="member-search"
          autoFocus
        />
        <MemberFilterBar
          status={filter.status}
          registerId={filter.registerId}
          statusOptions={statusOptions}
          registerOptions={registerOptions}
          onStatus={onStatus}
          onRegister={onRegister}
        />
        {filter.status === CURRENT_MEMBERS && formerCount > 0 && (
          <Button variant="subtle" onClick={() => onStatus(null)} data-testid="show-former-members">
            {t('members.showFormer', { count: formerCount })}
          </Button>
        )}
      </Group>
      <DataTable
        shownRows={shownRows}
        data={members}
        filter={predicate}
        columns={columns}
        initialSorting={[{ id: 'name', desc: false }]}
        getRowId={(m) => m.id}
        onOpen={setEditing}
        emptyText={members.length === 0 ? t('members.empty') : t('members.noMatch')}
        label={t('members.title')}
      />
      {editing && (
        <MemberForm member={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

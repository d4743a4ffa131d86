import { Button, Group, Stack, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Register } from '../../../shared/domain/register.ts';
import { DataTable } from '../components/DataTable.tsx';
import { DuplicatesNotice } from '../components/DuplicatesNotice.tsx';
import { NotAllowed } from '../components/NotAllowed.tsx';
import { ExportButton } from '../export/ExportButton.tsx';
import { memberDisplayName } from '../members/memberSearch.ts';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { RejectedMark } from '../sync/rejectedChanges.tsx';
import { RegisterForm } from './RegisterForm.tsx';

export function RegistersPage() {
  const { t } = useTranslation();
  const shownRows = useRef<Register[]>([]);
  const rights = useRights();
  const registersMap = useClubData((s) => s.registers);
  const membersMap = useClubData((s) => s.members);
  const [editing, setEditing] = useState<Register | 'new' | null>(null);

  const memberCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const m of membersMap.values())
      for (const id of m.registerIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }, [membersMap]);

  const columns = useMemo<ColumnDef<Register, unknown>[]>(
    () => [
      {
        id: 'sortOrder',
        header: t('fields.registers.sortOrder'),
        accessorFn: (r) => r.sortOrder,
        size: 110,
      },
      {
        id: 'name',
        header: t('fields.registers.name'),
        accessorFn: (r) => r.name,
        cell: (c) => (
          <>
            {c.getValue() as string}
            <RejectedMark entity="registers" id={c.row.original.id} />
          </>
        ),
        size: 240,
      },
      {
        id: 'leaders',
        header: t('fields.registers.leaderIds'),
        accessorFn: (r) =>
          r.leaderIds
            .map((id) => membersMap.get(id))
            .filter((m) => m !== undefined)
            .map(memberDisplayName)
            .join(', '),
        size: 300,
      },
      {
        id: 'members',
        header: t('registers.memberCount'),
        accessorFn: (r) => memberCounts.get(r.id) ?? 0,
        size: 120,
      },
    ],
    [t, membersMap, memberCounts],
  );

  return (
    <Stack h="100%" gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('registers.title')}
        </Title>
        <Group gap="xs">
          <ExportButton entity="registers" shownRows={shownRows} />
          {rights.may('registers', 'write') ? (
            <Button onClick={() => setEditing('new')} data-testid="new-register">
              {t('registers.new')}
            </Button>
          ) : (
            <NotAllowed what={t('rights.what.registers')} testId="no-new-register" />
          )}
        </Group>
      </Group>
      <DuplicatesNotice records={valuesOf(registersMap)} field="name" kind="registers" />
      <DataTable
        shownRows={shownRows}
        data={valuesOf(registersMap)}
        columns={columns}
        initialSorting={[{ id: 'sortOrder', desc: false }]}
        getRowId={(r) => r.id}
        onOpen={(r) => setEditing(r)}
        emptyText={t('registers.empty')}
        label={t('registers.title')}
      />
      {editing && (
        <RegisterForm
          register={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

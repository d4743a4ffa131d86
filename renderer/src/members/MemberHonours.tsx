/** The honours a member received, newest first: seen on the member, recorded on "Ehrungen". */
import { Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate } from '../../../shared/domain/dates.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';

export function MemberHonours({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const honoursMap = useClubData((s) => s.honours);
  const honours = useMemo(
    () =>
      valuesOf(honoursMap)
        .filter((h) => h.memberId === memberId)
        .toSorted((a, b) => b.date.localeCompare(a.date)),
    [honoursMap, memberId],
  );
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('honours.ofMember')}</Text>
      {honours.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('honours.noneOfMember')}
        </Text>
      ) : (
        <Table data-testid="member-honours">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.honours.date')}</Table.Th>
              <Table.Th>{t('fields.honours.kind')}</Table.Th>
              <Table.Th>{t('fields.honours.federation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {honours.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{formatGermanDate(h.date)}</Table.Td>
                <Table.Td>{h.kind}</Table.Td>
                <Table.Td>{h.federation ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

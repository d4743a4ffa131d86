/** The instruments a member holds and held: seen on the member, not only on each instrument. */
import { Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate } from '../../../shared/domain/dates.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';

export function MemberLoans({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const loansMap = useClubData((s) => s.loans);
  const instrumentsMap = useClubData((s) => s.instruments);
  const loans = useMemo(
    () =>
      valuesOf(loansMap)
        .filter((l) => l.memberId === memberId)
        .toSorted((a, b) => b.issuedOn.localeCompare(a.issuedOn)),
    [loansMap, memberId],
  );
  if (loans.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('loans.ofMember')}
      </Title>
      <Table data-testid="member-loans">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('loans.instrument')}</Table.Th>
            <Table.Th>{t('fields.loans.issuedOn')}</Table.Th>
            <Table.Th>{t('fields.loans.returnedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loans.map((l) => {
            const instrument = instrumentsMap.get(l.instrumentId);
            return (
              <Table.Tr key={l.id}>
                <Table.Td>
                  {instrument ? `${instrument.inventoryNumber} ${instrument.kind}` : '—'}
                </Table.Td>
                <Table.Td>{formatGermanDate(l.issuedOn)}</Table.Td>
                <Table.Td>
                  {l.returnedOn ? (
                    formatGermanDate(l.returnedOn)
                  ) : (
                    <Text span size="sm" fw={600}>
                      {t('loans.stillOut')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

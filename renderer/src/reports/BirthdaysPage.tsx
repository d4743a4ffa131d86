/**
 * "Geburtstage & Jubiläen": round and half-round birthdays and membership jubilees in a
 * period, for greetings and the club paper. Only members who consented to the publication are
 * listed; how many were left out is said. A role without birth dates sees the jubilees only,
 * and is told so: an incomplete list never passes for a complete one.
 */
import { Alert, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate, parseGermanDate, todayIso } from '../../../shared/domain/dates.ts';
import { memberSortName } from '../../../shared/domain/member.ts';
import { occasionsBetween } from '../../../shared/domain/reports/birthdays.ts';
import { DateInput } from '../components/DateInput.tsx';
import { ReportExportButton } from '../export/ReportExportButton.tsx';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';

function inThreeMonths(today: string): string {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() + 3);
  return day.toISOString().slice(0, 10);
}

export function BirthdaysPage() {
  const { t } = useTranslation();
  const rights = useRights();
  const membersMap = useClubData((s) => s.members);
  const [today] = useState(todayIso);
  const [from, setFrom] = useState(formatGermanDate(today));
  const [to, setTo] = useState(formatGermanDate(inThreeMonths(today)));
  const fromIso = parseGermanDate(from);
  const toIso = parseGermanDate(to);
  const birthdaysKnown = rights.mayReadSensitive('members');
  const list = useMemo(
    () =>
      fromIso && toIso && fromIso <= toIso
        ? occasionsBetween(valuesOf(membersMap), fromIso, toIso, birthdaysKnown)
        : null,
    [membersMap, fromIso, toIso, birthdaysKnown],
  );
  const rangeError =
    !fromIso || !toIso ? t('validation.date') : !list ? t('birthdays.order') : null;

  return (
    <Stack gap="sm" style={{ overflow: 'auto' }}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('birthdays.title')}
        </Title>
        <ReportExportButton
          report={list && fromIso && toIso ? { kind: 'birthdays', from: fromIso, to: toIso } : null}
        />
      </Group>
      <Group align="end">
        <DateInput label={t('birthdays.from')} value={from} onChange={setFrom} data-field="from" />
        <DateInput
          label={t('birthdays.to')}
          value={to}
          onChange={setTo}
          data-field="to"
          error={rangeError}
        />
      </Group>
      {!birthdaysKnown && (
        <Alert color="yellow" data-testid="birthdays-hidden">
          {t('reports.birthdays.noBirthDates')}
        </Alert>
      )}
      {list && list.withoutConsent > 0 && (
        <Text size="sm" c="dimmed" data-testid="birthdays-left-out">
          {t('reports.birthdays.leftOut', { count: list.withoutConsent })}
        </Text>
      )}
      {list && list.occasions.length === 0 && <Text>{t('reports.birthdays.none')}</Text>}
      {list && list.occasions.length > 0 && (
        <Table data-testid="birthdays" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.birthdays.date')}</Table.Th>
              <Table.Th>{t('reports.birthdays.member')}</Table.Th>
              <Table.Th>{t('reports.birthdays.occasion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.occasions.map((o) => {
              const member = membersMap.get(o.memberId);
              return (
                <Table.Tr key={`${o.memberId}-${o.kind}-${o.date}`}>
                  <Table.Td>{formatGermanDate(o.date)}</Table.Td>
                  <Table.Td>{member ? memberSortName(member) : ''}</Table.Td>
                  <Table.Td>{t(`reports.birthdays.${o.kind}`, { years: o.years })}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

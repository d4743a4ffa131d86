/**
 * "Stärkemeldung": the annual report to the federation as of 1 January of a year — counts by
 * status, gender and age band, and the active members with birth date, instrument and the day
 * they became active. Read from the membership history, so later changes do not alter it; what
 * is missing for it is listed instead of a report with holes.
 */
import { Alert, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUB_RECORD_ID } from '../../../shared/domain/club.ts';
import { formatGermanDate, todayIso } from '../../../shared/domain/dates.ts';
import { memberSortName } from '../../../shared/domain/member.ts';
import {
  AGE_BANDS,
  type MissingItem,
  REPORT_STATUSES,
  type StatusCounts,
  strengthReport,
} from '../../../shared/domain/reports/staerkemeldung.ts';
import { WithData } from '../components/WithData.tsx';
import { ReportExportButton } from '../export/ReportExportButton.tsx';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { useYearField } from './yearField.tsx';

const GENDERS = ['w', 'm', 'd'] as const;

export function StrengthReportPage() {
  const { t } = useTranslation();
  const rights = useRights();
  const club = useClubData((s) => s.club.get(CLUB_RECORD_ID));
  const membersMap = useClubData((s) => s.members);
  const registersMap = useClubData((s) => s.registers);
  const [today] = useState(todayIso);
  const { year, field: yearField } = useYearField(today);
  const birthDatesKnown = rights.mayReadSensitive('members');
  const outcome = useMemo(
    () =>
      year !== null
        ? strengthReport({
            year,
            club,
            members: valuesOf(membersMap),
            registers: valuesOf(registersMap),
            birthDatesKnown,
            allMembersVisible: rights.mayReadAll('members'),
            today,
          })
        : null,
    [year, club, membersMap, registersMap, birthDatesKnown, rights, today],
  );

  const names = (ids: readonly string[]) =>
    ids
      .map((id) => membersMap.get(id))
      .filter((m) => m !== undefined)
      .map((m) => memberSortName(m))
      .join('; ');
  const missingText = (item: MissingItem) =>
    'memberIds' in item ? (
      <WithData
        text={(slots) => t(`reports.staerkemeldung.missing.${item.kind}`, slots)}
        data={{ names: names(item.memberIds) }}
      />
    ) : (
      t(`reports.staerkemeldung.missing.${item.kind}`)
    );

  const countCells = (c: StatusCounts) => (
    <>
      <Table.Td>{c.total}</Table.Td>
      {GENDERS.map((g) => (
        <Table.Td key={g}>{c.byGender[g]}</Table.Td>
      ))}
      {AGE_BANDS.map((b) => (
        <Table.Td key={b.id}>{c.byAgeBand[b.id]}</Table.Td>
      ))}
    </>
  );

  return (
    <Stack gap="sm" style={{ overflow: 'auto' }}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('reports.staerkemeldung.title')}
        </Title>
        <ReportExportButton
          report={outcome?.ok && year !== null ? { kind: 'staerkemeldung', year } : null}
        />
      </Group>
      <Group align="start">{yearField(t('reports.staerkemeldung.year'))}</Group>
      {outcome && !outcome.ok && (
        <Alert color="yellow" data-testid="staerkemeldung-refused">
          <Text size="sm">{t('reports.staerkemeldung.refused', { year })}</Text>
          <List size="sm">
            {outcome.missing.map((item) => (
              <List.Item key={item.kind}>{missingText(item)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {outcome?.ok && (
        <Stack gap="sm" data-testid="staerkemeldung">
          <Text fw={600}>
            {outcome.report.clubName} –{' '}
            {t('reports.staerkemeldung.referenceDate', {
              date: formatGermanDate(outcome.report.referenceDate),
            })}
          </Text>
          {outcome.report.federations.map((f) => (
            <Text size="sm" key={f.name + f.number}>
              {t('reports.staerkemeldung.federation', f)}
            </Text>
          ))}
          <Text size="sm" c="dimmed">
            {t('reports.staerkemeldung.unaffected')}
          </Text>
          <Table data-testid="staerkemeldung-counts" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.staerkemeldung.status')}</Table.Th>
                <Table.Th>{t('reports.staerkemeldung.total')}</Table.Th>
                {GENDERS.map((g) => (
                  <Table.Th key={g}>{t(`values.members.gender.${g}`)}</Table.Th>
                ))}
                {AGE_BANDS.map((b) => (
                  <Table.Th key={b.id}>{t(`reports.staerkemeldung.ageBand.${b.id}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {REPORT_STATUSES.map((s) => (
                <Table.Tr key={s}>
                  <Table.Th scope="row">{t(`values.members.memberships.${s}`)}</Table.Th>
                  {countCells(outcome.report.byStatus[s])}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{t('reports.staerkemeldung.total')}</Table.Th>
                {countCells(outcome.report.total)}
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="sm">
            {t('reports.staerkemeldung.functions')}: {t('values.members.memberships.vorstand')}{' '}
            {outcome.report.functions.vorstand}, {t('values.members.memberships.dirigent')}{' '}
            {outcome.report.functions.dirigent}
          </Text>
          <Title order={2} size="h4">
            {t('reports.staerkemeldung.activeMembers')}
          </Title>
          <Table data-testid="staerkemeldung-active" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.staerkemeldung.name')}</Table.Th>
                <Table.Th>{t('reports.staerkemeldung.birthDate')}</Table.Th>
                <Table.Th>{t('reports.staerkemeldung.gender')}</Table.Th>
                <Table.Th>{t('reports.staerkemeldung.instrument')}</Table.Th>
                <Table.Th>{t('reports.staerkemeldung.activeSince')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outcome.report.activeMembers.map((line) => (
                <Table.Tr key={line.memberId}>
                  <Table.Td>{line.name}</Table.Td>
                  <Table.Td>{formatGermanDate(line.birthDate)}</Table.Td>
                  <Table.Td>{t(`values.members.gender.${line.gender}`)}</Table.Td>
                  <Table.Td>{line.instrument}</Table.Td>
                  <Table.Td>{formatGermanDate(line.activeSince)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}

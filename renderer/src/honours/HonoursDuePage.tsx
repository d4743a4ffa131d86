/**
 * "Fällige Ehrungen": the honours due in a year under the rules the club follows (its
 * federations' and its own), computed from the membership history. Whether the list is
 * complete is always said, with what kept it from being so; the secretary ticks the honours
 * given and records them in one step (and can take that back).
 */
import { Alert, Checkbox, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUB_RECORD_ID } from '../../../shared/domain/club.ts';
import { formatGermanDate, parseGermanDate, todayIso } from '../../../shared/domain/dates.ts';
import { clubRules, ruleById } from '../../../shared/domain/honours/clubRules.ts';
import type { HonourRule } from '../../../shared/domain/honours/honourRule.ts';
import {
  type DueHonour,
  type HonourProblem,
  honoursDue,
} from '../../../shared/domain/honours/honoursDue.ts';
import { memberSortName } from '../../../shared/domain/member.ts';
import { DateInput } from '../components/DateInput.tsx';
import { NotAllowed } from '../components/NotAllowed.tsx';
import { WithData } from '../components/WithData.tsx';
import { ReportExportButton } from '../export/ReportExportButton.tsx';
import { useYearField } from '../reports/yearField.tsx';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { RecordHonoursBar } from './RecordHonoursBar.tsx';
import { RuleSources } from './RuleSources.tsx';

/** A ticked honour: of one year's list, so ticks do not carry over to another year. */
const keyOf = (item: DueHonour) =>
  `${item.cutOff.slice(0, 4)}/${item.memberId}/${item.ruleId}/${item.level.years}`;

export function HonoursDuePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const rights = useRights();
  const club = useClubData((s) => s.club.get(CLUB_RECORD_ID));
  const membersMap = useClubData((s) => s.members);
  const honoursMap = useClubData((s) => s.honours);
  const [today] = useState(todayIso);
  const { year, field: yearField } = useYearField(today);
  const [ceremonyText, setCeremonyText] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const ceremony = ceremonyText.trim() ? parseGermanDate(ceremonyText) : null;
  const ceremonyError = ceremonyText.trim()
    ? !ceremony
      ? t('validation.date')
      : year !== null && !ceremony.startsWith(`${year}-`)
        ? t('reports.honours.recordDateOutside', { year })
        : null
    : null;

  const { sets, rules } = useMemo(() => clubRules(club), [club]);
  const own = rules.filter((r) => r.id.startsWith('own.'));
  const birthDatesKnown = rights.mayReadSensitive('members');
  // Without the honours received, those due cannot be told: no list rather than a wrong one.
  const honoursReadable = rights.may('honours', 'read');
  const allMembersVisible = rights.mayReadAll('members') && rights.mayReadAll('honours');
  const list = useMemo(
    () =>
      year !== null && !ceremonyError && rules.length > 0 && honoursReadable
        ? honoursDue({
            year,
            ceremonyDate: ceremony,
            rules,
            members: valuesOf(membersMap),
            honours: valuesOf(honoursMap),
            birthDatesKnown,
            allMembersVisible,
            today,
          })
        : null,
    [
      year,
      ceremony,
      ceremonyError,
      rules,
      membersMap,
      honoursMap,
      birthDatesKnown,
      honoursReadable,
      allMembersVisible,
      today,
    ],
  );

  const nameOf = (memberId: string) => {
    const m = membersMap.get(memberId);
    return m ? memberSortName(m) : '';
  };
  /** A rule as the problems name it: its federation's set (and category), or the club's own. */
  const ruleName = (rule: HonourRule | undefined): { text: string; own: boolean } => {
    const set = rule && sets.find((s) => s.rules.includes(rule));
    if (!rule) return { text: '', own: false };
    if (!set) return { text: rule.levels[0]?.name[language] ?? '', own: true };
    const category = t(`reports.honours.category.${rule.category}`);
    return {
      text: set.rules.length > 1 ? `${set.name[language]}: ${category}` : set.name[language],
      own: false,
    };
  };
  const problemText = (p: HonourProblem) => {
    if (p.kind === 'membersHidden') return t('reports.honours.membersHidden');
    const rule = ruleName(ruleById(rules, p.ruleId));
    // The member's name and an own honour's name are the club's data.
    const data: Record<string, string> = rule.own ? { rule: rule.text } : {};
    if (p.kind !== 'birthDatesHidden') data.member = nameOf(p.memberId);
    return (
      <WithData
        text={(slots) => t(`reports.honours.${p.kind}`, { rule: rule.text, ...slots })}
        data={data}
      />
    );
  };
  const selectable = (list?.items ?? []).filter((i) => i.state !== 'waiting');
  const chosen = selectable.filter((i) => selected.has(keyOf(i)));
  const canRecord = rights.may('honours', 'write');
  const toggle = (key: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <Stack gap="sm" style={{ overflow: 'auto' }}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('reports.honours.title')}
        </Title>
        <ReportExportButton
          report={list && year !== null ? { kind: 'honours', year, ceremonyDate: ceremony } : null}
        />
      </Group>
      <Group align="start">
        {yearField(t('reports.honours.year'))}
        <DateInput
          label={t('reports.honours.ceremonyDate')}
          description={t('reports.honours.ceremonyHint')}
          value={ceremonyText}
          onChange={setCeremonyText}
          error={ceremonyError}
          data-field="ceremonyDate"
        />
      </Group>
      {rules.length === 0 && (
        <Alert color="yellow" data-testid="honours-no-rules">
          {t('reports.honours.noRules')}
        </Alert>
      )}
      {rules.length > 0 && !honoursReadable && (
        <Alert color="yellow" data-testid="honours-hidden">
          {t('reports.honours.honoursHidden')}
        </Alert>
      )}
      {list && (
        <Alert
          color={list.complete ? 'green' : 'yellow'}
          data-testid={list.complete ? 'honours-complete' : 'honours-incomplete'}
        >
          {list.complete ? (
            t('reports.honours.complete')
          ) : (
            <>
              <Text size="sm">{t('reports.honours.incomplete')}</Text>
              <List size="sm">
                {list.problems.map((p) => (
                  <List.Item
                    key={`${p.kind}/${'ruleId' in p ? p.ruleId : ''}/${'memberId' in p ? p.memberId : ''}`}
                  >
                    {problemText(p)}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Alert>
      )}
      {list && list.items.length === 0 && <Text>{t('reports.honours.none', { year })}</Text>}
      {list && list.items.length > 0 && (
        <Table data-testid="honours-due" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Checkbox
                  aria-label={t('reports.honours.selectAll')}
                  checked={selectable.length > 0 && chosen.length === selectable.length}
                  indeterminate={chosen.length > 0 && chosen.length < selectable.length}
                  onChange={(e) =>
                    setSelected(new Set(e.currentTarget.checked ? selectable.map(keyOf) : []))
                  }
                  disabled={!canRecord}
                />
              </Table.Th>
              <Table.Th>{t('reports.honours.member')}</Table.Th>
              <Table.Th>{t('reports.honours.honour')}</Table.Th>
              <Table.Th>{t('reports.honours.issuer')}</Table.Th>
              <Table.Th>{t('reports.honours.years')}</Table.Th>
              <Table.Th>{t('reports.honours.state')}</Table.Th>
              <Table.Th>{t('reports.honours.applyBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((item) => {
              const honour = item.level.name[language];
              const member = nameOf(item.memberId);
              return (
                <Table.Tr key={keyOf(item)} data-state={item.state}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('reports.honours.select', { member, honour })}
                      checked={selected.has(keyOf(item))}
                      disabled={!canRecord || item.state === 'waiting'}
                      onChange={(e) => toggle(keyOf(item), e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>{member}</Table.Td>
                  <Table.Td>{honour}</Table.Td>
                  <Table.Td>{item.issuer}</Table.Td>
                  <Table.Td>{item.activeYears}</Table.Td>
                  <Table.Td>
                    {item.state === 'due'
                      ? t('reports.honours.due')
                      : item.state === 'overdue'
                        ? t('reports.honours.overdue', { year: item.reachedIn })
                        : t('reports.honours.waiting', { year: item.waitsUntil })}
                  </Table.Td>
                  <Table.Td>{formatGermanDate(item.applyBy)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {list &&
        selectable.length > 0 &&
        (canRecord ? (
          <RecordHonoursBar
            key={`${year}/${ceremony}`}
            year={year!}
            ceremony={ceremony}
            chosen={chosen}
            nameOf={nameOf}
            onRecorded={(keys) =>
              setSelected((s) => new Set([...s].filter((k) => !keys.includes(k))))
            }
            keyOf={keyOf}
          />
        ) : (
          <NotAllowed what={t('rights.what.honours')} testId="no-record-honours" />
        ))}
      {rules.length > 0 && <RuleSources sets={sets} own={own} />}
    </Stack>
  );
}

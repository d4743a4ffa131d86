/**
 * "Fällige Ehrungen": the honours due in a year under the rules the club follows (its
 * federations' and its own), computed from the membership history. Whether the list is
 * complete is always said, with what kept it from being so; the secretary ticks the honours
 * given and records them in one step (and can take that back).
 */
import { Alert, Checkbox, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUB_RECORD_ID } from '../../../shared/domain/club.ts';
import { formatGermanDate, parseGermanDate, todayIso } from '../../../shared/domain/dates.ts';
import { clubRules, ruleById } from '../../../shared/domain/honours/clubRules.ts';
import type { HonourRule, RuleSet } from '../../../shared/domain/honours/honourRule.ts';
import {
  type DueHonour,
  type HonourProblem,
  honoursDue,
} from '../../../shared/domain/honours/honoursDue.ts';
import { memberSortName } from '../../../shared/domain/member.ts';
import { DateInput } from '../components/DateInput.tsx';
import { NotAllowed } from '../components/NotAllowed.tsx';
import { WithData } from '../components/WithData.tsx';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { RecordHonoursBar } from './RecordHonoursBar.tsx';
import { RuleSources } from './RuleSources.tsx';

const keyOf = (item: DueHonour) => `${item.memberId}/${item.ruleId}/${item.level.years}`;

/** A rule as the list of problems names it: its federation's set, or the club's own first level. */
function ruleName(
  sets: readonly RuleSet[],
  rule: HonourRule | undefined,
  language: 'de' | 'en',
): string {
  if (!rule) return '';
  const set = sets.find((s) => s.rules.includes(rule));
  return set ? set.name[language] : (rule.levels[0]?.name[language] ?? '');
}

export function HonoursDuePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const rights = useRights();
  const club = useClubData((s) => s.club.get(CLUB_RECORD_ID));
  const membersMap = useClubData((s) => s.members);
  const honoursMap = useClubData((s) => s.honours);
  const [today] = useState(todayIso);
  const [yearText, setYearText] = useState(today.slice(0, 4));
  const [ceremonyText, setCeremonyText] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const year = /^\d{4}$/.test(yearText.trim()) ? Number(yearText.trim()) : null;
  const yearError =
    year === null || year < 1900 || year > 2100 ? t('reports.honours.yearInvalid') : null;
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
  const list = useMemo(
    () =>
      year !== null && !yearError && !ceremonyError && rules.length > 0
        ? honoursDue({
            year,
            ceremonyDate: ceremony,
            rules,
            members: valuesOf(membersMap),
            honours: valuesOf(honoursMap),
            birthDatesKnown,
            today,
          })
        : null,
    [
      year,
      yearError,
      ceremony,
      ceremonyError,
      rules,
      membersMap,
      honoursMap,
      birthDatesKnown,
      today,
    ],
  );

  const nameOf = (memberId: string) => {
    const m = membersMap.get(memberId);
    return m ? memberSortName(m) : '';
  };
  const problemText = (p: HonourProblem) => {
    const rule = ruleName(sets, ruleById(rules, p.ruleId), language);
    return p.kind === 'birthDatesHidden' ? (
      t('reports.honours.birthDatesHidden', { rule })
    ) : (
      <WithData
        text={(slot) => t(`reports.honours.${p.kind}`, { rule, member: slot })}
        data={nameOf(p.memberId)}
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
      <Title order={1} size="h2">
        {t('reports.honours.title')}
      </Title>
      <Group align="start">
        <TextInput
          label={t('reports.honours.year')}
          value={yearText}
          onChange={(e) => setYearText(e.currentTarget.value)}
          inputMode="numeric"
          maxLength={4}
          w={110}
          error={yearError}
          data-field="year"
        />
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
                  <List.Item key={`${p.kind}/${p.ruleId}/${'memberId' in p ? p.memberId : ''}`}>
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

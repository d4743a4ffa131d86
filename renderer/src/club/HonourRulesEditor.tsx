/**
 * Which honours the club gives: the federations' rule sets it follows (each listed with its
 * country; the sources show on "Fällige Ehrungen") and its own honours with their levels.
 */
import { Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COUNTINGS, HONOUR_CATEGORIES } from '../../../shared/domain/honours/honourRule.ts';
import { RULE_SETS } from '../../../shared/domain/honours/ruleSets/index.ts';
import { newOwnHonourRow, type OwnHonourRow, ownHonourProblems } from './honourRuleRows.ts';

export function HonourRulesEditor({
  ruleSets,
  onRuleSets,
  own,
  onOwn,
  readOnly,
  showProblems,
}: {
  ruleSets: string[];
  onRuleSets(ids: string[]): void;
  own: OwnHonourRow[];
  onOwn(rows: OwnHonourRow[]): void;
  readOnly: boolean;
  /** After a save that was refused: name each problem at its field. */
  showProblems: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const set = (index: number, patch: Partial<OwnHonourRow>) =>
    onOwn(own.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const setLevel = (index: number, level: number, patch: Partial<OwnHonourRow['levels'][number]>) =>
    set(index, {
      levels: own[index]!.levels.map((l, i) => (i === level ? { ...l, ...patch } : l)),
    });

  return (
    <Stack gap="sm">
      <Checkbox.Group
        label={t('fields.club.honourRuleSets')}
        value={ruleSets}
        onChange={readOnly ? () => {} : onRuleSets}
        data-field="honourRuleSets"
      >
        <Stack gap={4} mt={4}>
          {RULE_SETS.map((s) => (
            <Checkbox
              key={s.id}
              value={s.id}
              label={`${s.name[language]} (${s.country})`}
              disabled={readOnly}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      {/* The save's problems with the own honours send the cursor here. */}
      <Stack gap="sm" data-field="ownHonours" tabIndex={-1}>
        <Text fw={600}>{t('fields.club.ownHonours')}</Text>
        {own.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('club.noOwnHonour')}
          </Text>
        )}
        {own.map((row, index) => {
          const problems = showProblems ? ownHonourProblems(row) : {};
          const n = index + 1;
          return (
            <Paper withBorder p="sm" key={row.id} data-testid="own-honour">
              <Stack gap="xs">
                <Group align="start" grow>
                  <Select
                    label={t('club.ownHonourCategory', { n })}
                    data={HONOUR_CATEGORIES.map((c) => ({
                      value: c,
                      label: t(`reports.honours.category.${c}`),
                    }))}
                    value={row.category}
                    allowDeselect={false}
                    readOnly={readOnly}
                    onChange={(v) => v && set(index, { category: v as OwnHonourRow['category'] })}
                    error={problems.category}
                  />
                  <Select
                    label={t('club.ownHonourCounting', { n })}
                    data={COUNTINGS.map((c) => ({
                      value: c,
                      label: t(`reports.honours.counting.${c}`),
                    }))}
                    value={row.counting}
                    allowDeselect={false}
                    readOnly={readOnly}
                    onChange={(v) => v && set(index, { counting: v as OwnHonourRow['counting'] })}
                    error={problems.counting}
                  />
                </Group>
                <Group align="start" grow>
                  <TextInput
                    label={t('club.ownHonourFromAge', { n })}
                    value={row.fromAge}
                    inputMode="numeric"
                    readOnly={readOnly}
                    onChange={(e) => set(index, { fromAge: e.currentTarget.value })}
                    error={problems.fromAge}
                  />
                  <TextInput
                    label={t('club.ownHonourMinYears', { n })}
                    value={row.minYearsSincePrevious}
                    inputMode="numeric"
                    readOnly={readOnly}
                    onChange={(e) => set(index, { minYearsSincePrevious: e.currentTarget.value })}
                    error={problems.minYearsSincePrevious}
                  />
                  <TextInput
                    label={t('club.ownHonourLeadWeeks', { n })}
                    value={row.leadWeeks}
                    inputMode="numeric"
                    readOnly={readOnly}
                    onChange={(e) => set(index, { leadWeeks: e.currentTarget.value })}
                    error={problems.leadWeeks}
                  />
                </Group>
                {problems.levels && (
                  <Text size="sm" c="red" role="alert">
                    {problems.levels}
                  </Text>
                )}
                {row.levels.map((level, li) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: levels have no identity beyond their place
                  <Group key={li} align="start">
                    <TextInput
                      label={t('club.ownHonourLevelYears', { n, level: li + 1 })}
                      value={level.years}
                      inputMode="numeric"
                      w={140}
                      readOnly={readOnly}
                      onChange={(e) => setLevel(index, li, { years: e.currentTarget.value })}
                      error={problems[`levels.${li}.years`]}
                      data-field={`ownHonours.${index}.levels.${li}.years`}
                    />
                    <TextInput
                      label={t('club.ownHonourLevelName', { n, level: li + 1 })}
                      value={level.name}
                      style={{ flex: 1 }}
                      readOnly={readOnly}
                      onChange={(e) => setLevel(index, li, { name: e.currentTarget.value })}
                      error={problems[`levels.${li}.name`]}
                      data-field={`ownHonours.${index}.levels.${li}.name`}
                    />
                    {!readOnly && row.levels.length > 1 && (
                      <Button
                        variant="subtle"
                        color="red"
                        mt={24}
                        aria-label={t('club.removeOwnHonourLevel', { n, level: li + 1 })}
                        onClick={() =>
                          set(index, { levels: row.levels.filter((_, i) => i !== li) })
                        }
                      >
                        {t('common.delete')}
                      </Button>
                    )}
                  </Group>
                ))}
                {!readOnly && (
                  <Group>
                    <Button
                      variant="light"
                      size="xs"
                      onClick={() =>
                        set(index, { levels: [...row.levels, { years: '', name: '' }] })
                      }
                    >
                      {t('club.addOwnHonourLevel')}
                    </Button>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      aria-label={t('club.removeOwnHonour', { n })}
                      onClick={() => onOwn(own.filter((_, i) => i !== index))}
                    >
                      {t('common.delete')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => onOwn([...own, newOwnHonourRow()])}
            data-testid="add-own-honour"
          >
            {t('club.addOwnHonour')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

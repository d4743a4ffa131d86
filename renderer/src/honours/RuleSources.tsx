/**
 * The rules behind the list of honours due, with where each is written: levels, how the years
 * count, what the source leaves open and what Tutti assumed, and what of an issuer is not
 * included for want of a source. A secretary can check every number against its source.
 */
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HonourRule, RuleSet } from '../../../shared/domain/honours/honourRule.ts';
import type { Language } from '../i18n/index.ts';

function RuleLine({
  rule,
  language,
  own = false,
}: {
  rule: HonourRule;
  language: Language;
  /** The club's own honour: its names are the club's data. */
  own?: boolean;
}) {
  const { t } = useTranslation();
  const levels = rule.levels.map((l) => `${l.years}: ${l.name[language]}`).join(' · ');
  return (
    <List.Item>
      <Text size="sm" fw={600}>
        {t(`reports.honours.category.${rule.category}`)} –{' '}
        {t(`reports.honours.counting.${rule.counting}`)}
        {rule.fromAge !== null && `, ${t('reports.honours.fromAge', { age: rule.fromAge })}`}
      </Text>
      <Text size="sm">{own ? <span data-user-data>{levels}</span> : levels}</Text>
      {rule.assumptions.map((a) => (
        <Text size="sm" c="dimmed" key={a}>
          {t(`reports.honours.assumption.${a}`)}
        </Text>
      ))}
      {rule.sources.map((s) => (
        <Text size="sm" key={s.url + s.quote.slice(0, 20)}>
          {t(s.secondary ? 'reports.honours.secondarySource' : 'reports.honours.source')}:{' '}
          {/* Only https pages open (the desktop hands no other link to the browser). */}
          {s.url.startsWith('https://') ? (
            <Anchor href={s.url} target="_blank" rel="noreferrer" data-user-data>
              {s.title}
            </Anchor>
          ) : (
            <span data-user-data>
              {s.title} ({s.url})
            </span>
          )}
          {s.version ? ` (${s.version})` : ''}
        </Text>
      ))}
    </List.Item>
  );
}

export function RuleSources({
  sets,
  own,
}: {
  sets: readonly RuleSet[];
  own: readonly HonourRule[];
}) {
  const { t, i18n } = useTranslation();
  const language = (i18n.language === 'en' ? 'en' : 'de') as Language;
  return (
    <Stack gap="xs" data-testid="rule-sources">
      <Title order={2} size="h4">
        {t('reports.honours.rulesAndSources')}
      </Title>
      {sets.map((set) => (
        <Stack gap={2} key={set.id}>
          <Text fw={700}>{set.name[language]}</Text>
          <List spacing={4}>
            {set.rules.map((rule) => (
              <RuleLine rule={rule} language={language} key={rule.id} />
            ))}
          </List>
          {set.notShipped && (
            <Text size="sm" c="dimmed">
              {t('reports.honours.notShipped')}: {set.notShipped[language]}
            </Text>
          )}
        </Stack>
      ))}
      {own.length > 0 && (
        <List spacing={4}>
          {own.map((rule) => (
            <RuleLine rule={rule} language={language} own key={rule.id} />
          ))}
        </List>
      )}
    </Stack>
  );
}

/**
 * One card of the start page: a titled section with a count, up to five entries that each lead
 * to where they are dealt with, and a link to the whole list. An empty card says that nothing
 * is waiting, in words, so "nothing shown" never means "not looked".
 */
import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Entries a card lists; the cards make words for these only (a federation has thousands). */
export const ENTRIES_SHOWN = 5;

export type Tone = 'ok' | 'attention' | 'problem' | 'neutral';
const TONE_COLOURS: Record<Tone, string> = {
  ok: 'green',
  attention: 'orange',
  problem: 'red',
  neutral: 'gray',
};

export interface CardEntry {
  key: string;
  text: string;
  /** Where it is handled; none where the role cannot open the record (plain text then). */
  open?: () => void;
}

export interface CardAction {
  label: string;
  onClick(): void;
}

function LinkButton({ action }: { action: CardAction }) {
  return (
    <Anchor component="button" type="button" size="sm" ta="left" onClick={action.onClick}>
      {action.label}
    </Anchor>
  );
}

export function AttentionCard({
  testId,
  title,
  count = null,
  tone = 'neutral',
  entries = [],
  emptyText,
  lines = [],
  action,
  onShowAll,
  children,
}: {
  testId: string;
  title: string;
  /** The number waiting; null where a count says nothing (backup, sync, a hidden list). */
  count?: number | null;
  tone?: Tone;
  /** The first entries (up to ENTRIES_SHOWN); `count` says how many there are in all. */
  entries?: readonly CardEntry[];
  emptyText?: string;
  /** Sentences of a state (the backup's age, the sync's problems, a list the role cannot see). */
  lines?: readonly string[];
  /** Where the card's matter is handled. */
  action?: CardAction;
  /** Leads to the page with all entries; shown when there are more than the card lists. */
  onShowAll?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={titleId}
      data-testid={testId}
      data-tone={tone}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
          {count !== null && (
            <Badge color={TONE_COLOURS[tone]} variant="light" data-testid={`${testId}-count`}>
              {count}
            </Badge>
          )}
        </Group>
        {entries.length === 0 && emptyText && <Text size="sm">{emptyText}</Text>}
        {entries.length > 0 && (
          <List size="sm" spacing={4} listStyleType="none" ml={0}>
            {entries.map((entry) => (
              <List.Item key={entry.key}>
                {entry.open ? (
                  <LinkButton action={{ label: entry.text, onClick: entry.open }} />
                ) : (
                  <Text size="sm">{entry.text}</Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {lines.map((line) => (
          <Text size="sm" key={line}>
            {line}
          </Text>
        ))}
        {children}
        {onShowAll && count !== null && count > entries.length && (
          <LinkButton action={{ label: t('overview.showAll', { count }), onClick: onShowAll }} />
        )}
        {action && <LinkButton action={action} />}
      </Stack>
    </Paper>
  );
}

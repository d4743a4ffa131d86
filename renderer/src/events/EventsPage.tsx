import { Button, Grid, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate } from '../../../shared/domain/dates.ts';
import type { ClubEvent } from '../../../shared/domain/event.ts';
import { NotAllowed } from '../components/NotAllowed.tsx';
import { ExportButton } from '../export/ExportButton.tsx';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { AttendanceSheet } from './AttendanceSheet.tsx';
import { EventForm } from './EventForm.tsx';

export function EventsPage() {
  const { t } = useTranslation();
  const rights = useRights();
  const eventsMap = useClubData((s) => s.events);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<ClubEvent | 'new' | null>(null);
  const events = useMemo(
    () =>
      valuesOf(eventsMap).toSorted(
        (a, b) =>
          b.date.localeCompare(a.date) || (b.startTime ?? '').localeCompare(a.startTime ?? ''),
      ),
    [eventsMap],
  );
  const selected = selectedId ? eventsMap.get(selectedId) : undefined;
  // What "Drucken / Exportieren" takes: the events as listed, newest first.
  const shownRows = useRef<ClubEvent[]>(events);
  shownRows.current = events;

  return (
    <Grid h="100%" gap="lg">
      <Grid.Col span={4}>
        <Stack gap="sm" h="100%">
          <Group justify="space-between">
            <Title order={1} size="h2">
              {t('events.title')}
            </Title>
            <ExportButton entity="events" shownRows={shownRows} />
          </Group>
          <Group>
            {rights.may('events', 'write') ? (
              <Button onClick={() => setEditing('new')} data-testid="new-event">
                {t('events.new')}
              </Button>
            ) : (
              <NotAllowed what={t('rights.what.events')} testId="no-new-event" />
            )}
            {selected && (
              <Button variant="default" onClick={() => setEditing(selected)}>
                {t('events.edit')}
              </Button>
            )}
          </Group>
          <ScrollArea flex={1}>
            {events.length === 0 && <Text c="dimmed">{t('events.empty')}</Text>}
            {events.map((e) => (
              <NavLink
                key={e.id}
                active={e.id === selectedId}
                label={`${formatGermanDate(e.date)} · ${e.title}`}
                description={t(`values.events.kind.${e.kind}`)}
                onClick={() => setSelectedId(e.id)}
                data-testid="event-item"
              />
            ))}
          </ScrollArea>
        </Stack>
      </Grid.Col>
      <Grid.Col span={8}>
        {selected ? (
          <AttendanceSheet key={selected.id} event={selected} />
        ) : (
          <Text c="dimmed">{t('events.chooseEvent')}</Text>
        )}
      </Grid.Col>
      {editing && (
        <EventForm
          event={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(e) => {
            setSelectedId(e.id);
            setEditing(null);
          }}
        />
      )}
    </Grid>
  );
}

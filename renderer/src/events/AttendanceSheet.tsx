import { Badge, Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendance, AttendanceStatus } from '../../../shared/domain/attendance.ts';
import { formatGermanDate } from '../../../shared/domain/dates.ts';
import type { ClubEvent } from '../../../shared/domain/event.ts';
import { memberSortName } from '../../../shared/domain/member.ts';
import { errorText } from '../i18n/messageText.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import classes from './AttendanceSheet.module.css';
import { attendanceGroups } from './attendanceGroups.ts';

const STATUS_BY_KEY: Record<string, AttendanceStatus> = {
  a: 'present',
  ' ': 'present',
  e: 'excused',
  f: 'absent',
};
const STATUS_COLORS: Record<AttendanceStatus, string> = {
  present: 'green',
  excused: 'yellow',
  absent: 'red',
};
const STATUSES: AttendanceStatus[] = ['present', 'excused', 'absent'];

/**
 * Ticking off a rehearsal register by register, fast with the keyboard alone: arrows move,
 * A/Space/E/F mark and jump to the next musician, PageUp/PageDown change the register.
 */
export function AttendanceSheet({ event }: { event: ClubEvent }) {
  const { t } = useTranslation();
  const membersMap = useClubData((s) => s.members);
  const registersMap = useClubData((s) => s.registers);
  const attendanceMap = useClubData((s) => s.attendance);
  const save = useClubData((s) => s.save);

  const byMember = useMemo(() => {
    const map = new Map<string, Attendance>();
    for (const a of valuesOf(attendanceMap)) if (a.eventId === event.id) map.set(a.memberId, a);
    return map;
  }, [attendanceMap, event.id]);
  const groups = useMemo(
    () =>
      attendanceGroups(
        event,
        membersMap.values(),
        registersMap.values(),
        byMember,
        t('events.withoutRegister'),
      ),
    [event, membersMap, registersMap, byMember, t],
  );
  const [groupIndex, setGroupIndex] = useState(0);
  const group = groups[Math.min(groupIndex, groups.length - 1)];
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  const counts = { present: 0, excused: 0, absent: 0 };
  for (const a of byMember.values()) counts[a.status] += 1;
  const total = groups.reduce((n, g) => n + g.members.length, 0);

  async function mark(memberId: string, status: AttendanceStatus) {
    const result = await save(
      'attendance',
      { eventId: event.id, memberId, status },
      byMember.get(memberId),
    );
    if (!result.ok)
      notifications.show({ color: 'red', message: errorText(result.error), autoClose: 8000 });
  }

  function focusRow(index: number) {
    rows.current[index]?.focus();
  }

  function switchGroup(delta: number) {
    const next = Math.max(0, Math.min(groups.length - 1, groupIndex + delta));
    setGroupIndex(next);
    requestAnimationFrame(() => focusRow(0));
  }

  function onKeyDown(e: KeyboardEvent<HTMLTableRowElement>, index: number, memberId: string) {
    const status = STATUS_BY_KEY[e.key.toLowerCase()];
    if (status) {
      e.preventDefault();
      void mark(memberId, status);
      focusRow(index + 1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(index + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(index - 1);
    } else if (e.key === 'PageDown') {
      e.preventDefault();
      switchGroup(1);
    } else if (e.key === 'PageUp') {
      e.preventDefault();
      switchGroup(-1);
    }
  }

  return (
    <Stack gap="sm" data-testid="attendance-sheet">
      <div>
        <Title order={2} size="h3">
          {t(`values.events.kind.${event.kind}`)}: {event.title}
        </Title>
        <Text c="dimmed">
          {formatGermanDate(event.date)}
          {event.startTime ? `, ${event.startTime}` : ''}
          {event.location ? ` · ${event.location}` : ''}
        </Text>
      </div>
      <Text size="sm" data-testid="attendance-summary">
        {t('events.summary', { ...counts, open: total - byMember.size })}
      </Text>
      {groups.length === 0 || !group ? (
        <Text c="dimmed">{t('events.noMembers')}</Text>
      ) : (
        <>
          {/* Pills wrap onto a second line: a big band has a dozen registers. */}
          <Tabs
            variant="pills"
            value={String(groups.indexOf(group))}
            onChange={(v) => setGroupIndex(Number(v ?? 0))}
            data-testid="register-switch"
          >
            <Tabs.List>
              {groups.map((g, index) => (
                <Tabs.Tab key={g.registerId ?? 'none'} value={String(index)}>
                  {g.name}{' '}
                  {t('events.registerProgress', {
                    done: g.members.filter((m) => byMember.has(m.id)).length,
                    total: g.members.length,
                  })}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          <Text size="xs" c="dimmed">
            {t('events.keysHelp')}
          </Text>
          <Table withTableBorder aria-label={group.name}>
            <Table.Tbody>
              {group.members.map((m, index) => {
                const current = byMember.get(m.id)?.status;
                return (
                  <Table.Tr
                    key={m.id}
                    ref={(el) => {
                      rows.current[index] = el;
                    }}
                    tabIndex={0}
                    className={classes.row}
                    data-member-id={m.id}
                    data-status={current ?? 'open'}
                    onKeyDown={(e) => onKeyDown(e, index, m.id)}
                  >
                    <Table.Td>{memberSortName(m)}</Table.Td>
                    <Table.Td w={130}>
                      <Badge
                        variant="light"
                        color={current ? STATUS_COLORS[current] : 'gray'}
                        tt="none"
                        miw={110}
                      >
                        {current
                          ? t(`values.attendance.status.${current}`)
                          : t('attendanceStatus.open')}
                      </Badge>
                    </Table.Td>
                    <Table.Td w={330}>
                      <Group gap={4} wrap="nowrap">
                        {STATUSES.map((s) => (
                          <Button
                            key={s}
                            size="compact-sm"
                            tabIndex={-1}
                            variant={current === s ? 'filled' : 'default'}
                            color={STATUS_COLORS[s]}
                            onClick={() => void mark(m.id, s)}
                          >
                            {t(`values.attendance.status.${s}`)}
                          </Button>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

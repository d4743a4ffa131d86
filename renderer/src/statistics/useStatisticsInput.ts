/**
 * A chart's input from the UI's copy of the club's data and the role's rights, by the same
 * rules as the export (shared/domain/statistics/statisticsAccess.ts).
 */
import { useMemo } from 'react';
import type { ChartId, StatisticsInput } from '../../../shared/domain/statistics/charts.ts';
import { statisticsInput } from '../../../shared/domain/statistics/statisticsAccess.ts';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';

export function useStatisticsInput(chart: ChartId, today: string): StatisticsInput {
  const rights = useRights();
  const members = useClubData((s) => s.members);
  const registers = useClubData((s) => s.registers);
  const instruments = useClubData((s) => s.instruments);
  const events = useClubData((s) => s.events);
  const attendance = useClubData((s) => s.attendance);
  return useMemo(
    () =>
      statisticsInput(
        {
          members: valuesOf(members),
          registers: valuesOf(registers),
          instruments: valuesOf(instruments),
          events: valuesOf(events),
          attendance: valuesOf(attendance),
        },
        rights,
        chart,
        today,
      ),
    [members, registers, instruments, events, attendance, rights, chart, today],
  );
}

/**
 * "Statistik" (issue #24): members over the years by status, the age pyramid, members per
 * register, attendance per register and per member over a season, instruments by condition
 * and by register. One chart at a time (each a tab, reached by the arrow keys), computed from
 * the data on this device with the role's rights; each with its table and "Drucken /
 * Exportieren", which the core computes again.
 */
import { Alert, Group, Stack, Tabs, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../shared/domain/dates.ts';
import {
  CHART_IDS,
  type ChartId,
  type ChartRequest,
  chartOf,
} from '../../../shared/domain/statistics/charts.ts';
import { ReportExportButton } from '../export/ReportExportButton.tsx';
import { messageText } from '../i18n/messageText.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { ChartFigure, type FigureLayout } from './ChartFigure.tsx';
import { RegisterChoice, useSeason, useYearRange } from './chartParameters.tsx';
import { useStatisticsInput } from './useStatisticsInput.ts';

const LAYOUTS: Partial<Record<ChartId, FigureLayout>> = {
  membersByYear: { columns: true, keepLast: true },
  agePyramid: { mirrorFirst: true },
};

export function StatisticsPage() {
  const { t } = useTranslation();
  const [today] = useState(todayIso);
  const [active, setActive] = useState<ChartId>('membersByYear');
  const [registerAsked, setRegisterId] = useState<string | null>(null);
  const years = useYearRange(today);
  const season = useSeason(today);
  const input = useStatisticsInput(active, today);
  const registersMap = useClubData((s) => s.registers);
  const registers = valuesOf(registersMap);
  // A register deleted meanwhile (by a sync) is no longer asked for: all registers again.
  const registerId = registerAsked && registersMap.has(registerAsked) ? registerAsked : null;

  const request: ChartRequest | null = useMemo(() => {
    switch (active) {
      case 'membersByYear':
        return years.range && { chart: active, ...years.range };
      case 'attendanceByRegister':
        return season.season && { chart: active, ...season.season };
      case 'attendanceByMember':
        return season.season && { chart: active, ...season.season, registerId };
      default:
        return { chart: active };
    }
  }, [active, years.range, season.season, registerId]);
  const outcome = useMemo(() => (request ? chartOf(request, input) : null), [request, input]);
  const title = t(`statistics.charts.${active}`);

  const parameters =
    active === 'membersByYear' ? (
      years.fields
    ) : active === 'attendanceByRegister' ? (
      season.fields
    ) : active === 'attendanceByMember' ? (
      <Group align="start">
        {season.fields}
        <RegisterChoice registers={registers} value={registerId} onChange={setRegisterId} />
      </Group>
    ) : null;

  return (
    <Stack gap="sm" style={{ overflow: 'auto' }} data-testid="statistics">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('statisticsPage.title')}
        </Title>
        <ReportExportButton
          report={
            request && outcome?.ok && outcome.chart.categories.length > 0
              ? { kind: 'statistics', request }
              : null
          }
        />
      </Group>
      <Tabs value={active} onChange={(v) => v && setActive(v as ChartId)} keepMounted={false}>
        <Tabs.List>
          {CHART_IDS.map((id) => (
            <Tabs.Tab key={id} value={id} data-testid={`chart-tab-${id}`}>
              {t(`statistics.charts.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {CHART_IDS.map((id) => (
          <Tabs.Panel key={id} value={id} pt="md">
            {id === active && (
              <Stack gap="sm">
                {parameters}
                {outcome && !outcome.ok && (
                  <Alert color="orange" data-testid={`chart-${id}-refused`}>
                    {messageText(outcome.reason)}
                  </Alert>
                )}
                {outcome?.ok && (
                  <ChartFigure
                    chart={outcome.chart}
                    title={title}
                    categoryHeading={t(`statistics.category.${id}`)}
                    layout={
                      id === 'attendanceByMember'
                        ? { fewerHint: registerId ? undefined : t('statisticsPage.fewerMembers') }
                        : LAYOUTS[id]
                    }
                    testId={`chart-${id}`}
                  />
                )}
              </Stack>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

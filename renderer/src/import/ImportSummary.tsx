/** Counts per table (every row accounted for) and the rows to review, for preview and report. */
import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportMessageLevel, ImportReport } from '../../../shared/api/import.ts';
import { KEPT_DAYS } from '../../../shared/domain/backupKinds.ts';
import { dateTime } from '../components/dateTime.ts';
import { messageText } from '../i18n/messageText.ts';
import { importTextShown } from './importText.ts';

const SHOWN_PER_LEVEL = 300;
const LEVEL_COLOR: Record<ImportMessageLevel, string> = {
  skipped: 'red',
  duplicate: 'orange',
  warning: 'yellow',
};

export function ImportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const role = report.role ?? '';
  const safety = report.safetyBackup;
  return (
    <Stack>
      {safety && 'createdAt' in safety && (
        <Text size="sm" data-testid="import-safety-backup">
          {t('importWizard.safetyMade', {
            date: dateTime(safety.createdAt),
            days: KEPT_DAYS,
          })}
        </Text>
      )}
      {(report.notAllowedTables.length > 0 || report.withheld.length > 0) && (
        <Alert
          color="red"
          title={t('importWizard.roleLimits', { role })}
          data-testid="import-role-limits"
        >
          {report.notAllowedTables.map((table) => (
            <Text size="sm" key={table.source}>
              {t('importWizard.tableNotAllowed', {
                table: table.source,
                entity: t(`entities.${table.entity}.other`),
                count: table.rows,
              })}
            </Text>
          ))}
          {report.withheld.length > 0 && (
            <>
              <Text size="sm">
                {t('importWizard.withheld', {
                  columns: report.withheld
                    .map((w) => `${w.source}.${w.column} (${w.count})`)
                    .join(', '),
                })}
              </Text>
              <Text size="sm" mt="xs">
                {t('importWizard.withheldLater')}
              </Text>
            </>
          )}
        </Alert>
      )}
      {report.unmappedColumns.length > 0 && (
        <Alert
          color="orange"
          title={t('importWizard.unmappedTitle', { count: report.unmappedColumns.length })}
          data-testid="import-unmapped"
        >
          <Text size="sm">
            {report.unmappedColumns.map((c) => `${c.source}.${c.column}`).join(', ')}
          </Text>
          <Text size="sm" mt="xs">
            {t('importWizard.unmappedExplain')}
          </Text>
        </Alert>
      )}
      <Table withTableBorder data-testid="import-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('importWizard.table')}</Table.Th>
            <Table.Th>{t('importWizard.becomes')}</Table.Th>
            <Table.Th>{t('importWizard.count.rows')}</Table.Th>
            <Table.Th>{t('importWizard.count.created')}</Table.Th>
            <Table.Th>{t('importWizard.count.updated')}</Table.Th>
            <Table.Th>{t('importWizard.count.unchanged')}</Table.Th>
            <Table.Th>{t('importWizard.count.skipped')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.tables.map((row) => (
            <Table.Tr
              key={`${row.source}-${row.entity}`}
              data-testid={`import-count-${row.source}`}
            >
              <Table.Td>{row.source}</Table.Td>
              <Table.Td>{t(`entities.${row.entity}.other`)}</Table.Td>
              <Table.Td>{row.rows}</Table.Td>
              <Table.Td>{row.created}</Table.Td>
              <Table.Td>{row.updated}</Table.Td>
              <Table.Td>{row.unchanged}</Table.Td>
              <Table.Td>{row.skipped}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {report.tables.some((row) => row.cleaned.length > 0) && (
        <Stack gap={2}>
          <Title order={2} size="h5">
            {t('importWizard.cleaned')}
          </Title>
          {report.tables.flatMap((row) =>
            row.cleaned.map((cleaned) => {
              const what = importTextShown(cleaned, row.entity);
              return (
                <Text size="sm" key={`${row.source}-${what}`}>
                  <span data-user-data>{row.source}</span>: {what} ({cleaned.count}×)
                </Text>
              );
            }),
          )}
        </Stack>
      )}
      {(['skipped', 'duplicate', 'warning'] as const).map((level) => {
        const messages = report.messages.filter((m) => m.level === level);
        if (messages.length === 0) return null;
        return (
          <Alert
            key={level}
            color={LEVEL_COLOR[level]}
            title={t(`importWizard.level.${level}`, { count: messages.length })}
            data-testid={`import-messages-${level}`}
          >
            {/* A box that scrolls is a tab stop, so the keyboard can scroll it too. */}
            <Stack
              gap={2}
              mah={320}
              style={{ overflowY: 'auto' }}
              tabIndex={0}
              role="region"
              aria-label={t(`importWizard.level.${level}`, { count: messages.length })}
            >
              {messages.slice(0, SHOWN_PER_LEVEL).map((m) => {
                const text = importTextShown(m, m.entity);
                return (
                  <Text size="sm" key={`${m.source}-${m.row}-${text}`}>
                    {/* The table's name and the row's label are the file's data. */}
                    <span data-user-data>{m.source}</span>, {t('importWizard.row', { row: m.row })}{' '}
                    (<span data-user-data>{messageText(m.label)}</span>): {text}
                  </Text>
                );
              })}
              {messages.length > SHOWN_PER_LEVEL && (
                <Text size="sm" fs="italic">
                  {t('importWizard.more', { count: messages.length - SHOWN_PER_LEVEL })}
                </Text>
              )}
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}

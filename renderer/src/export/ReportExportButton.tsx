/**
 * "Drucken / Exportieren" on a report's screen: the report as the screen shows it, as a PDF to
 * print, an Excel workbook or CSV. The core computes it again with the device's rights.
 */
import { Button, Group, Modal, Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListFormat, ReportExport } from '../../../shared/api/export.ts';
import { clubApi } from '../api/transport.ts';
import { offersFileExport } from '../web/webMode.ts';
import { handOver } from './saveFile.ts';

export function ReportExportButton({ report }: { report: ReportExport['report'] | null }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ListFormat>('pdf');
  const [busy, setBusy] = useState(false);

  async function run() {
    if (!report) return;
    setBusy(true);
    const result = await clubApi.exportReport({
      report,
      format,
      language: i18n.language === 'en' ? 'en' : 'de',
    });
    setBusy(false);
    if (handOver(result)) setOpen(false);
  }

  if (!offersFileExport()) return null;
  return (
    <>
      <Button
        variant="default"
        onClick={() => setOpen(true)}
        disabled={!report}
        data-testid="report-export-open"
      >
        {t('export.open')}
      </Button>
      {open && (
        <Modal
          opened
          onClose={() => setOpen(false)}
          title={t('export.reportTitle')}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Stack gap="md" data-testid="report-export-dialog">
            <Radio.Group
              label={t('export.format')}
              value={format}
              onChange={(v) => setFormat(v as ListFormat)}
            >
              <Group mt="xs">
                <Radio value="pdf" label={t('export.pdf')} />
                <Radio value="xlsx" label={t('export.xlsx')} />
                <Radio value="csv" label={t('export.csv')} />
              </Group>
            </Radio.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => void run()} loading={busy} data-testid="report-export-run">
                {t('export.run')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}

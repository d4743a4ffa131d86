/**
 * "Import": moving in from the old program. Choose a file → check the proposed mapping (and
 * save it) → preview with counts and reasons → import with a progress bar → a report to save.
 */
import { Alert, Button, Group, Progress, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress, ImportReport, ImportSourceView } from '../../../shared/api/import.ts';
import type { ImportMapping } from '../../../shared/import/mapping.ts';
import { importReportText } from '../../../shared/import/reportText.ts';
import { clubApi } from '../api/transport.ts';
import { errorText } from '../i18n/messageText.ts';
import { useClubData } from '../state/clubData.ts';
import { useSyncState } from '../sync/syncState.ts';
import { WorkProgress, wasCancelled } from '../work/WorkProgress.tsx';
import { downloadText } from './download.ts';
import { FileStep } from './FileStep.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { fieldLabelShown, uiLanguage } from './importText.ts';
import { MappingStep } from './MappingStep.tsx';
import { SafetyBackupNote } from './SafetyBackupNote.tsx';

type Step = 'file' | 'mapping' | 'preview' | 'running' | 'done';
const STEP_INDEX: Record<Step, number> = { file: 0, mapping: 1, preview: 2, running: 3, done: 4 };

/** The import's progress from the core's status events while it runs (no polling). */
function useProgress(active: boolean): ImportProgress | null {
  const progress = useSyncState((s) => s.app?.import ?? null);
  // The last import's final count is not this one's start.
  return active && progress?.running ? progress : null;
}

export function ImportPage() {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>('file');
  const [view, setView] = useState<ImportSourceView | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The preview was cancelled: said in words where it ran; the file stays open. */
  const [cancelled, setCancelled] = useState<string | null>(null);
  const progress = useProgress(step === 'running' || busy);

  const runPreview = async () => {
    if (!mapping) return;
    setBusy(true);
    setCancelled(null);
    const answer = await clubApi.importPreview(mapping);
    setBusy(false);
    if (!answer.ok) {
      if (wasCancelled(answer.error)) {
        setError(null);
        setCancelled(errorText(answer.error));
      } else setError(errorText(answer.error));
      return;
    }
    setError(null);
    setPreview(answer.value);
    setStep('preview');
  };

  const runImport = async () => {
    if (!mapping) return;
    setStep('running');
    const answer = await clubApi.importRun(mapping);
    if (!answer.ok) {
      setError(errorText(answer.error));
      setStep('preview');
      return;
    }
    setReport(answer.value);
    setStep('done');
    await useClubData.getState().load({ quiet: true });
  };

  const restart = () => {
    setStep('file');
    setView(null);
    setMapping(null);
    setPreview(null);
    setReport(null);
    setError(null);
    setCancelled(null);
  };

  const percent = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0;
  const count = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'de-DE');

  return (
    <Stack style={{ overflowY: 'auto' }} pb="xl">
      <Title order={1} size="h2">
        {t('importWizard.title')}
      </Title>
      <Stepper active={STEP_INDEX[step]} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('importWizard.step.file')} />
        <Stepper.Step label={t('importWizard.step.mapping')} />
        <Stepper.Step label={t('importWizard.step.preview')} />
        <Stepper.Step label={t('importWizard.step.import')} />
        <Stepper.Completed>{null}</Stepper.Completed>
      </Stepper>

      {step === 'file' && (
        <FileStep
          onOpened={(opened) => {
            setView(opened);
            setMapping(opened.mapping);
            setStep('mapping');
          }}
        />
      )}

      {step === 'mapping' && view && mapping && (
        <MappingStep
          view={view}
          mapping={mapping}
          onChange={setMapping}
          onBack={restart}
          onPreview={() => void runPreview()}
          busy={busy}
          error={error}
        />
      )}

      {step === 'mapping' && busy && (
        <WorkProgress
          work="importPreview"
          share={percent / 100}
          text={
            progress?.preview && progress.total > 0
              ? t('work.checked', { done: count(progress.done), total: count(progress.total) })
              : null
          }
        />
      )}
      {step === 'mapping' && !busy && cancelled && (
        <Alert color="gray" role="status" maw={560} data-testid="import-preview-cancelled">
          {cancelled}
        </Alert>
      )}

      {step === 'preview' && preview && (
        <Stack>
          <Alert color="blue" data-testid="import-preview-note">
            {t('importWizard.previewNote')}
          </Alert>
          <ImportSummary report={preview} />
          <SafetyBackupNote />
          {error && (
            <Text c="red" role="alert" data-testid="import-error">
              {error}
            </Text>
          )}
          <Group>
            <Button variant="default" onClick={() => setStep('mapping')}>
              {t('importWizard.back')}
            </Button>
            <Button onClick={() => void runImport()} data-testid="import-run">
              {t('importWizard.run')}
            </Button>
          </Group>
        </Stack>
      )}

      {/* No "Abbrechen" here: an import run writes into the data chunk by chunk (importService.ts). */}
      {step === 'running' && (
        <Stack maw={560}>
          <Text>{t('importWizard.running')}</Text>
          <Progress
            value={percent}
            animated
            aria-label={t('importWizard.progress')}
            data-testid="import-progress"
          />
        </Stack>
      )}

      {step === 'done' && report && (
        <Stack>
          <Alert color="green" title={t('importWizard.done')} data-testid="import-done">
            {t('importWizard.doneText')}
          </Alert>
          <ImportSummary report={report} />
          <Group>
            <Button
              onClick={() =>
                downloadText(
                  `importbericht-${report.at.slice(0, 10)}.txt`,
                  importReportText(report, uiLanguage(), fieldLabelShown),
                  'text/plain;charset=utf-8',
                )
              }
              data-testid="import-save-report"
            >
              {t('importWizard.saveReport')}
            </Button>
            <Button variant="default" onClick={restart}>
              {t('importWizard.again')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

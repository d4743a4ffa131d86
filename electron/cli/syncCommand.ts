/**
 * `tutti sync --profile DIR [--batch N]`: one sync round from the command line, printing what
 * moved. `--batch` sends at most N changes per request (default 1,000): smaller requests for
 * a slow or flaky link, where a large one would time out again and again.
 */
import { CoreError } from '../core/coreError.ts';
import { openProfile } from '../core/profile.ts';
import { ConnectionError } from '../sync/httpsJson.ts';
import { SyncClient } from '../sync/syncClient.ts';
import { parseCommandArgs } from './args.ts';

export async function syncCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    profile: { type: 'string' },
    batch: { type: 'string' },
  });
  if (!values.profile)
    throw new CoreError('bad_arguments', 'Bitte den Profilordner mit --profile ORDNER angeben.');
  const batch = values.batch === undefined ? undefined : Number(values.batch);
  if (batch !== undefined && !(Number.isInteger(batch) && batch >= 1 && batch <= 1000))
    throw new CoreError('bad_arguments', '--batch braucht eine ganze Zahl von 1 bis 1000.');
  const profile = await openProfile(values.profile);
  try {
    let report: Awaited<ReturnType<SyncClient['round']>>;
    try {
      report = await new SyncClient(profile.store, undefined, { pushBatch: batch }).round();
    } catch (error) {
      if (error instanceof CoreError) throw error;
      const why =
        error instanceof ConnectionError
          ? error.message
          : `Der Vereinsserver ist nicht erreichbar (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`;
      throw new CoreError(
        'sync_failed',
        `${why} Die Änderungen bleiben gespeichert und werden beim nächsten Mal gesendet.`,
        { cause: error },
      );
    }
    out.write(
      `Gesendet: ${report.pushed}, abgelehnt: ${report.rejected}, empfangen: ${report.pulled}, Konflikte: ${report.conflicts}, entfernt: ${report.purged}, noch offen: ${profile.store.outbox.pendingCount()}\n`,
    );
    if (report.ignoredStamps > 0)
      process.stderr.write(
        `Hinweis: ${report.ignoredStamps} empfangene Zeitstempel liegen mehr als 60 Sekunden nach der Uhr dieses Computers. Geht die Uhr nach? Bitte Datum und Uhrzeit prüfen.\n`,
      );
    return report.rejected > 0 || report.conflicts > 0 ? 3 : 0;
  } finally {
    profile.close();
  }
}

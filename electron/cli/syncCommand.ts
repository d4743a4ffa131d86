/** `tutti sync --profile DIR`: one sync round from the command line, printing what moved. */
import { CoreError } from '../core/coreError.ts';
import { openProfile } from '../core/profile.ts';
import { SyncClient } from '../sync/syncClient.ts';
import { parseCommandArgs } from './args.ts';

export async function syncCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseCommandArgs(argv, { profile: { type: 'string' } });
  if (!values.profile)
    throw new CoreError('bad_arguments', 'Bitte den Profilordner mit --profile DIR angeben.');
  const profile = await openProfile(values.profile);
  try {
    let report: Awaited<ReturnType<SyncClient['round']>>;
    try {
      report = await new SyncClient(profile.store).round();
    } catch (error) {
      if (error instanceof CoreError) throw error;
      throw new CoreError(
        'sync_failed',
        `Der Vereinsserver ist nicht erreichbar (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Die Änderungen bleiben gespeichert und werden beim nächsten Mal gesendet.`,
        { cause: error },
      );
    }
    out.write(
      `Gesendet: ${report.pushed}, abgelehnt: ${report.rejected}, empfangen: ${report.pulled}, Konflikte: ${report.conflicts}, entfernt: ${report.purged}, noch offen: ${profile.store.outbox.pendingCount()}\n`,
    );
    return report.rejected > 0 || report.conflicts > 0 ? 3 : 0;
  } finally {
    profile.close();
  }
}

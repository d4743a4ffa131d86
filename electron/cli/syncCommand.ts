/**
 * `tutti sync --profile DIR [--batch N]`: one sync round from the command line, printing what
 * moved. `--batch` sends at most N changes per request (default 1,000): smaller requests for
 * a slow or flaky link, where a large one would time out again and again.
 */
import { AppError } from '../../shared/api/appError.ts';
import type { Message } from '../../shared/messages/message.ts';
import { openProfile } from '../core/profile.ts';
import { ConnectionError } from '../sync/httpsJson.ts';
import { SyncClient } from '../sync/syncClient.ts';
import { parseCommandArgs } from './args.ts';
import type { Terminal } from './terminal.ts';

export async function syncCommand(argv: string[], cli: Terminal): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    profile: { type: 'string' },
    batch: { type: 'string' },
  });
  if (!values.profile) throw new AppError('bad_arguments', 'cli.args.profileMissing');
  const batch = values.batch === undefined ? undefined : Number(values.batch);
  if (batch !== undefined && !(Number.isInteger(batch) && batch >= 1 && batch <= 1000))
    throw new AppError('bad_arguments', 'cli.sync.batch');
  const profile = await openProfile(values.profile, cli.keyStore(values.profile));
  try {
    let report: Awaited<ReturnType<SyncClient['round']>>;
    try {
      report = await new SyncClient(profile.store, undefined, { pushBatch: batch }).round();
    } catch (error) {
      if (error instanceof AppError) throw error;
      const reason: Message =
        error instanceof ConnectionError
          ? error.text
          : {
              key: 'cli.sync.unreachable',
              params: {
                code: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
              },
            };
      throw new AppError('sync_failed', 'cli.sync.failed', { reason }, { cause: error });
    }
    cli.print('cli.sync.report', {
      pushed: report.pushed,
      rejected: report.rejected,
      pulled: report.pulled,
      conflicts: report.conflicts,
      purged: report.purged,
      pending: profile.store.outbox.pendingCount(),
    });
    if (report.ignoredStamps > 0) cli.note('cli.sync.clockBehind', { count: report.ignoredStamps });
    return report.rejected > 0 || report.conflicts > 0 ? 3 : 0;
  } finally {
    profile.close();
  }
}

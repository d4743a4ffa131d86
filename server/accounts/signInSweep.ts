/**
 * What web sign-in leaves behind is cleared out of the database once nobody needs it
 * (issue #28): sessions ended or expired a month ago, invitations used or expired a month ago,
 * address counters whose window has passed, counters of unknown login names after their week.
 * The month keeps the recent past for an operator's questions ("was that session mine?");
 * the sign-in audit lines stay in the club's audit log. The running server sweeps hourly.
 */
import { SESSION_ABSOLUTE_MS } from '../../shared/web/webProtocol.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';
import { ADDRESS_WINDOW_MS, UNKNOWN_NAME_KEPT_MS } from './loginLimits.ts';

export const SIGN_IN_RECORDS_KEPT_MS = 30 * 24 * 3_600_000;

export interface SweepResult {
  sessions: number;
  invitations: number;
  addressCounters: number;
  unknownNameCounters: number;
}

export async function sweepSignInRecords(db: ServerDatabase, now: Date): Promise<SweepResult> {
  const t = now.getTime();
  const keptSince = new Date(t - SIGN_IN_RECORDS_KEPT_MS);
  return db.asOwner(async (sql) => {
    const count = async (text: string, params: unknown[]) =>
      (
        await sql.query<{ n: number }>(
          `WITH gone AS (${text} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
          params,
        )
      ).rows[0]!.n;
    return {
      sessions: await count(
        `DELETE FROM web_sessions
         WHERE ended_at < $1 OR created_at < $2`,
        [keptSince, new Date(t - SESSION_ABSOLUTE_MS - SIGN_IN_RECORDS_KEPT_MS)],
      ),
      invitations: await count(
        'DELETE FROM web_invitations WHERE used_at < $1 OR expires_at < $1',
        [keptSince],
      ),
      addressCounters: await count('DELETE FROM web_login_failures WHERE window_start < $1', [
        new Date(t - ADDRESS_WINDOW_MS),
      ]),
      unknownNameCounters: await count(
        'DELETE FROM web_unknown_login_failures WHERE last_failure_at < $1',
        [new Date(t - UNKNOWN_NAME_KEPT_MS)],
      ),
    };
  });
}

/**
 * Sign-in events in the audit log of the clubs concerned: an account spans clubs, so an event
 * of the account (a sign-in, a lockout, a new second factor) is written into each club it is
 * linked to — or into the one club it concerns — as `web:<user id in that club>`, with the
 * client address. Never a password, code or token.
 */
import type { Actor } from '../audit/auditLog.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { SqlClient } from '../storage/serverDatabase.ts';

export function webAccountActor(userId: string, address: string | null): Actor {
  return { kind: 'web', id: userId, deviceId: null, address };
}

/** `sql` is an owner transaction (accounts span clubs). */
export async function auditAccount(
  sql: SqlClient,
  accountId: string,
  action: string,
  address: string | null,
  onlyClubId?: string,
): Promise<void> {
  const { rows } = await sql.query<{ club_id: string; user_id: string }>(
    'SELECT club_id, user_id FROM web_account_links WHERE account_id = $1',
    [accountId],
  );
  for (const link of rows)
    if (!onlyClubId || link.club_id === onlyClubId)
      await writeAudit(sql, link.club_id, webAccountActor(link.user_id, address), {
        action,
        entity: 'web_accounts',
        recordId: accountId,
      });
}

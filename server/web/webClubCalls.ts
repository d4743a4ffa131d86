/**
 * The ClubApi's calls as the web application answers them: the club's records through the one
 * rights-checked data API (`data/clubRecords.ts` — every read filtered by the user's grants as
 * a pull is, every write a mutation through the single write path), each record with its
 * stamps for the page's conflict check, and what the page needs to know of itself. What only
 * a desktop has (its sync, its backups, importing old files, files to print) is refused in
 * words: the page does not offer it.
 */

import { type ClubApiMethod, clubApiArgs } from '../../shared/api/clubApi.ts';
import type { CoreStatus } from '../../shared/api/coreStatus.ts';
import type { SyncStatus } from '../../shared/api/sync.ts';
import type { EntityName } from '../../shared/domain/entities.ts';
import { newId } from '../../shared/domain/ids.ts';
import type { AccessView } from '../../shared/rights/deviceRights.ts';
import type { ShownRecord } from '../../shared/web/webProtocol.ts';
import type { Services } from '../app/services.ts';
import type { Caller } from '../data/principal.ts';
import { AppError, validationError } from '../errors.ts';
import { SERVER_MIGRATIONS } from '../storage/migrations/index.ts';
import { roleLabel } from '../sync/syncService.ts';

export interface WebCall {
  method: ClubApiMethod;
  args: unknown[];
  shown?: ShownRecord | undefined;
}

/** Who calls, for the answers about the page itself. */
export interface WebCallContext {
  caller: Caller;
  loginName: string;
  /** Read only for the calls that name the club (a lookup of its own). */
  clubName(): Promise<string>;
  /** The address people reach the web application by. */
  publicUrl: string;
}

const STAMPED = { stamps: true } as const;

/** The web page is always in step with the server: nothing pending, no rounds. */
function webSyncStatus(publicUrl: string): SyncStatus {
  return {
    phase: 'synced',
    server: publicUrl,
    lastSync: new Date().toISOString(),
    pending: 0,
    message: null,
    live: true,
    received: 0,
    clockBehind: false,
    progress: null,
  };
}

/** What the page is told of itself: the club and who is signed in. */
export interface WebSelf {
  loginName: string;
  clubName: string;
  publicUrl: string;
}

export function webCoreStatus(context: WebSelf): CoreStatus {
  return {
    profile: context.clubName,
    deviceId: 'web',
    deviceName: context.loginName,
    schemaVersion: SERVER_MIGRATIONS.length,
    pendingMutations: 0,
    lastMutationId: 0,
  };
}

export function webStatusOf(context: WebSelf) {
  return {
    core: webCoreStatus(context),
    sync: webSyncStatus(context.publicUrl),
    backup: { progress: null, lastBackupAt: null, works: [] },
    import: { running: false, done: 0, total: 0, preview: false },
  };
}

async function accessOf(services: Services, caller: Caller): Promise<AccessView> {
  return services.db.withClub(caller.clubId, async (sql) => {
    const principal = await caller.resolve(sql);
    return {
      connected: true,
      access: {
        ...principal.subject,
        role: principal.role,
        label: await roleLabel(sql, principal.role),
      },
    };
  });
}

/** Answers one call; a refusal throws the AppError the page shows. */
export async function answerWebCall(
  services: Services,
  context: WebCallContext,
  call: WebCall,
): Promise<unknown> {
  const schema = clubApiArgs[call.method];
  const parsed = schema.safeParse(call.args);
  if (!parsed.success) throw validationError('server.http.invalidRequest', parsed.error.issues);
  const args = parsed.data as unknown[];
  const { caller } = context;
  const records = services.records;
  switch (call.method) {
    case 'list':
      return records.list(caller, args[0] as EntityName, STAMPED);
    case 'get':
      return records.get(caller, args[0] as EntityName, args[1] as string, STAMPED);
    case 'save': {
      const [entity, draft] = args as [EntityName, Record<string, unknown>];
      const id = typeof draft.id === 'string' ? draft.id : newId();
      return records.save(caller, entity, id, draft, { ...STAMPED, shown: call.shown });
    }
    case 'remove':
      await records.remove(caller, args[0] as EntityName, args[1] as string);
      return null;
    case 'restore':
      return records.restore(caller, args[0] as EntityName, args[1] as string, STAMPED);
    case 'status':
      return webCoreStatus({ ...context, clubName: await context.clubName() });
    case 'syncStatus':
      return webSyncStatus(context.publicUrl);
    case 'access':
      return accessOf(services, caller);
    default:
      throw new AppError('unavailable', 'web.desktopOnly');
  }
}

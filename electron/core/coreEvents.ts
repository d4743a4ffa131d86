/**
 * The core's events (issue #25): records that really changed, and the one status of core,
 * sync, backup and import — sent when something happened, never on a timer. Status changes
 * come in bursts (an import's chunks, a backup's phases): they are gathered for a moment and
 * sent once, and only when the status differs from the one sent last.
 */
import {
  type AppStatus,
  type ChangeOrigin,
  Emitter,
  type RecordsChange,
} from '../../shared/api/events.ts';
import type { EntityMap, EntityName } from '../../shared/domain/entities.ts';
import { sameValue } from '../../shared/domain/sameValue.ts';

/** How long status changes are gathered before one event goes out. */
const STATUS_GATHER_MS = 30;

export class CoreEvents {
  readonly records = new Emitter<RecordsChange>();
  readonly status = new Emitter<AppStatus>();
  private lastStatus: AppStatus | null = null;
  private timer: NodeJS.Timeout | null = null;
  private disposed = false;

  constructor(
    private readonly readStatus: () => AppStatus,
    private readonly log: (line: string) => void = () => {},
  ) {}

  changed<E extends EntityName>(
    entity: E,
    upserted: EntityMap[E][],
    removedIds: string[],
    origin: ChangeOrigin,
    replacesAll = false,
  ): void {
    if (!replacesAll && upserted.length === 0 && removedIds.length === 0) return;
    if (this.records.size > 0)
      this.records.fire({ entity, upserted, removedIds, replacesAll, origin }, (error) =>
        this.log(`A records listener failed: ${String(error)}`),
      );
    this.statusMayHaveChanged();
  }

  /** Whether anyone listens for records: without, no list is read to tell them. */
  hasRecordListeners(): boolean {
    return this.records.size > 0;
  }

  /** Something the status shows may have moved: one event soon, if it did. */
  statusMayHaveChanged(): void {
    if (this.timer || this.disposed || this.status.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sendStatus();
    }, STATUS_GATHER_MS);
    this.timer.unref?.();
  }

  /** Something the person must learn before the core goes on (a restore replaces the data). */
  statusNow(): void {
    if (this.disposed || this.status.size === 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.sendStatus();
  }

  private sendStatus(): void {
    let status: AppStatus;
    try {
      status = this.readStatus();
    } catch (error) {
      // The profile is closing: there is no status to tell.
      this.log(`The status could not be read: ${String(error)}`);
      return;
    }
    if (this.lastStatus && sameValue(status, this.lastStatus)) return;
    this.lastStatus = status;
    this.status.fire(status, (error) => this.log(`A status listener failed: ${String(error)}`));
  }

  /** The profile is about to close: no status is read or told any more. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/**
 * The running server's backup duties, checked every few minutes: every club backed up at
 * least daily to every target, the newest generation on each target verified daily (when the
 * backup key could be opened at start), and the mailed backups sent when due. A failure is
 * logged and reported in the backup health and tried again on the next tick; nothing here
 * ever stops the server.
 */
import type { Logger } from '../log/logger.ts';
import type { BackupServices } from './backupServices.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const RETRY_MS = 60 * 60 * 1000;
export const DEFAULT_BACKUP_TICK_MS = 5 * 60 * 1000;

export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly verifiedAt = new Map<string, number>();
  private readonly attemptedAt = new Map<string, number>();

  constructor(
    private readonly services: BackupServices,
    /** The backup key's identity, for the daily verification; null when it could not be opened. */
    private readonly identity: string | null,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    private readonly tickMs = DEFAULT_BACKUP_TICK_MS,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round of duties; a round still running is not started twice. Never rejects. */
  tick(): Promise<void> {
    this.running ??= this.duties()
      .catch((error: unknown) => this.log.error({ err: error }, 'backup duties failed'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async duties(): Promise<void> {
    const { backups, mailer } = this.services;
    if (backups.configured())
      for (const clubId of await backups.clubIds())
        try {
          await this.clubDuties(clubId);
        } catch (error) {
          // One club's trouble never keeps the others from being backed up.
          this.log.error({ err: error, clubId }, 'scheduled backup failed');
        }
    await mailer.tick();
  }

  private async clubDuties(clubId: string): Promise<void> {
    const { backups } = this.services;
    const now = this.now().getTime();
    const stale = backups
      .list(clubId)
      .some((t) => !t.generations[0] || now - t.generations[0].createdAt.getTime() >= DAY_MS);
    // A target that keeps failing is tried again hourly, not on every tick.
    if (stale && now - (this.attemptedAt.get(clubId) ?? 0) >= RETRY_MS) {
      this.attemptedAt.set(clubId, now);
      await backups.run(clubId);
    }
    if (this.identity && now - (this.verifiedAt.get(clubId) ?? 0) >= DAY_MS) {
      this.verifiedAt.set(clubId, now);
      if (backups.newest(clubId)) await backups.verify(clubId, this.identity);
    }
  }
}

/**
 * What the background round of the readiness warnings measured (issue #28) — backup ages per
 * club and target, disk space — kept for the metrics: a scrape (two Prometheus servers, every
 * minute) reads these instead of listing backup folders or asking file systems itself, so a
 * slow or hung backup mount never reaches a request.
 */
import type { DiskSpace } from './diskSpace.ts';

export interface BackupAgeFact {
  club: string;
  target: string;
  /** The newest generation there, or the club's creation when it has none yet. */
  since: Date;
}

export interface DiskFact extends DiskSpace {
  volume: 'data' | 'backup';
}

export class BackgroundFacts {
  backupAges: BackupAgeFact[] = [];
  private readonly diskByKey = new Map<string, DiskFact>();

  /** Replaces the measurements of one volume kind (the other kind's stay). */
  setDisks(volume: DiskFact['volume'], spaces: DiskSpace[]): void {
    for (const key of [...this.diskByKey.keys()])
      if (key.startsWith(`${volume}:`)) this.diskByKey.delete(key);
    for (const space of spaces) this.diskByKey.set(`${volume}:${space.path}`, { ...space, volume });
  }

  disks(): DiskFact[] {
    return [...this.diskByKey.values()];
  }
}

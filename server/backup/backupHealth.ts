/**
 * What is wrong with backups right now (a failing target, a mail that did not go out): kept
 * until the same task succeeds, shown as a warning by `/healthz` (as a count: the public
 * endpoint names no club) and in full in the log and by `tutti-server backup list`.
 */
import type { Message } from '../../shared/messages/message.ts';

export class BackupHealth {
  private readonly problems = new Map<string, { message: Message; since: Date }>();

  warn(key: string, message: Message, now = new Date()): void {
    const known = this.problems.get(key);
    this.problems.set(key, { message, since: known?.since ?? now });
  }

  clear(key: string): void {
    this.problems.delete(key);
  }

  list(): { key: string; message: Message; since: Date }[] {
    return [...this.problems].map(([key, p]) => ({ key, ...p }));
  }

  get count(): number {
    return this.problems.size;
  }
}

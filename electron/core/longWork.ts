/**
 * Long work that reports where it stands and can be stopped where that is safe (issue #26).
 * The work calls `checkpoint` between its steps: the stage and share done are told (the status
 * event carries them), the event loop runs once — so the event leaves and a cancel request can
 * arrive — and a cancel asked for meanwhile ends the work there with a `WorkCancelled`.
 * `pointOfNoReturn` marks where stopping would leave things half done: from there on a cancel
 * is refused. Nothing is interrupted anywhere else.
 */
import { AppError, failWith } from '../../shared/api/appError.ts';
import { type ApiResult, ok } from '../../shared/api/result.ts';
import type { BackupStage, CancellableWork } from '../../shared/api/work.ts';

/** The work stopped at a checkpoint because it was asked to; `key` says so for that work. */
export class WorkCancelled extends AppError {
  constructor(
    readonly work: CancellableWork,
    key: string,
  ) {
    super('work_cancelled', key);
  }
}

/** Lets timers, I/O and incoming calls run (a status event, a cancel request). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Tells the stage and share done, yields, and throws `WorkCancelled` when asked to stop. */
export type Checkpoint = (stage: BackupStage, progress: number) => Promise<void>;

/** For callers that neither report nor cancel (the command line). */
export const noCheckpoint: Checkpoint = async () => {};

/** The answer to a cancel request when nothing of that kind runs. */
export function nothingToCancel(): ApiResult<null> {
  return failWith(new AppError('no_work_to_cancel', 'errors.work.nothingToCancel'));
}

/** The answer to a cancel request that would leave things half done. */
export function notCancellable(key: string): ApiResult<null> {
  return failWith(new AppError('work_not_cancellable', key));
}

export class LongWork {
  stage: BackupStage;
  progress = 0;
  private requested = false;
  private cancellable = true;

  constructor(
    readonly work: CancellableWork,
    first: BackupStage,
    /** Told when the stage or share moved; `now` when the news must leave at once. */
    private readonly moved: (now: boolean) => void,
    private readonly keys: {
      /** What the work's own call answers when cancelled. */
      cancelled: string;
      /** What a cancel past the point of no return is answered. */
      refused?: string;
    },
  ) {
    this.stage = first;
  }

  get isCancellable(): boolean {
    return this.cancellable;
  }

  /** Asks the work to stop at its next checkpoint; refused past the point of no return. */
  cancel(): ApiResult<null> {
    if (!this.cancellable)
      return notCancellable(this.keys.refused ?? 'errors.work.nothingToCancel');
    this.requested = true;
    return ok(null);
  }

  throwIfCancelled(): void {
    if (this.requested) throw new WorkCancelled(this.work, this.keys.cancelled);
  }

  readonly checkpoint: Checkpoint = async (stage, progress) => {
    this.throwIfCancelled();
    this.stage = stage;
    this.progress = progress;
    this.moved(false);
    await yieldToEventLoop();
    this.throwIfCancelled();
  };

  /**
   * From here the work runs to its end. Said at once (not gathered), and the event loop runs
   * once more, so that a cancel already on its way is refused rather than left unanswered
   * until the end. A cancel asked for before this point still stops the work here.
   */
  async pointOfNoReturn(stage: BackupStage, progress: number): Promise<void> {
    this.throwIfCancelled();
    this.cancellable = false;
    this.stage = stage;
    this.progress = progress;
    this.moved(true);
    await yieldToEventLoop();
  }
}

/**
 * The last line of defence of a running `tutti-server`: an error no handler caught (a bug in
 * an event listener, a promise nobody awaited) is logged with its stack and the server goes on
 * serving every other club. Requests already have their own net (`guardHandler`, the router);
 * this is for what slips past them, so that one bad request can never end the process for
 * everyone. Database work is transactional, so an interrupted handler leaves nothing half done.
 */
import type { Logger } from '../log/logger.ts';

export function keepServingDespiteUncaughtErrors(log: Logger): () => void {
  const onError = (error: unknown) =>
    log.error({ err: error }, 'uncaught error: logged, the server goes on');
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return () => {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  };
}

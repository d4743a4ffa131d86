/**
 * Profiles one phase of a benchmark when asked: TUTTI_BENCH_PROFILE=<phase> writes
 * `<phase>.cpuprofile` into the working directory (open it in Chrome DevTools → Performance).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export async function profiled<T>(phase: string, work: () => Promise<T>): Promise<T> {
  if (process.env.TUTTI_BENCH_PROFILE !== phase) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${phase}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
    console.log(`profile of ${phase} written to ${phase}.cpuprofile`);
  }
}

/**
 * CPU time spent by the PostgreSQL backends serving one database, read from /proc while they run (the
 * server is on this machine): a figure the machine's load does not inflate, unlike wall time. Backends are
 * sampled every 100 ms; one that ends between two samples loses at most its last tenth of a second.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100;

/** The CPU seconds process `pid` has used so far, or null once it has ended. */
export function cpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * Starts sampling the backends of `database`; `stop()` answers the CPU seconds they used since the start.
 * @example const cpu = await backendCpu(url, 'atiende_bench_customers_1'); …; const seconds = await cpu.stop();
 */
export async function backendCpu(serverUrl: string, database: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const own = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let started = false;
  const sample = async () => {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1 and pid <> $2',
      [database, own],
    );
    for (const { pid } of rows) {
      const seconds = cpuSeconds(pid);
      if (seconds === null) continue;
      // A backend that starts after the first sample counts from its birth.
      if (!first.has(pid)) first.set(pid, started ? 0 : seconds);
      last.set(pid, seconds);
    }
  };
  await sample();
  started = true;
  let running = true;
  const loop = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await sample();
    }
  })();
  return {
    async stop(): Promise<number> {
      running = false;
      await loop;
      await client.end();
      let total = 0;
      for (const [pid, end] of last) total += end - first.get(pid)!;
      return total;
    },
  };
}

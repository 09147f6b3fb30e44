/**
 * The chat benchmark's load, the same for Atiende and for the bare `ws` relay: a paced phase at a
 * conversation's pace (delivery latency), then a saturation phase where every visitor sends its next
 * message as soon as the last one was acknowledged (messages a second sustained).
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Runs `task` for 0…count-1, at most `concurrency` at a time. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Opens a socket and waits for the server's `hello`, listening from the start so it cannot be missed. */
export function open(url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, options);
  const hello = next(socket, (m) => m.type === 'hello');
  return new Promise((resolve, reject) => {
    hello.then(() => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_q, res) => reject(new Error(`upgrade answered ${res.statusCode}`)));
  });
}

/** Waits for the first message that `accept` recognises on a socket. */
export function next(socket: WebSocket, accept: (m: { type?: string }) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const on = (d: WebSocket.RawData) => {
      if (accept(JSON.parse(d.toString()))) {
        socket.off('message', on);
        resolve();
      }
    };
    socket.on('message', on);
  });
}

/** Send times by message key, and the latency of each first arrival at the agent's socket. */
export class Deliveries {
  private sentAt = new Map<string, number>();
  latencies: number[] = [];

  sending(key: string): void {
    this.sentAt.set(key, performance.now());
  }

  arrived(key: string): void {
    const t0 = this.sentAt.get(key);
    if (t0 === undefined) return;
    this.sentAt.delete(key);
    this.latencies.push(performance.now() - t0);
  }

  /** Starts a new phase: latencies so far are the previous phase's. */
  reset(): number[] {
    const previous = this.latencies;
    this.latencies = [];
    this.sentAt.clear();
    return previous;
  }
}

export interface Phase {
  /** Sends acknowledged (stored, for Atiende). */
  sent: number;
  /** CPU time of this process (server and load together), user and system, over the phase. */
  cpuMs: number;
  failures: number;
  seconds: number;
  latencies: number[];
}

/** Sends one message to its chat's agent and resolves true once acknowledged. */
export type Send = (customer: number, key: string) => Promise<boolean>;

/** Waits until every acknowledged message has arrived (or 30 s), and closes the phase. */
async function settle(
  deliveries: Deliveries,
  cpuAtStart: NodeJS.CpuUsage,
  phase: Omit<Phase, 'latencies' | 'cpuMs'>,
): Promise<Phase> {
  const deadline = performance.now() + 30_000;
  while (deliveries.latencies.length < phase.sent && performance.now() < deadline) await sleep(20);
  const cpu = process.cpuUsage(cpuAtStart);
  return { ...phase, cpuMs: (cpu.user + cpu.system) / 1000, latencies: deliveries.reset() };
}

/** Every visitor sends one message each `paceMs`, spread over the interval so the load is steady. */
export async function paced(
  customers: number,
  paceMs: number,
  seconds: number,
  send: Send,
  deliveries: Deliveries,
): Promise<Phase> {
  let sent = 0;
  let failures = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: customers }, async (_, c) => {
      await sleep((c / customers) * paceMs);
      for (let n = 0; performance.now() < until; n++) {
        const due = performance.now() + paceMs;
        const key = `p${c}-${n}`;
        deliveries.sending(key);
        if (await send(c, key)) sent++;
        else failures++;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
      }
    }),
  );
  return settle(deliveries, cpu, { sent, failures, seconds: (performance.now() - started) / 1000 });
}

/**
 * Every visitor sends its next message as soon as the last was acknowledged, for `seconds` or until it
 * has sent `budget` (the widget's limit is 60 a minute per visitor): far more than one process takes, so
 * the rate is what it sustains. Timed from the start to the last acknowledgement.
 */
export async function saturate(
  customers: number,
  seconds: number,
  budget: number,
  send: Send,
  deliveries: Deliveries,
): Promise<Phase & { exhausted: number }> {
  let sent = 0;
  let failures = 0;
  let exhausted = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const until = started + seconds * 1000;
  let last = started;
  await Promise.all(
    Array.from({ length: customers }, async (_, c) => {
      let n = 0;
      for (; n < budget && performance.now() < until; n++) {
        const key = `s${c}-${n}`;
        deliveries.sending(key);
        if (await send(c, key)) {
          sent++;
          last = performance.now();
        } else failures++;
      }
      if (n === budget) exhausted++;
    }),
  );
  const phase = await settle(deliveries, cpu, { sent, failures, seconds: (last - started) / 1000 });
  return { ...phase, exhausted };
}

/** Starting servers as child processes for benchmarks, so the load generator does not share their event loop. */
import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';

export interface Started {
  child: ChildProcess;
  url: string;
  /** Seconds from spawn to the ready line. */
  readySeconds: number;
}

/** Spawns a command and waits for a line matching `ready` that contains the URL. */
export function startServer(
  args: string[],
  env: Record<string, string>,
  ready = /ready at (http:\/\/\S+)/,
): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve({ child, url: match[1]!, readySeconds: (performance.now() - started) / 1000 });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

export async function stopServer(server: Started): Promise<void> {
  server.child.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Runs autocannon against one URL and returns requests/s and latency percentiles in ms. */
export async function load(
  url: string,
  options: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<Load> {
  const result = await autocannon({
    url,
    duration: options.seconds,
    connections: options.connections,
    headers: options.headers ?? {},
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

/**
 * A real Postfix for the tests, started as a child process (`postfix start-fg`, no systemd) from the
 * minimal configuration in this folder, in a temporary directory, on a free loopback port. When the
 * binary is missing the tests skip, except in CI (CI=true), where that is a failure.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { binariesPresent, freePort } from './servers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const POSTFIX = '/usr/sbin/postfix';

export const postfixAvailable = () => binariesPresent([POSTFIX], 'postfix');

export interface Postfix {
  port: number;
  /** What Postfix logged so far (its maillog). */
  log(): string;
  destroy(): Promise<void>;
}

/**
 * @param transports domain → next hop, as Postfix's transport(5) writes it (`lmtp:inet:127.0.0.1:2424`)
 */
export async function startPostfix(transports: Record<string, string>): Promise<Postfix> {
  const dir = mkdtempSync(join(tmpdir(), 'atiende-postfix-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  for (const d of ['etc', 'spool', 'data']) mkdirSync(join(dir, d));
  const fill = (name: string) =>
    readFileSync(join(here, name), 'utf8').replaceAll('{dir}', dir).replaceAll('{port}', String(port));
  writeFileSync(join(dir, 'etc/main.cf'), fill('postfix-main.cf'));
  writeFileSync(join(dir, 'etc/master.cf'), fill('postfix-master.cf'));
  writeFileSync(
    join(dir, 'etc/transport'),
    Object.entries(transports)
      .map(([domain, hop]) => `${domain} ${hop}`)
      .join('\n'),
  );
  const uid = Number(execFileSync('id', ['-u', 'postfix']).toString().trim());
  chownSync(join(dir, 'data'), uid, -1);
  const log = () =>
    existsSync(join(dir, 'postfix.log')) ? readFileSync(join(dir, 'postfix.log'), 'utf8') : '';
  // Postfix reports start-up problems only to a terminal or its log; `script` gives it a terminal.
  const child: ChildProcess = spawn(
    'script',
    ['-qec', `${POSTFIX} -c ${join(dir, 'etc')} start-fg`, '/dev/null'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  for (let i = 0; i < 200 && !/daemon started/.test(log()); i++) {
    if (child.exitCode !== null) throw new Error(`postfix exited: ${output}${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!/daemon started/.test(log())) throw new Error(`postfix did not start: ${output}${log()}`);
  return {
    port,
    log,
    async destroy() {
      try {
        execFileSync('script', ['-qec', `${POSTFIX} -c ${join(dir, 'etc')} stop`, '/dev/null']);
      } catch {
        // Already stopped.
      }
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

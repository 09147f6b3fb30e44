/**
 * Real mail servers for the tests, started as child processes (no systemd) from the minimal
 * configurations in this folder, in a temporary directory, on free loopback ports. When the binaries
 * are missing the tests skip, except in CI (CI=true), where that is a failure.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
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
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DOVECOT = '/usr/sbin/dovecot';
const DOVEADM = '/usr/bin/doveadm';
const SWAKS = '/usr/bin/swaks';

/** Whether these binaries are here; in CI a missing one fails instead of skipping. */
export function binariesPresent(paths: string[], packages: string): boolean {
  const present = paths.every((p) => existsSync(p));
  if (!present && process.env.CI === 'true') throw new Error(`CI needs ${packages} (see .ci/run)`);
  return present;
}

/** Whether the Dovecot and swaks tests can run here. */
export const mailServersAvailable = () =>
  binariesPresent([DOVECOT, DOVEADM, SWAKS], 'dovecot-imapd, dovecot-lmtpd and swaks');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface Dovecot {
  dir: string;
  imapPort: number;
  lmtpPort: number;
  /** Users and their password (the same for all). */
  password: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Sets a folder's UIDVALIDITY (doveadm), as a server whose index was rebuilt would. */
  setUidValidity(user: string, value: number): void;
  /** Disconnects a user's IMAP sessions (doveadm kick), as an administrator does after a rebuild. */
  kick(user: string): void;
  /** How many IMAP sessions a user has open now (doveadm who). */
  sessions(user: string): number;
  /** The messages in a user's INBOX, by doveadm (the test's own view of the store). */
  count(user: string): number;
  destroy(): Promise<void>;
}

export async function startDovecot(users: string[]): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'atiende-dovecot-'));
  chmodSync(dir, 0o755);
  const imapPort = await freePort();
  const lmtpPort = await freePort();
  const password = 'mail-test-password';
  const conf = readFileSync(join(here, 'dovecot.conf'), 'utf8')
    .replaceAll('{dir}', dir)
    .replaceAll('{port_imap}', String(imapPort))
    .replaceAll('{port_lmtp}', String(lmtpPort));
  const confPath = join(dir, 'dovecot.conf');
  writeFileSync(confPath, conf);
  writeFileSync(join(dir, 'users'), `${users.map((u) => `${u}:{PLAIN}${password}`).join('\n')}\n`);
  for (const d of ['run', 'state', 'mail']) mkdirSync(join(dir, d));
  const nobody = Number(execFileSync('id', ['-u', 'nobody']).toString().trim());
  const nogroup = Number(execFileSync('getent', ['group', 'nogroup']).toString().split(':')[2]);
  chownSync(join(dir, 'mail'), nobody, nogroup);
  let child: ChildProcess | null = null;

  async function start() {
    child = spawn(DOVECOT, ['-F', '-c', confPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    for (let i = 0; i < 100; i++) {
      if ((await listening(imapPort)) && (await listening(lmtpPort))) return;
      if (child.exitCode !== null) throw new Error(`dovecot exited: ${stderr}${log()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`dovecot did not start: ${stderr}${log()}`);
  }
  const log = () =>
    existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8').slice(-2000) : '';

  async function stop() {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await exited;
    for (let i = 0; i < 100 && (await listening(imapPort)); i++) await new Promise((r) => setTimeout(r, 20));
  }

  const doveadm = (...args: string[]) => execFileSync(DOVEADM, ['-c', confPath, ...args]).toString();

  await start();
  return {
    dir,
    imapPort,
    lmtpPort,
    password,
    start,
    stop,
    async restart() {
      await stop();
      await start();
    },
    setUidValidity(user, value) {
      doveadm('mailbox', 'update', '-u', user, '--uid-validity', String(value), 'INBOX');
    },
    kick(user) {
      try {
        doveadm('kick', user);
      } catch (error) {
        // 68 (EX_NOUSER): no session to drop, e.g. the client is between reconnects.
        if ((error as { status?: number }).status !== 68) throw error;
      }
    },
    sessions(user) {
      const out = doveadm('who', '-1', user);
      return out.split('\n').filter((line) => line.startsWith(`${user} `)).length;
    },
    count(user) {
      const out = doveadm('mailbox', 'status', '-u', user, 'messages', 'INBOX');
      return Number(/messages=(\d+)/.exec(out)?.[1] ?? 'NaN');
    },
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(true));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(false)));
  });
}

/** Sends one message with swaks, a real SMTP/LMTP client; returns its output. */
export function swaks(args: string[], input?: string): string {
  return execFileSync(SWAKS, ['--silent', '2', ...args], {
    input: input ?? '',
    stdio: ['pipe', 'pipe', 'pipe'],
  }).toString();
}

/** Delivers raw message bytes to a Dovecot user over LMTP with swaks. */
export function deliver(dovecot: Dovecot, user: string, raw: string, from = 'sender@example.test'): void {
  swaks(
    [
      '--protocol',
      'LMTP',
      '--server',
      '127.0.0.1',
      '--port',
      String(dovecot.lmtpPort),
      '--from',
      from,
      '--to',
      user,
      '--data',
      '-',
    ],
    raw,
  );
}

/** Like `swaks`, without blocking this process (for a server that runs in it). */
export function swaksAsync(args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(SWAKS, ['--silent', '2', ...args], (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end(input);
  });
}

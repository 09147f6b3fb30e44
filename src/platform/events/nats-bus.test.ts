import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging.ts';
import { createNatsBus } from './nats-bus.ts';

const NATS = '/usr/sbin/nats-server';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a private nats-server for this test file. */
async function startNats(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(NATS, ['-a', '127.0.0.1', '-p', String(port)], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Server is ready')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', () => reject(new Error(`nats-server exited: ${out}`)));
  });
  return { url: `nats://127.0.0.1:${port}`, child };
}

describe.runIf(existsSync(NATS))('NATS event bus', async () => {
  const nats = await startNats();
  afterAll(() => {
    nats.child.kill();
  });
  const logger = createLogger({ logLevel: 'silent' });

  it('a notice published by one process reaches the listeners of every process', async () => {
    const one = await createNatsBus(nats.url, logger);
    const two = await createNatsBus(nats.url, logger);
    const heardByOne: string[] = [];
    const heardByTwo: string[] = [];
    one.subscribe((ws) => heardByOne.push(ws));
    two.subscribe((ws) => heardByTwo.push(ws));
    one.notify('ws-a');
    two.notify('ws-b');
    await one.connection.flush();
    await two.connection.flush();
    await expect
      .poll(() => [heardByOne.sort(), heardByTwo.sort()])
      .toEqual([
        ['ws-a', 'ws-b'],
        ['ws-a', 'ws-b'],
      ]);
    await one.close();
    await two.close();
  });
});

/** A test's WebSocket client: keeps every JSON frame it receives and can wait for more. */
import { afterAll } from 'vitest';
import WebSocket, { type ClientOptions } from 'ws';

const open: WebSocket[] = [];
afterAll(() => {
  for (const s of open) s.close();
});

/**
 * Connects (closed after the file's tests) and collects frames; `arrival` resolves on the next frame or
 * after 100 ms, whichever is first, for loops that wait for a frame until a deadline.
 * @example const { received, arrival } = await collectingSocket(url); while (!received.length) await arrival();
 */
export async function collectingSocket<T>(url: string, options?: ClientOptions) {
  const socket = new WebSocket(url, options);
  open.push(socket);
  const received: T[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    received.push(JSON.parse(data.toString()));
    for (const w of waiters.splice(0)) w();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const arrival = () =>
    new Promise<void>((resolve) => {
      waiters.push(resolve);
      setTimeout(resolve, 100);
    });
  return { socket, received, arrival };
}

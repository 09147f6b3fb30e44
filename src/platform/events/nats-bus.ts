/**
 * The event bus across processes: a "workspace has news" notice is published on NATS subject
 * `atiende.ws.<workspace id>.events` and every process (this one included) tells its readers.
 * Readers then read the log, which stays the only source of truth.
 */
import { connect, type NatsConnection } from 'nats';
import type { Logger } from '../logging.ts';
import { type BusListener, createLocalBus, type EventBus } from './bus.ts';

const SUBJECT = (workspaceId: string) => `atiende.ws.${workspaceId}.events`;

export async function createNatsBus(
  url: string,
  logger: Logger,
): Promise<EventBus & { connection: NatsConnection }> {
  const connection = await connect({ servers: url, name: 'atiende', maxReconnectAttempts: -1 });
  const local = createLocalBus();
  const subscription = connection.subscribe('atiende.ws.*.events');
  // The server has the subscription once the flush returns: no notice published after that is missed.
  await connection.flush();
  void (async () => {
    for await (const message of subscription) {
      const workspaceId = message.subject.split('.')[2];
      if (workspaceId) local.notify(workspaceId);
    }
  })().catch((err) => logger.error({ err }, 'NATS subscription ended'));

  return {
    connection,
    notify(workspaceId) {
      connection.publish(SUBJECT(workspaceId));
    },
    subscribe(listener: BusListener) {
      return local.subscribe(listener);
    },
    async close() {
      await connection.drain();
      await local.close();
    },
  };
}

/** The ceiling: a bare Fastify answering "hello" as JSON, started like Atiende. */
import Fastify from 'fastify';

const app = Fastify();
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address() as { port: number };
process.stdout.write(`bare fastify ready at http://127.0.0.1:${address.port}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));

/**
 * Customers for the command line: `atiende import customers`, loading only what the import uses (no HTTP
 * routes, no Fastify or TypeBox). Everything else uses `index.ts`.
 */
export { importCommand } from './import-command.ts';

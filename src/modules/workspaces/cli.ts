/**
 * Workspaces for the command line: the service without the HTTP routes, so that a command loads neither
 * Fastify nor TypeBox. Everything else uses `index.ts`.
 */
export { createWorkspaceService, type WorkspaceService } from './service.ts';

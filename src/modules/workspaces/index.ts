/** Workspaces: the companies an installation serves, their time zone, language and business hours. */
export { type BusinessHours, calendarProblems, isOpen, localTime } from './calendar.ts';
export { BusinessHoursSchema, workspaceRoutes } from './routes.ts';
export { createWorkspaceService, DEFAULT_HOURS, type Workspace, type WorkspaceService } from './service.ts';

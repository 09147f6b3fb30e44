/**
 * One error type for the whole application: a code such as 'users.email_taken', an HTTP status and a
 * message. The HTTP layer turns it into `{ "error": { "code", "message", "details" } }`.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Errors every module uses; modules add their own codes with the same constructor. */
export const errors = {
  notFound: (what: string) => new AppError('not_found', 404, `${what} not found`),
  badRequest: (code: string, message: string, details?: unknown) => new AppError(code, 400, message, details),
  conflict: (code: string, message: string, details?: unknown) => new AppError(code, 409, message, details),
  forbidden: (message = 'You do not have permission to do this') =>
    new AppError('auth.forbidden', 403, message),
  unauthorized: (message = 'Log in first') => new AppError('auth.required', 401, message),
};

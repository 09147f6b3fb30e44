/**
 * Database errors by SQLSTATE. The driver's error carries the code; the query builder wraps it, so the
 * code may sit on any `cause` down the chain.
 */
/** Whether `error`, or an error it wraps, carries the SQLSTATE `code`. */
export function hasSqlState(error: unknown, code: string): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === code) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** A unique index refused the write (often: a concurrent request made it first). */
export const isUniqueViolation = (error: unknown): boolean => hasSqlState(error, '23505');

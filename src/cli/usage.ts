/** What every command shares without touching the database: its output and its usage error. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export class UsageError extends Error {}

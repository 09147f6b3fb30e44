import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/** The process logger: JSON lines, secrets and cookies redacted. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password', 'token', '*.token'],
  });
}

/**
 * The one place that reads the environment. Every setting is parsed and validated here, once, at start-up;
 * a wrong value stops the start with a message naming the setting.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type Mode = 'development' | 'production' | 'test';

export interface Config {
  mode: Mode;
  host: string;
  port: number;
  /** Public base URL, used in e-mails and to check the Origin of cookie-authenticated writes. */
  publicUrl: string | null;
  dataDir: string;
  databaseUrl: string | null;
  secret: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  natsUrl: string | null;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  bodyLimitBytes: number;
  demoSeed: boolean;
  webDir: string;
  /** `smtp://user:password@host:port` (or `smtps://`) for the platform's outgoing mail; null logs it. */
  smtpUrl: string | null;
  /** Sender of the platform's own mail (password resets, transcripts). */
  mailFrom: string;
  /** Where the pushed-mail listener accepts deliveries, e.g. `lmtp://127.0.0.1:2424`; null for none. */
  emailListener: { protocol: 'smtp' | 'lmtp'; host: string; port: number } | null;
}

/** The documented settings: environment variable, config-file key, default and meaning. */
export const SETTINGS = [
  [
    'ATIENDE_MODE',
    'mode',
    'development',
    'development, production or test; production refuses default secrets',
  ],
  ['HOST', 'host', '127.0.0.1', 'address to listen on (0.0.0.0 for every interface)'],
  ['PORT', 'port', '3000', 'HTTP port'],
  ['PUBLIC_URL', 'publicUrl', '(http://HOST:PORT)', 'public base URL for links in e-mails and origin checks'],
  [
    'ATIENDE_DATA_DIR',
    'dataDir',
    './data',
    'embedded database directory (PGlite), when DATABASE_URL is unset',
  ],
  [
    'DATABASE_URL',
    'databaseUrl',
    '(unset)',
    'postgres://… to run on PostgreSQL instead of the embedded database',
  ],
  [
    'ATIENDE_SECRET',
    'secret',
    '(required in production)',
    'at least 32 characters; encrypts stored credentials',
  ],
  ['LOG_LEVEL', 'logLevel', 'info', 'fatal, error, warn, info, debug, trace or silent'],
  ['NATS_URL', 'natsUrl', '(unset)', 'nats://… to fan events out between several Atiende processes'],
  ['SESSION_TTL_HOURS', 'sessionTtlHours', '12', 'idle lifetime of a login session'],
  ['LOGIN_MAX_FAILURES', 'loginMaxFailures', '5', 'failed logins in a row that lock an account'],
  ['LOGIN_LOCK_MINUTES', 'loginLockMinutes', '15', 'how long a locked account stays locked'],
  ['BODY_LIMIT_BYTES', 'bodyLimitBytes', '1048576', 'largest accepted JSON request body'],
  ['ATIENDE_DEMO_SEED', 'demoSeed', '1 in development', 'seed the Servicenter demo workspace on first start'],
  ['SMTP_URL', 'smtpUrl', '(unset)', 'smtp://user:password@host:port for outgoing mail; unset logs mail'],
  ['MAIL_FROM', 'mailFrom', 'Atiende <no-reply@localhost>', 'sender of password resets and transcripts'],
  [
    'EMAIL_LISTENER',
    'emailListener',
    '(unset)',
    'lmtp://HOST:PORT or smtp://HOST:PORT to accept pushed mail',
  ],
  ['ATIENDE_CONFIG', '-', '(unset)', 'path of an optional JSON file with any of the keys above'],
] as const;

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`Invalid setting ${setting}: ${message}`);
  }
}

const KNOWN_DEFAULT_SECRETS = new Set(['changeme', 'secret', 'atiende', 'development']);
const MODES: Mode[] = ['development', 'production', 'test'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Source = Record<string, string | undefined>;

/**
 * Builds the configuration from the environment, an optional JSON file (ATIENDE_CONFIG) and overrides
 * (command-line flags), in increasing precedence.
 * @example const config = loadConfig(process.env, { port: '4000' });
 */
export function loadConfig(
  env: Source = process.env,
  overrides: Partial<Record<keyof Config, string>> = {},
): Config {
  const file = readConfigFile(env.ATIENDE_CONFIG);
  const pick = (envName: string, key: keyof Config): string | undefined =>
    overrides[key] ?? env[envName] ?? (file[key] === undefined ? undefined : String(file[key]));

  const mode = oneOf('ATIENDE_MODE', pick('ATIENDE_MODE', 'mode') ?? 'development', MODES);
  const host = pick('HOST', 'host') ?? '127.0.0.1';
  const port = integer('PORT', pick('PORT', 'port') ?? '3000', 0, 65535);
  const databaseUrl = pick('DATABASE_URL', 'databaseUrl') || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  const secret = pick('ATIENDE_SECRET', 'secret') || null;
  if (mode === 'production') {
    if (!secret) throw new ConfigError('ATIENDE_SECRET', 'is required in production mode');
    if (secret.length < 32 || KNOWN_DEFAULT_SECRETS.has(secret.toLowerCase())) {
      throw new ConfigError('ATIENDE_SECRET', 'must be at least 32 characters and not a default value');
    }
  }
  const publicUrl = pick('PUBLIC_URL', 'publicUrl') || null;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new ConfigError('PUBLIC_URL', 'must be an http:// or https:// URL');
  }
  const natsUrl = pick('NATS_URL', 'natsUrl') || null;
  if (natsUrl && !/^(nats|tls):\/\//.test(natsUrl))
    throw new ConfigError('NATS_URL', 'must start with nats://');
  const smtpUrl = pick('SMTP_URL', 'smtpUrl') || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl))
    throw new ConfigError('SMTP_URL', 'must start with smtp:// or smtps://');
  const emailListener = listenerSetting(pick('EMAIL_LISTENER', 'emailListener') || null);

  return {
    mode,
    host,
    port,
    publicUrl: publicUrl?.replace(/\/$/, '') ?? null,
    dataDir: resolve(pick('ATIENDE_DATA_DIR', 'dataDir') ?? './data'),
    databaseUrl,
    secret,
    logLevel: oneOf(
      'LOG_LEVEL',
      pick('LOG_LEVEL', 'logLevel') ?? (mode === 'test' ? 'silent' : 'info'),
      LOG_LEVELS,
    ),
    natsUrl,
    sessionTtlHours: integer(
      'SESSION_TTL_HOURS',
      pick('SESSION_TTL_HOURS', 'sessionTtlHours') ?? '12',
      1,
      24 * 90,
    ),
    loginMaxFailures: integer(
      'LOGIN_MAX_FAILURES',
      pick('LOGIN_MAX_FAILURES', 'loginMaxFailures') ?? '5',
      1,
      100,
    ),
    loginLockMinutes: integer(
      'LOGIN_LOCK_MINUTES',
      pick('LOGIN_LOCK_MINUTES', 'loginLockMinutes') ?? '15',
      1,
      24 * 60,
    ),
    bodyLimitBytes: integer(
      'BODY_LIMIT_BYTES',
      pick('BODY_LIMIT_BYTES', 'bodyLimitBytes') ?? '1048576',
      1024,
      1 << 30,
    ),
    demoSeed: boolean(
      'ATIENDE_DEMO_SEED',
      pick('ATIENDE_DEMO_SEED', 'demoSeed') ?? (mode === 'development' ? '1' : '0'),
    ),
    webDir: resolve(overrides.webDir ?? 'dist/web'),
    smtpUrl,
    mailFrom: pick('MAIL_FROM', 'mailFrom') || 'Atiende <no-reply@localhost>',
    emailListener,
  };
}

function listenerSetting(value: string | null): Config['emailListener'] {
  if (!value) return null;
  const m = /^(lmtp|smtp):\/\/([^:/]+):(\d+)\/?$/.exec(value);
  if (!m)
    throw new ConfigError('EMAIL_LISTENER', `expected lmtp://HOST:PORT or smtp://HOST:PORT, got "${value}"`);
  return { protocol: m[1] as 'lmtp' | 'smtp', host: m[2]!, port: integer('EMAIL_LISTENER', m[3]!, 1, 65535) };
}

function readConfigFile(path: string | undefined): Partial<Record<keyof Config, unknown>> {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError('ATIENDE_CONFIG', `cannot read ${path}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new ConfigError('ATIENDE_CONFIG', `${path} is not a JSON object`);
  }
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

function boolean(name: string, value: string): boolean {
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off', ''].includes(value.toLowerCase())) return false;
  throw new ConfigError(name, `expected true or false, got "${value}"`);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

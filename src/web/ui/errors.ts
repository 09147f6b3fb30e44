/** Turns errors into sentences for the user, translated where the code or the wording is known. */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

const CODE_KEYS = {
  'auth.invalid_credentials': 'errors.auth.invalid_credentials',
  'auth.locked': 'errors.auth.locked',
  'auth.required': 'errors.auth.required',
  'auth.csrf': 'errors.auth.csrf',
  'auth.wrong_password': 'errors.auth.wrong_password',
  'auth.bad_reset_token': 'errors.auth.bad_reset_token',
  'users.email_taken': 'errors.users.email_taken',
  'users.unknown_role': 'errors.users.unknown_role',
  'users.self_lockout': 'errors.users.self_lockout',
  'roles.key_taken': 'errors.roles.key_taken',
  'roles.admin_fixed': 'errors.roles.admin_fixed',
  'conflict.duplicate': 'errors.conflict',
  rate_limited: 'errors.rate_limited',
  network: 'errors.network',
  'validation.failed': 'errors.validation',
} as const;

type KnownCode = keyof typeof CODE_KEYS;
const isKnownCode = (code: string): code is KnownCode => code in CODE_KEYS;

/**
 * The message to show for an error.
 * @example errorMessage(t, new ApiError(423, 'auth.locked', 'Locked')) // "La cuenta está bloqueada…"
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  if (isKnownCode(error.code)) return t(CODE_KEYS[error.code]);
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.not_found');
  if (error.status >= 500) return t('errors.server');
  return error.message || t('errors.unexpected');
}

/**
 * A field message from the server in the interface language: by the error's code when it names one
 * field's problem, else by recognising the validator's wording, else as the server wrote it.
 */
export function fieldMessage(t: TFunction, code: string, message: string): string {
  if (isKnownCode(code) && code !== 'validation.failed') return t(CODE_KEYS[code]);
  const text = message.replace(/^Password /, '');
  for (const [pattern, translate] of WORDINGS) {
    const match = pattern.exec(text);
    if (match) return translate(t, match[1] ?? '');
  }
  return message;
}

/** The validator's wordings we recognise, each with its translation (the capture is a number or a name). */
const WORDINGS: [RegExp, (t: TFunction, captured: string) => string][] = [
  [/^is required$/, (t) => t('validation.required')],
  [/^must match format "email"$/, (t) => t('validation.email')],
  [/^must match format "date"$/, (t) => t('validation.date')],
  [
    /^must (?:NOT have fewer than|be at least) (\d+) characters?$/,
    (t, count) => t('validation.minLength', { count: Number(count) }),
  ],
  [
    /^must (?:NOT have more than|be at most) (\d+) characters?$/,
    (t, count) => t('validation.maxLength', { count: Number(count) }),
  ],
  [/^must match pattern /, (t) => t('validation.pattern')],
  [/^must be equal to one of the allowed values$/, (t) => t('validation.oneOf')],
  [/^must be >= (-?[\d.]+)$/, (t, n) => t('validation.minimum', { n })],
  [/^must be <= (-?[\d.]+)$/, (t, n) => t('validation.maximum', { n })],
  [/^unknown property "(.+)"$/, (t, name) => t('validation.unknown', { name })],
];

export interface FormErrors {
  /** Messages for the fields the form shows, by path ('email', 'businessHours/weekly/0/open'). */
  fields: Record<string, string>;
  /** A message for the top of the form: problems no shown field can display, or the error itself. */
  form: string | null;
}

/**
 * Splits an error into messages for the form's fields and one for the form as a whole.
 * @example formErrors(t, error, ['email', 'password']).fields.email
 */
export function formErrors(t: TFunction, error: unknown, fields: readonly string[]): FormErrors {
  if (!error) return { fields: {}, form: null };
  if (!(error instanceof ApiError)) return { fields: {}, form: errorMessage(t, error) };
  const shown: Record<string, string> = {};
  const stray: string[] = [];
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const text = fieldMessage(t, error.code, message);
    if (fields.some((field) => path === field || path.startsWith(`${field}/`))) shown[path] = text;
    // A translated code speaks for itself; a validator message needs to say which field it means.
    else stray.push(path && !isKnownCode(error.code) ? `${path}: ${text}` : text);
  }
  const form =
    stray.length > 0 ? stray.join(' · ') : Object.keys(shown).length === 0 ? errorMessage(t, error) : null;
  return { fields: shown, form };
}

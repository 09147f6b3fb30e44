/** The customers API's own error codes and field messages, in the interface language. Pure. */
import { ApiError } from '../../api/client.ts';
import type { CustomersKey } from './i18n.ts';

type Translate = (key: CustomersKey, values?: Record<string, string | number>) => string;

const CODES: Record<string, CustomersKey> = {
  'customers.identity_taken': 'errors.identityTaken',
  'customers.external_id_taken': 'errors.externalIdTaken',
  'customers.merged': 'errors.merged',
  'customers.erased': 'errors.erased',
  'customers.import_bad_encoding': 'errors.badEncoding',
};

const WORDINGS: [RegExp, CustomersKey][] = [
  [/valid e-mail address/, 'errors.invalidEmail'],
  [/phone number/, 'errors.invalidPhone'],
  [/^unknown custom field/, 'errors.unknownField'],
  [/belongs to another customer/, 'errors.identityTaken'],
  [/^unknown time zone/, 'problems.unknownTimeZone'],
  [/is not a user of this workspace/, 'problems.notAUser'],
];

/**
 * The same error with the customers module's messages translated, so the shared form helpers show them.
 * @example formErrors(t, translateError(ct, save.error), ['name', 'email'])
 */
export function translateError(t: Translate, error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const known = CODES[error.code];
  const details = Array.isArray(error.details)
    ? error.details.map((d: { path?: unknown; message?: unknown }) => {
        const message = typeof d.message === 'string' ? d.message : '';
        const key = known ?? WORDINGS.find(([pattern]) => pattern.test(message))?.[1];
        return key ? { ...d, message: t(key) } : d;
      })
    : error.details;
  // A code the shared helpers do not know is shown by its message: give them ours.
  return new ApiError(
    error.status,
    known ? 'customers.translated' : error.code,
    known ? t(known) : error.message,
    details,
  );
}

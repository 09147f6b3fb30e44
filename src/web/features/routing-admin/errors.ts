/** Routing's error codes in the interface language; anything else as the app words it. */
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../ui/errors.ts';
import type { RoutingKey } from './i18n.ts';

const KNOWN = ['unknown_skill', 'invalid_queue', 'invalid_hours', 'unknown_channel', 'invalid_settings'];

export function routingErrorMessage(
  t: (key: RoutingKey, values?: Record<string, string | number>) => string,
  appT: TFunction,
  error: unknown,
): string | null {
  if (!error) return null;
  if (error instanceof ApiError && error.code.startsWith('routing.')) {
    const code = error.code.slice('routing.'.length);
    if (KNOWN.includes(code)) return t(`errors.${code}` as RoutingKey, { message: error.message });
  }
  return errorMessage(appT, error);
}

/** Dates and times as the reader expects them: in the interface language and the workspace's time zone. */
import { useTranslation } from 'react-i18next';

const LOCALES = { es: 'es-CO', en: 'en-US' } as const;

/**
 * Formats an ISO timestamp for people.
 * @example formatDateTime('2025-03-01T14:00:00Z', 'es', 'America/Bogota') // "1 mar 2025, 9:00 a. m."
 */
export function formatDateTime(iso: string, language: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = language === 'en' ? LOCALES.en : LOCALES.es;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      date,
    );
  } catch {
    // An unknown time zone must not break the page.
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

/** A formatter bound to the current language and the given time zone. */
export function useDateTime(timeZone: string): (iso: string) => string {
  const { i18n } = useTranslation();
  return (iso) => formatDateTime(iso, i18n.language, timeZone);
}

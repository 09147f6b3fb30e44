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

/**
 * The calendar day (YYYY-MM-DD) it is at `ms` in a time zone: the workspace's "today", which the
 * browser's own clock and zone can put on another day.
 * @example dayIn('America/Bogota', Date.parse('2026-12-07T00:11:00Z')) // "2026-12-06"
 */
export function dayIn(timeZone: string, ms = Date.now()): string {
  try {
    // The en-CA locale writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(ms);
  } catch {
    return new Date(ms).toISOString().slice(0, 10);
  }
}

/** A formatter bound to the current language and the given time zone. */
export function useDateTime(timeZone: string): (iso: string) => string {
  const { i18n } = useTranslation();
  return (iso) => formatDateTime(iso, i18n.language, timeZone);
}

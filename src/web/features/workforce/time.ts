/** Wall-clock times of the workspace as the API writes them (`YYYY-MM-DDTHH:MM:SS`), for display. Pure. */

/**
 * @example formatSlot('2024-01-08T08:30:00') // '2024-01-08 08:30'
 */
export const formatSlot = (local: string): string => `${local.slice(0, 10)} ${local.slice(11, 16)}`;

/** @example dayOf('2024-01-08T08:30:00') // '2024-01-08' */
export const dayOf = (local: string): string => local.slice(0, 10);

/** @example timeOf('2024-01-08T08:30:00') // '08:30' */
export const timeOf = (local: string): string => local.slice(11, 16);

/**
 * The weekday and date of a day in the interface language, read as a calendar date (no time zone shift).
 * @example dayLabel('2024-01-08', 'es') // 'lun, 8 ene'
 */
export function dayLabel(day: string, language: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat(language === 'es' ? 'es-CO' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(date);
}

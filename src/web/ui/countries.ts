/** ISO 3166-1 country codes with names in the interface language, from the browser's own Intl data. */

// Region codes Intl knows that are not countries one picks for a workspace.
const NOT_COUNTRIES = new Set([
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'EU',
  'EZ',
  'IC',
  'QO',
  'TA',
  'UN',
  'XA',
  'XB',
  'ZZ',
]);
const cache = new Map<string, { value: string; label: string }[]>();

/**
 * Every country as a select option, sorted by name.
 * @example countryOptions('es').find((o) => o.value === 'CO') // { value: 'CO', label: 'Colombia' }
 */
export function countryOptions(language: string): { value: string; label: string }[] {
  const cached = cache.get(language);
  if (cached) return cached;
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  const options: { value: string; label: string }[] = [];
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const name = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
      if (name && name !== code) options.push({ value: code, label: name });
    }
  }
  options.sort((a, b) => a.label.localeCompare(b.label, language));
  cache.set(language, options);
  return options;
}

/** Every IANA time zone the browser knows, plus `current` if it is missing from that list. */
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

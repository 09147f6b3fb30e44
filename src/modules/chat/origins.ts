/** Which sites may embed a web channel. Pure. */

/**
 * Whether an origin is on the channel's list. Entries are origins (`https://shop.example.com`) or a
 * wildcard over subdomains (`https://*.example.com`, which does not match `https://example.com` itself).
 * Scheme and port must match exactly; a missing origin never matches.
 * @example originAllowed(['https://*.example.com'], 'https://shop.example.com') // true
 */
export function originAllowed(allowed: readonly string[], origin: string | undefined | null): boolean {
  if (!origin) return false;
  const parsed = parseOrigin(origin);
  if (!parsed) return false;
  return allowed.some((entry) => {
    const rule = parseOrigin(entry.replace('://*.', '://wildcard.'));
    if (!rule || rule.scheme !== parsed.scheme || rule.port !== parsed.port) return false;
    if (!entry.includes('://*.')) return rule.host === parsed.host;
    const suffix = rule.host.slice('wildcard'.length);
    return parsed.host.endsWith(suffix) && parsed.host.length > suffix.length;
  });
}

/** Checks an allowed-origin entry; returns a problem or null. */
export function originProblem(entry: string): string | null {
  if (!/^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(entry))
    return 'must be an origin such as https://shop.example.com or https://*.example.com, with no path';
  return null;
}

function parseOrigin(value: string): { scheme: string; host: string; port: string } | null {
  try {
    const url = new URL(value);
    if (url.origin === 'null' || `${url.protocol}//${url.host}` !== value.replace(/\/$/, '').toLowerCase())
      return null;
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return { scheme: url.protocol, host: url.hostname, port };
  } catch {
    return null;
  }
}

/** The sentence a timeline entry shows, by its kind. Pure. */
import type { TimelineEntry } from './api.ts';
import type { CustomersKey } from './i18n.ts';

type Translate = (key: CustomersKey, values?: Record<string, string | number>) => string;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * @example describeEntry(t, { kind: 'identity', payload: { action: 'added', value: 'ana@x.co' }, … }) // "Identidad agregada: ana@x.co"
 */
export function describeEntry(
  t: Translate,
  entry: Pick<TimelineEntry, 'kind' | 'summary' | 'payload' | 'channel'>,
): string {
  const p = entry.payload;
  if (entry.summary === '' && Object.keys(p).length === 0) return t('timeline.erased');
  switch (entry.kind) {
    case 'identity':
      return t(p.action === 'removed' ? 'timeline.identityRemoved' : 'timeline.identityAdded', {
        value: text(p.value) || entry.summary,
      });
    case 'consent': {
      const state = [
        p.doNotContact ? t('profile.doNotContact') : '',
        p.marketingOptIn ? t('profile.marketing') : '',
      ]
        .filter(Boolean)
        .join(', ');
      return t('timeline.consent', {
        channel: entry.channel ?? '',
        state: state || '—',
        source: text(p.source) || entry.summary,
      });
    }
    case 'merge':
      return t('timeline.mergedWith', { name: entry.summary });
    case 'profile':
      return entry.summary === 'created' ? t('timeline.created') : entry.summary;
    case 'note':
      return text(p.body) || entry.summary;
    default:
      return entry.summary;
  }
}

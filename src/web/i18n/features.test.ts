import { describe, expect, it } from 'vitest';
import * as desk from '../features/agent-desk/i18n.ts';
import * as chatAdmin from '../features/chat-admin/i18n.ts';
import * as customers from '../features/customers/i18n.ts';
import * as email from '../features/email/i18n.ts';
import * as knowledge from '../features/knowledge/i18n.ts';
import * as quality from '../features/quality/i18n.ts';
import * as routingAdmin from '../features/routing-admin/i18n.ts';
import * as scripting from '../features/scripting/i18n.ts';
import * as supervisor from '../features/supervisor/i18n.ts';
import * as workforce from '../features/workforce/i18n.ts';
import * as workforceSchedule from '../features/workforce/schedule-i18n.ts';

const FEATURES = {
  desk,
  chatAdmin,
  customers,
  email,
  knowledge,
  quality,
  routingAdmin,
  scripting,
  supervisor,
  workforce,
  workforceSchedule,
};

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
    }
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(FEATURES))('the %s screens’ strings', (_name, { es, en }) => {
  const spanish = leaves(es);
  const english = leaves(en);

  it('exist in Spanish and English with the same keys, none empty', () => {
    expect([...english.keys()].sort()).toEqual([...spanish.keys()].sort());
    for (const [key, text] of [...spanish, ...english]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of spanish)
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
  });
});

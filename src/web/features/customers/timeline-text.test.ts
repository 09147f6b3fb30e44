import { describe, expect, it } from 'vitest';
import { es } from './i18n.ts';
import { describeEntry } from './timeline-text.ts';

// A translator over the Spanish catalogue, interpolating {{name}} placeholders.
const t = (key: string, values: Record<string, string | number> = {}) => {
  const template = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], es) as string;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
};
const entry = (
  kind: string,
  summary: string,
  payload: Record<string, unknown> = {},
  channel: string | null = null,
) => ({
  kind,
  summary,
  payload,
  channel,
});

describe('timeline sentences', () => {
  it('say what happened, by kind', () => {
    expect(describeEntry(t, entry('identity', 'x', { action: 'added', value: 'ana@x.co' }))).toBe(
      'Identidad agregada: ana@x.co',
    );
    expect(describeEntry(t, entry('identity', 'x', { action: 'removed', value: '+57 300' }))).toBe(
      'Identidad quitada: +57 300',
    );
    expect(
      describeEntry(t, entry('consent', 'llamada', { doNotContact: true, source: 'llamada' }, 'whatsapp')),
    ).toBe('whatsapp: No contactar (fuente: llamada)');
    expect(describeEntry(t, entry('merge', 'Ana Díaz', { sourceId: 'x' }))).toBe('Se fusionó con Ana Díaz');
    expect(describeEntry(t, entry('note', 'Primera línea', { body: 'Primera línea\nSegunda' }))).toBe(
      'Primera línea\nSegunda',
    );
    expect(describeEntry(t, entry('interaction', 'Reserva de hotel', { direction: 'inbound' }, 'chat'))).toBe(
      'Reserva de hotel',
    );
  });

  it('an erased entry says so instead of showing nothing', () => {
    expect(describeEntry(t, entry('note', ''))).toBe('Contenido borrado');
  });
});

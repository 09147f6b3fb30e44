import { describe, expect, it } from 'vitest';
import { contextSchema } from './context-schema.ts';
import { BOOKING_CHANGE } from './fixtures.ts';
import type { ScriptDefinition, Step } from './types.ts';
import { validateScript } from './validate.ts';

const ctx = contextSchema(['segmento']);
const codes = (def: ScriptDefinition) => validateScript(def, ctx).map((p) => `${p.code}@${p.stepId}`);
const withSteps = (steps: Step[], extra: Partial<ScriptDefinition> = {}): ScriptDefinition => ({
  start: steps[0]!.id,
  variables: [{ name: 'x', type: 'text' }],
  steps,
  ...extra,
});

describe('script validation', () => {
  it('accepts a sound script', () => {
    expect(validateScript(BOOKING_CHANGE, ctx)).toEqual([]);
  });

  it('refuses a step that cannot be reached, naming it', () => {
    expect(
      codes(
        withSteps([
          { id: 'a', type: 'say', text: 'hola', next: 'z' },
          { id: 'huerfano', type: 'say', text: 'nadie llega', next: 'z' },
          { id: 'z', type: 'end', outcome: 'ok' },
        ]),
      ),
    ).toEqual(['unreachable@huerfano']);
  });

  it('refuses a cycle without an exit', () => {
    expect(
      codes(
        withSteps([
          { id: 'a', type: 'say', text: 'uno', next: 'b' },
          { id: 'b', type: 'say', text: 'dos', next: 'a' },
          { id: 'z', type: 'end', outcome: 'ok' },
        ]),
      ),
    ).toEqual(expect.arrayContaining(['no_exit@a', 'no_exit@b']));
  });

  it('refuses a loop of branches that never asks the agent', () => {
    const loop: Step[] = [
      {
        id: 'a',
        type: 'branch',
        cases: [{ when: { op: 'set', ref: 'customer.name' }, next: 'b' }],
        otherwise: 'z',
      },
      { id: 'b', type: 'action', action: { kind: 'create_task', title: 't' }, next: 'a' },
      { id: 'z', type: 'end', outcome: 'ok' },
    ];
    expect(codes(withSteps(loop))).toEqual(
      expect.arrayContaining(['cycle_without_stop@a', 'cycle_without_stop@b']),
    );
  });

  it('accepts a loop that goes through a question', () => {
    const loop: Step[] = [
      { id: 'a', type: 'ask', question: '¿Otra vez?', variable: 'x', next: 'b' },
      {
        id: 'b',
        type: 'branch',
        cases: [{ when: { op: 'eq', left: { ref: 'var.x' }, right: { value: 'si' } }, next: 'a' }],
        otherwise: 'z',
      },
      { id: 'z', type: 'end', outcome: 'ok' },
    ];
    expect(codes(withSteps(loop))).toEqual([]);
  });

  it('refuses an undeclared variable and one read before it is asked on every path', () => {
    expect(
      codes(
        withSteps([
          { id: 'a', type: 'say', text: 'Hola {{var.nadie}}', next: 'z' },
          { id: 'z', type: 'end', outcome: 'ok' },
        ]),
      ),
    ).toEqual(['undefined_variable@a']);
    expect(
      codes(
        withSteps([
          {
            id: 'a',
            type: 'branch',
            cases: [{ when: { op: 'set', ref: 'customer.name' }, next: 'b' }],
            otherwise: 'c',
          },
          { id: 'b', type: 'ask', question: '?', variable: 'x', next: 'c' },
          { id: 'c', type: 'say', text: 'Dijo {{var.x}}', next: 'z' },
          { id: 'z', type: 'end', outcome: 'ok' },
        ]),
      ),
    ).toEqual(['variable_maybe_unset@c']);
  });

  it('refuses conditions and texts on fields that do not exist', () => {
    expect(
      codes(
        withSteps([
          {
            id: 'a',
            type: 'branch',
            cases: [
              {
                when: { op: 'eq', left: { ref: 'customer.field.color' }, right: { value: 'rojo' } },
                next: 'z',
              },
            ],
            otherwise: 'b',
          },
          { id: 'b', type: 'say', text: '{{customer.field.segmento}} {{customer.edad}}', next: 'z' },
          { id: 'z', type: 'end', outcome: 'ok' },
        ]),
      ),
    ).toEqual(['unknown_field@a', 'unknown_field@b']);
  });

  it('refuses links to missing steps, a missing start and duplicate ids', () => {
    expect(
      codes({
        start: 'nada',
        variables: [],
        steps: [
          { id: 'a', type: 'say', text: 'x', next: 'fantasma' },
          { id: 'a', type: 'end', outcome: 'ok' },
        ],
      }),
    ).toEqual(['duplicate_step@a', 'unknown_start@null', 'unknown_next@a']);
  });

  it('refuses comparing a choice with a value that is not an option', () => {
    const def = structuredClone(BOOKING_CHANGE);
    def.steps.splice(3, 1, {
      id: 'deuda',
      type: 'branch',
      cases: [{ when: { op: 'eq', left: { ref: 'var.cambio' }, right: { value: 'hotel' } }, next: 'cobro' }],
      otherwise: 'valor',
    });
    expect(codes(def)).toEqual(['unknown_option@deuda']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionRefs, VAR_PREFIX } from './conditions.ts';
import { contextSchema } from './context-schema.ts';
import { compile, EvaluationError, evaluate } from './evaluate.ts';
import { BOOKING_CHANGE } from './fixtures.ts';
import type { Answer, Condition, ScriptDefinition, Step, Value } from './types.ts';
import { isStop, validateScript } from './validate.ts';

const platinum = {
  'customer.name': 'Ana',
  'customer.tier': 'platinum',
  'agent.name': 'Laura',
  'invoices.overdue_count': 0,
};

describe('script evaluation', () => {
  const booking = compile(BOOKING_CHANGE);

  it('waits at the first stop with its text filled in', () => {
    const e = evaluate(booking, platinum, []);
    expect(e).toMatchObject({ status: 'waiting', current: 'saludo', path: ['saludo'] });
    expect(e.text).toBe('Buenos días Ana, habla Laura.');
  });

  it('offers the free upgrade to a platinum customer whose ticket expired, and not to a standard one', () => {
    const answers: Answer[] = [
      { stepId: 'saludo', value: null },
      { stepId: 'que', value: 'fecha' },
      { stepId: 'tiquete', value: true },
    ];
    expect(evaluate(booking, platinum, answers).current).toBe('upgrade');
    expect(evaluate(booking, { ...platinum, 'customer.tier': 'standard' }, answers).current).toBe(
      'reexpedir',
    );
  });

  it('branches on overdue invoices', () => {
    const answers: Answer[] = [
      { stepId: 'saludo', value: null },
      { stepId: 'que', value: 'destino' },
      { stepId: 'tiquete', value: false },
    ];
    const e = evaluate(booking, { ...platinum, 'invoices.overdue_count': 2 }, answers);
    expect(e.path).toEqual(['saludo', 'que', 'tiquete', 'deuda', 'cobro']);
    expect(e.text).toBe('Tiene 2 facturas vencidas.');
  });

  it('refuses an answer of the wrong type or for another step, saying which', () => {
    expect(() =>
      evaluate(booking, platinum, [
        { stepId: 'saludo', value: null },
        { stepId: 'que', value: 'hotel' },
      ]),
    ).toThrow(/"que" must be one of: fecha, destino, pasajero/);
    expect(() => evaluate(booking, platinum, [{ stepId: 'que', value: 'fecha' }])).toThrow(EvaluationError);
  });

  it('refuses answers past the end', () => {
    const answers: Answer[] = [
      { stepId: 'saludo', value: null },
      { stepId: 'que', value: 'fecha' },
      { stepId: 'tiquete', value: true },
      { stepId: 'upgrade', value: null },
    ];
    expect(evaluate(booking, platinum, answers)).toMatchObject({ status: 'ended', outcome: 'resuelto' });
    expect(() => evaluate(booking, platinum, [...answers, { stepId: 'fin', value: null }])).toThrow(
      /after the end/,
    );
  });
});

// Generated scripts: forward links everywhere, and back links only from branches to stops, so every loop
// passes a stop and every step can reach the last one (an end). Unreachable steps are dropped.
const VARS = [
  { name: 'a', type: 'choice' as const, options: ['si', 'no', 'tal vez'] },
  { name: 'b', type: 'number' as const },
];
const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    op: fc.constant('eq' as const),
    left: fc.constant({ ref: 'var.a' }),
    right: fc.constantFrom({ value: 'si' }, { value: 'no' }),
  }),
  fc.record({
    op: fc.constantFrom('gt' as const, 'lte' as const),
    left: fc.constant({ ref: 'var.b' }),
    right: fc.integer({ min: 0, max: 5 }).map((value) => ({ value })),
  }),
  fc.record({
    op: fc.constant('eq' as const),
    left: fc.constant({ ref: 'customer.tier' }),
    right: fc.constantFrom({ value: 'gold' }, { value: 'platinum' }),
  }),
);

const script = fc.integer({ min: 3, max: 14 }).chain((n) =>
  fc
    .tuple(
      ...Array.from({ length: n - 1 }, (_, i) =>
        fc.record({
          kind: fc.constantFrom('say', 'ask', 'branch', 'action'),
          variable: fc.constantFrom('a', 'b'),
          forward: fc.integer({ min: i + 1, max: n - 1 }),
          back: fc.integer({ min: 0, max: n - 1 }),
          when: condition,
        }),
      ),
    )
    .map((specs): ScriptDefinition => {
      const steps: Step[] = [
        { id: 'q0', type: 'ask', question: 'a?', variable: 'a', next: 'q1' },
        { id: 'q1', type: 'ask', question: 'b?', variable: 'b', next: 's0' },
      ];
      const kinds = specs.map((s) => s.kind);
      specs.forEach((s, i) => {
        const next = `s${s.forward}`;
        if (s.kind === 'say') steps.push({ id: `s${i}`, type: 'say', text: `{{var.a}} ${i}`, next });
        else if (s.kind === 'ask')
          steps.push({ id: `s${i}`, type: 'ask', question: '?', variable: s.variable, next });
        else if (s.kind === 'action')
          steps.push({ id: `s${i}`, type: 'action', action: { kind: 'create_task', title: `t${i}` }, next });
        else {
          const backOk = s.back < specs.length && (kinds[s.back] === 'say' || kinds[s.back] === 'ask');
          steps.push({
            id: `s${i}`,
            type: 'branch',
            cases: [{ when: s.when, next: backOk ? `s${s.back}` : next }],
            otherwise: next,
          });
        }
      });
      steps.push({ id: `s${n - 1}`, type: 'end', outcome: 'fin' });
      return dropUnreachable({ start: 'q0', variables: VARS, steps });
    }),
);

function dropUnreachable(def: ScriptDefinition): ScriptDefinition {
  const byId = new Map(def.steps.map((s) => [s.id, s]));
  const seen = new Set([def.start]);
  const todo = [def.start];
  while (todo.length) {
    const s = byId.get(todo.pop()!)!;
    const next =
      s.type === 'branch' ? [...s.cases.map((c) => c.next), s.otherwise] : s.type === 'end' ? [] : [s.next];
    for (const n of next) if (!seen.has(n)) seen.add(n) && todo.push(n);
  }
  return { ...def, steps: def.steps.filter((s) => seen.has(s.id)) };
}

/** An agent who answers each stop from a stream of choices. */
const answerFor = (def: ScriptDefinition, stepId: string, pick: number): Value => {
  const step = def.steps.find((s) => s.id === stepId)!;
  if (step.type !== 'ask') return null;
  return step.variable === 'a' ? ['si', 'no', 'tal vez'][pick % 3]! : pick % 6;
};

function drive(def: ScriptDefinition, context: Record<string, Value>, picks: number[]) {
  const compiled = compile(def);
  const answers: Answer[] = [];
  let e = evaluate(compiled, context, answers);
  const states = [e];
  for (const pick of picks) {
    if (e.status === 'ended') break;
    answers.push({ stepId: e.current, value: answerFor(def, e.current, pick) });
    e = evaluate(compiled, context, answers);
    states.push(e);
  }
  return { answers, states, last: e, compiled };
}

const ctx = contextSchema();
const tier = fc.constantFrom('standard', 'gold', 'platinum');
const picks = fc.array(fc.nat(100), { maxLength: 40 });

describe('script evaluation properties', () => {
  it('generated scripts pass validation', () => {
    fc.assert(
      fc.property(script, (def) => {
        expect(validateScript(def, ctx)).toEqual([]);
      }),
    );
  });

  it('terminates on every path: each evaluation returns at a stop or an end, within a bounded walk', () => {
    fc.assert(
      fc.property(script, tier, picks, (def, t, p) => {
        const { states, answers } = drive(def, { 'customer.tier': t }, p);
        const byId = new Map(def.steps.map((s) => [s.id, s]));
        for (const [i, s] of states.entries()) {
          const step = byId.get(s.current)!;
          expect(s.status === 'ended' ? step.type === 'end' : isStop(step)).toBe(true);
          expect(s.path.length).toBeLessThanOrEqual((i + 1) * (def.steps.length + 1));
        }
        expect(answers.length).toBeLessThanOrEqual(p.length);
      }),
    );
  });

  it('conditions see only declared variables that were already answered', () => {
    fc.assert(
      fc.property(script, tier, picks, (def, t, p) => {
        const declared = new Set(def.variables.map((v) => v.name));
        for (const step of def.steps)
          if (step.type === 'branch')
            for (const c of step.cases)
              for (const ref of conditionRefs(c.when))
                if (ref.startsWith(VAR_PREFIX)) expect(declared.has(ref.slice(VAR_PREFIX.length))).toBe(true);
        const { states } = drive(def, { 'customer.tier': t }, p);
        for (const s of states) {
          const visited = s.path.map((id) => def.steps.find((x) => x.id === id)!);
          const asked = new Set<string>();
          for (const step of visited) {
            if (step.type === 'branch')
              for (const c of step.cases)
                for (const ref of conditionRefs(c.when))
                  if (ref.startsWith(VAR_PREFIX)) expect(asked.has(ref.slice(VAR_PREFIX.length))).toBe(true);
            if (step.type === 'ask' && step !== visited.at(-1)) asked.add(step.variable);
          }
        }
      }),
    );
  });

  it('replaying the recorded answers reproduces the recorded path and effects; going back returns to the previous stop', () => {
    fc.assert(
      fc.property(script, tier, picks, (def, t, p) => {
        const context = { 'customer.tier': t };
        const { answers, states, last, compiled } = drive(def, context, p);
        const recorded = JSON.parse(JSON.stringify({ answers, path: last.path, effects: last.effects }));
        const replay = evaluate(compile(JSON.parse(JSON.stringify(def))), context, recorded.answers);
        expect(replay.path).toEqual(recorded.path);
        expect(replay.effects).toEqual(recorded.effects);
        if (answers.length > 0)
          expect(evaluate(compiled, context, answers.slice(0, -1))).toEqual(states.at(-2));
      }),
    );
  });
});

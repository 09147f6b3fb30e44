/** Scripts for tests and the benchmark: a small hand-written one and generated valid ones. Pure. */
import type { ScriptDefinition, Step } from './types.ts';

/** A booking change: greet, ask what changes, branch on the customer's tier and an overdue balance. */
export const BOOKING_CHANGE: ScriptDefinition = {
  start: 'saludo',
  variables: [
    { name: 'cambio', type: 'choice', options: ['fecha', 'destino', 'pasajero'] },
    { name: 'vencido', type: 'boolean' },
  ],
  steps: [
    { id: 'saludo', type: 'say', text: 'Buenos días {{customer.name}}, habla {{agent.name}}.', next: 'que' },
    { id: 'que', type: 'ask', question: '¿Qué desea cambiar?', variable: 'cambio', next: 'tiquete' },
    { id: 'tiquete', type: 'ask', question: '¿El tiquete está vencido?', variable: 'vencido', next: 'deuda' },
    {
      id: 'deuda',
      type: 'branch',
      cases: [
        { when: { op: 'gt', left: { ref: 'invoices.overdue_count' }, right: { value: 0 } }, next: 'cobro' },
      ],
      otherwise: 'valor',
    },
    { id: 'cobro', type: 'say', text: 'Tiene {{invoices.overdue_count}} facturas vencidas.', next: 'valor' },
    {
      id: 'valor',
      type: 'branch',
      cases: [
        {
          when: {
            op: 'and',
            all: [
              { op: 'eq', left: { ref: 'customer.tier' }, right: { value: 'platinum' } },
              { op: 'eq', left: { ref: 'var.vencido' }, right: { value: true } },
            ],
          },
          next: 'upgrade',
        },
      ],
      otherwise: 'reexpedir',
    },
    { id: 'upgrade', type: 'say', text: 'Le reexpedimos el tiquete con ascenso gratis.', next: 'fin' },
    { id: 'reexpedir', type: 'say', text: 'Le reexpedimos el tiquete ({{var.cambio}}).', next: 'fin' },
    { id: 'fin', type: 'end', outcome: 'resuelto' },
  ],
};

/** A valid script of `n` steps: one question, then says, branches and actions in turn, then the end. */
export function longScript(n: number): ScriptDefinition {
  const steps: Step[] = [{ id: 's0', type: 'ask', question: '¿Cuántos?', variable: 'n', next: 's1' }];
  for (let i = 1; i < n - 1; i++) {
    const next = `s${i + 1}`;
    if (i % 3 === 0)
      steps.push({
        id: `s${i}`,
        type: 'branch',
        cases: [
          { when: { op: 'gt', left: { ref: 'var.n' }, right: { value: i % 7 } }, next },
          { when: { op: 'eq', left: { ref: 'customer.tier' }, right: { value: 'platinum' } }, next },
        ],
        otherwise: next,
      });
    else if (i % 3 === 1) steps.push({ id: `s${i}`, type: 'say', text: `Paso ${i} {{customer.name}}`, next });
    else
      steps.push({
        id: `s${i}`,
        type: 'action',
        action: { kind: 'set_disposition', disposition: `d${i}` },
        next,
      });
  }
  steps.push({ id: `s${n - 1}`, type: 'end', outcome: 'fin' });
  return { start: 's0', variables: [{ name: 'n', type: 'number' }], steps };
}

import { describe, expect, it } from 'vitest';
import { cannedQuery, fillCanned } from './canned.ts';

describe('canned responses', () => {
  it('fills the customer and agent variables and leaves unknown ones visible', () => {
    const vars = { customerName: 'Ana María Ruiz', agentName: 'Luis Gómez' };
    expect(fillCanned('Hola {customer.first_name}, soy {agent.first_name}.', vars)).toBe(
      'Hola Ana, soy Luis.',
    );
    expect(fillCanned('{customer.name} / {agent.name}', vars)).toBe('Ana María Ruiz / Luis Gómez');
    expect(fillCanned('Pedido {order.id}', vars)).toBe('Pedido {order.id}');
  });

  it('recognises a shortcut only when the draft is a slash and a word', () => {
    expect(cannedQuery('/')).toBe('');
    expect(cannedQuery('/salu')).toBe('salu');
    expect(cannedQuery('hola /salu')).toBeNull();
    expect(cannedQuery('/salu do')).toBeNull();
  });
});

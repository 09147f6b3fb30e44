/** Canned responses: variables filled from the conversation, and the `/shortcut` being typed. Pure. */

export interface CannedVariables {
  customerName: string;
  agentName: string;
}

/**
 * Fills `{customer.name}`, `{customer.first_name}`, `{agent.name}` and `{agent.first_name}`; unknown
 * variables stay as written, so a typo shows rather than vanishing.
 * @example fillCanned('Hola {customer.first_name}', { customerName: 'Ana Ruiz', agentName: 'Luis' }) // 'Hola Ana'
 */
export function fillCanned(body: string, vars: CannedVariables): string {
  const first = (s: string) => s.trim().split(/\s+/)[0] ?? s;
  const values: Record<string, string> = {
    'customer.name': vars.customerName,
    'customer.first_name': first(vars.customerName),
    'agent.name': vars.agentName,
    'agent.first_name': first(vars.agentName),
  };
  return body.replace(/\{([a-z_.]+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * The shortcut being typed when the draft is `/word` (nothing else), or null.
 * @example cannedQuery('/saludo') // 'saludo'
 */
export function cannedQuery(draft: string): string | null {
  const match = /^\/([a-z0-9_-]*)$/.exec(draft);
  return match ? match[1]! : null;
}

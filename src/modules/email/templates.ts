/**
 * Reply templates with variables, pure: `{{customer.name}}`, `{{agent.name}}`, `{{reference}}`,
 * `{{subject}}`, `{{mailbox.name}}`. An unknown variable is left visible rather than silently dropped,
 * so the agent sees it before sending.
 */
export type TemplateVariables = Record<string, string | null | undefined>;

/** @example fillTemplate('Hola {{customer.name}}', { 'customer.name': 'Ana' }) // 'Hola Ana' */
export function fillTemplate(template: string, variables: TemplateVariables): string {
  return template.replace(/\{\{\s*([a-z][a-z0-9_.]*)\s*\}\}/gi, (whole, name: string) => {
    const value = variables[name];
    return value === undefined || value === null ? whole : value;
  });
}

/** Variables a template uses, for validation. */
export function variablesOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\{\s*([a-z][a-z0-9_.]*)\s*\}\}/gi)].map((m) => m[1]!))];
}

export const KNOWN_VARIABLES = [
  'customer.name',
  'customer.email',
  'agent.name',
  'agent.email',
  'reference',
  'subject',
  'mailbox.name',
];

/** What a signature may use: it is filled before the conversation is known. */
export const SIGNATURE_VARIABLES = ['agent.name', 'agent.email', 'mailbox.name'];

/** The text of an outgoing message: body, then the signature after the conventional `-- ` line. */
export function withSignature(body: string, signature: string | null | undefined): string {
  const sig = signature?.trim();
  return sig ? `${body.trimEnd()}\n\n-- \n${sig}` : body;
}

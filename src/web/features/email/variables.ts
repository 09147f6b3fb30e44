/** The `{{variables}}` the server fills, as the screens show them, and a check for what stayed unfilled. */

/** What a signature may use. */
export const SIGNATURE_VARIABLES = '{{agent.name}}, {{agent.email}}, {{mailbox.name}}';

/** What a template may use. */
export const TEMPLATE_VARIABLES = [
  'customer.name',
  'customer.email',
  'agent.name',
  'agent.email',
  'reference',
  'subject',
  'mailbox.name',
].map((v) => `{{${v}}}`);

/**
 * Variables a filled template still shows (no value was known for this conversation).
 * @example unfilled('Hola {{customer.name}}, {{customer.name}}') // ['{{customer.name}}']
 */
export const unfilled = (text: string) => [...new Set(text.match(/\{\{\s*[a-z][a-z0-9_.]*\s*\}\}/gi) ?? [])];

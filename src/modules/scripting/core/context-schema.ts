/** The references a script may read, and their types. Pure. */
import type { ContextSchema } from './types.ts';

/** The references every workspace offers, plus `customer.field.<key>` for its custom fields. */
/** @example contextSchema(['segmento'])['customer.field.segmento'] // 'text' */
export function contextSchema(fieldKeys: string[] = []): ContextSchema {
  const schema: ContextSchema = {
    'customer.name': 'text',
    'customer.tier': 'text',
    'customer.score': 'number',
    'customer.language': 'text',
    'interaction.channel': 'text',
    'interaction.reason': 'text',
    'interaction.queue': 'text',
    'interaction.language': 'text',
    'agent.name': 'text',
    'invoices.open_count': 'number',
    'invoices.overdue_count': 'number',
    'invoices.overdue_amount': 'number',
    'promotions.active': 'list',
    'promotions.products': 'list',
    'offers.top_product': 'text',
    'offers.top_score': 'number',
  };
  for (const key of fieldKeys) schema[`customer.field.${key}`] = 'text';
  return schema;
}

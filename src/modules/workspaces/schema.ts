import { jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../platform/db/columns.ts';
import type { BusinessHours } from './calendar.ts';

/** A workspace is one company served by the installation; every other row names its workspace. */
export const workspaces = pgTable(
  'workspaces',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    defaultLanguage: text('default_language').$type<'es' | 'en'>().notNull(),
    defaultCountry: text('default_country').notNull(),
    businessHours: jsonb('business_hours').$type<BusinessHours>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('workspaces_slug').on(t.slug)],
);

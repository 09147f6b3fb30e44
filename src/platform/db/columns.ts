/** Column helpers shared by every table: UUIDv7 ids, the workspace column and UTC timestamps. */
import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

export const idColumn = () => uuid('id').primaryKey();
export const workspaceColumn = () => uuid('workspace_id').notNull();
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull();
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** PostgreSQL's 64-bit transaction id, read as text. */
export const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/** Binary content (uploaded files), as a Buffer on both drivers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

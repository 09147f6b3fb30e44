/** Numbers from the ranking's own parameters written into SQL text (never user input). */
import { type SQL, sql } from 'drizzle-orm';

/** As float8 text: numeric would be slow. */
export const float = (n: number) => `${Number.isFinite(n) ? String(n) : '0'}::float8`;
/** As a float8 in a statement. */
export const num = (n: number): SQL => sql.raw(float(n));
/** As a float8 array literal, ready to index (`${floats([1, 2])}[i]`). */
export const floats = (list: number[]) => `(array[${list.map(float).join(', ')}])`;

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Test support only: reads a file of the shared data set that sits beside the repository
 * (`../shared/data/…`), which is never copied into it.
 */
export function readSharedData(relativePath: string): string {
  const url = new URL(`../../../../shared/data/${relativePath}`, import.meta.url);
  return readFileSync(fileURLToPath(url), 'utf8');
}

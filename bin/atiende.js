#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { run } = await import(pathToFileURL(join(root, 'src/main.ts')).href);
await run(process.argv.slice(2));

// `npm run dev`: the API server on :3000 and Vite's dev server with hot reload, stopped together.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['bin/atiende.js', 'serve'], { stdio: 'inherit' }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);

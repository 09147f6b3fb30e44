/**
 * Child process of the customers benchmark: runs `atiende import customers FILE --workspace SLUG` in-process
 * (DATABASE_URL or --data-dir as the command takes them) and prints one JSON line with the rows it imported,
 * its wall time, its CPU time (the whole process's, and the command's alone after start-up) and its peak memory, so the import's memory is measured apart from the benchmark's own.
 */
import { importCommand } from '../../src/modules/customers/cli.ts';

const args = process.argv.slice(2);
let summary = '';
const started = performance.now();
// The command's own CPU, apart from loading the modules (tsx compiling TypeScript takes ~2–3 s of CPU).
const startCpu = process.cpuUsage();
const code = await importCommand(['customers', ...args], {
  stdout: (text) => {
    summary += text;
  },
  stderr: (text) => {
    if (text.includes('%')) process.stderr.write(`    ${text.trimEnd()}\n`);
  },
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage();
const commandCpu = process.cpuUsage(startCpu);
const rows = Number(/Imported ([\d,]+) rows/.exec(summary)?.[1]?.replace(/,/g, '') ?? 0);
process.stdout.write(
  `${JSON.stringify({ code, rows, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, commandCpuSeconds: (commandCpu.user + commandCpu.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
process.exit(0);

/**
 * `npm run bench`: every benchmark, each in its own Node process so that peak memory is its own.
 * Benchmarks print figures; none asserts a time. `npm run bench -- engine` runs only the named ones.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const all = ['units-import', 'engine', 'round-lifecycle', 'import', 'ledger', 'national', 'points'];
// The national round holds 620 thousand results and their explanations in memory at once.
const flags: Record<string, string[]> = { national: ['--max-old-space-size=8192'] };
const wanted = process.argv.slice(2);
let failed = false;
for (const name of wanted.length ? wanted : all) {
  const file = path.join(here, `${name}.ts`);
  if (!fs.existsSync(file)) {
    console.error(`no benchmark named ${name} (have: ${all.join(', ')})`);
    failed = true;
    continue;
  }
  const run = spawnSync(process.execPath, [...(flags[name] ?? []), '--import', 'tsx', file], {
    stdio: 'inherit',
  });
  failed ||= run.status !== 0;
}
process.exitCode = failed ? 1 : 0;

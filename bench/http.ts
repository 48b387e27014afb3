/**
 * `npm run bench:http`: the public ranking JSON of a published 18-town round under 100
 * connections (autocannon against 127.0.0.1), beside a bare Fastify route answering a constant
 * JSON body of the same size. Prints p50, p99 and requests/s; asserts nothing.
 * Targets: p99 ≤ 20 ms and at least 50 % of the reference's requests/s.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 100;
// BENCH_DATABASE_URL: run on that (empty) PostgreSQL database instead of SQLite.
const databaseUrl = process.env.BENCH_DATABASE_URL ?? '';

function start(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; address: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, address: match[1]! });
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${out}`)));
  });
}

async function load(url: string) {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-http-'));
const children: ChildProcess[] = [];
try {
  execFileSync(process.execPath, ['bin/leitai.js', 'demo', '--data', dir], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  const leitai = await start([
    'bin/leitai.js',
    'serve',
    '--data',
    dir,
    '--host',
    '127.0.0.1',
    '--port',
    '0',
  ]);
  children.push(leitai.child);
  const contests = (await (
    await fetch(
      `${leitai.address}/api/v1/public/contests?category=${encodeURIComponent('基层党建')}`,
    )
  ).json()) as {
    items: { latestRound: { id: number } }[];
  };
  const roundUrl = `${leitai.address}/api/v1/public/rounds/${contests.items[0]!.latestRound.id}`;
  const json = await (await fetch(roundUrl)).text();
  const units = (JSON.parse(json) as { total: number }).total;
  const bodyFile = path.join(dir, 'body.json');
  fs.writeFileSync(bodyFile, json);
  const reference = await start(['--import', 'tsx', 'bench/reference-server.ts', bodyFile]);
  children.push(reference.child);

  await load(roundUrl); // warm up both, then measure
  const ours = await load(roundUrl);
  const listUrl = `${leitai.address}/api/v1/public/contests`;
  const listBytes = (await (await fetch(listUrl)).text()).length;
  await load(listUrl);
  const list = await load(listUrl);
  await load(`${reference.address}/constant`);
  const ref = await load(`${reference.address}/constant`);
  const row = (label: string, r: Awaited<ReturnType<typeof load>>) =>
    `  ${label.padEnd(44)} p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   ${Math.round(r.rps).toString().padStart(6)} req/s${r.errors ? `   ${r.errors} errors` : ''}`;
  console.log(
    `\n${databaseUrl ? 'PostgreSQL' : 'SQLite'}: public ranking JSON of a published ${units}-town round (${(json.length / 1024).toFixed(1)} KB), ${connections} connections, ${seconds} s each`,
  );
  console.log(row('GET /api/v1/public/rounds/:id (Leitai)', ours));
  console.log(row('constant JSON of the same size (bare Fastify)', ref));
  console.log(row(`GET /api/v1/public/contests (${(listBytes / 1024).toFixed(1)} KB)`, list));
  console.log(
    `  share of the reference's requests/s: ${((100 * ours.rps) / ref.rps).toFixed(0)} %   (targets: p99 ≤ 20 ms, ≥ 50 %)`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}

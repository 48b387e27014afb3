/**
 * A streaming replica of the test PostgreSQL for the read-replica tests (issue 18): a second
 * local cluster made with `pg_basebackup -R` from TEST_DATABASE_URL's server, running on
 * 127.0.0.1:5433 from a folder under the temp dir, as the `postgres` OS user when we are root.
 * Idempotent: a replica that is already streaming is reused; anything else there is replaced.
 * The test stops it afterwards unless TEST_KEEP_REPLICA=1.
 * Needs the primary to allow replication connections from 127.0.0.1 (`.ci/run` adds the
 * pg_hba line; this adds it too when it may write the file).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const REPLICA_PORT = Number(process.env.TEST_REPLICA_PORT ?? 5433);
const DIR = path.join(os.tmpdir(), `leitai-replica-${REPLICA_PORT}`);
const SLOT = `leitai_test_replica_${REPLICA_PORT}`;

function pgBin(name: string): string {
  for (const v of ['17', '16', '15', '14']) {
    const p = `/usr/lib/postgresql/${v}/bin/${name}`;
    if (fs.existsSync(p)) return p;
  }
  return name;
}

const isRoot = process.getuid?.() === 0;

function run(cmd: string, args: string[]): string {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** The replica's URL for `database` (streaming, in recovery), made or reused. */
export async function ensureReplica(primaryUrl: string): Promise<string> {
  const primary = new URL(primaryUrl);
  const replica = new URL(primaryUrl);
  replica.hostname = '127.0.0.1';
  replica.port = String(REPLICA_PORT);
  const replicaUrl = replica.toString();
  try {
    const [row] = await query<{ r: boolean }>(replicaUrl, 'select pg_is_in_recovery() as r');
    const streaming = await query(
      primaryUrl,
      `select 1 from pg_stat_replication where application_name = '${SLOT}' and state = 'streaming'`,
    );
    if (row?.r && streaming.length) return replicaUrl;
  } catch {
    // Not running: made below.
  }
  // The primary must accept replication connections from here.
  const [hba] = await query<{ hba_file: string }>(primaryUrl, 'show hba_file');
  const line = 'host replication all 127.0.0.1/32 trust';
  if (hba && fs.existsSync(hba.hba_file)) {
    const text = fs.readFileSync(hba.hba_file, 'utf8');
    if (!text.split('\n').some((l) => l.trim().replace(/\s+/g, ' ') === line)) {
      // Replication lines are read top-down: put ours first.
      fs.writeFileSync(hba.hba_file, `${line}\n${text}`);
      await query(primaryUrl, 'select pg_reload_conf()');
    }
  }
  const settings = await query<{ name: string; setting: string }>(
    primaryUrl,
    `select name, setting from pg_settings where name in ('max_connections',
       'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions',
       'max_locks_per_transaction', 'wal_level')`,
  );
  const wal = settings.find((s) => s.name === 'wal_level')?.setting;
  if (wal === 'minimal') {
    throw new Error('wal_level is minimal on the primary: ALTER SYSTEM SET wal_level = replica');
  }
  // Anything left over: stop it and start again from a fresh base backup.
  if (fs.existsSync(path.join(DIR, 'postmaster.pid'))) {
    try {
      run(pgBin('pg_ctl'), ['-D', DIR, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Not running.
    }
  }
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true, mode: 0o700 });
  if (isRoot) execFileSync('chown', ['postgres:postgres', DIR]);
  run(pgBin('pg_basebackup'), [
    '-h',
    primary.hostname || '127.0.0.1',
    '-p',
    primary.port || '5432',
    '-U',
    decodeURIComponent(primary.username || 'postgres'),
    '-D',
    DIR,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  // Debian keeps postgresql.conf and pg_hba.conf outside the data folder: write the replica's.
  const keep = settings
    .filter((s) => s.name !== 'wal_level')
    .map((s) => `${s.name} = ${s.setting}`)
    .join('\n');
  const conf = `port = ${REPLICA_PORT}
listen_addresses = '127.0.0.1'
unix_socket_directories = '${DIR}'
hot_standby = on
wal_level = ${wal}
primary_conninfo = 'host=${primary.hostname || '127.0.0.1'} port=${primary.port || '5432'} user=${decodeURIComponent(primary.username || 'postgres')} application_name=${SLOT}'
logging_collector = off
${keep}
`;
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(DIR, name), text);
    if (isRoot) execFileSync('chown', ['postgres:postgres', path.join(DIR, name)]);
  };
  write('postgresql.conf', conf);
  write('pg_hba.conf', 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
  write('pg_ident.conf', '');
  // postgresql.auto.conf from -R names the primary too; ours (later in the file) wins anyway.
  fs.appendFileSync(
    path.join(DIR, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=${primary.hostname || '127.0.0.1'} port=${primary.port || '5432'} user=${decodeURIComponent(primary.username || 'postgres')} application_name=${SLOT}'\n`,
  );
  run(pgBin('pg_ctl'), ['-D', DIR, '-l', path.join(DIR, 'server.log'), '-w', '-t', '60', 'start']);
  // Wait until it streams.
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      const rows = await query(
        primaryUrl,
        `select 1 from pg_stat_replication where application_name = '${SLOT}' and state = 'streaming'`,
      );
      if (rows.length) return replicaUrl;
    } catch {
      // try again
    }
    if (Date.now() > until) {
      const log = fs.existsSync(path.join(DIR, 'server.log'))
        ? fs.readFileSync(path.join(DIR, 'server.log'), 'utf8').slice(-2000)
        : '';
      throw new Error(`the replica on port ${REPLICA_PORT} did not start streaming:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops the replica (the tests' afterAll): it would otherwise replay every later write. */
export function stopReplica(): void {
  if (!fs.existsSync(path.join(DIR, 'postmaster.pid'))) return;
  try {
    run(pgBin('pg_ctl'), ['-D', DIR, '-m', 'fast', '-w', 'stop']);
  } catch {
    // Already stopped.
  }
}

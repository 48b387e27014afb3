/**
 * Several app servers on one PostgreSQL (issue 18): a change through one shows on the others
 * within 0.3 s (LISTEN/NOTIFY, no polling), one publish of a round wins across instances and the
 * rest are told 409, the change feed survives the loss of its connection, and a file stored
 * through one instance (LEITAI_FILE_STORE=postgres) downloads through the other.
 * PostgreSQL only: on SQLite Leitai is one process.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, feedsLive, pgUrl, startCluster } from './support/instances.ts';

const RUBRIC = `title: 多实例测试
precision: 2
indicators:
  - { code: A1, name: 活动场所, points: 40, method: manual }
  - { code: A2, name: 后备干部人数, points: 60, method: relative }
flags:
  red: { top: 1 }
`;
const HSP = '371323104'; // 黄山铺镇
const PDF = Buffer.from('%PDF-1.4\n% shared evidence across instances\n');

if (!pgUrl) {
  console.warn(
    'multi-instance tests SKIPPED: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)',
  );
}

function statuses(responses: { statusCode: number }[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of responses) out[r.statusCode] = (out[r.statusCode] ?? 0) + 1;
  return out;
}

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = '----leitai-instances';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Polls until `check` holds; returns how long it took (ms). Fails after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs = 5000): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - started;
}

describe.skipIf(!pgUrl)('two app servers on one PostgreSQL', () => {
  let cluster: Cluster;
  let contestId: number;
  let roundId: number;

  beforeAll(async () => {
    cluster = await startCluster(2, { LEITAI_FILE_STORE: 'postgres' });
    await feedsLive(cluster.instances);
    const [a] = cluster.instances;
    const created = await a!.as('admin', {
      method: 'POST',
      url: '/api/v1/contests',
      payload: {
        title: '多实例擂台赛',
        category: '基层党建',
        organizer: '371323',
        cadence: 'month',
        participants: { under: '371323', kinds: ['street', 'town', 'township'] },
        evaluators: { A1: '371323-D01' },
      },
    });
    expect(created.statusCode).toBe(201);
    contestId = created.json().id;
    const draft = await a!.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rubrics`,
      payload: { yaml: RUBRIC },
    });
    expect(draft.statusCode).toBe(201);
    expect(
      (
        await a!.as('admin', {
          method: 'POST',
          url: `/api/v1/contests/${contestId}/rubrics/1/publish`,
        })
      ).statusCode,
    ).toBe(200);
    const opened = await a!.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rounds`,
      payload: { period: '2026-06' },
    });
    expect(opened.statusCode).toBe(201);
    roundId = opened.json().id;
  });
  afterAll(() => cluster?.close());

  const move = (i: number, to: string) =>
    cluster.instances[i]!.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/transition`,
      payload: to === 'published' ? { to, reason: '多实例测试：提前发布' } : { to },
    });

  it('evidence stored through one instance downloads through the other (files in PostgreSQL)', async () => {
    const [a, b] = cluster.instances;
    expect(a!.deps.files.kind).toBe('postgres');
    expect((await move(0, 'collecting')).statusCode).toBe(200);
    const uploaded = await a!.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/evidence`,
      ...multipart({ unit: HSP, indicator: 'A1' }, { name: '佐证.pdf', bytes: PDF }),
    });
    expect(uploaded.statusCode).toBe(201);
    const downloaded = await b!.as('admin', { url: `/api/v1/evidence/${uploaded.json().id}` });
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.rawPayload).toEqual(PDF);
  });

  it('four publishes of one round through two instances at once: one 200, three 409, no 500', async () => {
    const saved = await cluster.instances[1]!.as('admin', {
      method: 'PUT',
      url: `/api/v1/rounds/${roundId}/entries`,
      payload: [
        { unit: HSP, indicator: 'A1', value: 30 },
        { unit: HSP, indicator: 'A2', value: 4 },
      ],
    });
    expect(saved.statusCode).toBe(200);
    for (const to of ['reviewing', 'notice']) expect((await move(0, to)).statusCode).toBe(200);
    const published = await Promise.all([0, 1, 0, 1].map((i) => move(i, 'published')));
    expect(statuses(published)).toEqual({ 200: 1, 409: 3 });
    const events = await cluster.instances[0]!.handle.db.selectFrom('audit_events')
      .select('after_json')
      .where('action', '=', 'round.transition')
      .where('entity_id', '=', String(roundId))
      .execute();
    expect(events.filter((e) => JSON.parse(e.after_json!).state === 'published')).toHaveLength(1);
    // Flags awarded once: one flag row per unit and round at most.
    const flags = await cluster.instances[0]!.handle.db.selectFrom('flags')
      .select(['unit_id'])
      .where('round_id', '=', roundId)
      .execute();
    expect(new Set(flags.map((f) => f.unit_id)).size).toBe(flags.length);
    expect(flags.length).toBeGreaterThan(0);
  });

  it('a correction through one instance shows on the other within 0.3 s', async () => {
    const [a, b] = cluster.instances;
    const before = await b!.as(null, { url: `/api/v1/public/rounds/${roundId}` });
    expect(before.statusCode).toBe(200);
    expect(before.json().round.revision).toBe(0);
    // Instance b now serves the round from its cache, without asking the database.
    const cached = await b!.as(null, { url: `/api/v1/public/rounds/${roundId}` });
    expect(cached.headers.etag).toBe(before.headers.etag);
    const contestsBefore = await b!.as(null, { url: '/api/v1/public/contests' });
    expect(contestsBefore.statusCode).toBe(200);
    const listGeneration = b!.deps.contestsCache.generation;

    const corrected = await a!.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/corrections`,
      payload: { reason: '多实例更正', entries: [{ unit: HSP, indicator: 'A1', value: 35 }] },
    });
    expect(corrected.statusCode).toBe(200);
    const took = await until(async () => {
      const now = await b!.as(null, { url: `/api/v1/public/rounds/${roundId}` });
      return now.json().round.revision === 1;
    });
    expect(took).toBeLessThan(300);
    // b's public contest list was dropped too (it is rebuilt on the next request).
    expect(b!.deps.contestsCache.generation).toBeGreaterThan(listGeneration);
  });

  it('the change feed survives losing its connection, then drops every cache once', async () => {
    const [a, b] = cluster.instances;
    const warm = await b!.as(null, { url: `/api/v1/public/rounds/${roundId}` });
    expect(warm.statusCode).toBe(200);
    // Kill b's LISTEN connection as a PostgreSQL restart would.
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      const killed = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where application_name = 'leitai-listen' and query ilike 'listen%'`,
      );
      expect(killed.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await until(async () => !b!.shared.feed!.live);
    await feedsLive(cluster.instances);
    // Back and listening: a new correction through a shows on b again.
    const corrected = await a!.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/corrections`,
      payload: { reason: '重连后更正', entries: [{ unit: HSP, indicator: 'A1', value: 36 }] },
    });
    expect(corrected.statusCode).toBe(200);
    const took = await until(async () => {
      const now = await b!.as(null, { url: `/api/v1/public/rounds/${roundId}` });
      return now.json().round.revision === 2;
    });
    expect(took).toBeLessThan(300);
    // The operator's view: b says it listens again, lost the connection once, and heard the
    // correction just now; the files are in the database; nothing of the URL is told.
    const health = await b!.as(null, { url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    const body = health.json();
    expect(body.changeFeed.state).toBe('listening');
    expect(body.changeFeed.reconnects).toBeGreaterThanOrEqual(1);
    expect(body.changeFeed.lastEventAgeSeconds).toBeLessThan(5);
    expect(body.changeFeed.listeningForSeconds).toBeGreaterThanOrEqual(0);
    expect(body).toMatchObject({ database: 'postgres', replicas: [], files: 'postgres' });
    expect(health.body).not.toMatch(/postgres:\/\/|127\.0\.0\.1|search_path/);
  });
});

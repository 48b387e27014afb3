/**
 * Races (issue 12): N identical requests at once have exactly one winner and the rest are told
 * 409, never 500; mixed transitions keep the round's state and its audit consistent; a published
 * round changes only through a correction. On both dialects (PostgreSQL is where requests really
 * interleave; SQLite serialises writers).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { verifyAuditChain } from '../db/audit.repository.ts';

const RUBRIC = `title: 并发测试
precision: 2
indicators:
  - { code: A1, name: 活动场所, points: 40, method: manual }
  - { code: A2, name: 后备干部人数, points: 60, method: relative }
flags:
  red: { top: 1 }
`;

const HSP = '371323104'; // 黄山铺镇
const N = 10;
const PDF = Buffer.from('%PDF-1.4\n% race evidence\n');

function statuses(responses: { statusCode: number }[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of responses) out[r.statusCode] = (out[r.statusCode] ?? 0) + 1;
  return out;
}

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = '----leitai-race';
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

describeEachDialect('races and published rounds', (use) => {
  let s: TestServer;
  let contestId: number;
  let roundId: number;

  beforeAll(async () => {
    s = await startTestServer(use());
    const created = await s.as('admin', {
      method: 'POST',
      url: '/api/v1/contests',
      payload: {
        title: '并发测试擂台赛',
        category: '基层党建',
        organizer: '371323',
        cadence: 'month',
        participants: { under: '371323', kinds: ['street', 'town', 'township'] },
        evaluators: { A1: '371323-D01' },
      },
    });
    expect(created.statusCode).toBe(201);
    contestId = created.json().id;
  });
  afterAll(() => s.close());

  // Publishing inside the notice window needs a reason (DESIGN §2); the races run inside it.
  const move = (to: string) =>
    s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/transition`,
      payload: to === 'published' ? { to, reason: '竞态测试：提前发布' } : { to },
    });

  async function transitionsOf(id: number) {
    const rows = await use()
      .handle.db.selectFrom('audit_events')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'round.transition')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      from: JSON.parse(r.before_json!).state as string,
      to: JSON.parse(r.after_json!).state as string,
    }));
  }

  it('the same draft rubric published N times at once: one publication, the rest 409', async () => {
    const draft = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rubrics`,
      payload: { yaml: RUBRIC },
    });
    expect(draft.statusCode).toBe(201);
    const publishes = await Promise.all(
      Array.from({ length: N }, () =>
        s.as('admin', { method: 'POST', url: `/api/v1/contests/${contestId}/rubrics/1/publish` }),
      ),
    );
    expect(statuses(publishes)).toEqual({ 200: 1, 409: N - 1 });
    const events = await use()
      .handle.db.selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'rubric.publish')
      .where('entity_id', '=', `${contestId}:1`)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('the round of one period opened N times at once: one round, the rest 409', async () => {
    const opened = await Promise.all(
      Array.from({ length: N }, () =>
        s.as('admin', {
          method: 'POST',
          url: `/api/v1/contests/${contestId}/rounds`,
          payload: { period: '2026-06' },
        }),
      ),
    );
    expect(statuses(opened)).toEqual({ 201: 1, 409: N - 1 });
    roundId = opened.find((r) => r.statusCode === 201)!.json().id;
    const rounds = await use()
      .handle.db.selectFrom('rounds')
      .select('id')
      .where('contest_id', '=', contestId)
      .where('period', '=', '2026-06')
      .execute();
    expect(rounds).toHaveLength(1);
  });

  it('one username created N times at once: one user, the rest 409', async () => {
    const created = await Promise.all(
      Array.from({ length: N }, () =>
        s.as('admin', {
          method: 'POST',
          url: '/api/v1/users',
          payload: { username: 'race.user', unit: HSP, roles: ['reporter'] },
        }),
      ),
    );
    expect(statuses(created)).toEqual({ 201: 1, 409: N - 1 });
    for (const r of created.filter((x) => x.statusCode === 409)) {
      expect(['CONFLICT', 'DUPLICATE_USERNAME']).toContain(r.json().error.code);
    }
  });

  it('one transition N times at once: one winner, the rest 409, one audit event', async () => {
    const moved = await Promise.all(Array.from({ length: N }, () => move('collecting')));
    expect(statuses(moved)).toEqual({ 200: 1, 409: N - 1 });
    for (const r of moved.filter((x) => x.statusCode === 409)) {
      expect(r.json().error.code).toBe('INVALID_TRANSITION');
    }
    expect(await transitionsOf(roundId)).toEqual([{ from: 'draft', to: 'collecting' }]);
  });

  it('one new entry saved N times at once from the same version: one save, the rest 409', async () => {
    const saves = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        s.as('admin', {
          method: 'PUT',
          url: `/api/v1/rounds/${roundId}/entries`,
          payload: [{ unit: HSP, indicator: 'A2', value: i + 1, version: 0 }],
        }),
      ),
    );
    expect(statuses(saves)).toEqual({ 200: 1, 409: N - 1 });
    const entries = (await s.as('admin', { url: `/api/v1/rounds/${roundId}/entries` })).json();
    const cell = entries.items.filter(
      (e: { unit: string; indicator: string }) => e.unit === HSP && e.indicator === 'A2',
    );
    expect(cell).toHaveLength(1);
    expect(cell[0].version).toBe(1);
  });

  it('mixed transitions at once keep one consistent history', async () => {
    await s.as('admin', {
      method: 'PUT',
      url: `/api/v1/rounds/${roundId}/entries`,
      payload: [{ unit: HSP, indicator: 'A1', value: 30 }],
    });
    const targets = ['reviewing', 'collecting', 'notice', 'reviewing', 'collecting', 'draft'];
    for (let wave = 0; wave < 3; wave++) {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => move(targets[(i + wave) % targets.length]!)),
      );
      for (const a of answers) expect([200, 409]).toContain(a.statusCode);
    }
    const history = await transitionsOf(roundId);
    for (let i = 1; i < history.length; i++) expect(history[i]!.from).toBe(history[i - 1]!.to);
    const round = (await s.as('admin', { url: `/api/v1/rounds/${roundId}` })).json();
    expect(history.at(-1)!.to).toBe(round.state);
    expect((await verifyAuditChain(use().handle.db)).ok).toBe(true);
  });

  it('publishing N times at once: one publication, one revision, flags once', async () => {
    const round = (await s.as('admin', { url: `/api/v1/rounds/${roundId}` })).json();
    const path: Record<string, string[]> = {
      draft: ['collecting', 'reviewing', 'notice'],
      collecting: ['reviewing', 'notice'],
      reviewing: ['notice'],
      notice: [],
    };
    for (const to of path[round.state]!) expect((await move(to)).statusCode).toBe(200);
    const published = await Promise.all(Array.from({ length: N }, () => move('published')));
    expect(statuses(published)).toEqual({ 200: 1, 409: N - 1 });
    const history = await transitionsOf(roundId);
    expect(history.filter((h) => h.to === 'published')).toHaveLength(1);
    const revisions = (await s.as('admin', { url: `/api/v1/rounds/${roundId}/revisions` })).json();
    expect(revisions.items ?? revisions).toHaveLength(1);
  });

  it('a published round refuses entries, evidence, field checks and appeals (409 ROUND_CLOSED)', async () => {
    const entry = await s.as('admin', {
      method: 'PUT',
      url: `/api/v1/rounds/${roundId}/entries`,
      payload: [{ unit: HSP, indicator: 'A1', value: 40 }],
    });
    expect(entry.statusCode).toBe(409);
    expect(entry.json().error.code).toBe('ROUND_CLOSED');
    expect(entry.json().error.message).toMatch(/更正/);

    const evidence = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/evidence`,
      ...multipart({ unit: HSP, indicator: 'A1' }, { name: '佐证.pdf', bytes: PDF }),
    });
    expect(evidence.statusCode).toBe(409);
    expect(evidence.json().error.code).toBe('ROUND_CLOSED');
    expect(evidence.json().error.message).toMatch(/已发布/);

    const check = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/verifications`,
      payload: {
        unit: HSP,
        indicator: 'A1',
        kind: 'field_check',
        date: '2026-07-02',
        finding: '属实',
      },
    });
    expect(check.statusCode).toBe(409);
    expect(check.json().error.code).toBe('ROUND_CLOSED');

    const appeal = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/appeals`,
      payload: { unit: HSP, indicator: 'A1', reason: '发布后申诉' },
    });
    expect(appeal.statusCode).toBe(409);
    expect(appeal.json().error.code).toBe('ROUND_CLOSED');

    const imported = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/import`,
      ...multipart({}, { name: 'sheet.csv', bytes: Buffer.from(`单位编码,A1\n${HSP},40\n`) }),
    });
    expect(imported.statusCode).toBe(409);
    expect(imported.json().error.code).toBe('ROUND_CLOSED');

    // Only a correction changes it.
    const corrected = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/corrections`,
      payload: { reason: '核实后更正', entries: [{ unit: HSP, indicator: 'A1', value: 40 }] },
    });
    expect(corrected.statusCode).toBe(200);
  });

  it('corrections N at once each make their own revision, in order', async () => {
    const corrected = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        s.as('admin', {
          method: 'POST',
          url: `/api/v1/rounds/${roundId}/corrections`,
          payload: {
            reason: `并发更正${i}`,
            entries: [{ unit: HSP, indicator: 'A1', value: 30 + i }],
          },
        }),
      ),
    );
    for (const c of corrected) expect([200, 409]).toContain(c.statusCode);
    const made = corrected.filter((c) => c.statusCode === 200).map((c) => c.json().revision);
    expect(new Set(made).size).toBe(made.length);
    const round = (await s.as('admin', { url: `/api/v1/rounds/${roundId}` })).json();
    expect(round.revision).toBe(1 + made.length);
    expect((await verifyAuditChain(use().handle.db)).ok).toBe(true);
  });
});

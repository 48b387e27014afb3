/**
 * The worked examples (test/fixtures/rubric-examples, vendored from ../shared, and Leitai's own)
 * through the server, on both databases: each becomes a contest of its own units, its rubric is
 * published, its sheet imported as a CSV file, the round published, and GET results must agree
 * with expected.json on the fields its README names. `leitai rank` runs them in rank.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { createUnit } from '../app/units.ts';
import { parseCsv, quoteCsvField } from '../io/csv.ts';
import { HEADER_ALIASES } from '../io/score-sheet.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');
const folders = ['rubric-examples', 'rubric-examples-leitai'].flatMap((set) =>
  existsSync(join(root, set))
    ? readdirSync(join(root, set), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => ({ name: d.name, path: join(root, set, d.name) }))
        .sort((a, b) => a.name.localeCompare(b.name))
    : [],
);

interface Expected {
  code: string;
  group?: string;
  total: number;
  rank: number;
  flag: string | null;
  vetoed: boolean;
  missing: string[];
  indicators: Record<string, { value: number | null; score: number | null; rank: number | null }>;
}

/** The fields the examples' README says must match; a veto's value is free. */
function comparable(units: Expected[], vetoCodes: Set<string>) {
  return units
    .map((u) => ({
      code: u.code,
      total: u.total,
      rank: u.rank,
      flag: u.flag,
      vetoed: u.vetoed,
      missing: [...u.missing].sort(),
      indicators: Object.fromEntries(
        Object.entries(u.indicators).map(([c, x]) => [
          c,
          vetoCodes.has(c)
            ? { score: x.score, rank: x.rank }
            : { value: x.value, score: x.score, rank: x.rank },
        ]),
      ),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

function multipart(filename: string, bytes: Buffer) {
  const boundary = '----leitai-examples';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

describeEachDialect('the worked examples through the server', (use) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(use());
  });
  afterAll(() => s.close());

  it('has the examples to run', () => {
    expect(folders.length).toBeGreaterThanOrEqual(10);
  });

  it.each(folders)('$name: import → publish → GET results gives expected.json', async (folder) => {
    const { ctx } = use();
    // Unit codes are unique across the tree and the examples reuse t1, s1 …: each example gets
    // its own organizer and its codes a prefix, taken off again before comparing.
    const prefix = `x${folder.name.slice(0, 2)}-`;
    const records = parseCsv(readFileSync(join(folder.path, 'sheet.csv'), 'utf8')).records;
    const header = records[0]!.map((h) => h.trim().toLowerCase());
    const column = (kind: 'code' | 'name' | 'group') =>
      header.findIndex((h) => HEADER_ALIASES[kind].includes(h));
    const [codeAt, nameAt, groupAt] = [column('code'), column('name'), column('group')];
    const rows = records.slice(1).filter((r) => r.some((c) => c.trim() !== ''));

    const organizer = `${prefix}org`;
    await createUnit(ctx, {
      code: organizer,
      name: `例${folder.name}`,
      kind: 'other',
      parent: '371323',
    });
    const groups: Record<string, string> = {};
    for (const r of rows) {
      const code = `${prefix}${r[codeAt]}`;
      await createUnit(ctx, { code, name: r[nameAt]!, kind: 'town', parent: organizer });
      if (groupAt >= 0) groups[code] = r[groupAt]!;
    }
    const contest = await s.as('admin', {
      method: 'POST',
      url: '/api/v1/contests',
      payload: {
        title: `例 ${folder.name}`,
        category: '基层党建',
        organizer,
        cadence: 'month',
        participants: rows.map((r) => `${prefix}${r[codeAt]}`),
        ...(groupAt >= 0 ? { groups } : {}),
      },
    });
    expect(contest.statusCode, contest.body).toBe(201);
    const contestId = contest.json().id as number;
    const yaml = readFileSync(join(folder.path, 'rubric.yaml'), 'utf8');
    const draft = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rubrics`,
      payload: { yaml },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const published = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rubrics/1/publish`,
    });
    expect(published.statusCode, published.body).toBe(200);
    const round = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rounds`,
      payload: { period: '2026-06' },
    });
    expect(round.statusCode, round.body).toBe(201);
    const roundId = round.json().id as number;
    const move = async (to: string, reason?: string) => {
      const res = await s.as('admin', {
        method: 'POST',
        url: `/api/v1/rounds/${roundId}/transition`,
        payload: { to, ...(reason ? { reason } : {}) },
      });
      expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
    };
    await move('collecting');

    const csv = [records[0]!, ...rows.map((r) => r.map((c, j) => (j === codeAt ? prefix + c : c)))]
      .map((r) => r.map(quoteCsvField).join(','))
      .join('\r\n');
    const imported = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/import`,
      ...multipart(`${folder.name}.csv`, Buffer.from(csv)),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    await move('reviewing');
    await move('notice');
    await move('published', '例题核对，提前发布');

    const results = await s.as('admin', { url: `/api/v1/rounds/${roundId}/results` });
    expect(results.statusCode, results.body).toBe(200);
    const actual = (results.json().items as Expected[]).map((u) => ({
      ...u,
      code: u.code.slice(prefix.length),
    }));
    const expected = JSON.parse(
      readFileSync(join(folder.path, 'expected.json'), 'utf8'),
    ) as Expected[];
    const vetoCodes = new Set([...yaml.matchAll(/code: (\w+)[^}]*kind: veto/g)].map((m) => m[1]!));
    expect(comparable(actual, vetoCodes)).toEqual(comparable(expected, vetoCodes));
  });
});

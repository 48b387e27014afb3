// `leitai rank` on national-size and hostile sheets (issue 12): a generated 300,000-row CSV is
// ranked (no RangeError from spreading the rows), and a value whose score would not be finite
// (1e308 on an uncapped bonus, ±1.7e308 on a range indicator) is bad input: exit 1, nothing written.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../command.ts';
import { main } from '../main.ts';

const RUBRIC = `title: 全国村级擂台赛
indicators:
  - { code: A1, name: 活动场所, points: 30, method: manual }
  - { code: A2, name: 集体经济, points: 50, method: range }
  - { code: B1, name: 加分, kind: bonus, per: 1 }
flags:
  red: { topPercent: 1 }
  yellow: { bottomPercent: 1 }
`;

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), env: {} };
  const code = await main(['rank', ...args], io);
  return { code, out, err };
}

describe('leitai rank at scale and on hostile values', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'leitai-rank-large-'));
    await writeFile(join(dir, 'r.yaml'), RUBRIC);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('ranks a generated 300,000-row CSV', async () => {
    const lines = ['code,name,A1,A2,B1'];
    for (let i = 0; i < 300_000; i++)
      lines.push(`V${i},村${i},${i % 31},${(i * 7) % 1000},${i % 3}`);
    await writeFile(join(dir, 'big.csv'), lines.join('\n'));
    const res = await run([
      '--rubric',
      join(dir, 'r.yaml'),
      '--data',
      join(dir, 'big.csv'),
      '--out',
      join(dir, 'big.json'),
    ]);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out[0]).toContain('300000 个单位');
    const json = JSON.parse(await readFile(join(dir, 'big.json'), 'utf8')) as unknown[];
    expect(json).toHaveLength(300_000);
  }, 300_000);

  it('refuses values whose score would not be finite as bad input, naming the cell', async () => {
    await writeFile(
      join(dir, 'huge.csv'),
      ['code,name,A1,A2,B1', 'a,甲,1,1.7e308,1e308', 'b,乙,2,-1.7e308,', 'c,丙,3,5,'].join('\n'),
    );
    const out = join(dir, 'huge.csv.out.csv');
    const res = await run([
      '--rubric',
      join(dir, 'r.yaml'),
      '--data',
      join(dir, 'huge.csv'),
      '--out',
      out,
    ]);
    expect(res.code).toBe(1);
    expect(res.err[0]).toContain('3 处错误');
    expect(res.err.slice(1).join('\n')).toMatch(/第2行 A2列 \(D2\).*10的15次方/);
    expect(res.err.slice(1).join('\n')).toMatch(/第2行 B1列 \(E2\)/);
    expect(existsSync(out)).toBe(false);
  });
});

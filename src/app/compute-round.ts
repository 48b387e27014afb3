import type { Kysely } from 'kysely';
import {
  type PreviousPlace,
  presentUnitDetail,
  type RoundResult,
  rankRound,
} from '../core/rank-round.ts';
import type { Rubric } from '../core/rubric.ts';
import { sheetFromRows } from '../core/sheet.ts';
import { findRubricVersionById, listParticipants } from '../db/contest.repository.ts';
import { listEntries } from '../db/entry.repository.ts';
import { listResults, type StoredResult, saveResults } from '../db/result.repository.ts';
import { previousPublishedRound, type Round } from '../db/round.repository.ts';
import type { Database } from '../db/schema.ts';

export interface Computed {
  rubric: Rubric;
  result: RoundResult;
  /** Unit ids in the order of the sheet (row i = unit unitIds[i]). */
  unitIds: number[];
  stored: StoredResult[];
}

/** The rubric a round was opened with (rounds keep theirs when a new version is published). */
export async function rubricOfRound(db: Kysely<Database>, round: Round): Promise<Rubric> {
  const version = await findRubricVersionById(db, round.rubricVersionId);
  if (!version) throw new Error(`round ${round.id} has no rubric version ${round.rubricVersionId}`);
  return version.rubric;
}

/**
 * Runs the engine over the round's participants and entries, against the previous published
 * round for movement, and stores the results as the given revision.
 */
export async function computeRound(
  db: Kysely<Database>,
  round: Round,
  revision: number,
): Promise<Computed> {
  const [rubric, participants, entries, previousRound] = await Promise.all([
    rubricOfRound(db, round),
    listParticipants(db, round.contestId),
    listEntries(db, round.id),
    previousPublishedRound(db, round.contestId, round.period),
  ]);
  const byUnit = new Map<number, Record<string, number | null>>();
  for (const e of entries) {
    const values = byUnit.get(e.unitId) ?? {};
    values[e.indicator] = e.value;
    byUnit.set(e.unitId, values);
  }
  const sheet = sheetFromRows(
    rubric,
    participants.map((p) => ({
      code: p.code,
      name: p.name,
      group: p.group,
      values: byUnit.get(p.unitId) ?? {},
    })),
  );
  const previous = new Map<string, PreviousPlace>();
  if (previousRound) {
    for (const r of await listResults(db, previousRound.id, previousRound.revision)) {
      previous.set(r.code, { rank: r.rank, total: r.total });
    }
  }
  const result = rankRound(rubric, sheet, previousRound ? { previous } : {});
  const stored = participants.map((p, i): StoredResult => {
    const d = presentUnitDetail(result, i);
    return {
      unitId: p.unitId,
      group: d.group,
      total: d.total,
      rank: d.rank,
      overallRank: d.overallRank,
      flag: d.flag,
      vetoed: d.vetoed,
      previousRank: d.previousRank,
      rankChange: d.rankChange,
      totalChange: d.totalChange,
      gapToNext: d.gapToNext,
      gapToRed: d.gapToRed,
      missing: d.missing,
      indicators: d.indicators,
    };
  });
  await saveResults(db, round.id, revision, stored);
  return { rubric, result, unitIds: participants.map((p) => p.unitId), stored };
}

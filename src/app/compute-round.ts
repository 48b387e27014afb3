import type { Kysely } from 'kysely';
import { roundAwardsFlags } from '../core/flags.ts';
import { periodCadence } from '../core/period.ts';
import {
  type PreviousPlace,
  presentUnitDetail,
  rankRound,
  releaseRound,
} from '../core/rank-round.ts';
import type { Rubric } from '../core/rubric.ts';
import { sheetFromRows } from '../core/sheet.ts';
import { findContest, findRubricVersionById, listParticipants } from '../db/contest.repository.ts';
import { entryValuesByUnit } from '../db/entry.repository.ts';
import { listResults, type StoredResult, saveResults } from '../db/result.repository.ts';
import {
  type Derivation,
  findRoundByPeriod,
  previousPublishedRound,
  type Round,
} from '../db/round.repository.ts';
import type { Database } from '../db/schema.ts';

export interface Computed {
  rubric: Rubric;
  /** Unit ids in the order of the sheet (row i = unit unitIds[i]). */
  unitIds: number[];
  stored: StoredResult[];
}

/**
 * The rubric of a derived round: the contest's precision, ranking and flag rules over one
 * figure — the mean of the units' totals, or red flags (a bonus) less yellow ones (a deduction).
 */
export function derivedRubric(base: Rubric, derivation: Derivation): Rubric {
  const indicators: Rubric['indicators'] =
    derivation.method === 'mean'
      ? [
          { kind: 'bonus', code: 'MEAN', name: `${derivation.from.join('、')}平均分`, per: 1 },
          { kind: 'deduction', code: 'MEAN_NEG', name: '平均分为负的部分', per: 1 },
        ]
      : [
          { kind: 'bonus', code: 'RED', name: `${derivation.from.join('、')}红旗数`, per: 1 },
          {
            kind: 'deduction',
            code: 'YELLOW',
            name: `${derivation.from.join('、')}黄旗数`,
            per: 1,
          },
        ];
  return { ...base, tieBreak: [], indicators };
}

/** The rubric a round was opened with (rounds keep theirs when a new version is published). */
export async function rubricOfRound(db: Kysely<Database>, round: Round): Promise<Rubric> {
  const version = await findRubricVersionById(db, round.rubricVersionId);
  if (!version) throw new Error(`round ${round.id} has no rubric version ${round.rubricVersionId}`);
  return round.derivation ? derivedRubric(version.rubric, round.derivation) : version.rubric;
}

/** A derived round's values per unit id, from the published rounds it is made from. */
async function derivedValues(db: Kysely<Database>, round: Round, derivation: Derivation) {
  const sums = new Map<number, { total: number; n: number; red: number; yellow: number }>();
  for (const period of derivation.from) {
    const source = await findRoundByPeriod(db, round.contestId, period);
    if (source?.state !== 'published') continue;
    for (const r of await listResults(db, source.id, source.revision)) {
      const s = sums.get(r.unitId) ?? { total: 0, n: 0, red: 0, yellow: 0 };
      s.total += r.total;
      s.n += 1;
      if (r.flag === 'red') s.red += 1;
      if (r.flag === 'yellow') s.yellow += 1;
      sums.set(r.unitId, s);
    }
  }
  const values = new Map<number, Record<string, number | null>>();
  for (const [unitId, s] of sums) {
    const mean = s.total / s.n;
    values.set(
      unitId,
      derivation.method === 'mean'
        ? { MEAN: Math.max(mean, 0), MEAN_NEG: Math.max(-mean, 0) }
        : { RED: s.red, YELLOW: s.yellow },
    );
  }
  return values;
}

/**
 * What a round's results follow from, besides its rubric version: its entries (their serial,
 * raised by every write), the revision, the participants, the previous published round (for
 * movement) and the flag cadences. Derived rounds depend on other rounds: always recomputed.
 */
async function basisOf(
  db: Kysely<Database>,
  round: Round,
  revision: number,
  participants: { unitId: number; group: string | null }[],
  previous: Round | undefined,
  flagCadences: readonly string[],
): Promise<{ basis: string | null; stored: string | null }> {
  const row = await db
    .selectFrom('rounds')
    .select(['entries_serial', 'computed_basis'])
    .where('id', '=', round.id)
    .executeTakeFirstOrThrow();
  if (round.derivation) return { basis: null, stored: row.computed_basis };
  let h = 0;
  for (const p of participants) {
    h = (Math.imul(h, 31) + p.unitId) | 0;
    for (const c of p.group ?? '') h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  }
  const basis = [
    `e${row.entries_serial}`,
    `r${revision}`,
    `v${round.rubricVersionId}`,
    `p${participants.length}.${h}`,
    previous ? `prev${previous.id}.${previous.revision}` : 'prev-',
    `f${flagCadences.join(',')}`,
  ].join('|');
  return { basis, stored: row.computed_basis };
}

/**
 * Runs the engine over the round's participants and entries, against the previous published
 * round for movement, and stores the results as the given revision — unless the stored results
 * already follow from exactly these inputs (nothing changed since the last computation, e.g.
 * reviewing → notice → published), when they are reused as they are: a national round's
 * transitions then read 620 thousand results, not 12 million entries.
 */
export async function computeRound(
  db: Kysely<Database>,
  round: Round,
  revision: number,
): Promise<Computed> {
  const [ruled, participants, previousRound, contest] = await Promise.all([
    rubricOfRound(db, round),
    listParticipants(db, round.contestId),
    previousPublishedRound(db, round.contestId, round.period),
    findContest(db, round.contestId),
  ]);
  const { basis, stored: storedBasis } = await basisOf(
    db,
    round,
    revision,
    participants,
    previousRound,
    contest?.flagCadences ?? [],
  );
  if (basis !== null && basis === storedBasis) {
    const kept = await listResults(db, round.id, revision);
    const rubricKept = roundAwardsFlags(
      contest?.flagCadences ?? [],
      periodCadence(round.period),
      undefined,
    )
      ? ruled
      : { ...ruled, flags: {} };
    return {
      rubric: rubricKept,
      unitIds: participants.map((p) => p.unitId),
      stored: kept.map(({ code: _code, name: _name, ...r }) => r),
    };
  }
  const entries = await entryValuesByUnit(db, round.id);
  // Weekly bulletins rank without flags; a quarter made from flag-awarding months awards none.
  const awards = roundAwardsFlags(
    contest?.flagCadences ?? [],
    periodCadence(round.period),
    round.derivation ? periodCadence(round.derivation.from[0] ?? round.period) : undefined,
  );
  const rubric = awards ? ruled : { ...ruled, flags: {} };
  const byUnit = round.derivation
    ? await derivedValues(db, round, round.derivation)
    : new Map<number, Record<string, number | null>>();
  for (const [unitId, values] of entries) {
    byUnit.set(unitId, Object.assign(byUnit.get(unitId) ?? {}, values));
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
  // Even a vetoed unit's yellow: a round at a cadence without flags awards none at all.
  if (!awards) result.flags.fill(0);
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
  // Presented, the engine's columns are free for the next round of this size.
  releaseRound(result);
  await saveResults(db, round.id, revision, stored);
  if (basis !== null) {
    await db
      .updateTable('rounds')
      .set({ computed_basis: basis })
      .where('id', '=', round.id)
      .execute();
  }
  return { rubric, unitIds: participants.map((p) => p.unitId), stored };
}

import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import {
  type Cadence,
  checkPeriod,
  monthsOfQuarter,
  periodCadence,
  periodLabel,
  periodYear,
} from '../core/period.ts';
import type { UnitResultDetail } from '../core/rank-round.ts';
import {
  canTransition,
  hasResults,
  nextStates,
  ROUND_STATE_NAMES,
  ROUND_STATES,
  type RoundState,
} from '../core/round-state.ts';
import type { Rubric } from '../core/rubric.ts';
import { listAppeals } from '../db/appeal.repository.ts';
import type { Contest } from '../db/contest.repository.ts';
import { findNotice } from '../db/notice.repository.ts';
import { listResults, type ResultRow, replaceFlags, saveResults } from '../db/result.repository.ts';
import {
  type Derivation,
  findRound,
  findRoundByPeriod,
  insertRevision,
  insertRound,
  listRevisions,
  type Round,
  updateRound,
} from '../db/round.repository.ts';
import type { Database } from '../db/schema.ts';
import { findUnit } from '../db/unit.repository.ts';
import { computeRound, rubricOfRound } from './compute-round.ts';
import { requireContest } from './contests.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { CountQuery, isId } from './ids.ts';
import { fillLedgerSources } from './ledger-feed.ts';
import { applyFeeds } from './linkage.ts';
import { noticeOnTransition } from './notice.ts';
import { notifyRoundNotice } from './notifications.ts';
import { requireContestManager, requireContestReader } from './policies/contest.ts';
import {
  mayReadResults,
  mayReadRound,
  NO_ROUND_ABILITIES,
  type RoundAbilities,
  roundAbilities,
  roundAccess,
} from './policies/round.ts';
import { digestOf } from './published-digest.ts';
import { openRectifications } from './rectifications.ts';
import { currentRubric } from './rubrics.ts';

export const OpenRound = z.object({
  period: z.string().trim().min(4).max(10),
  deadline: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /**
   * Derive a quarter's round from its published months instead of entering it again (季评比):
   * `mean` of the monthly totals, or `flags` (red flags less yellow ones).
   */
  derive: z.enum(['mean', 'flags']).optional(),
});
export type OpenRound = z.infer<typeof OpenRound>;

export const Transition = z.object({
  to: z.enum(ROUND_STATES),
  /** Publishing before the notice (公示) ends needs a reason (DESIGN §2). */
  reason: z.string().trim().max(1000).optional(),
});
export type Transition = z.infer<typeof Transition>;

export const ResultsQuery = z.object({ revision: CountQuery.optional() });

export interface RoundView {
  id: number;
  contest: { id: number; title: string; category: string; cadence: Cadence };
  period: string;
  periodLabel: string;
  state: RoundState;
  stateName: string;
  nextStates: RoundState[];
  deadline: string | null;
  revision: number;
  rubricVersion: number;
  rubric: Rubric;
  publishedAt: string | null;
  derivation: Derivation | null;
  /** The notice (公示) window once the round entered notice. */
  notice: { startedAt: string; endsAt: string; earlyReason: string | null } | null;
  /** What the reader may do here (policies/round.ts); the web shows its actions from this. */
  may: RoundAbilities;
}

async function noticeView(db: Kysely<Database>, roundId: number): Promise<RoundView['notice']> {
  const n = await findNotice(db, roundId);
  return n ? { startedAt: n.startedAt, endsAt: n.endsAt, earlyReason: n.earlyReason } : null;
}

export async function requireRound(db: Kysely<Database>, id: number | string): Promise<Round> {
  const round = isId(String(id)) ? await findRound(db, Number(id)) : undefined;
  if (!round) throw new DomainError('ROUND_NOT_FOUND', `期次不存在：${id}`, { params: { id } });
  return round;
}

async function roundView(ctx: AppContext, contest: Contest, round: Round): Promise<RoundView> {
  const { db } = ctx;
  const rubric = await rubricOfRound(db, round);
  let may: RoundAbilities = NO_ROUND_ABILITIES;
  if (ctx.actor.kind !== 'anonymous') {
    const access = await roundAccess(ctx, contest);
    const reporter = access.reportsFor === null ? undefined : await findUnit(db, access.reportsFor);
    may = roundAbilities(access, round, rubric, reporter?.code ?? null);
  }
  const version = await db
    .selectFrom('rubric_versions')
    .select('version')
    .where('id', '=', round.rubricVersionId)
    .executeTakeFirstOrThrow();
  return {
    id: round.id,
    contest: {
      id: contest.id,
      title: contest.title,
      category: contest.category,
      cadence: contest.cadence,
    },
    period: round.period,
    periodLabel: periodLabel(round.period),
    state: round.state,
    stateName: ROUND_STATE_NAMES[round.state],
    nextStates: [...nextStates(round.state)],
    deadline: round.deadline,
    revision: round.revision,
    rubricVersion: version.version,
    rubric,
    publishedAt: round.publishedAt,
    may,
    derivation: round.derivation,
    notice: await noticeView(db, round.id),
  };
}

/** Opens the round of a period with the contest's current published rubric, in draft. */
export function openRound(
  ctx: AppContext,
  contestId: string,
  input: OpenRound,
): Promise<RoundView> {
  return inTransaction(ctx, async (tx) => {
    const contest = await requireContest(tx.db, contestId);
    await requireContestManager(tx, contest.organizerUnitId);
    const cadences = [contest.cadence, ...contest.extraCadences];
    const checks = cadences.map((c) => checkPeriod(c, input.period));
    const period = checks.find((c) => c.ok) ?? checks[0]!;
    if (!period.ok) throw new DomainError('BAD_PERIOD', period.message, { field: 'period' });
    let derivation: Derivation | undefined;
    if (input.derive) {
      if (periodCadence(input.period) !== 'quarter') {
        throw new DomainError('BAD_PERIOD', '只有季度的期次可以由各月汇总', {
          params: { reason: 'onlyQuarterDerived' },
          field: 'derive',
        });
      }
      derivation = { method: input.derive, from: monthsOfQuarter(input.period) };
    }
    const rubric = await currentRubric(tx.db, contest.id);
    if (!rubric) {
      throw new DomainError('NO_PUBLISHED_RUBRIC', '请先发布评分标准再开擂');
    }
    if (await findRoundByPeriod(tx.db, contest.id, input.period)) {
      throw new DomainError('DUPLICATE_PERIOD', `${periodLabel(input.period)}已开擂`, {
        params: { period: input.period },
        field: 'period',
      });
    }
    const round = await insertRound(
      tx.db,
      {
        contestId: contest.id,
        period: input.period,
        rubricVersionId: rubric.id,
        deadline: input.deadline ?? null,
        ...(derivation ? { derivation } : {}),
      },
      tx.clock.now().toISOString(),
    );
    await fillLedgerSources(tx, round, rubric.rubric); // DESIGN §9: ledger-sourced indicators
    await audit(tx, {
      action: 'round.open',
      entityType: 'round',
      entityId: round.id,
      unitId: contest.organizerUnitId,
      after: { contest: contest.id, period: round.period, rubricVersion: rubric.version },
    });
    return roundView(tx, contest, round);
  });
}

/** A round: published ones are public; others for those who take part in it. */
export async function getRound(ctx: AppContext, id: string): Promise<RoundView> {
  const round = await requireRound(ctx.db, id);
  const contest = await requireContest(ctx.db, round.contestId);
  if (round.state !== 'published') {
    const access = await roundAccess(ctx, contest);
    if (!mayReadRound(access)) {
      await requireContestReader(ctx, contest.organizerUnitId);
    }
  }
  return roundView(ctx, contest, round);
}

/** Audits the county-board values a published village round filled in (三级联动). */
export async function recordFeeds(
  ctx: AppContext,
  filled: { contestId: number; roundId: number; indicator: string; value: number | null }[],
): Promise<void> {
  for (const f of filled) {
    await audit(ctx, {
      action: 'feed.fill',
      entityType: 'round',
      entityId: f.roundId,
      unitId: null,
      after: f,
    });
  }
}

/** Awards the flags of a computed revision (DESIGN §3: on publishing). */
async function awardFlags(
  db: Kysely<Database>,
  round: Round,
  results: { unitId: number; flag: string | null }[],
  now: string,
) {
  const flags = results
    .filter(
      (r): r is { unitId: number; flag: 'red' | 'yellow' } =>
        r.flag === 'red' || r.flag === 'yellow',
    )
    .map((r) => ({ unitId: r.unitId, color: r.flag }));
  await replaceFlags(
    db,
    {
      id: round.id,
      contestId: round.contestId,
      period: round.period,
      year: periodYear(round.period),
    },
    flags,
    now,
  );
}

/**
 * Moves a round to another state. Results are computed on entering review and notice and on
 * publishing, which also awards the flags; publishing waits until every appeal is decided.
 */
export function transitionRound(
  ctx: AppContext,
  id: string,
  to: RoundState,
  reason?: string,
): Promise<RoundView> {
  return inTransaction(ctx, async (tx) => {
    const round = await requireRound(tx.db, id);
    const contest = await requireContest(tx.db, round.contestId);
    await requireContestManager(tx, contest.organizerUnitId);
    if (!canTransition(round.state, to)) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `不能从「${ROUND_STATE_NAMES[round.state]}」转到「${ROUND_STATE_NAMES[to]}」`,
        {
          params: { reason: 'roundState', state: round.state, to },
          from: round.state,
          to,
          allowed: nextStates(round.state),
        },
      );
    }
    const now = tx.clock.now().toISOString();
    if (to === 'published') {
      const pending = (await listAppeals(tx.db, round.id)).filter((a) => a.status === 'pending');
      if (pending.length) {
        throw new DomainError('APPEALS_PENDING', `还有 ${pending.length} 件申诉未答复，不能发布`, {
          params: { count: pending.length },
          appeals: pending.map((a) => a.id),
        });
      }
    }
    const notice = await noticeOnTransition(tx, round, to, reason);
    if (hasResults(to)) {
      const computed = await computeRound(tx.db, round, round.revision);
      if (to === 'published') {
        await awardFlags(tx.db, round, computed.stored, now);
        await openRectifications(tx, round, computed.stored);
        await recordFeeds(tx, await applyFeeds(tx.db, round, tx.actor.userId, now));
        await insertRevision(
          tx.db,
          {
            roundId: round.id,
            revision: 0,
            reason: null,
            changes: null,
            createdBy: tx.actor.userId,
          },
          now,
        );
      }
    } else {
      // Back to collecting or draft: results would be stale until review computes them again.
      await saveResults(tx.db, round.id, round.revision, []);
    }
    const updated = await updateRound(
      tx.db,
      round.id,
      { state: to, ...(to === 'published' ? { publishedAt: now } : {}) },
      now,
    );
    if (to === 'notice') await notifyRoundNotice(tx, updated, contest, notice.noticeEndsAt);
    await audit(tx, {
      action: 'round.transition',
      entityType: 'round',
      entityId: round.id,
      unitId: contest.organizerUnitId,
      before: { state: round.state },
      after: {
        state: to,
        ...notice,
        ...(to === 'published' ? await digestOf(tx, round.id, round.revision) : {}),
      },
    });
    return roundView(tx, contest, updated);
  });
}

export interface ResultsView {
  roundId: number;
  period: string;
  state: RoundState;
  revision: number;
  items: ResultView[];
  total: number;
}

/** DESIGN §4's JSON of a unit, plus its overall place, movement and gaps (the engine's shape). */
export type ResultView = UnitResultDetail;

export function resultView(r: ResultRow): ResultView {
  return {
    code: r.code,
    name: r.name,
    group: r.group,
    total: r.total,
    rank: r.rank,
    overallRank: r.overallRank,
    flag: r.flag,
    vetoed: r.vetoed,
    missing: r.missing,
    indicators: r.indicators,
    previousRank: r.previousRank,
    rankChange: r.rankChange,
    totalChange: r.totalChange,
    gapToNext: r.gapToNext,
    gapToRed: r.gapToRed,
  };
}

/**
 * A round's results. Published ones are public (any revision); before that, in review for
 * organizers, viewers and lead offices, and in notice (公示) for the participants too.
 */
export async function getResults(
  ctx: AppContext,
  id: string,
  revision?: number,
): Promise<ResultsView> {
  const round = await requireRound(ctx.db, id);
  const contest = await requireContest(ctx.db, round.contestId);
  if (round.state !== 'published') {
    const access = await roundAccess(ctx, contest);
    if (!mayReadResults(access, round.state))
      await requireContestReader(ctx, contest.organizerUnitId);
  }
  if (!hasResults(round.state)) {
    throw new DomainError('NO_RESULTS', `${ROUND_STATE_NAMES[round.state]}的期次还没有成绩`, {
      params: { state: round.state },
    });
  }
  const wanted = revision ?? round.revision;
  if (wanted > round.revision) {
    throw new DomainError('NOT_FOUND', `没有第 ${wanted} 次修订`, {
      params: { reason: 'revision', id: wanted },
    });
  }
  const rows = await listResults(ctx.db, round.id, wanted);
  return {
    roundId: round.id,
    period: round.period,
    state: round.state,
    revision: wanted,
    items: rows.map(resultView),
    total: rows.length,
  };
}

/** Revisions of a published round: the first publication and every correction with its reason and changes. */
export async function getRevisions(ctx: AppContext, id: string) {
  const round = await requireRound(ctx.db, id);
  if (round.state !== 'published') return [];
  return listRevisions(ctx.db, round.id);
}

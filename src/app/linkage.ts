/**
 * 三级联动 (DESIGN §2): the county publishes a contest template; each town makes its own contest
 * from it among its villages and runs it; the county sees every town's village results side by
 * side and a county-wide village ranking; and a county-board indicator of a town can take its
 * value from that town's village contest, filled in when the village round is published.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { pow10 } from '../core/excel-round.ts';
import { periodLabel } from '../core/period.ts';
import { rankByKeys, singleGroup } from '../core/rank.ts';
import { acceptsEntries } from '../core/round-state.ts';
import {
  feedsFromTemplate,
  findContest,
  findInstance,
  insertContest,
  isParticipant,
  listInstances,
  listParticipants,
  replaceFeeds,
  replaceParticipants,
} from '../db/contest.repository.ts';
import { entriesOfUnits, saveEntries as saveEntryRows } from '../db/entry.repository.ts';
import { listResults } from '../db/result.repository.ts';
import { findRoundByPeriod, type Round } from '../db/round.repository.ts';
import type { Database } from '../db/schema.ts';
import { findUnit, listChildren } from '../db/unit.repository.ts';
import { computeRound } from './compute-round.ts';
import { contestView, forReader, requireContest, resolveParticipants } from './contests.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { IdNumber, Ref } from './ids.ts';
import { requireContestManager, requireContestReader } from './policies/contest.ts';
import { requireUser } from './policies/gate.ts';
import { currentRubric, draftRubric, publishRubric } from './rubrics.ts';

export const Instantiate = z.object({
  /** The town that runs its own contest from the template, as its organizer. */
  organizer: Ref,
  /** Its villages by default. */
  participants: z
    .union([z.array(Ref).min(1), z.object({ under: Ref, kinds: z.array(z.string()).min(1) })])
    .optional(),
});
export type Instantiate = z.infer<typeof Instantiate>;

export const FEED_MEASURES = ['red_share', 'mean_total'] as const;
export const SetFeeds = z.record(
  z.string().min(1),
  z.object({ template: IdNumber, measure: z.enum(FEED_MEASURES) }),
);
export type SetFeeds = z.infer<typeof SetFeeds>;

export const LinkageQuery = z.object({ period: z.string().min(4).max(10) });

/** A town makes its own contest from the county's template, with the template's published rubric. */
export function instantiateTemplate(ctx: AppContext, templateId: string, input: Instantiate) {
  // One transaction for the contest, its participants and its rubric: a failure in any step
  // leaves no half-made contest behind (that INSTANCE_EXISTS would then block).
  return inTransaction(ctx, async (tx) => {
    const contest = await instantiateIn(tx, templateId, input);
    const made = (await findContest(tx.db, contest.id))!;
    return forReader(tx, made, await contestView(tx.db, made));
  });
}

async function instantiateIn(ctx: AppContext, templateId: string, input: Instantiate) {
  const template = await requireContest(ctx.db, templateId);
  if (!template.isTemplate) throw new DomainError('NOT_A_TEMPLATE', '这不是县级模板');
  const town = await findUnit(ctx.db, input.organizer);
  if (!town)
    throw new DomainError('UNKNOWN_UNIT', `单位不存在：${input.organizer}`, {
      params: { unit: input.organizer },
      field: 'organizer',
    });
  const rubric = await currentRubric(ctx.db, template.id);
  if (!rubric)
    throw new DomainError('NO_PUBLISHED_RUBRIC', '模板尚未发布评分标准', {
      params: { reason: 'template' },
    });
  await requireContestManager(ctx, town.id);
  const existing = await findInstance(ctx.db, template.id, town.id);
  if (existing) {
    throw new DomainError('INSTANCE_EXISTS', `${town.name}已按此模板开展擂台赛`, {
      params: { town: town.name },
      contest: existing.id,
    });
  }
  const spec = input.participants ?? { under: town.id, kinds: ['village', 'community'] };
  const participants = await resolveParticipants(ctx.db, town.id, spec as never, undefined);
  const contest = await insertContest(
    ctx.db,
    {
      organizerUnitId: town.id,
      title: `${town.name}${template.title}`,
      category: template.category,
      cadence: template.cadence,
      extraCadences: template.extraCadences,
      isTemplate: false,
      templateId: template.id,
      description: template.description,
    },
    ctx.clock.now().toISOString(),
  );
  await replaceParticipants(ctx.db, contest.id, participants);
  await audit(ctx, {
    action: 'contest.instantiate',
    entityType: 'contest',
    entityId: contest.id,
    unitId: town.id,
    after: { template: template.id, town: town.code, participants: participants.length },
  });
  // The template's standard, published as the town's version 1 (提前发布评分标准).
  await draftRubric(ctx, String(contest.id), { yaml: rubric.source });
  await publishRubric(ctx, String(contest.id), 1);
  return contest;
}

/** Declares which indicators of a county board take their values from towns' village contests. */
export function setFeeds(ctx: AppContext, contestId: string, feeds: SetFeeds) {
  return inTransaction(ctx, async (tx) => {
    const contest = await requireContest(tx.db, contestId);
    await requireContestManager(tx, contest.organizerUnitId);
    for (const feed of Object.values(feeds)) {
      const template = await findContest(tx.db, feed.template);
      if (!template?.isTemplate) {
        throw new DomainError('NOT_A_TEMPLATE', `擂台赛 ${feed.template} 不是县级模板`, {
          params: { template: feed.template },
          field: 'template',
        });
      }
    }
    await replaceFeeds(
      tx.db,
      contest.id,
      Object.entries(feeds).map(([code, f]) => ({
        indicatorCode: code,
        templateId: f.template,
        measure: f.measure,
      })),
    );
    await audit(tx, {
      action: 'contest.feeds',
      entityType: 'contest',
      entityId: contest.id,
      unitId: contest.organizerUnitId,
      after: feeds,
    });
    return { feeds };
  });
}

/** A village round's figure for the town's county indicator. */
function measure(kind: string, results: { total: number; flag: string | null }[]): number | null {
  if (results.length === 0) return null;
  if (kind === 'red_share') return results.filter((r) => r.flag === 'red').length / results.length;
  return results.reduce((s, r) => s + r.total, 0) / results.length;
}

/**
 * After a village round of a template's contest is published (or corrected): fills the town's
 * value into every county board fed by the template, in that board's round of the same period
 * while it still takes entries. Returns what it filled.
 */
export async function applyFeeds(
  db: Kysely<Database>,
  round: Round,
  by: number | null,
  now: string,
) {
  const contest = (await findContest(db, round.contestId))!;
  if (!contest.templateId) return [];
  const feeds = await feedsFromTemplate(db, contest.templateId);
  const results = await listResults(db, round.id, round.revision);
  const filled = [];
  for (const feed of feeds) {
    const target = await findRoundByPeriod(db, feed.contestId, round.period);
    if (!target || !acceptsEntries(target.state) || target.derivation) continue;
    if (!(await isParticipant(db, feed.contestId, contest.organizerUnitId))) continue;
    const raw = measure(feed.measure, results);
    const value = raw === null ? null : Math.round(raw * 10_000) / 10_000;
    const existing = new Map(
      (await entriesOfUnits(db, target.id, [contest.organizerUnitId]))
        .filter((e) => e.indicator === feed.indicatorCode)
        .map((e) => [`${e.unitId}:${e.indicator}`, e]),
    );
    const note = `由${periodLabel(round.period)}村级擂台自动汇总（${feed.measure === 'red_share' ? '红旗村占比' : '村平均分'}）`;
    await saveEntryRows(
      db,
      target.id,
      [{ unitId: contest.organizerUnitId, indicator: feed.indicatorCode, value, note }],
      existing,
      by,
      now,
    );
    if (target.state === 'reviewing') await computeRound(db, target, target.revision);
    filled.push({
      contestId: feed.contestId,
      roundId: target.id,
      indicator: feed.indicatorCode,
      value,
    });
  }
  return filled;
}

/**
 * The county's view of a template in one period: every town's village round side by side, and
 * all their villages ranked county-wide by total (the engine's competition ranking).
 */
export async function linkageView(ctx: AppContext, templateId: string, period: string) {
  requireUser(ctx);
  const template = await requireContest(ctx.db, templateId);
  if (!template.isTemplate) throw new DomainError('NOT_A_TEMPLATE', '这不是县级模板');
  await requireContestReader(ctx, template.organizerUnitId);
  const instances = await listInstances(ctx.db, template.id);
  const towns = [];
  const villages: {
    code: string;
    name: string;
    town: string;
    total: number;
    townRank: number;
    flag: string | null;
    vetoed: boolean;
  }[] = [];
  for (const instance of instances) {
    const town = (await findUnit(ctx.db, instance.organizerUnitId))!;
    const round = await findRoundByPeriod(ctx.db, instance.id, period);
    const published =
      round?.state === 'published' ? await listResults(ctx.db, round.id, round.revision) : [];
    const best = published.find((r) => r.rank === 1);
    towns.push({
      town: { code: town.code, name: town.name },
      contestId: instance.id as number | null,
      started: true,
      round: round ? { id: round.id, state: round.state, revision: round.revision } : null,
      participants: (await listParticipants(ctx.db, instance.id)).length,
      meanTotal: published.length
        ? Math.round((published.reduce((s, r) => s + r.total, 0) / published.length) * 100) / 100
        : null,
      red: published.filter((r) => r.flag === 'red').length,
      yellow: published.filter((r) => r.flag === 'yellow').length,
      best: best ? { code: best.code, name: best.name, total: best.total } : null,
    });
    for (const r of published) {
      villages.push({
        code: r.code,
        name: r.name,
        town: town.name,
        total: r.total,
        townRank: r.rank,
        flag: r.flag,
        vetoed: r.vetoed,
      });
    }
  }
  // Every town of the county is listed; those that have not taken the template up are 未开展.
  const started = new Set(towns.map((t) => t.town.code));
  const notStarted = [];
  for (const kind of ['street', 'town', 'township'] as const) {
    const children = await listChildren(ctx.db, template.organizerUnitId, {
      kind,
      limit: 10_000,
      offset: 0,
    });
    for (const unit of children.items) {
      if (started.has(unit.code)) continue;
      notStarted.push({
        town: { code: unit.code, name: unit.name },
        contestId: null,
        started: false,
        round: null,
        participants: 0,
        meanTotal: null,
        red: 0,
        yellow: 0,
        best: null,
      });
    }
  }
  notStarted.sort((a, b) => a.town.code.localeCompare(b.town.code));
  const rubric = await currentRubric(ctx.db, template.id);
  const scale = pow10(rubric?.rubric.precision ?? 2);
  // Vetoed villages rank after all others (DESIGN §3): the veto is the first key.
  const keys = [
    Float64Array.from(villages, (v) => (v.vetoed ? 0 : 1)),
    Float64Array.from(villages, (v) => Math.round(v.total * scale)),
  ];
  const { rank } = rankByKeys(keys, singleGroup(villages.length), {
    mode: 'competition',
    integer: true,
  });
  const ranked = villages
    .map((v, i) => ({ ...v, countyRank: rank[i]! }))
    .sort((a, b) => a.countyRank - b.countyRank || a.code.localeCompare(b.code));
  return {
    template: { id: template.id, title: template.title },
    period,
    periodLabel: periodLabel(period),
    towns: [...towns, ...notStarted],
    villages: ranked,
  };
}

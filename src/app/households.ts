/**
 * Star households (星级文明户, DESIGN §10): an organizer's stars, each with pass/fail criteria; a
 * household's self-claim (申报) → villagers' review (村民评议) → village committee check (村委会
 * 审核) → township filing (乡镇备案); a yearly review (年度复核); a revocation (撤销) bars the
 * household for two years. Village steps are taken by the village branch's clerk (recorder) and
 * secretary (reviewer, for the committee); filing, review and revocation by the town.
 */
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import {
  advanceClaim,
  type Claim,
  type ClaimStage,
  claimsOf,
  findClaim,
  findHousehold,
  type Household,
  insertClaim,
  insertHousehold,
  insertStar,
  insertStep,
  listHouseholds,
  listStars,
  type StarResults,
  setBarredUntil,
  stepsOf,
} from '../db/households.repository.ts';
import { findUnit } from '../db/unit.repository.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { IdNumber, isId, Ref } from './ids.ts';
import { refuseIdNumbers, unitPath } from './points.ts';
import {
  committeeBySameHand,
  forbidden,
  householdAbilities,
  keepsRegisters,
  mayTakeClaimStep,
  mayTakeNextStep,
  requirePointsManager,
  villageAccess,
} from './policies/points.ts';

async function requireVillage(ctx: AppContext, ref: string | number, field: string) {
  const unit = await findUnit(ctx.db, ref);
  if (!unit)
    throw new DomainError('UNKNOWN_UNIT', `单位不存在：${ref}`, { params: { unit: ref }, field });
  if (unit.kind !== 'village' && unit.kind !== 'community')
    throw new DomainError('VALIDATION', `「${unit.name}」不是村或社区`, {
      params: { reason: 'notVillage', unit: unit.name },
      field,
    });
  return unit;
}

async function requireHousehold(ctx: AppContext, id: string | number): Promise<Household> {
  const h = isId(id) ? await findHousehold(ctx.db, Number(id)) : undefined;
  if (!h)
    throw new DomainError('NOT_FOUND', `农户不存在：${id}`, {
      params: { reason: 'household', id },
    });
  return h;
}

// ---------- stars ----------

export const StarInput = z.object({
  organizer: Ref,
  name: z.string().trim().min(1, '请填写星名').max(30),
  criteria: z.string().trim().min(1, '请填写评星标准').max(2000),
});
export type StarInput = z.infer<typeof StarInput>;

/** A town (or the county) adds a star to its scheme, with the criteria it is judged by. */
export function createStar(ctx: AppContext, input: StarInput) {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ name: input.name, criteria: input.criteria });
    const unit = await findUnit(tx.db, input.organizer);
    if (!unit || (unit.kind !== 'town' && unit.kind !== 'county'))
      throw new DomainError('UNKNOWN_UNIT', `「${input.organizer}」不是乡镇或县`, {
        params: { reason: 'notTownOrCounty', unit: input.organizer },
        field: 'organizer',
      });
    await requirePointsManager(tx, unit.id);
    const existing = await listStars(tx.db, [unit.id]);
    if (existing.some((s) => s.name === input.name))
      throw new DomainError('CONFLICT', `已有「${input.name}」`, {
        params: { reason: 'starExists', name: input.name },
        field: 'name',
      });
    const star = await insertStar(
      tx.db,
      { organizerUnitId: unit.id, name: input.name, criteria: input.criteria },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'household.star.create',
      entityType: 'household_star',
      entityId: star.id,
      unitId: unit.id,
      after: star,
    });
    return star;
  });
}

/** The stars that apply to a unit (its own organizers' schemes: town and county). */
export async function starsFor(ctx: AppContext, ref: string) {
  const unit = await findUnit(ctx.db, ref);
  if (!unit)
    throw new DomainError('UNKNOWN_UNIT', `单位不存在：${ref}`, {
      params: { unit: ref },
      field: 'unit',
    });
  if (!(await villageAccess(ctx, unit.id)).read) throw forbidden('查看评星标准');
  const items = await listStars(ctx.db, await unitPath(ctx, unit.id));
  return { items, total: items.length };
}

// ---------- households ----------

export const HouseholdInput = z.object({
  unit: Ref,
  /** 户主 */
  headName: z.string().trim().min(1, '请填写户主姓名').max(30),
  /** 村民小组 */
  groupName: z.string().trim().max(30).nullable().optional(),
  size: z.number().int().min(1).max(50).nullable().optional(),
});
export type HouseholdInput = z.infer<typeof HouseholdInput>;

export function createHousehold(ctx: AppContext, input: HouseholdInput) {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ headName: input.headName, groupName: input.groupName });
    const unit = await requireVillage(tx, input.unit, 'unit');
    const access = await villageAccess(tx, unit.id);
    if (!keepsRegisters(access)) throw forbidden('登记农户');
    const h = await insertHousehold(
      tx.db,
      {
        unitId: unit.id,
        headName: input.headName,
        groupName: input.groupName ?? null,
        size: input.size ?? null,
        barredUntil: null,
      },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'household.create',
      entityType: 'household',
      entityId: h.id,
      unitId: unit.id,
      after: h,
    });
    return h;
  });
}

/** The household register of a village: each household with its latest rating. */
export async function villageHouseholds(ctx: AppContext, query: { unit: string }) {
  const unit = await requireVillage(ctx, query.unit, 'unit');
  if (!(await villageAccess(ctx, unit.id)).read) throw forbidden('查看农户名册');
  const households = await listHouseholds(ctx.db, unit.id);
  const claims = await claimsOf(
    ctx.db,
    households.map((h) => h.id),
  );
  const latest = new Map<number, Claim>();
  for (const c of claims) latest.set(c.householdId, c); // ordered by year
  const items = households.map((h) => ({ ...h, latest: latest.get(h.id) ?? null }));
  return { items, total: items.length };
}

/** One household: its claims, each with its steps, and the stars that apply. */
export async function householdDetail(ctx: AppContext, id: string) {
  const h = await requireHousehold(ctx, id);
  const access = await villageAccess(ctx, h.unitId);
  if (!access.read) throw forbidden('查看该农户');
  const claims = await claimsOf(ctx.db, [h.id]);
  const steps = await stepsOf(
    ctx.db,
    claims.map((c) => c.id),
  );
  return {
    household: h,
    stars: await listStars(ctx.db, await unitPath(ctx, h.unitId)),
    claims: claims.map((c) => {
      const mine = steps.filter((s) => s.claimId === c.id);
      return { ...c, steps: mine, may: { next: mayTakeNextStep(ctx, access, c, mine) } };
    }),
    may: householdAbilities(access),
  };
}

// ---------- claims and their steps ----------

export const ClaimInput = z.object({
  year: z.number().int().min(2000).max(2100),
  /** The stars claimed (ids of the stars that apply to the village). */
  stars: z.array(IdNumber).min(1, '至少申报一颗星').max(20),
  note: z.string().trim().max(500).nullable().optional(),
});
export type ClaimInput = z.infer<typeof ClaimInput>;

const today = (ctx: AppContext) => ctx.clock.now().toISOString().slice(0, 10);

/** 申报: the household claims stars for a year (entered by the village clerk on its behalf). */
export function claimStars(ctx: AppContext, householdId: string, input: ClaimInput) {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ note: input.note });
    const h = await requireHousehold(tx, householdId);
    const access = await villageAccess(tx, h.unitId);
    if (!keepsRegisters(access)) throw forbidden('代农户申报');
    if (h.barredUntil && h.barredUntil > today(tx))
      throw new DomainError('HOUSEHOLD_BARRED', `该户星级已被撤销，${h.barredUntil} 前不能申报`, {
        params: { until: h.barredUntil },
        barredUntil: h.barredUntil,
      });
    const stars = await listStars(tx.db, await unitPath(tx, h.unitId));
    const unknown = input.stars.filter((s) => !stars.some((x) => x.id === s));
    if (unknown.length > 0)
      throw new DomainError('VALIDATION', `星 ${unknown.join('、')} 不属于本村适用的评星标准`, {
        params: { reason: 'starsNotApplicable', stars: unknown.join('、') },
        field: 'stars',
      });
    if (await findClaim(tx.db, h.id, input.year))
      throw new DomainError('CONFLICT', `该户 ${input.year} 年已申报`, {
        params: { reason: 'alreadyClaimed', year: input.year },
        field: 'year',
      });
    const claim = await insertClaim(
      tx.db,
      { householdId: h.id, year: input.year, stars: [...new Set(input.stars)], stage: 'claimed' },
      tx.clock.now().toISOString(),
    );
    await insertStep(
      tx.db,
      {
        claimId: claim.id,
        step: 'claim',
        results: null,
        note: input.note ?? null,
        userId: tx.actor.userId,
      },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'household.claim',
      entityType: 'household',
      entityId: h.id,
      unitId: h.unitId,
      after: claim,
    });
    return claim;
  });
}

const Results = z.record(z.string().regex(/^\d{1,9}$/, '以星的编号为键'), z.enum(['pass', 'fail']));

export const StepInput = z.object({
  year: z.number().int().min(2000).max(2100),
  /** villagers 村民评议 → committee 村委会审核 → filing 乡镇备案. */
  step: z.enum(['villagers', 'committee', 'filing']),
  /** Pass or fail per claimed star. */
  results: Results,
  note: z.string().trim().max(500).nullable().optional(),
});
export type StepInput = z.infer<typeof StepInput>;

const FLOW: Record<StepInput['step'], { from: ClaimStage; to: ClaimStage; name: string }> = {
  villagers: { from: 'claimed', to: 'reviewed', name: '村民评议' },
  committee: { from: 'reviewed', to: 'checked', name: '村委会审核' },
  filing: { from: 'checked', to: 'filed', name: '乡镇备案' },
};

/** Checks a step's results: every star of `stars` judged, none other; a star failed before stays failed. */
function checkResults(stars: number[], results: StarResults, before: StarResults | null) {
  const keys = Object.keys(results).map(Number);
  const missing = stars.filter((s) => !keys.includes(s));
  const extra = keys.filter((k) => !stars.includes(k));
  if (missing.length > 0 || extra.length > 0)
    throw new DomainError(
      'VALIDATION',
      `须对所申报的每颗星给出通过或不通过${missing.length ? `；缺 ${missing.join('、')}` : ''}${extra.length ? `；未申报 ${extra.join('、')}` : ''}`,
      { params: { reason: 'judgeClaimedStars' }, field: 'results', missing, extra },
    );
  const revived = stars.filter((s) => before?.[s] === 'fail' && results[s] === 'pass');
  if (revived.length > 0)
    throw new DomainError(
      'VALIDATION',
      `星 ${revived.join('、')} 前一环节未通过，后一环节不能改为通过`,
      { params: { reason: 'starFailedEarlier', stars: revived.join('、') }, field: 'results' },
    );
}

/** The next step of a year's claim: villagers' review, committee check, township filing. */
export function claimStep(ctx: AppContext, householdId: string, input: StepInput) {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ note: input.note });
    const h = await requireHousehold(tx, householdId);
    const access = await villageAccess(tx, h.unitId);
    const flow = FLOW[input.step];
    if (!mayTakeClaimStep(access, input.step))
      throw forbidden(
        input.step === 'filing' ? '乡镇备案（须为乡镇）' : `${flow.name}（须为本村党支部书记）`,
      );
    const claim = await findClaim(tx.db, h.id, input.year);
    if (!claim)
      throw new DomainError('NOT_FOUND', `该户 ${input.year} 年没有申报`, {
        params: { reason: 'claim', year: input.year },
        field: 'year',
      });
    if (claim.stage !== flow.from)
      throw new DomainError(
        'INVALID_TRANSITION',
        `该申报当前为「${STAGE_NAMES[claim.stage]}」，不能进行${flow.name}`,
        {
          params: { reason: 'claimStage', stage: claim.stage, flow: flow.name },
          stage: claim.stage,
        },
      );
    const sameHand = committeeBySameHand(tx, input.step, await stepsOf(tx.db, [claim.id]));
    if (sameHand) throw sameHand;
    checkResults(claim.stars, input.results, claim.results);
    const passed = claim.stars.filter((s) => input.results[s] === 'pass').length;
    const to: ClaimStage = passed === 0 ? 'rejected' : flow.to;
    const now = tx.clock.now().toISOString();
    const after = await advanceClaim(tx.db, claim.id, claim.stage, to, input.results, passed, now);
    if (!after)
      throw new DomainError('CONFLICT', '该申报已被他人处理', {
        params: { reason: 'changedMeanwhile' },
      });
    await insertStep(
      tx.db,
      {
        claimId: claim.id,
        step: input.step,
        results: input.results,
        note: input.note ?? null,
        userId: tx.actor.userId,
      },
      now,
    );
    await audit(tx, {
      action: `household.${input.step}`,
      entityType: 'household',
      entityId: h.id,
      unitId: h.unitId,
      before: { stage: claim.stage, results: claim.results },
      after: { stage: after.stage, results: after.results, awarded: after.awarded },
    });
    return after;
  });
}

export const STAGE_NAMES: Record<ClaimStage, string> = {
  claimed: '已申报',
  reviewed: '村民评议通过',
  checked: '村委会审核通过',
  filed: '乡镇已备案',
  rejected: '未通过',
  revoked: '已撤销',
};

export const YearlyReviewInput = z.object({
  /** The year the rating is reviewed for; the household's filed rating of the year before is checked. */
  year: z.number().int().min(2000).max(2100),
  results: Results,
  note: z.string().trim().max(500).nullable().optional(),
});
export type YearlyReviewInput = z.infer<typeof YearlyReviewInput>;

/** 年度复核: the town re-checks last year's filed stars; those still passing are filed for the year. */
export function yearlyReview(ctx: AppContext, householdId: string, input: YearlyReviewInput) {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ note: input.note });
    const h = await requireHousehold(tx, householdId);
    if (!(await villageAccess(tx, h.unitId)).manage) throw forbidden('年度复核（须为乡镇）');
    const last = await findClaim(tx.db, h.id, input.year - 1);
    if (last?.stage !== 'filed')
      throw new DomainError(
        'INVALID_TRANSITION',
        `该户 ${input.year - 1} 年没有已备案的星级，无可复核`,
        { params: { reason: 'noRatingLastYear' }, field: 'year' },
      );
    if (await findClaim(tx.db, h.id, input.year))
      throw new DomainError('CONFLICT', `该户 ${input.year} 年已有申报或复核`, {
        params: { reason: 'alreadyRated', year: input.year },
        field: 'year',
      });
    const held = last.stars.filter((s) => last.results?.[s] === 'pass');
    checkResults(held, input.results, null);
    const passed = held.filter((s) => input.results[s] === 'pass').length;
    const now = tx.clock.now().toISOString();
    const created = await insertClaim(
      tx.db,
      { householdId: h.id, year: input.year, stars: held, stage: 'checked' },
      now,
    );
    const after = (await advanceClaim(
      tx.db,
      created.id,
      'checked',
      passed === 0 ? 'rejected' : 'filed',
      input.results,
      passed,
      now,
    ))!;
    await insertStep(
      tx.db,
      {
        claimId: created.id,
        step: 'yearly_review',
        results: input.results,
        note: input.note ?? null,
        userId: tx.actor.userId,
      },
      now,
    );
    await audit(tx, {
      action: 'household.yearly_review',
      entityType: 'household',
      entityId: h.id,
      unitId: h.unitId,
      before: { year: last.year, awarded: last.awarded },
      after: { year: after.year, stage: after.stage, awarded: after.awarded },
    });
    return after;
  });
}

export const RevokeInput = z.object({
  reason: z.string().trim().min(1, '请填写撤销理由').max(1000),
});

/** 撤销: the town revokes the household's current rating; it may not claim again for two years. */
export function revokeStars(ctx: AppContext, householdId: string, input: { reason: string }) {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ reason: input.reason });
    const h = await requireHousehold(tx, householdId);
    if (!(await villageAccess(tx, h.unitId)).manage) throw forbidden('撤销星级（须为乡镇）');
    const claims = await claimsOf(tx.db, [h.id]);
    const current = [...claims].reverse().find((c) => c.stage === 'filed');
    if (!current)
      throw new DomainError('INVALID_TRANSITION', '该户没有已备案的星级', {
        params: { reason: 'noRatingToRevoke' },
      });
    const now = tx.clock.now().toISOString();
    const after = (await advanceClaim(
      tx.db,
      current.id,
      'filed',
      'revoked',
      current.results,
      0,
      now,
    ))!;
    const day = today(tx);
    const until = `${Number(day.slice(0, 4)) + 2}${day.slice(4)}`.replace(/-02-29$/, '-03-01');
    await setBarredUntil(tx.db, h.id, until, now);
    await insertStep(
      tx.db,
      {
        claimId: current.id,
        step: 'revoke',
        results: null,
        note: input.reason,
        userId: tx.actor.userId,
      },
      now,
    );
    await audit(tx, {
      action: 'household.revoke',
      entityType: 'household',
      entityId: h.id,
      unitId: h.unitId,
      before: { year: current.year, stage: 'filed', awarded: current.awarded },
      after: { stage: 'revoked', barredUntil: until, reason: input.reason },
    });
    return { household: { ...h, barredUntil: until }, claim: after };
  });
}

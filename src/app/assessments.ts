import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  type AssessedUnit,
  type AssessmentClass,
  assess,
  checkScheme,
  classesOf,
  type RoundPlace,
  type Scheme,
} from '../core/assessment.ts';
import { DomainError } from '../core/errors.ts';
import { UNIT_KINDS } from '../core/units.ts';
import {
  approvedAdjustments,
  assessmentParticipants,
  decideAdjustment,
  findAssessmentRow,
  insertAdjustment,
  insertAssessment,
  insertSchemeVersion,
  listAdjustments,
  listAssessmentRows,
  listSchemeVersions,
  raterScores,
  ratingProgress,
  ratingsOf,
  setAdjustmentEvidence,
  updateAssessmentScheme,
  writeRatings,
} from '../db/assessment.repository.ts';
import { findContest } from '../db/contest.repository.ts';
import { listResults } from '../db/result.repository.ts';
import { listRounds } from '../db/round.repository.ts';
import type { Database } from '../db/schema.ts';
import { findUnit, unitsByRule } from '../db/unit.repository.ts';
import { findUser } from '../db/user.repository.ts';
import { EVIDENCE_MAX_BYTES, type FileStore, sniffType, storeFile } from '../io/file-store.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { IdNumber, isId, Ref } from './ids.ts';
import {
  assessmentAbilities,
  assessmentAccess,
  raterForms,
  requireAssessmentManager,
  requireEvidenceReader,
  requireProposerFor,
  requireRater,
  requireResultsReader,
} from './policies/assessment.ts';
import { requireUser } from './policies/gate.ts';

const Code = z.string().trim().min(1).max(32);

const GradesInput = z.object({
  top: z.array(z.object({ name: z.string().min(1), percent: z.number().positive().max(100) })),
  bottom: z.array(z.object({ name: z.string().min(1), percent: z.number().positive().max(100) })),
  otherwise: z.string().min(1),
});

/** The scheme as a request gives it (classes by unit or kind, raters by user name). */
export const SchemeInput = z.object({
  components: z
    .array(
      z.object({
        contest: IdNumber,
        weight: z.number().positive().max(100),
        conversion: z.discriminatedUnion('method', [
          z.object({ method: z.literal('rank-linear'), first: z.number(), last: z.number() }),
          z.object({ method: z.literal('relative-to-best'), points: z.number().positive() }),
          z.object({ method: z.literal('total') }),
        ]),
        aggregate: z.enum(['mean', 'sum', 'latest']),
      }),
    )
    .min(1),
  ratings: z
    .array(
      z.object({
        code: Code,
        name: z.string().trim().min(1).max(100),
        weight: z.number().positive().max(100),
        max: z.number().positive().max(1000).default(100),
        trimFrom: z.number().int().min(3).max(100).optional(),
        raters: z
          .array(z.object({ user: z.string().min(1), classes: z.array(Code).optional() }))
          .min(1),
      }),
    )
    .optional(),
  adjustments: z
    .object({
      items: z.array(
        z.object({
          code: Code,
          name: z.string().trim().min(1).max(100),
          kind: z.enum(['bonus', 'deduction', 'veto']),
          cap: z.number().positive().optional(),
          grade: z.string().min(1).optional(),
        }),
      ),
      bonusCap: z.number().positive().optional(),
      deductionCap: z.number().positive().optional(),
    })
    .optional(),
  classes: z
    .array(
      z.object({
        code: Code,
        name: z.string().trim().min(1).max(100),
        units: z.array(Ref).optional(),
        kinds: z.array(z.enum(UNIT_KINDS)).optional(),
        grades: GradesInput.optional(),
      }),
    )
    .optional(),
  weightTotal: z.number().positive().optional(),
  flagPoints: z.object({ red: z.number(), yellow: z.number() }).default({ red: 0, yellow: 0 }),
  grades: GradesInput.default({
    top: [{ name: '优秀', percent: 20 }],
    bottom: [{ name: '较差', percent: 10 }],
    otherwise: '良好',
  }),
  precision: z.number().int().min(0).max(4).default(2),
});
export type SchemeInput = z.infer<typeof SchemeInput>;

export const CreateAssessment = SchemeInput.extend({
  title: z.string().trim().min(1).max(200),
  year: z.number().int().min(2000).max(2100),
  organizer: Ref,
  participants: z.union([
    z.array(Ref).min(1),
    z.object({ under: Ref, kinds: z.array(z.enum(UNIT_KINDS)).min(1) }),
  ]),
});
export type CreateAssessment = z.infer<typeof CreateAssessment>;

export const Correction = z.object({
  reason: z.string().trim().min(1).max(2000),
  scheme: SchemeInput.optional(),
  adjustments: z
    .array(
      z.object({
        unit: Ref,
        item: Code,
        points: z.number().min(0).default(0),
        reason: z.string().trim().min(1).max(2000),
      }),
    )
    .optional(),
});
export type Correction = z.infer<typeof Correction>;

export const RatingForm = z.object({
  component: Code,
  /** The class the form covers (absent when the scheme has no classes). */
  class: z.string().max(32).optional(),
  ratings: z.array(z.object({ unit: Ref, score: z.number() })).min(1),
  /** The system actor (demo, CLI) enters a rater's collected form on their behalf. */
  rater: z.string().optional(),
});
export type RatingForm = z.infer<typeof RatingForm>;

export const ProposeAdjustment = z.object({
  unit: Ref,
  item: Code,
  points: z.number().min(0).default(0),
  reason: z.string().trim().min(1).max(2000),
});
export type ProposeAdjustment = z.infer<typeof ProposeAdjustment>;

export const DecideAdjustment = z.object({
  decision: z.enum(['approved', 'rejected']),
  reason: z.string().trim().max(2000).optional(),
});
export type DecideAdjustment = z.infer<typeof DecideAdjustment>;

const invalid = (field: string, message: string): never => {
  throw new DomainError('VALIDATION', message, { field });
};

async function resolveUnits(db: Kysely<Database>, spec: CreateAssessment['participants']) {
  if (Array.isArray(spec)) {
    const units = [];
    for (const ref of spec) {
      const unit = await findUnit(db, ref);
      if (!unit)
        throw new DomainError('UNKNOWN_UNIT', `单位不存在：${ref}`, {
          params: { unit: ref },
          field: 'participants',
        });
      units.push({ id: unit.id, code: unit.code, name: unit.name, kind: unit.kind });
    }
    return units;
  }
  const under = await findUnit(db, spec.under);
  if (!under)
    throw new DomainError('UNKNOWN_UNIT', `单位不存在：${spec.under}`, {
      params: { unit: spec.under },
      field: 'participants.under',
    });
  return (await unitsByRule(db, under.id, spec.kinds)).map((u) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
  }));
}

type Participant = { id: number; code: string; name: string; kind: string };

/**
 * The stored scheme from a request: contests by id with their titles, classes as participants'
 * codes, raters checked to exist; then every rule of {@link checkScheme}, naming the field.
 */
async function buildScheme(
  db: Kysely<Database>,
  input: SchemeInput,
  participants: Participant[],
): Promise<Scheme> {
  const components: Scheme['components'] = [];
  for (const [i, c] of input.components.entries()) {
    const contest = await findContest(db, c.contest);
    if (!contest)
      throw new DomainError('CONTEST_NOT_FOUND', `擂台赛不存在：${c.contest}`, {
        params: { id: c.contest },
        field: `components[${i}].contest`,
      });
    components.push({
      contestId: contest.id,
      title: contest.title,
      weight: c.weight,
      conversion: c.conversion,
      aggregate: c.aggregate,
    });
  }
  const classes: AssessmentClass[] = [];
  for (const [i, c] of (input.classes ?? []).entries()) {
    const codes: string[] = [];
    for (const ref of c.units ?? []) {
      const p = participants.find((u) => u.code === String(ref) || u.id === Number(ref));
      if (!p) invalid(`classes[${i}].units`, `「${ref}」不是参加考核的单位`);
      else codes.push(p.code);
    }
    for (const p of participants)
      if (c.kinds?.includes(p.kind as never) && !codes.includes(p.code)) codes.push(p.code);
    classes.push({
      code: c.code,
      name: c.name,
      units: codes,
      ...(c.grades ? { grades: c.grades } : {}),
    });
  }
  for (const [i, r] of (input.ratings ?? []).entries())
    for (const [j, rater] of r.raters.entries())
      if (!(await findUser(db, rater.user)))
        invalid(`ratings[${i}].raters[${j}].user`, `评价人「${rater.user}」不存在`);
  const scheme: Scheme = {
    components,
    ...(input.ratings?.length ? { ratings: input.ratings } : {}),
    ...(input.adjustments ? { adjustments: input.adjustments } : {}),
    ...(classes.length ? { classes } : {}),
    ...(input.weightTotal !== undefined ? { weightTotal: input.weightTotal } : {}),
    flagPoints: input.flagPoints,
    grades: input.grades,
    precision: input.precision,
  };
  const issues = checkScheme(
    scheme,
    participants.map((p) => p.code),
  );
  if (issues.length)
    throw new DomainError('VALIDATION', issues.map((i) => i.message).join('；'), {
      field: issues[0]!.field,
      issues,
    });
  return scheme;
}

/** Sets up a year's assessment scheme (version 1, a draft until published). */
export function createAssessment(ctx: AppContext, input: CreateAssessment) {
  return inTransaction(ctx, async (tx) => {
    const organizer = await findUnit(tx.db, input.organizer);
    if (!organizer)
      throw new DomainError('UNKNOWN_UNIT', `单位不存在：${input.organizer}`, {
        params: { unit: input.organizer },
        field: 'organizer',
      });
    await requireAssessmentManager(tx, { organizer_unit_id: organizer.id });
    const units = await resolveUnits(tx.db, input.participants);
    if (units.length === 0)
      throw new DomainError('NO_PARTICIPANTS', '没有参加考核的单位', {
        field: 'participants',
      });
    const scheme = await buildScheme(tx.db, input, units);
    const now = tx.clock.now().toISOString();
    const schemeJson = JSON.stringify(scheme);
    const row = await insertAssessment(
      tx.db,
      { organizerUnitId: organizer.id, year: input.year, title: input.title, schemeJson },
      units.map((u) => u.id),
      now,
    );
    await insertSchemeVersion(
      tx.db,
      {
        assessmentId: row.id,
        version: 1,
        kind: 'draft',
        schemeJson,
        reason: null,
        createdBy: tx.actor.userId,
      },
      now,
    );
    await audit(tx, {
      action: 'assessment.create',
      entityType: 'assessment',
      entityId: row.id,
      unitId: organizer.id,
      after: { ...input, participants: units.length },
    });
    return getAssessment(tx, String(row.id));
  });
}

async function load(db: Kysely<Database>, id: string) {
  const row = isId(id) ? await findAssessmentRow(db, Number(id)) : undefined;
  if (!row)
    throw new DomainError('NOT_FOUND', `考核不存在：${id}`, {
      params: { reason: 'assessment', id },
    });
  return { ...row, scheme: JSON.parse(row.scheme_json) as Scheme };
}
type Loaded = Awaited<ReturnType<typeof load>>;

async function managed(ctx: AppContext, id: string) {
  const a = await load(ctx.db, id);
  await requireAssessmentManager(ctx, a);
  return a;
}

function requireDraft(a: Loaded, what: string) {
  if (a.state === 'published')
    throw new DomainError('CONFLICT', `考核已发布，${what}只能通过更正`, {
      params: { reason: 'assessmentPublished', what },
      state: a.state,
    });
}

export async function getAssessment(ctx: AppContext, id: string) {
  const a = await load(ctx.db, id);
  const participants = await assessmentParticipants(ctx.db, a.id);
  const access = await assessmentAccess(ctx, a, participants);
  const organizer = (await findUnit(ctx.db, a.organizer_unit_id))!;
  return {
    id: a.id,
    title: a.title,
    year: a.year,
    state: a.state as 'draft' | 'published',
    version: a.version,
    publishedAt: a.published_at,
    organizer: { code: organizer.code, name: organizer.name },
    scheme: a.scheme,
    participants: participants
      .filter((p) => access.all || access.own?.id === p.id || access.forms.length > 0)
      .map((p) => ({ code: p.code, name: p.name })),
    versions: access.all ? await listSchemeVersions(ctx.db, a.id) : [],
    may: assessmentAbilities(access, a.state as 'draft' | 'published', participants),
  };
}

export async function listAssessments(ctx: AppContext) {
  requireUser(ctx);
  const rows = await listAssessmentRows(ctx.db);
  const items = [];
  for (const row of rows) {
    try {
      const a = await load(ctx.db, String(row.id));
      await assessmentAccess(ctx, a, await assessmentParticipants(ctx.db, a.id));
      items.push(row);
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'FORBIDDEN')) throw e;
    }
  }
  return { items, total: items.length };
}

/** A new version of the scheme while the assessment is a draft. */
export function reviseScheme(ctx: AppContext, id: string, input: SchemeInput) {
  return inTransaction(ctx, async (tx) => {
    const a = await managed(tx, id);
    requireDraft(a, '考核方案');
    const participants = await assessmentParticipants(tx.db, a.id);
    const scheme = await buildScheme(tx.db, input, participants);
    const version = a.version + 1;
    const now = tx.clock.now().toISOString();
    const schemeJson = JSON.stringify(scheme);
    await updateAssessmentScheme(tx.db, a.id, { schemeJson, version }, now);
    await insertSchemeVersion(
      tx.db,
      {
        assessmentId: a.id,
        version,
        kind: 'draft',
        schemeJson,
        reason: null,
        createdBy: tx.actor.userId,
      },
      now,
    );
    await audit(tx, {
      action: 'assessment.scheme',
      entityType: 'assessment',
      entityId: a.id,
      unitId: a.organizer_unit_id,
      before: { version: a.version },
      after: { version, scheme },
    });
    return getAssessment(tx, id);
  });
}

/** Publishes the assessment: its scheme is frozen; from now on only corrections change it. */
export function publishAssessment(ctx: AppContext, id: string) {
  return inTransaction(ctx, async (tx) => {
    const a = await managed(tx, id);
    requireDraft(a, '再次发布');
    const pending = (await listAdjustments(tx.db, a.id)).filter((x) => x.state === 'pending');
    if (pending.length)
      throw new DomainError('CONFLICT', `还有${pending.length}项加减分待审核，审核后才能发布`, {
        params: { reason: 'adjustmentsPending', count: pending.length },
        field: 'adjustments',
        pending: pending.map((p) => p.id),
      });
    const now = tx.clock.now().toISOString();
    const version = a.version + 1;
    await updateAssessmentScheme(
      tx.db,
      a.id,
      { state: 'published', publishedAt: now, version },
      now,
    );
    await insertSchemeVersion(
      tx.db,
      {
        assessmentId: a.id,
        version,
        kind: 'publish',
        schemeJson: a.scheme_json,
        reason: null,
        createdBy: tx.actor.userId,
      },
      now,
    );
    await audit(tx, {
      action: 'assessment.publish',
      entityType: 'assessment',
      entityId: a.id,
      unitId: a.organizer_unit_id,
      after: { version },
    });
    return getAssessment(tx, id);
  });
}

/**
 * A correction of a published assessment: a new version with its reason, a changed scheme and/or
 * adjustments decided at once by the organizer making it; recorded and visible in the versions.
 */
export function correctAssessment(ctx: AppContext, id: string, input: Correction) {
  return inTransaction(ctx, async (tx) => {
    const a = await managed(tx, id);
    if (a.state !== 'published')
      throw new DomainError('CONFLICT', '考核尚未发布，请直接修改方案', {
        params: { reason: 'notPublishedRevise' },
        state: a.state,
      });
    if (!input.scheme && !input.adjustments?.length) invalid('scheme', '更正须修改方案或加减分');
    const participants = await assessmentParticipants(tx.db, a.id);
    const scheme = input.scheme ? await buildScheme(tx.db, input.scheme, participants) : a.scheme;
    const now = tx.clock.now().toISOString();
    for (const [i, adj] of (input.adjustments ?? []).entries()) {
      const checked = await checkAdjustment(
        tx.db,
        a.id,
        scheme,
        participants,
        adj,
        `adjustments[${i}].`,
      );
      await insertAdjustment(
        tx.db,
        {
          assessmentId: a.id,
          unitId: checked.unitId,
          item: adj.item,
          points: checked.points,
          reason: adj.reason,
          state: 'approved',
          createdBy: tx.actor.userId,
        },
        now,
      );
    }
    const version = a.version + 1;
    const schemeJson = JSON.stringify(scheme);
    await updateAssessmentScheme(tx.db, a.id, { schemeJson, version }, now);
    await insertSchemeVersion(
      tx.db,
      {
        assessmentId: a.id,
        version,
        kind: 'correction',
        schemeJson,
        reason: input.reason,
        createdBy: tx.actor.userId,
      },
      now,
    );
    await audit(tx, {
      action: 'assessment.correct',
      entityType: 'assessment',
      entityId: a.id,
      unitId: a.organizer_unit_id,
      before: { version: a.version },
      after: { version, reason: input.reason, adjustments: input.adjustments ?? [] },
    });
    return getAssessment(tx, id);
  });
}

// ---- ratings ------------------------------------------------------------------------------

/** The actor's rating forms (every unit of the class, with the actor's scores so far). */
export async function myRatingForms(ctx: AppContext, id: string) {
  const a = await load(ctx.db, id);
  const participants = await assessmentParticipants(ctx.db, a.id);
  const access = await assessmentAccess(ctx, a, participants);
  const actor = requireUser(ctx);
  const forms = [];
  for (const f of access.forms) {
    const r = a.scheme.ratings!.find((x) => x.code === f.component)!;
    const mine =
      actor.kind === 'system'
        ? new Map<number, number>()
        : await raterScores(ctx.db, a.id, f.component, actor.userId!);
    forms.push({
      component: r.code,
      name: r.name,
      max: r.max,
      class: f.class.code,
      className: f.class.name,
      units: f.class.units.map((code) => {
        const p = participants.find((u) => u.code === code)!;
        return { code, name: p.name, score: mine.get(p.id) ?? null };
      }),
    });
  }
  const progress = access.manage
    ? (await ratingProgress(ctx.db, a.id)).map((p) => ({ ...p, count: Number(p.count) }))
    : [];
  return { items: forms, total: forms.length, progress, open: a.state !== 'published' };
}

/**
 * A rater's filled form for one component and class: every unit of the class once, each score
 * within the form's scale. All or nothing.
 */
export function submitRatings(ctx: AppContext, id: string, input: RatingForm) {
  return inTransaction(ctx, async (tx) => {
    const a = await load(tx.db, id);
    const actor = requireUser(tx);
    let raterId = actor.userId;
    let username: string | null = null;
    if (actor.kind === 'system') {
      const rater = input.rater ? await findUser(tx.db, input.rater) : undefined;
      if (!rater) return invalid('rater', '请指明评价人');
      raterId = rater.id;
      username = rater.username;
    } else {
      username = (await findUser(tx.db, actor.userId!))?.username ?? null;
    }
    const participants = await assessmentParticipants(tx.db, a.id);
    const component = a.scheme.ratings?.find((r) => r.code === input.component);
    if (!component) return invalid('component', `没有评价项目「${input.component}」`);
    const classes = classesOf(a.scheme, participants);
    const cls =
      input.class === undefined && classes.length === 1
        ? classes[0]!
        : classes.find((c) => c.code === input.class);
    if (!cls) return invalid('class', `没有类别「${input.class ?? ''}」`);
    requireRater(raterForms(a.scheme, participants, username), component, cls);
    requireDraft(a, '评价');
    const scores: { unitId: number; score: number }[] = [];
    const seen = new Set<string>();
    for (const [i, r] of input.ratings.entries()) {
      const p = participants.find((u) => u.code === String(r.unit) || u.id === Number(r.unit));
      if (!p || !cls.units.includes(p.code))
        return invalid(`ratings[${i}].unit`, `「${r.unit}」不在「${cls.name}」类别中`);
      if (seen.has(p.code)) return invalid(`ratings[${i}].unit`, `「${p.name}」评了两次`);
      seen.add(p.code);
      if (!(r.score >= 0 && r.score <= component.max))
        return invalid(
          `ratings[${i}].score`,
          `「${p.name}」的评分${r.score}超出范围0～${component.max}`,
        );
      scores.push({ unitId: p.id, score: r.score });
    }
    const missing = cls.units.filter((u) => !seen.has(u));
    if (missing.length)
      return invalid('ratings', `评价表须对「${cls.name}」每个单位评分，缺${missing.length}个`);
    await writeRatings(tx.db, a.id, component.code, raterId!, scores, tx.clock.now().toISOString());
    await audit(tx, {
      action: 'assessment.rate',
      entityType: 'assessment',
      entityId: a.id,
      unitId: a.organizer_unit_id,
      after: { component: component.code, class: cls.code, rater: username, count: scores.length },
    });
    return { component: component.code, class: cls.code, count: scores.length };
  });
}

// ---- adjustments --------------------------------------------------------------------------

/** The unit, item and points of an adjustment, within the item's and the unit's caps. */
async function checkAdjustment(
  db: Kysely<Database>,
  assessmentId: number,
  scheme: Scheme,
  participants: Participant[],
  input: { unit: string | number; item: string; points: number },
  prefix = '',
  excludeId?: number,
) {
  const p = participants.find((u) => u.code === String(input.unit) || u.id === Number(input.unit));
  if (!p) return invalid(`${prefix}unit`, `「${input.unit}」不是参加考核的单位`);
  const item = scheme.adjustments?.items.find((i) => i.code === input.item);
  if (!item) return invalid(`${prefix}item`, `没有加减分项目「${input.item}」`);
  if (item.kind === 'veto') return { unitId: p.id, points: 0, item };
  if (!(input.points > 0)) return invalid(`${prefix}points`, '加减分须大于0');
  // Counted against the caps: what is approved or still pending for the unit.
  const others = (await listAdjustments(db, assessmentId, p.id)).filter(
    (x) => x.state !== 'rejected' && x.id !== excludeId,
  );
  const kindOf = new Map(scheme.adjustments!.items.map((i) => [i.code, i.kind]));
  const sameItem = others.filter((x) => x.item === item.code).reduce((s, x) => s + x.points, 0);
  if (item.cap !== undefined && sameItem + input.points > item.cap + 1e-9)
    return invalid(
      `${prefix}points`,
      `「${p.name}」的「${item.name}」已有${sameItem}分，再加${input.points}分超过上限${item.cap}分`,
    );
  const kindCap =
    item.kind === 'bonus' ? scheme.adjustments!.bonusCap : scheme.adjustments!.deductionCap;
  const sameKind = others
    .filter((x) => kindOf.get(x.item) === item.kind)
    .reduce((s, x) => s + x.points, 0);
  if (kindCap !== undefined && sameKind + input.points > kindCap + 1e-9)
    return invalid(
      `${prefix}points`,
      `「${p.name}」的${item.kind === 'bonus' ? '加分' : '减分'}合计将为${sameKind + input.points}分，超过上限${kindCap}分`,
    );
  return { unitId: p.id, points: input.points, item };
}

/** The adjustments the actor may see: all, or its own unit's. */
export async function listAssessmentAdjustments(ctx: AppContext, id: string) {
  const a = await load(ctx.db, id);
  const participants = await assessmentParticipants(ctx.db, a.id);
  const access = await assessmentAccess(ctx, a, participants);
  requireResultsReader(access, '加减分');
  const rows = await listAdjustments(ctx.db, a.id, access.own?.id);
  const items = a.scheme.adjustments?.items ?? [];
  const list = rows.map(({ evidence, unitId: _u, ...r }) => ({
    ...r,
    itemName: items.find((i) => i.code === r.item)?.name ?? r.item,
    kind: items.find((i) => i.code === r.item)?.kind ?? 'bonus',
    evidence: evidence ? { name: evidence.name, type: evidence.type } : null,
  }));
  return { items: list, total: list.length };
}

/**
 * Proposes a 加分/减分/一票否决 for a unit: the organizer and those who read the whole assessment
 * (lead offices) for any unit, a participant's staff for its own. Approved by the organizer.
 */
export function proposeAdjustment(ctx: AppContext, id: string, input: ProposeAdjustment) {
  return inTransaction(ctx, async (tx) => {
    const a = await load(tx.db, id);
    const participants = await assessmentParticipants(tx.db, a.id);
    const access = await assessmentAccess(tx, a, participants);
    const target = participants.find(
      (u) => u.code === String(input.unit) || u.id === Number(input.unit),
    );
    requireProposerFor(access, target?.id, '申报加减分');
    requireDraft(a, '加减分');
    const checked = await checkAdjustment(tx.db, a.id, a.scheme, participants, input);
    const now = tx.clock.now().toISOString();
    const adjustmentId = await insertAdjustment(
      tx.db,
      {
        assessmentId: a.id,
        unitId: checked.unitId,
        item: input.item,
        points: checked.points,
        reason: input.reason,
        state: 'pending',
        createdBy: tx.actor.userId,
      },
      now,
    );
    await audit(tx, {
      action: 'assessment.adjustment.propose',
      entityType: 'assessment',
      entityId: a.id,
      unitId: checked.unitId,
      after: { id: adjustmentId, ...input, points: checked.points },
    });
    return { id: adjustmentId, state: 'pending' as const };
  });
}

/** The organizer approves or rejects a pending adjustment (caps checked again on approval). */
export function decideAssessmentAdjustment(
  ctx: AppContext,
  id: string,
  adjustmentId: string,
  input: DecideAdjustment,
) {
  return inTransaction(ctx, async (tx) => {
    const a = await managed(tx, id);
    requireDraft(a, '审核加减分');
    const row = (await listAdjustments(tx.db, a.id)).find((x) => String(x.id) === adjustmentId);
    if (!row)
      throw new DomainError('NOT_FOUND', `加减分不存在：${adjustmentId}`, {
        params: { reason: 'adjustment', id: adjustmentId },
      });
    if (row.state !== 'pending')
      throw new DomainError('CONFLICT', '此项已审核', {
        params: { reason: 'alreadyDecided' },
        state: row.state,
      });
    if (input.decision === 'approved') {
      const participants = await assessmentParticipants(tx.db, a.id);
      await checkAdjustment(tx.db, a.id, a.scheme, participants, row, '', row.id);
    } else if (!input.reason) invalid('reason', '不予认定须说明理由');
    const decided = await decideAdjustment(
      tx.db,
      row.id,
      { state: input.decision, by: tx.actor.userId, reason: input.reason ?? null },
      tx.clock.now().toISOString(),
    );
    if (!decided)
      throw new DomainError('CONFLICT', '此项已审核', { params: { reason: 'alreadyDecided' } });
    await audit(tx, {
      action: 'assessment.adjustment.decide',
      entityType: 'assessment',
      entityId: a.id,
      unitId: row.unitId,
      before: { id: row.id, state: 'pending' },
      after: { id: row.id, state: input.decision, reason: input.reason ?? null },
    });
    return { id: row.id, state: input.decision };
  });
}

/** Attaches the evidence file (佐证材料) of an adjustment, by whoever may propose it. */
export function attachAdjustmentEvidence(
  ctx: AppContext & {
    dataDir: string;
    files?: FileStore | undefined;
    fileKey?: string | undefined;
  },
  id: string,
  adjustmentId: string,
  file: { filename: string; bytes: Uint8Array },
) {
  return inTransaction(ctx, async (tx) => {
    const a = await load(tx.db, id);
    const participants = await assessmentParticipants(tx.db, a.id);
    const access = await assessmentAccess(tx, a, participants);
    const row = (await listAdjustments(tx.db, a.id)).find((x) => String(x.id) === adjustmentId);
    if (!row)
      throw new DomainError('NOT_FOUND', `加减分不存在：${adjustmentId}`, {
        params: { reason: 'adjustment', id: adjustmentId },
      });
    requireProposerFor(access, row.unitId, '上传佐证');
    if (row.state !== 'pending')
      throw new DomainError('CONFLICT', '已审核的加减分不能更换佐证', {
        params: { reason: 'alreadyDecided' },
      });
    if (file.bytes.length > EVIDENCE_MAX_BYTES)
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `佐证材料不能超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`,
        { params: { reason: 'fileLimit', limit: EVIDENCE_MAX_BYTES / 1024 / 1024, unit: 'MB' } },
      );
    const type = sniffType(file.bytes, file.filename);
    if (!type)
      throw new DomainError(
        'UNSUPPORTED_FILE',
        `不支持的文件类型「${file.filename}」：只收图片、PDF 和 Office 文件`,
        { params: { file: file.filename } },
      );
    const sha256 = await storeFile(ctx.files ?? ctx.dataDir, 'evidence', file.bytes, ctx.fileKey);
    const name = file.filename.slice(0, 200);
    await setAdjustmentEvidence(tx.db, row.id, { name, type, sha256 });
    await audit(tx, {
      action: 'assessment.adjustment.evidence',
      entityType: 'assessment',
      entityId: a.id,
      unitId: row.unitId,
      after: { id: row.id, filename: name, sha256 },
    });
    return { id: row.id, evidence: { name, type } };
  });
}

export async function readAdjustmentEvidence(ctx: AppContext, id: string, adjustmentId: string) {
  const a = await load(ctx.db, id);
  const participants = await assessmentParticipants(ctx.db, a.id);
  const access = await assessmentAccess(ctx, a, participants);
  const row = (await listAdjustments(ctx.db, a.id)).find((x) => String(x.id) === adjustmentId);
  if (!row?.evidence)
    throw new DomainError('NOT_FOUND', '没有佐证材料', { params: { reason: 'evidence' } });
  requireEvidenceReader(access, row.unitId);
  return row.evidence;
}

// ---- results ------------------------------------------------------------------------------

/** Each unit's published places in a contest's rounds of the year, in period order. */
async function placesOf(db: Kysely<Database>, contestId: number, year: number) {
  const byUnit = new Map<string, RoundPlace[]>();
  const rounds = (await listRounds(db, contestId)).filter(
    (r) => r.state === 'published' && r.period.startsWith(String(year)),
  );
  for (const round of rounds) {
    const rows = await listResults(db, round.id, round.revision);
    const groups = new Map<string, { size: number; best: number }>();
    for (const r of rows) {
      const g = groups.get(r.group) ?? { size: 0, best: Number.NEGATIVE_INFINITY };
      g.size += 1;
      if (!r.vetoed) g.best = Math.max(g.best, r.total);
      groups.set(r.group, g);
    }
    for (const r of rows) {
      const g = groups.get(r.group)!;
      const list = byUnit.get(r.code) ?? [];
      list.push({
        period: round.period,
        rank: r.rank,
        total: r.total,
        groupSize: g.size,
        best: g.best,
        flag: r.flag,
      });
      byUnit.set(r.code, list);
    }
  }
  return byUnit;
}

/**
 * The assessment as it stands: computed from the published rounds, the ratings and the approved
 * adjustments each time it is read, so a corrected round is reflected at once. A participant's
 * staff see only their own unit's line.
 */
export async function assessmentResults(
  ctx: AppContext,
  id: string,
): Promise<{
  assessment: Awaited<ReturnType<typeof getAssessment>>;
  items: AssessedUnit[];
  total: number;
}> {
  const a = await load(ctx.db, id);
  const participants = await assessmentParticipants(ctx.db, a.id);
  const access = await assessmentAccess(ctx, a, participants);
  requireResultsReader(access, '考核结果');
  const assessment = await getAssessment(ctx, id);
  const places = new Map<number, Map<string, RoundPlace[]>>();
  for (const c of a.scheme.components)
    places.set(c.contestId, await placesOf(ctx.db, c.contestId, a.year));
  const all = assess(
    a.scheme,
    participants,
    places,
    await ratingsOf(ctx.db, a.id),
    await approvedAdjustments(ctx.db, a.id),
  );
  const items = access.own ? all.filter((u) => u.code === access.own!.code) : all;
  return { assessment, items, total: items.length };
}

import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type AssessedUnit, assess, type RoundPlace, type Scheme } from '../core/assessment.ts';
import { DomainError } from '../core/errors.ts';
import { UNIT_KINDS } from '../core/units.ts';
import { findContest } from '../db/contest.repository.ts';
import { listResults } from '../db/result.repository.ts';
import { listRounds } from '../db/round.repository.ts';
import type { Database } from '../db/schema.ts';
import { findUnit, withSubtree } from '../db/unit.repository.ts';
import { authorize, requireUser } from './authorize.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { IdNumber, isId, Ref } from './ids.ts';

export const CreateAssessment = z.object({
  title: z.string().trim().min(1).max(200),
  year: z.number().int().min(2000).max(2100),
  organizer: Ref,
  participants: z.union([
    z.array(Ref).min(1),
    z.object({ under: Ref, kinds: z.array(z.enum(UNIT_KINDS)).min(1) }),
  ]),
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
  flagPoints: z.object({ red: z.number(), yellow: z.number() }).default({ red: 0, yellow: 0 }),
  grades: z
    .object({
      top: z.array(z.object({ name: z.string().min(1), percent: z.number().positive().max(100) })),
      bottom: z.array(
        z.object({ name: z.string().min(1), percent: z.number().positive().max(100) }),
      ),
      otherwise: z.string().min(1),
    })
    .default({
      top: [{ name: '优秀', percent: 20 }],
      bottom: [{ name: '较差', percent: 10 }],
      otherwise: '良好',
    }),
  precision: z.number().int().min(0).max(4).default(2),
});
export type CreateAssessment = z.infer<typeof CreateAssessment>;

async function resolveUnits(db: Kysely<Database>, spec: CreateAssessment['participants']) {
  if (Array.isArray(spec)) {
    const units = [];
    for (const ref of spec) {
      const unit = await findUnit(db, ref);
      if (!unit)
        throw new DomainError('UNKNOWN_UNIT', `单位不存在 unit not found: ${ref}`, {
          field: 'participants',
        });
      units.push(unit);
    }
    return units;
  }
  const under = await findUnit(db, spec.under);
  if (!under)
    throw new DomainError('UNKNOWN_UNIT', `单位不存在 unit not found: ${spec.under}`, {
      field: 'participants.under',
    });
  return withSubtree(db, under.id)
    .selectFrom('units')
    .selectAll()
    .where('id', 'in', (eb) => eb.selectFrom('subtree').select('subtree.id'))
    .where('kind', 'in', spec.kinds)
    .where('id', '!=', under.id)
    .orderBy('code')
    .execute()
    .then((rows) => rows.map((r) => ({ id: r.id, code: r.code, name: r.name })));
}

/** Sets up a year's assessment scheme over component contests. */
export function createAssessment(ctx: AppContext, input: CreateAssessment) {
  return inTransaction(ctx, async (tx) => {
    const organizer = await findUnit(tx.db, input.organizer);
    if (!organizer)
      throw new DomainError('UNKNOWN_UNIT', `单位不存在 unit not found: ${input.organizer}`, {
        field: 'organizer',
      });
    await authorize(tx, 'contest.manage', organizer.id);
    const components: Scheme['components'] = [];
    for (const c of input.components) {
      const contest = await findContest(tx.db, c.contest);
      if (!contest)
        throw new DomainError('CONTEST_NOT_FOUND', `擂台赛不存在 contest not found: ${c.contest}`, {
          field: 'components',
        });
      components.push({
        contestId: contest.id,
        title: contest.title,
        weight: c.weight,
        conversion: c.conversion,
        aggregate: c.aggregate,
      });
    }
    const units = await resolveUnits(tx.db, input.participants);
    if (units.length === 0)
      throw new DomainError('NO_PARTICIPANTS', '没有参加考核的单位 no participants', {
        field: 'participants',
      });
    const scheme: Scheme = {
      components,
      flagPoints: input.flagPoints,
      grades: input.grades,
      precision: input.precision,
    };
    const now = tx.clock.now().toISOString();
    const row = await tx.db
      .insertInto('assessments')
      .values({
        organizer_unit_id: organizer.id,
        year: input.year,
        title: input.title,
        scheme_json: JSON.stringify(scheme),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('assessment_participants')
      .values(units.map((u) => ({ assessment_id: row.id, unit_id: u.id })))
      .execute();
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
  const row = isId(id)
    ? await db.selectFrom('assessments').selectAll().where('id', '=', Number(id)).executeTakeFirst()
    : undefined;
  if (!row) throw new DomainError('NOT_FOUND', `考核不存在 assessment not found: ${id}`);
  return { ...row, scheme: JSON.parse(row.scheme_json) as Scheme };
}

export async function getAssessment(ctx: AppContext, id: string) {
  requireUser(ctx);
  const a = await load(ctx.db, id);
  const organizer = (await findUnit(ctx.db, a.organizer_unit_id))!;
  const participants = await ctx.db
    .selectFrom('assessment_participants as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['u.code', 'u.name'])
    .where('p.assessment_id', '=', a.id)
    .orderBy('u.code')
    .execute();
  return {
    id: a.id,
    title: a.title,
    year: a.year,
    organizer: { code: organizer.code, name: organizer.name },
    scheme: a.scheme,
    participants,
  };
}

export async function listAssessments(ctx: AppContext) {
  requireUser(ctx);
  const rows = await ctx.db
    .selectFrom('assessments')
    .select(['id', 'title', 'year'])
    .orderBy('year', 'desc')
    .orderBy('id')
    .execute();
  return { items: rows, total: rows.length };
}

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
 * The assessment as it stands: computed from the published rounds each time it is read, so a
 * corrected round is reflected at once.
 */
export async function assessmentResults(
  ctx: AppContext,
  id: string,
): Promise<{
  assessment: Awaited<ReturnType<typeof getAssessment>>;
  items: AssessedUnit[];
  total: number;
}> {
  const assessment = await getAssessment(ctx, id);
  const places = new Map<number, Map<string, RoundPlace[]>>();
  for (const c of assessment.scheme.components)
    places.set(c.contestId, await placesOf(ctx.db, c.contestId, assessment.year));
  const all = assess(assessment.scheme, assessment.participants, places);
  // Readers of the organizer's subtree (admins, organizers, leaders) see the county; anyone
  // else — a reporter — sees only its own unit's line (issue 12).
  const organizerId = (await findUnit(ctx.db, assessment.organizer.code))!.id;
  const readsAll = await authorize(ctx, 'contest.read', organizerId).then(
    () => true,
    (error: unknown) => {
      if (error instanceof DomainError && error.code === 'FORBIDDEN') return false;
      throw error;
    },
  );
  let items = all;
  if (!readsAll) {
    const own = ctx.actor.kind === 'user' ? await findUnit(ctx.db, ctx.actor.unitId!) : undefined;
    items = all.filter((u) => u.code === own?.code);
  }
  return { assessment, items, total: items.length };
}

import type { Kysely } from 'kysely';
import type { Adjustment } from '../core/assessment.ts';
import { insertBatchSize } from './dialect.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

export async function findAssessmentRow(db: Db, id: number) {
  return db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every assessment, newest year first (the caller keeps those its actor may read). */
export async function listAssessmentRows(db: Db) {
  return db
    .selectFrom('assessments')
    .select(['id', 'title', 'year', 'state'])
    .orderBy('year', 'desc')
    .orderBy('id')
    .execute();
}

/** A new draft assessment with its participants; returns its id. */
export async function insertAssessment(
  db: Db,
  a: { organizerUnitId: number; year: number; title: string; schemeJson: string },
  participantIds: readonly number[],
  now: string,
): Promise<{ id: number }> {
  const row = await db
    .insertInto('assessments')
    .values({
      organizer_unit_id: a.organizerUnitId,
      year: a.year,
      title: a.title,
      scheme_json: a.schemeJson,
      created_at: now,
      updated_at: now,
      published_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const size = insertBatchSize(db, 2);
  for (let i = 0; i < participantIds.length; i += size) {
    await db
      .insertInto('assessment_participants')
      .values(
        participantIds
          .slice(i, i + size)
          .map((unitId) => ({ assessment_id: row.id, unit_id: unitId })),
      )
      .execute();
  }
  return row;
}

export async function assessmentParticipants(db: Db, assessmentId: number) {
  return db
    .selectFrom('assessment_participants as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['u.id', 'u.code', 'u.name', 'u.kind'])
    .where('p.assessment_id', '=', assessmentId)
    .orderBy('u.code')
    .execute();
}

export async function insertSchemeVersion(
  db: Db,
  row: {
    assessmentId: number;
    version: number;
    kind: 'draft' | 'publish' | 'correction';
    schemeJson: string;
    reason: string | null;
    createdBy: number | null;
  },
  now: string,
) {
  await db
    .insertInto('assessment_versions')
    .values({
      assessment_id: row.assessmentId,
      version: row.version,
      kind: row.kind,
      scheme_json: row.schemeJson,
      reason: row.reason,
      created_by: row.createdBy,
      created_at: now,
    })
    .execute();
}

export async function listSchemeVersions(db: Db, assessmentId: number) {
  return db
    .selectFrom('assessment_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.version', 'v.kind', 'v.reason', 'v.created_at', 'u.display_name as by'])
    .where('v.assessment_id', '=', assessmentId)
    .orderBy('v.version')
    .execute();
}

export async function updateAssessmentScheme(
  db: Db,
  id: number,
  changes: { schemeJson?: string; version?: number; state?: string; publishedAt?: string },
  now: string,
) {
  await db
    .updateTable('assessments')
    .set({
      updated_at: now,
      ...(changes.schemeJson !== undefined ? { scheme_json: changes.schemeJson } : {}),
      ...(changes.version !== undefined ? { version: changes.version } : {}),
      ...(changes.state !== undefined ? { state: changes.state } : {}),
      ...(changes.publishedAt !== undefined ? { published_at: changes.publishedAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Every rating of the assessment: component → unit code → scores. */
export async function ratingsOf(db: Db, assessmentId: number) {
  const rows = await db
    .selectFrom('assessment_ratings as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.component', 'u.code', 'r.score'])
    .where('r.assessment_id', '=', assessmentId)
    .orderBy('r.component')
    .orderBy('u.code')
    .orderBy('r.rater_user_id')
    .execute();
  const out = new Map<string, Map<string, number[]>>();
  for (const r of rows) {
    const byUnit = out.get(r.component) ?? new Map<string, number[]>();
    const list = byUnit.get(r.code) ?? [];
    list.push(Number(r.score));
    byUnit.set(r.code, list);
    out.set(r.component, byUnit);
  }
  return out;
}

/** One rater's scores on a component: unit id → score. */
export async function raterScores(
  db: Db,
  assessmentId: number,
  component: string,
  raterId: number,
) {
  const rows = await db
    .selectFrom('assessment_ratings')
    .select(['unit_id', 'score'])
    .where('assessment_id', '=', assessmentId)
    .where('component', '=', component)
    .where('rater_user_id', '=', raterId)
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.score)]));
}

/** How many units each rater has scored, per component. */
export async function ratingProgress(db: Db, assessmentId: number) {
  return db
    .selectFrom('assessment_ratings as r')
    .innerJoin('users as u', 'u.id', 'r.rater_user_id')
    .select(['r.component', 'u.username', 'u.display_name'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('r.assessment_id', '=', assessmentId)
    .groupBy(['r.component', 'u.username', 'u.display_name'])
    .execute();
}

/** Replaces one rater's scores of the given units on a component. */
export async function writeRatings(
  db: Db,
  assessmentId: number,
  component: string,
  raterId: number,
  scores: { unitId: number; score: number }[],
  now: string,
) {
  if (scores.length === 0) return;
  await db
    .deleteFrom('assessment_ratings')
    .where('assessment_id', '=', assessmentId)
    .where('component', '=', component)
    .where('rater_user_id', '=', raterId)
    .where(
      'unit_id',
      'in',
      scores.map((s) => s.unitId),
    )
    .execute();
  await db
    .insertInto('assessment_ratings')
    .values(
      scores.map((s) => ({
        assessment_id: assessmentId,
        component,
        rater_user_id: raterId,
        unit_id: s.unitId,
        score: s.score,
        updated_at: now,
      })),
    )
    .execute();
}

export interface AdjustmentRow {
  id: number;
  unitId: number;
  unit: string;
  unitName: string;
  item: string;
  points: number;
  reason: string;
  state: 'pending' | 'approved' | 'rejected';
  evidence: { name: string; type: string; sha256: string } | null;
  createdBy: string | null;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

export async function listAdjustments(db: Db, assessmentId: number, unitId?: number) {
  let q = db
    .selectFrom('assessment_adjustments as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('users as c', 'c.id', 'a.created_by')
    .leftJoin('users as d', 'd.id', 'a.decided_by')
    .select([
      'a.id',
      'a.unit_id',
      'u.code',
      'u.name',
      'a.item_code',
      'a.points',
      'a.reason',
      'a.state',
      'a.evidence_name',
      'a.evidence_type',
      'a.evidence_sha256',
      'c.display_name as created_by',
      'a.created_at',
      'd.display_name as decided_by',
      'a.decided_at',
      'a.decision_reason',
    ])
    .where('a.assessment_id', '=', assessmentId);
  if (unitId !== undefined) q = q.where('a.unit_id', '=', unitId);
  const rows = await q.orderBy('a.id').execute();
  return rows.map(
    (r): AdjustmentRow => ({
      id: r.id,
      unitId: r.unit_id,
      unit: r.code,
      unitName: r.name,
      item: r.item_code,
      points: Number(r.points),
      reason: r.reason,
      state: r.state as AdjustmentRow['state'],
      evidence:
        r.evidence_sha256 && r.evidence_name && r.evidence_type
          ? { name: r.evidence_name, type: r.evidence_type, sha256: r.evidence_sha256 }
          : null,
      createdBy: r.created_by,
      createdAt: r.created_at,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      decisionReason: r.decision_reason,
    }),
  );
}

/** The approved adjustments, in the order they were proposed, for the engine. */
export async function approvedAdjustments(db: Db, assessmentId: number): Promise<Adjustment[]> {
  return (await listAdjustments(db, assessmentId))
    .filter((a) => a.state === 'approved')
    .map((a) => ({ id: a.id, unit: a.unit, item: a.item, points: a.points, reason: a.reason }));
}

export async function insertAdjustment(
  db: Db,
  row: {
    assessmentId: number;
    unitId: number;
    item: string;
    points: number;
    reason: string;
    state: 'pending' | 'approved';
    createdBy: number | null;
  },
  now: string,
) {
  const r = await db
    .insertInto('assessment_adjustments')
    .values({
      assessment_id: row.assessmentId,
      unit_id: row.unitId,
      item_code: row.item,
      points: row.points,
      reason: row.reason,
      state: row.state,
      created_by: row.createdBy,
      created_at: now,
      ...(row.state === 'approved'
        ? { decided_by: row.createdBy, decided_at: now, decision_reason: row.reason }
        : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function decideAdjustment(
  db: Db,
  id: number,
  d: { state: 'approved' | 'rejected'; by: number | null; reason: string | null },
  now: string,
) {
  const r = await db
    .updateTable('assessment_adjustments')
    .set({ state: d.state, decided_by: d.by, decided_at: now, decision_reason: d.reason })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setAdjustmentEvidence(
  db: Db,
  id: number,
  file: { name: string; type: string; sha256: string },
) {
  await db
    .updateTable('assessment_adjustments')
    .set({ evidence_name: file.name, evidence_type: file.type, evidence_sha256: file.sha256 })
    .where('id', '=', id)
    .execute();
}

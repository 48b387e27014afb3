/** Star households (星级文明户, DESIGN §10): stars and their criteria, households, claims, steps. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type {
  HouseholdClaimStepTable,
  HouseholdClaimTable,
  HouseholdStarTable,
  HouseholdTable,
} from './schema-points.ts';
import { withSubtree } from './unit.repository.ts';

type Db = Kysely<Database>;

export interface Star {
  id: number;
  organizerUnitId: number;
  name: string;
  criteria: string;
  active: boolean;
}
export interface Household {
  id: number;
  unitId: number;
  headName: string;
  groupName: string | null;
  size: number | null;
  barredUntil: string | null;
}
export type ClaimStage = 'claimed' | 'reviewed' | 'checked' | 'filed' | 'rejected' | 'revoked';
export type StarResults = Record<string, 'pass' | 'fail'>;
export interface Claim {
  id: number;
  householdId: number;
  year: number;
  stars: number[];
  stage: ClaimStage;
  results: StarResults | null;
  awarded: number;
  createdAt: string;
  updatedAt: string;
}
export type StepKind = 'claim' | 'villagers' | 'committee' | 'filing' | 'yearly_review' | 'revoke';
export interface ClaimStep {
  id: number;
  claimId: number;
  step: StepKind;
  results: StarResults | null;
  note: string | null;
  userId: number | null;
  at: string;
}

const starOf = (r: Selectable<HouseholdStarTable>): Star => ({
  id: r.id,
  organizerUnitId: r.organizer_unit_id,
  name: r.name,
  criteria: r.criteria,
  active: Boolean(r.active),
});
const householdOf = (r: Selectable<HouseholdTable>): Household => ({
  id: r.id,
  unitId: r.unit_id,
  headName: r.head_name,
  groupName: r.group_name,
  size: r.size,
  barredUntil: r.barred_until,
});
const claimOf = (r: Selectable<HouseholdClaimTable>): Claim => ({
  id: r.id,
  householdId: r.household_id,
  year: r.year,
  stars: JSON.parse(r.stars) as number[],
  stage: r.stage as ClaimStage,
  results: r.results ? (JSON.parse(r.results) as StarResults) : null,
  awarded: r.awarded,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const stepOf = (r: Selectable<HouseholdClaimStepTable>): ClaimStep => ({
  id: r.id,
  claimId: r.claim_id,
  step: r.step as StepKind,
  results: r.results ? (JSON.parse(r.results) as StarResults) : null,
  note: r.note,
  userId: r.user_id,
  at: r.at,
});

export async function insertStar(
  db: Db,
  s: { organizerUnitId: number; name: string; criteria: string },
  now: string,
) {
  const row = await db
    .insertInto('household_stars')
    .values({
      organizer_unit_id: s.organizerUnitId,
      name: s.name,
      criteria: s.criteria,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return starOf(row);
}
/** The active stars of the organizers given (a village's town and county). */
export async function listStars(db: Db, organizerUnitIds: readonly number[]) {
  if (organizerUnitIds.length === 0) return [];
  const rows = await db
    .selectFrom('household_stars')
    .selectAll()
    .where('organizer_unit_id', 'in', organizerUnitIds)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  return rows.map(starOf);
}

export async function insertHousehold(db: Db, h: Omit<Household, 'id'>, now: string) {
  const row = await db
    .insertInto('households')
    .values({
      unit_id: h.unitId,
      head_name: h.headName,
      group_name: h.groupName,
      size: h.size,
      barred_until: h.barredUntil,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return householdOf(row);
}
export async function insertHouseholds(db: Db, hs: Omit<Household, 'id'>[], now: string) {
  for (let i = 0; i < hs.length; i += 500)
    await db
      .insertInto('households')
      .values(
        hs.slice(i, i + 500).map((h) => ({
          unit_id: h.unitId,
          head_name: h.headName,
          group_name: h.groupName,
          size: h.size,
          barred_until: h.barredUntil,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
}
export async function findHousehold(db: Db, id: number) {
  const row = await db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
  return row && householdOf(row);
}
export async function listHouseholds(db: Db, unitId: number) {
  const rows = await db
    .selectFrom('households')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('id')
    .execute();
  return rows.map(householdOf);
}
export async function setBarredUntil(db: Db, id: number, until: string | null, now: string) {
  await db
    .updateTable('households')
    .set({ barred_until: until, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function insertClaim(
  db: Db,
  c: { householdId: number; year: number; stars: number[]; stage: ClaimStage },
  now: string,
) {
  const row = await db
    .insertInto('household_claims')
    .values({
      household_id: c.householdId,
      year: c.year,
      stars: JSON.stringify(c.stars),
      stage: c.stage,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return claimOf(row);
}
export async function findClaim(db: Db, householdId: number, year: number) {
  const row = await db
    .selectFrom('household_claims')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row && claimOf(row);
}
export async function claimsOf(db: Db, householdIds: readonly number[]) {
  if (householdIds.length === 0) return [];
  const rows = await db
    .selectFrom('household_claims')
    .selectAll()
    .where('household_id', 'in', householdIds)
    .orderBy('year')
    .execute();
  return rows.map(claimOf);
}
/** Moves a claim on from the stage it was read in; undefined when someone moved it first. */
export async function advanceClaim(
  db: Db,
  id: number,
  from: ClaimStage,
  to: ClaimStage,
  results: StarResults | null,
  awarded: number,
  now: string,
) {
  const row = await db
    .updateTable('household_claims')
    .set({
      stage: to,
      results: results ? JSON.stringify(results) : null,
      awarded,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('stage', '=', from)
    .returningAll()
    .executeTakeFirst();
  return row && claimOf(row);
}
export async function insertStep(
  db: Db,
  s: {
    claimId: number;
    step: StepKind;
    results: StarResults | null;
    note: string | null;
    userId: number | null;
  },
  now: string,
) {
  const row = await db
    .insertInto('household_claim_steps')
    .values({
      claim_id: s.claimId,
      step: s.step,
      results: s.results ? JSON.stringify(s.results) : null,
      note: s.note,
      user_id: s.userId,
      at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return stepOf(row);
}
export async function stepsOf(db: Db, claimIds: readonly number[]) {
  if (claimIds.length === 0) return [];
  const rows = await db
    .selectFrom('household_claim_steps')
    .selectAll()
    .where('claim_id', 'in', claimIds)
    .orderBy('id')
    .execute();
  return rows.map(stepOf);
}

/**
 * Per village unit under `rootId`: households registered, and those holding a filed star rating
 * for the year (the 星级文明户占比 indicator).
 */
export async function starShares(db: Db, rootId: number, year: number) {
  const rows = await withSubtree(db, rootId)
    .selectFrom('households as h')
    .innerJoin('subtree as s', 's.id', 'h.unit_id')
    .leftJoin('household_claims as c', (j) =>
      j.onRef('c.household_id', '=', 'h.id').on('c.year', '=', year).on('c.stage', '=', 'filed'),
    )
    .select((eb) => [
      'h.unit_id',
      eb.fn.count<number>('h.id').as('households'),
      eb.fn.count<number>('c.id').as('starred'),
    ])
    .groupBy('h.unit_id')
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    households: Number(r.households),
    starred: Number(r.starred),
  }));
}

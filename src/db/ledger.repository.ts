/** SQL of the project ledger (DESIGN §9): projects, task forces, investment, milestones, logs, problems, lights. */
import { type Kysely, type Selectable, sql } from 'kysely';
import { containsText, dialectOf, insertBatchSize, insertRows, toDbBool } from './dialect.ts';
import type { Database } from './schema.ts';
import type {
  LedgerMilestoneTable,
  LedgerProblemTable,
  LedgerProjectTable,
  LedgerTaskforceTable,
} from './schema-ledger.ts';
import { withSubtree } from './unit.repository.ts';

type Db = Kysely<Database>;
export type ProjectRow = Selectable<LedgerProjectTable>;
export type TaskforceRow = Selectable<LedgerTaskforceTable>;
export type MilestoneRow = Selectable<LedgerMilestoneTable>;
export type ProblemRow = Selectable<LedgerProblemTable>;

// ---- task forces ---------------------------------------------------------------------------

export async function insertTaskforce(
  db: Db,
  t: {
    name: string;
    leaderPost: string;
    head: string;
    departmentUnitId: number | null;
    members: string[];
  },
  now: string,
): Promise<TaskforceRow> {
  return db
    .insertInto('ledger_taskforces')
    .values({
      name: t.name,
      leader_post: t.leaderPost,
      head: t.head,
      department_unit_id: t.departmentUnitId,
      members_json: JSON.stringify(t.members),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listTaskforces(db: Db) {
  return db
    .selectFrom('ledger_taskforces as t')
    .leftJoin('units as d', 'd.id', 't.department_unit_id')
    .select((eb) => [
      't.id',
      't.name',
      't.leader_post',
      't.head',
      't.members_json',
      'd.code as department_code',
      'd.name as department_name',
      eb
        .selectFrom('ledger_projects as p')
        .whereRef('p.taskforce_id', '=', 't.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('projects'),
    ])
    .orderBy('t.id')
    .execute();
}

export function findTaskforce(db: Db, id: number) {
  return db.selectFrom('ledger_taskforces').selectAll().where('id', '=', id).executeTakeFirst();
}

// ---- projects ------------------------------------------------------------------------------

export interface NewProject {
  code: string;
  name: string;
  kind: string;
  state: string;
  unitId: number;
  owner: string | null;
  location: string | null;
  industry: string | null;
  description: string | null;
  totalInvestment: number;
  startYear: number;
  taskforceId: number | null;
  supplementReason: string | null;
  /** Shown on the public site (DESIGN §9), its investment too; neither unless said. */
  published?: boolean;
  publishInvestment?: boolean;
}

export async function insertProject(db: Db, p: NewProject, now: string): Promise<ProjectRow> {
  return db
    .insertInto('ledger_projects')
    .values({
      code: p.code,
      name: p.name,
      kind: p.kind,
      state: p.state,
      unit_id: p.unitId,
      owner: p.owner,
      location: p.location,
      industry: p.industry,
      description: p.description,
      total_investment: p.totalInvestment,
      start_year: p.startYear,
      taskforce_id: p.taskforceId,
      supplement_reason: p.supplementReason,
      published: toDbBool(p.published ?? false),
      publish_investment: toDbBool(p.publishInvestment ?? false),
      light: null,
      light_reasons: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findProject(db: Db, idOrCode: string | number) {
  const text = String(idOrCode);
  const q = db.selectFrom('ledger_projects').selectAll();
  return /^\d{1,9}$/.test(text)
    ? q
        .where((eb) => eb.or([eb('id', '=', Number(text)), eb('code', '=', text)]))
        .executeTakeFirst()
    : q.where('code', '=', text).executeTakeFirst();
}

export function findProjectByCode(db: Db, code: string) {
  return db.selectFrom('ledger_projects').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function updateProject(
  db: Db,
  id: number,
  changes: Partial<Omit<ProjectRow, 'id' | 'created_at'>>,
  now: string,
): Promise<void> {
  await db
    .updateTable('ledger_projects')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/**
 * The ledger's version (raised by triggers on every change a list shows, migration 0021) and the
 * planning office's unit id, in one read: a list request needs both before anything else.
 */
export async function ledgerState(
  db: Db,
  officeCode: string,
): Promise<{ version: number; officeId: number | null }> {
  const row = await db
    .selectFrom('ledger_version')
    .select((eb) => [
      'n',
      eb.selectFrom('units').select('id').where('code', '=', officeCode).as('office_id'),
    ])
    .where('id', '=', 1)
    .executeTakeFirst();
  return {
    version: Number(row?.n ?? 0),
    officeId: row?.office_id == null ? null : Number(row.office_id),
  };
}

/** Who is asking decides which projects a list may hold (app/policies/ledger.ts). */
export type ProjectScope =
  | { kind: 'all' }
  | { kind: 'subtree'; rootId: number }
  | { kind: 'unit'; unitId: number };

export interface ProjectFilter {
  kind?: string | undefined;
  unitId?: number | undefined;
  light?: string | undefined;
  state?: string | undefined;
  q?: string | undefined;
  published?: boolean | undefined;
  limit: number;
  offset: number;
}

function scoped(db: Db, scope: ProjectScope) {
  const base =
    scope.kind === 'subtree'
      ? withSubtree(db, scope.rootId)
          .selectFrom('ledger_projects as p')
          .where('p.unit_id', 'in', (eb) => eb.selectFrom('subtree').select('subtree.id'))
      : db.selectFrom('ledger_projects as p');
  return scope.kind === 'unit' ? base.where('p.unit_id', '=', scope.unitId) : base;
}

/** The columns a list shows (the ledger list, the public projects); a page reads only these. */
const LIST_COLUMNS = [
  'p.id',
  'p.code',
  'p.name',
  'p.kind',
  'p.state',
  'p.owner',
  'p.location',
  'p.industry',
  'p.total_investment',
  'p.start_year',
  'p.light',
  'p.light_reasons',
  'p.published',
  'p.publish_investment',
] as const;
export type ProjectListRow = Pick<
  ProjectRow,
  | 'id'
  | 'code'
  | 'name'
  | 'kind'
  | 'state'
  | 'owner'
  | 'location'
  | 'industry'
  | 'total_investment'
  | 'start_year'
  | 'light'
  | 'light_reasons'
  | 'published'
  | 'publish_investment'
> & { unit_code: string; unit_name: string };

/**
 * A page of projects in scope matching the filter, with the responsible unit's name and the
 * number of matches, in one statement. The page's ids are chosen first from the filter's index
 * (ids only, sorted, cut to the page), and only those rows are read and joined to their unit:
 * sorting every matching row with its unit before the LIMIT made a list of thousands of matches
 * cost a full read of them per request. A page past the end counts the matches on its own.
 */
export async function listProjects(
  db: Db,
  scope: ProjectScope,
  f: ProjectFilter,
): Promise<{ rows: ProjectListRow[]; total: number }> {
  const matching = () => {
    let q = scoped(db, scope);
    if (f.kind) q = q.where('p.kind', '=', f.kind);
    if (f.unitId) q = q.where('p.unit_id', '=', f.unitId);
    if (f.light) q = q.where('p.light', '=', f.light);
    if (f.state) q = q.where('p.state', '=', f.state);
    if (f.published !== undefined) q = q.where('p.published', '=', toDbBool(f.published));
    if (f.q) q = q.where(containsText(db, 'p.name', f.q));
    return q;
  };
  const count = () => matching().select((eb) => eb.fn.countAll<number>().as('n'));
  const rows = await db
    .selectFrom('ledger_projects as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(LIST_COLUMNS)
    .select(['u.code as unit_code', 'u.name as unit_name'])
    .select(() => count().as('total'))
    .where('p.id', 'in', matching().select('p.id').orderBy('p.id').limit(f.limit).offset(f.offset))
    .orderBy('p.id')
    .execute();
  if (rows.length > 0) return { rows, total: Number(rows[0]!.total) };
  const total = f.offset > 0 ? Number((await count().executeTakeFirstOrThrow()).n) : 0;
  return { rows, total };
}

/** Every project in scope, for reports and summaries (no paging). */
export function allProjects(db: Db, scope: ProjectScope) {
  return scoped(db, scope)
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select(['u.code as unit_code', 'u.name as unit_name'])
    .orderBy('u.code')
    .orderBy('p.id')
    .execute();
}

// ---- investment ----------------------------------------------------------------------------

export function investmentsOf(db: Db, projectId: number) {
  return db
    .selectFrom('ledger_investments')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('month')
    .execute();
}

export async function upsertInvestment(
  db: Db,
  projectId: number,
  month: string,
  values: { planned?: number; completed?: number },
  now: string,
): Promise<void> {
  const set: { planned?: number; completed?: number; updated_at: string } = { updated_at: now };
  if (values.planned !== undefined) set.planned = values.planned;
  if (values.completed !== undefined) set.completed = values.completed;
  await db
    .insertInto('ledger_investments')
    .values({
      project_id: projectId,
      month,
      planned: values.planned ?? null,
      completed: values.completed ?? null,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['project_id', 'month']).doUpdateSet(set))
    .execute();
}

/** Plain multi-row insert of investment months (demo, import, benchmark). */
export async function insertInvestments(
  db: Db,
  rows: { projectId: number; month: string; planned: number | null; completed: number | null }[],
  now: string,
): Promise<void> {
  const size = insertBatchSize(db, 5);
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto('ledger_investments')
      .values(
        rows.slice(i, i + size).map((r) => ({
          project_id: r.projectId,
          month: r.month,
          planned: r.planned,
          completed: r.completed,
          updated_at: now,
        })),
      )
      .execute();
  }
}

/** Per project: the year's plan, and plan and completion from January to `month`, and since start. */
export async function investmentTotals(db: Db, year: string, month: string, projectIds?: number[]) {
  let q = db
    .selectFrom('ledger_investments')
    .select((eb) => [
      'project_id',
      sql<number>`sum(case when month >= ${`${year}-01`} and month <= ${`${year}-12`} then coalesce(planned, 0) else 0 end)`.as(
        'year_planned',
      ),
      sql<number>`sum(case when month >= ${`${year}-01`} and month <= ${month} then coalesce(planned, 0) else 0 end)`.as(
        'ytd_planned',
      ),
      sql<number>`sum(case when month >= ${`${year}-01`} and month <= ${month} then coalesce(completed, 0) else 0 end)`.as(
        'ytd_completed',
      ),
      sql<number>`sum(case when month <= ${month} then coalesce(completed, 0) else 0 end)`.as(
        'total_completed',
      ),
      eb.fn.count<number>('month').as('months'),
    ])
    .groupBy('project_id');
  if (projectIds) q = q.where('project_id', 'in', projectIds.length ? projectIds : [-1]);
  const rows = await q.execute();
  return new Map(
    rows.map((r) => [
      r.project_id,
      {
        yearPlanned: Number(r.year_planned),
        ytdPlanned: Number(r.ytd_planned),
        ytdCompleted: Number(r.ytd_completed),
        totalCompleted: Number(r.total_completed),
      },
    ]),
  );
}

// ---- milestones ----------------------------------------------------------------------------

export function milestonesOf(db: Db, projectId: number) {
  return db
    .selectFrom('ledger_milestones')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('planned_on')
    .orderBy('id')
    .execute();
}

export function findMilestone(db: Db, id: number) {
  return db.selectFrom('ledger_milestones').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMilestone(
  db: Db,
  m: { projectId: number; kind: string; name: string; planned: string; actual: string | null },
  now: string,
): Promise<MilestoneRow> {
  return db
    .insertInto('ledger_milestones')
    .values({
      project_id: m.projectId,
      kind: m.kind,
      name: m.name,
      planned_on: m.planned,
      actual_on: m.actual,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateMilestone(
  db: Db,
  id: number,
  changes: { planned_on?: string; actual_on?: string | null },
  now: string,
): Promise<void> {
  await db
    .updateTable('ledger_milestones')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Open (not reached) milestones of many projects, for lights. */
export function milestonesFor(db: Db, projectIds?: number[]) {
  let q = db.selectFrom('ledger_milestones').select(['project_id', 'planned_on', 'actual_on']);
  if (projectIds) q = q.where('project_id', 'in', projectIds.length ? projectIds : [-1]);
  return q.execute();
}

// ---- service log ---------------------------------------------------------------------------

export async function insertLog(
  db: Db,
  l: {
    projectId: number;
    date: string;
    who: string;
    kind: string;
    text: string;
    photos: unknown[];
    by: number | null;
  },
  now: string,
) {
  return db
    .insertInto('ledger_logs')
    .values({
      project_id: l.projectId,
      on_date: l.date,
      who: l.who,
      kind: l.kind,
      text: l.text,
      photos_json: JSON.stringify(l.photos),
      created_by: l.by,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function logsOf(db: Db, projectId: number) {
  return db
    .selectFrom('ledger_logs')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('on_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

// ---- problems ------------------------------------------------------------------------------

export async function insertProblem(
  db: Db,
  p: {
    projectId: number;
    title: string;
    detail: string | null;
    ownerUnitId: number | null;
    deadline: string | null;
    raisedOn: string;
    by: number | null;
  },
  now: string,
): Promise<ProblemRow> {
  return db
    .insertInto('ledger_problems')
    .values({
      project_id: p.projectId,
      title: p.title,
      detail: p.detail,
      state: 'raised',
      owner_unit_id: p.ownerUnitId,
      deadline: p.deadline,
      reply: null,
      raised_on: p.raisedOn,
      closed_on: null,
      created_by: p.by,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findProblem(db: Db, id: number) {
  return db.selectFrom('ledger_problems').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a problem only from the state it was read in: a concurrent step makes this miss. */
export async function moveProblem(
  db: Db,
  id: number,
  from: string,
  changes: Partial<Omit<ProblemRow, 'id' | 'project_id'>>,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('ledger_problems')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertProblemStep(
  db: Db,
  s: { problemId: number; action: string; note: string | null; actorName: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('ledger_problem_steps')
    .values({
      problem_id: s.problemId,
      action: s.action,
      note: s.note,
      actor_name: s.actorName,
      at: now,
    })
    .execute();
}

export function problemSteps(db: Db, problemIds: number[]) {
  return db
    .selectFrom('ledger_problem_steps')
    .selectAll()
    .where('problem_id', 'in', problemIds.length ? problemIds : [-1])
    .orderBy('id')
    .execute();
}

export interface ProblemFilter {
  projectId?: number | undefined;
  ownerUnitId?: number | undefined;
  state?: string | undefined;
  open?: boolean | undefined;
  /** Deadline before this day and not closed. */
  overdueOn?: string | undefined;
  limit: number;
  offset: number;
}

export async function listProblems(db: Db, scope: ProjectScope, f: ProblemFilter) {
  let q = scoped(db, scope).innerJoin('ledger_problems as x', 'x.project_id', 'p.id');
  if (scope.kind === 'unit') {
    // A unit sees the problems of its projects and those assigned to it.
    q = scoped(db, { kind: 'all' })
      .innerJoin('ledger_problems as x', 'x.project_id', 'p.id')
      .where((eb) =>
        eb.or([eb('p.unit_id', '=', scope.unitId), eb('x.owner_unit_id', '=', scope.unitId)]),
      );
  }
  if (f.projectId) q = q.where('x.project_id', '=', f.projectId);
  if (f.ownerUnitId) q = q.where('x.owner_unit_id', '=', f.ownerUnitId);
  if (f.state) q = q.where('x.state', '=', f.state);
  if (f.open) q = q.where('x.state', '!=', 'closed');
  if (f.overdueOn) q = q.where('x.state', '!=', 'closed').where('x.deadline', '<', f.overdueOn);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('units as o', 'o.id', 'x.owner_unit_id')
    .selectAll('x')
    .select([
      'p.code as project_code',
      'p.name as project_name',
      'p.unit_id as project_unit_id',
      'u.name as unit_name',
      'o.code as owner_code',
      'o.name as owner_name',
    ])
    .orderBy('x.deadline')
    .orderBy('x.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Problems of many projects, for lights. */
export function problemsFor(db: Db, projectIds?: number[]) {
  let q = db.selectFrom('ledger_problems').select(['project_id', 'deadline', 'closed_on']);
  if (projectIds) q = q.where('project_id', 'in', projectIds.length ? projectIds : [-1]);
  return q.execute();
}

// ---- lights --------------------------------------------------------------------------------

/**
 * What every project's light as of `asOf` depends on, aggregated in SQL (one row a project): the
 * year's plan and the plan and completion from January to asOf's month; the earliest planned day
 * of a milestone not reached by asOf and already past; the earliest deadline of a problem not
 * closed by asOf and already past (the lateness the rule takes is the largest, that is the
 * earliest such day's). Also the light as last stored, so that only changes are written.
 */
export async function lightInputs(db: Db, asOf: string) {
  const year = asOf.slice(0, 4);
  const month = asOf.slice(0, 7);
  const { rows } = await sql<{
    id: number;
    state: string;
    light: string | null;
    light_reasons: string | null;
    year_planned: number | null;
    ytd_planned: number | null;
    ytd_completed: number | null;
    milestone_due: string | null;
    problem_due: string | null;
  }>`
    select p.id, p.state, p.light, p.light_reasons,
      i.year_planned, i.ytd_planned, i.ytd_completed,
      m.due as milestone_due, x.due as problem_due
    from ledger_projects p
    left join (
      select project_id,
        sum(coalesce(planned, 0)) as year_planned,
        sum(case when month <= ${month} then coalesce(planned, 0) else 0 end) as ytd_planned,
        sum(case when month <= ${month} then coalesce(completed, 0) else 0 end) as ytd_completed
      from ledger_investments
      where month >= ${`${year}-01`} and month <= ${`${year}-12`}
      group by project_id
    ) i on i.project_id = p.id
    left join (
      select project_id, min(planned_on) as due from ledger_milestones
      where planned_on < ${asOf} and (actual_on is null or actual_on > ${asOf})
      group by project_id
    ) m on m.project_id = p.id
    left join (
      select project_id, min(deadline) as due from ledger_problems
      where deadline < ${asOf} and (closed_on is null or closed_on > ${asOf})
      group by project_id
    ) x on x.project_id = p.id
    order by p.id`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    light: r.light,
    lightReasons: r.light_reasons,
    yearPlanned: Number(r.year_planned ?? 0),
    ytdPlanned: Number(r.ytd_planned ?? 0),
    ytdCompleted: Number(r.ytd_completed ?? 0),
    milestoneDue: r.milestone_due,
    problemDue: r.problem_due,
  }));
}

export async function setLight(
  db: Db,
  projectId: number,
  light: string,
  reasons: string[],
): Promise<void> {
  await db
    .updateTable('ledger_projects')
    .set({ light, light_reasons: JSON.stringify(reasons) })
    .where('id', '=', projectId)
    .execute();
}

/** Replaces a month's snapshot: running it twice leaves one row a project (COPY on PostgreSQL). */
export async function replaceLightSnapshot(
  db: Db,
  month: string,
  rows: {
    projectId: number;
    light: string;
    reasons: string[];
    ytdPlanned: number;
    ytdCompleted: number;
  }[],
  now: string,
): Promise<void> {
  await db.deleteFrom('ledger_lights').where('month', '=', month).execute();
  await insertRows(
    db,
    'ledger_lights',
    ['project_id', 'month', 'light', 'reasons', 'ytd_planned', 'ytd_completed', 'computed_at'],
    rows.map((r) => [
      r.projectId,
      month,
      r.light,
      JSON.stringify(r.reasons),
      r.ytdPlanned,
      r.ytdCompleted,
      now,
    ]),
  );
}

/**
 * The current lights of many projects, up to a thousand a statement: UPDATE … FROM a VALUES
 * list joined on id (a row-by-row update of 20,000 projects took minutes on PostgreSQL, and a
 * CASE id WHEN … of hundreds of branches is evaluated branch by branch for every row).
 */
export async function setLights(
  db: Db,
  rows: { projectId: number; light: string; reasons: string[] }[],
): Promise<void> {
  const size = 1000;
  for (let i = 0; i < rows.length; i += size) {
    const data = sql.join(
      rows
        .slice(i, i + size)
        .map(
          (r) =>
            sql`(cast(${r.projectId} as integer), cast(${r.light} as text), cast(${r.reasons.length ? JSON.stringify(r.reasons) : null} as text))`,
        ),
    );
    await sql`
      with data(id, light, reasons) as (values ${data})
      update ledger_projects set light = data.light, light_reasons = data.reasons
      from data where ledger_projects.id = data.id`.execute(db);
  }
}

/**
 * After many lights changed at once, on PostgreSQL: VACUUM (ANALYZE) the projects so that the
 * list's counts stay index-only scans (the visibility map) and the planner knows how the lights
 * now fall (statistics taken when every light was empty plan a list of thousands for one row).
 * Outside a transaction only; SQLite needs nothing.
 */
export async function tidyProjects(db: Db): Promise<void> {
  if (dialectOf(db) !== 'postgres' || db.isTransaction) return;
  await sql`vacuum (analyze) ledger_projects`.execute(db);
}

export function lightHistory(db: Db, projectId: number) {
  return db
    .selectFrom('ledger_lights')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('month')
    .execute();
}

export function snapshotCounts(db: Db, month: string) {
  return db
    .selectFrom('ledger_lights')
    .select(['light', (eb) => eb.fn.countAll<number>().as('n')])
    .where('month', '=', month)
    .groupBy('light')
    .execute();
}

// ---- figures per responsible unit (ledger → contest indicators) ---------------------------

/**
 * Per responsible unit: year-to-date planned and completed investment up to `month`. Summed per
 * project first (in the key's order), so that only one row a project meets the join and the
 * grouping by unit, not every month of every project.
 */
export function unitInvestment(db: Db, year: string, month: string) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('ledger_investments')
        .where('month', '>=', `${year}-01`)
        .where('month', '<=', month)
        .select([
          'project_id',
          sql<number>`sum(coalesce(planned, 0))`.as('planned'),
          sql<number>`sum(coalesce(completed, 0))`.as('completed'),
        ])
        .groupBy('project_id')
        .as('i'),
    )
    .innerJoin('ledger_projects as p', 'p.id', 'i.project_id')
    .select([
      'p.unit_id',
      sql<number>`sum(i.planned)`.as('planned'),
      sql<number>`sum(i.completed)`.as('completed'),
    ])
    .groupBy('p.unit_id')
    .execute();
}

/** Per responsible unit: 开工 milestones due by `day`, and those reached by their planned date. */
export function unitStarts(db: Db, day: string) {
  return db
    .selectFrom('ledger_milestones as m')
    .innerJoin('ledger_projects as p', 'p.id', 'm.project_id')
    .where('m.kind', '=', 'start')
    .where('m.planned_on', '<=', day)
    .select([
      'p.unit_id',
      sql<number>`count(*)`.as('due'),
      sql<number>`sum(case when m.actual_on is not null and m.actual_on <= m.planned_on then 1 else 0 end)`.as(
        'on_time',
      ),
    ])
    .groupBy('p.unit_id')
    .execute();
}

/**
 * Per responsible unit: problems due by `day`, and those closed (销号) by their deadline; counted
 * per project first (from the due index alone), then summed by unit.
 */
export function unitProblemsClosed(db: Db, day: string) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('ledger_problems')
        .where('deadline', '<=', day)
        .select([
          'project_id',
          sql<number>`count(*)`.as('due'),
          sql<number>`sum(case when closed_on is not null and closed_on <= deadline then 1 else 0 end)`.as(
            'on_time',
          ),
        ])
        .groupBy('project_id')
        .as('x'),
    )
    .innerJoin('ledger_projects as p', 'p.id', 'x.project_id')
    .select([
      'p.unit_id',
      sql<number>`sum(x.due)`.as('due'),
      sql<number>`sum(x.on_time)`.as('on_time'),
    ])
    .groupBy('p.unit_id')
    .execute();
}

/** Per responsible unit: projects in a month's snapshot, and the green ones. */
export function unitLights(db: Db, month: string) {
  return db
    .selectFrom('ledger_lights as l')
    .innerJoin('ledger_projects as p', 'p.id', 'l.project_id')
    .where('l.month', '=', month)
    .select([
      'p.unit_id',
      sql<number>`count(*)`.as('due'),
      sql<number>`sum(case when l.light = 'green' then 1 else 0 end)`.as('on_time'),
    ])
    .groupBy('p.unit_id')
    .execute();
}

export async function insertEntrySources(
  db: Db,
  rows: {
    roundId: number;
    unitId: number;
    indicator: string;
    measure: string;
    value: number | null;
    note: string;
  }[],
): Promise<void> {
  // COPY on PostgreSQL for a large round's cells, multi-row INSERTs otherwise.
  await insertRows(
    db,
    'ledger_entry_sources',
    ['round_id', 'unit_id', 'indicator_code', 'measure', 'value', 'note'],
    rows.map((r) => [r.roundId, r.unitId, r.indicator, r.measure, r.value, r.note]),
  );
}

export function entrySourcesOf(db: Db, roundId: number) {
  return db
    .selectFrom('ledger_entry_sources')
    .selectAll()
    .where('round_id', '=', roundId)
    .execute();
}

// ---- reports, export and the public list ---------------------------------------------------

/** Every project's plan and completion in one month (the 调度 report's 本月 columns). */
export function monthInvestments(db: Db, month: string) {
  return db
    .selectFrom('ledger_investments')
    .select(['project_id', 'planned', 'completed'])
    .where('month', '=', month)
    .execute();
}

/** Every month of investment, ordered, for the export (filtered to the scope by the caller). */
export function allInvestments(db: Db) {
  return db
    .selectFrom('ledger_investments')
    .select(['project_id', 'month', 'planned', 'completed'])
    .orderBy('project_id')
    .orderBy('month')
    .execute();
}

/** The library states the ledger's projects are in (each once). */
export async function projectStates(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('ledger_projects').select('state').distinct().execute();
  return rows.map((r) => r.state);
}

/** Whether a light snapshot of `month` was taken on or after `since` (an ISO date). */
export async function lightsTakenSince(db: Db, month: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('ledger_lights')
    .select('project_id')
    .where('month', '=', month)
    .where('computed_at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

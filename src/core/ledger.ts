/**
 * The project ledger (重点项目台账, DESIGN §9): kinds, the library state machine, the problem loop
 * and the traffic light. Pure: dates come in as `YYYY-MM-DD` text, thresholds as arguments.
 */

export const PROJECT_KINDS = [
  'key_project',
  'critical_project',
  'key_enterprise',
  'urban_work',
  'key_task',
] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const PROJECT_KIND_NAMES: Record<ProjectKind, string> = {
  key_project: '重点项目',
  critical_project: '关键项目',
  key_enterprise: '重点企业',
  urban_work: '城建重点工程',
  key_task: '重点工作',
};

/** 谋划 → 储备 → 实施 → 竣工/投产 → 出库; 退库 and 停建 leave the line with a reason. */
export const PROJECT_STATES = [
  'planning',
  'reserve',
  'active',
  'completed',
  'retired',
  'withdrawn',
  'suspended',
] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];
export const PROJECT_STATE_NAMES: Record<ProjectState, string> = {
  planning: '谋划',
  reserve: '储备',
  active: '实施',
  completed: '竣工/投产',
  retired: '出库',
  withdrawn: '退库',
  suspended: '停建',
};

const PROJECT_NEXT: Record<ProjectState, readonly ProjectState[]> = {
  planning: ['reserve', 'withdrawn'],
  reserve: ['active', 'withdrawn'],
  active: ['completed', 'suspended', 'withdrawn'],
  completed: ['retired'],
  retired: [],
  withdrawn: [],
  // 复工: a suspended project may resume, or leave the library.
  suspended: ['active', 'withdrawn'],
};

export function canMoveProject(from: ProjectState, to: ProjectState): boolean {
  return PROJECT_NEXT[from].includes(to);
}

export function nextProjectStates(from: ProjectState): readonly ProjectState[] {
  return PROJECT_NEXT[from];
}

/** Leaving the line (退库, 停建) and resuming (复工) must say why. */
export function moveNeedsReason(from: ProjectState, to: ProjectState): boolean {
  return to === 'withdrawn' || to === 'suspended' || from === 'suspended';
}

/** Projects in these states get no light: they are out of the library. */
export function isLit(state: ProjectState): boolean {
  return state !== 'retired' && state !== 'withdrawn';
}

// ---- milestones ----------------------------------------------------------------------------

export const MILESTONE_KINDS = ['start', 'registered', 'finished', 'production', 'custom'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const MILESTONE_KIND_NAMES: Record<MilestoneKind, string> = {
  start: '开工',
  registered: '入库',
  finished: '竣工',
  production: '投产',
  custom: '其他节点',
};

export interface MilestoneDates {
  kind: MilestoneKind;
  planned: string;
  actual: string | null;
}

/**
 * The first ordering problem among the standard milestones (开工 ≤ 入库 ≤ 竣工 ≤ 投产), planned and
 * actual: a later milestone may not be planned before an earlier one, nor be reached before it
 * (an earlier one not yet reached, or reached later). Custom milestones take no part.
 */
export function milestoneOrderProblem(
  milestones: readonly MilestoneDates[],
): { field: 'planned' | 'actual'; kind: MilestoneKind; after: MilestoneKind } | null {
  const order: readonly MilestoneKind[] = MILESTONE_KINDS.filter((k) => k !== 'custom');
  const standard = milestones
    .filter((m) => m.kind !== 'custom')
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (let i = 1; i < standard.length; i++) {
    for (let j = 0; j < i; j++) {
      const earlier = standard[j]!;
      const later = standard[i]!;
      if (earlier.kind === later.kind) continue;
      if (later.planned < earlier.planned) {
        return { field: 'planned', kind: later.kind, after: earlier.kind };
      }
      if (later.actual !== null && (earlier.actual === null || later.actual < earlier.actual)) {
        return { field: 'actual', kind: later.kind, after: earlier.kind };
      }
    }
  }
  return null;
}

// ---- problems (问题清单) --------------------------------------------------------------------

export const PROBLEM_STATES = [
  'raised',
  'assigned',
  'reminded',
  'escalated',
  'replied',
  'confirmed',
  'closed',
] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];
export const PROBLEM_STATE_NAMES: Record<ProblemState, string> = {
  raised: '已提出',
  assigned: '已交办',
  reminded: '已提醒',
  escalated: '督办中',
  replied: '已答复',
  confirmed: '已确认',
  closed: '已销号',
};

export const PROBLEM_ACTIONS = [
  'assign',
  'remind',
  'escalate',
  'reply',
  'confirm',
  'close',
] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];
export const PROBLEM_ACTION_NAMES: Record<ProblemAction, string> = {
  assign: '交办',
  remind: '提醒',
  escalate: '督办',
  reply: '答复',
  confirm: '确认',
  close: '销号',
};

const PROBLEM_FROM: Record<ProblemAction, readonly ProblemState[]> = {
  assign: ['raised'],
  remind: ['assigned', 'reminded', 'escalated'],
  escalate: ['assigned', 'reminded', 'escalated'],
  reply: ['assigned', 'reminded', 'escalated'],
  // A reply that does not hold is sent back by assigning nothing new: confirm only after a reply.
  confirm: ['replied'],
  close: ['confirmed'],
};
const PROBLEM_TO: Record<ProblemAction, ProblemState> = {
  assign: 'assigned',
  remind: 'reminded',
  escalate: 'escalated',
  reply: 'replied',
  confirm: 'confirmed',
  close: 'closed',
};

/** The state a problem reaches by the action, or null when the action does not apply now. */
export function problemNext(state: ProblemState, action: ProblemAction): ProblemState | null {
  return PROBLEM_FROM[action].includes(state) ? PROBLEM_TO[action] : null;
}

/** Which side acts: the owner unit replies; the task force / planning office does the rest. */
export function isOwnerAction(action: ProblemAction): boolean {
  return action === 'reply';
}

// ---- dates ---------------------------------------------------------------------------------

const DAY = 86_400_000;

/** Whole days from a to b (both `YYYY-MM-DD`); positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** The last day of a month `YYYY-MM`. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** `YYYY-MM` is a real month. */
export function isMonth(text: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** `YYYY-MM-DD` is a real date. */
export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The month `n` months before `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * 序时进度: the share of the year elapsed at the end of the day `date`, in points (0–100).
 * At a month's end this is close to month/12 (it counts days, so June 30th is 49.6, not 50).
 */
export function scheduleShare(date: string): number {
  const year = Number(date.slice(0, 4));
  const days = daysBetween(`${year}-01-01`, `${year + 1}-01-01`);
  return ((daysBetween(`${year}-01-01`, date) + 1) / days) * 100;
}

// ---- the traffic light (红黄绿灯) -----------------------------------------------------------

export type Light = 'red' | 'yellow' | 'green';
export const LIGHTS: readonly Light[] = ['red', 'yellow', 'green'];
export const LIGHT_NAMES: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };

/** The rule's thresholds (DESIGN §9), from the configuration. */
export interface LightThresholds {
  /** Red when year-to-date completion is more than this many points behind schedule (30). */
  redBehind: number;
  /** Yellow from this many points behind (10). */
  yellowBehind: number;
  /** Red when a milestone is more than this many days late (60). */
  redMilestoneDays: number;
  /** Red when a problem is overdue by more than this many days (30). */
  redProblemDays: number;
}

export const DEFAULT_LIGHT_THRESHOLDS: LightThresholds = Object.freeze({
  redBehind: 30,
  yellowBehind: 10,
  redMilestoneDays: 60,
  redProblemDays: 30,
});

/** What the light of one project on one day depends on. */
export interface LightInput {
  /** The day the light is for (a month's last day for the monthly snapshot). */
  asOf: string;
  /** The year's planned investment (sum of the year's monthly plans); 0 when none is planned. */
  yearPlanned: number;
  /** Completed investment from January to the month of asOf. */
  ytdCompleted: number;
  milestones: readonly { planned: string; actual: string | null }[];
  problems: readonly { deadline: string | null; closedOn: string | null }[];
}

export interface LightResult {
  light: Light;
  /** Completion in points behind 序时进度 (negative: ahead); null without a plan. */
  behind: number | null;
  /** Days the latest open milestone is late (0 when none is). */
  milestoneDaysLate: number;
  /** Days the most overdue problem is late (0 when none is). */
  problemDaysOverdue: number;
  /** Why, in words people read (empty for green). */
  reasons: string[];
}

/**
 * The light of DESIGN §9: red when year-to-date completion is more than 30 points behind 序时进度,
 * or a milestone is over 60 days late, or a problem is overdue by more than 30 days; yellow when
 * 10–30 points behind, or a milestone is late, or a problem is overdue; green otherwise.
 * A milestone counts while it is not reached; a problem while it is not closed (销号) by asOf.
 */
export function computeLight(
  input: LightInput,
  t: LightThresholds = DEFAULT_LIGHT_THRESHOLDS,
): LightResult {
  const behind =
    input.yearPlanned > 0
      ? scheduleShare(input.asOf) - (input.ytdCompleted / input.yearPlanned) * 100
      : null;
  let milestoneDaysLate = 0;
  for (const m of input.milestones) {
    if (m.actual !== null && m.actual <= input.asOf) continue;
    milestoneDaysLate = Math.max(milestoneDaysLate, daysBetween(m.planned, input.asOf));
  }
  let problemDaysOverdue = 0;
  for (const p of input.problems) {
    if (p.deadline === null) continue;
    if (p.closedOn !== null && p.closedOn <= input.asOf) continue;
    problemDaysOverdue = Math.max(problemDaysOverdue, daysBetween(p.deadline, input.asOf));
  }
  const reasons: string[] = [];
  let light: Light = 'green';
  const raise = (to: Light, why: string) => {
    reasons.push(why);
    if (to === 'red' || light === 'green') light = to;
  };
  if (behind !== null && behind > t.redBehind) {
    raise('red', `投资完成滞后序时进度${behind.toFixed(1)}个百分点`);
  } else if (behind !== null && behind >= t.yellowBehind) {
    raise('yellow', `投资完成滞后序时进度${behind.toFixed(1)}个百分点`);
  }
  if (milestoneDaysLate > t.redMilestoneDays) {
    raise('red', `节点滞后${milestoneDaysLate}天`);
  } else if (milestoneDaysLate > 0) {
    raise('yellow', `节点滞后${milestoneDaysLate}天`);
  }
  if (problemDaysOverdue > t.redProblemDays) {
    raise('red', `问题超期${problemDaysOverdue}天未销号`);
  } else if (problemDaysOverdue > 0) {
    raise('yellow', `问题超期${problemDaysOverdue}天未销号`);
  }
  return { light, behind, milestoneDaysLate, problemDaysOverdue, reasons };
}

/** Ratio in percent rounded to one decimal, or null when the base is 0. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

// ---- ledger figures that feed contest indicators -------------------------------------------

export const LEDGER_MEASURES = [
  'investment_rate',
  'started_on_time',
  'problems_closed_on_time',
  'green_share',
] as const;
export type LedgerMeasure = (typeof LEDGER_MEASURES)[number];
export const LEDGER_MEASURE_NAMES: Record<LedgerMeasure, string> = {
  investment_rate: '投资完成率（%）',
  started_on_time: '按期开工率（%）',
  problems_closed_on_time: '问题按期销号率（%）',
  green_share: '绿灯项目占比（%）',
};

/** `ledger.investment_rate` → `investment_rate`; null for anything else. */
export function ledgerMeasureOf(source: string | undefined): LedgerMeasure | null {
  if (!source?.startsWith('ledger.')) return null;
  const m = source.slice('ledger.'.length);
  return (LEDGER_MEASURES as readonly string[]).includes(m) ? (m as LedgerMeasure) : null;
}

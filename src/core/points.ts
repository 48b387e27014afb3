/**
 * Party-member points (党员积分, DESIGN §10): caps, periods, classes, masking. Pure.
 */

/** One record as the clamp sees it, in the order it counts (occurred date, then id). */
export interface ClampInput {
  id: number;
  item: string;
  category: string;
  points: number;
  /** Most points the item may count in a year (absolute: awards up, deductions down); null = none. */
  itemCap: number | null;
  /** Most award points the category may count in a year; null = none. Deductions are not capped by it. */
  categoryCap: number | null;
}

export interface Clamped {
  id: number;
  points: number;
  counted: number;
  /** Which cap cut the record, if any. */
  clampedBy: 'item' | 'category' | null;
}

const sign = (n: number) => (n < 0 ? -1 : 1);

/**
 * A member's records of one year in counting order → what each counts. An award counts up to what
 * its item's cap and its category's cap still allow; a deduction counts up to what its item's cap
 * still allows (as an absolute value). Integer points in, integer points out.
 */
export function clampYear(records: readonly ClampInput[]): Clamped[] {
  const itemUsed = new Map<string, number>(); // by item and sign
  const categoryUsed = new Map<string, number>();
  return records.map((r) => {
    const s = sign(r.points);
    const itemKey = `${r.category}\u0000${r.item}\u0000${s}`;
    let counted = Math.abs(r.points);
    let clampedBy: Clamped['clampedBy'] = null;
    if (r.itemCap !== null) {
      const room = Math.max(0, r.itemCap - (itemUsed.get(itemKey) ?? 0));
      if (counted > room) {
        counted = room;
        clampedBy = 'item';
      }
    }
    if (s > 0 && r.categoryCap !== null) {
      const room = Math.max(0, r.categoryCap - (categoryUsed.get(r.category) ?? 0));
      if (counted > room) {
        counted = room;
        clampedBy = 'category';
      }
    }
    itemUsed.set(itemKey, (itemUsed.get(itemKey) ?? 0) + counted);
    if (s > 0) categoryUsed.set(r.category, (categoryUsed.get(r.category) ?? 0) + counted);
    return { id: r.id, points: r.points, counted: s * counted, clampedBy };
  });
}

/** The obvious (quadratic) reading of the same rule, kept as the property test's reference. */
export function clampYearReference(records: readonly ClampInput[]): Clamped[] {
  const out: Clamped[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const before = out.slice(0, i);
    const same = (j: number) => records[j]!;
    const itemSoFar = before
      .filter((_c, j) => same(j).item === r.item && same(j).category === r.category)
      .filter((c) => c.points < 0 === r.points < 0)
      .reduce((a, c) => a + Math.abs(c.counted), 0);
    const categorySoFar = before
      .filter((c, j) => same(j).category === r.category && c.points > 0)
      .reduce((a, c) => a + c.counted, 0);
    const want = Math.abs(r.points);
    const itemRoom = r.itemCap === null ? Infinity : Math.max(0, r.itemCap - itemSoFar);
    const catRoom =
      r.points < 0 || r.categoryCap === null
        ? Infinity
        : Math.max(0, r.categoryCap - categorySoFar);
    const counted = Math.min(want, itemRoom, catRoom);
    const clampedBy = counted === want ? null : catRoom < itemRoom ? 'category' : 'item';
    out.push({ id: r.id, points: r.points, counted: r.points < 0 ? -counted : counted, clampedBy });
  }
  return out;
}

/** A rule is refused when one record of it would already exceed its own caps. */
export function checkRuleCaps(rule: {
  points: number;
  itemCap: number | null;
  categoryCap: number | null;
}): string | null {
  if (!Number.isInteger(rule.points) || rule.points === 0) return '分值须为非零整数';
  const abs = Math.abs(rule.points);
  if (rule.itemCap !== null && rule.itemCap < abs)
    return `单项年度上限 ${rule.itemCap} 低于单次分值 ${abs}`;
  if (rule.points > 0 && rule.categoryCap !== null && rule.categoryCap < abs)
    return `类别年度上限 ${rule.categoryCap} 低于单次分值 ${abs}`;
  return null;
}

/** Strings shaped like an 18-digit resident ID number (17 digits then a digit or X). */
const ID_SHAPED =
  /(^|[^0-9])[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]($|[^0-9])/;
const EIGHTEEN = /(^|[^0-9])\d{17}[\dXx]($|[^0-9])/;

/** True when the text holds something shaped like an 18-digit ID number. */
export function looksLikeIdNumber(text: string): boolean {
  return ID_SHAPED.test(text) || EIGHTEEN.test(text);
}

export type PointsPeriodKind = 'week' | 'month' | 'quarter' | 'year';
export interface PointsPeriod {
  key: string;
  kind: PointsPeriodKind;
  year: number;
  /** Inclusive first day and exclusive end day, ISO dates. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** `2026-W05`, `2026-11`, `2026-Q4` or `2026` → the dates it covers; undefined when not a period. */
export function parsePointsPeriod(key: string): PointsPeriod | undefined {
  const w = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/.exec(key);
  if (w) {
    // ISO 8601 week: week 1 holds 4 January; weeks start on Monday.
    const y = Number(w[1]);
    const jan4 = Date.UTC(y, 0, 4);
    const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
    const from = new Date(monday1 + (Number(w[2]) - 1) * 7 * 86_400_000);
    const to = new Date(from.getTime() + 7 * 86_400_000);
    // Week 53 exists only in years whose 28 December falls in it.
    if (Number(w[2]) === 53 && isoDay(from) > `${y}-12-28`) return undefined;
    return { key, kind: 'week', year: y, from: isoDay(from), to: isoDay(to) };
  }
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const to = mo === 12 ? `${y + 1}-01-01` : `${y}-${pad(mo + 1)}-01`;
    return { key, kind: 'month', year: y, from: `${y}-${pad(mo)}-01`, to };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const to = q === 4 ? `${y + 1}-01-01` : `${y}-${pad(q * 3 + 1)}-01`;
    return { key, kind: 'quarter', year: y, from: `${y}-${pad(q * 3 - 2)}-01`, to };
  }
  m = /^(\d{4})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    return { key, kind: 'year', year: y, from: `${y}-01-01`, to: `${y + 1}-01-01` };
  }
  return undefined;
}

/** The quarter key (`2026-Q2`) a date falls in. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** The stored-total periods a date falls in: its month, quarter and year (`2026-11`, `2026-Q4`, `2026`). */
export function totalPeriodsOf(date: string): [string, string, string] {
  return [date.slice(0, 7), quarterOf(date), date.slice(0, 4)];
}

export type PointsClass = 'vanguard' | 'qualified' | 'improve';
export const POINTS_CLASS_NAMES: Record<PointsClass, string> = {
  vanguard: '先锋',
  qualified: '合格',
  improve: '待提升',
};

export type ClassRule =
  | { mode: 'thresholds'; vanguardAtLeast: number; improveBelow: number }
  | { mode: 'quotas'; vanguardShare: number; improveShare: number };

export const DEFAULT_CLASS_RULE: ClassRule = {
  mode: 'quotas',
  vanguardShare: 0.2,
  improveShare: 0.1,
};

/**
 * Classes for a quarter's totals. Thresholds compare each total; quotas take the top and bottom
 * shares (rounded down), ties at a border all going to the better class.
 */
export function classify(totals: readonly number[], rule: ClassRule): PointsClass[] {
  if (rule.mode === 'thresholds') {
    return totals.map((t) =>
      t >= rule.vanguardAtLeast ? 'vanguard' : t < rule.improveBelow ? 'improve' : 'qualified',
    );
  }
  const sorted = [...totals].sort((a, b) => b - a);
  const n = totals.length;
  const top = Math.floor(n * rule.vanguardShare);
  const bottom = Math.floor(n * rule.improveShare);
  const vanguardMin = top > 0 ? sorted[top - 1]! : Infinity;
  const improveMax = bottom > 0 ? sorted[n - bottom]! : -Infinity;
  return totals.map((t) =>
    t >= vanguardMin ? 'vanguard' : t <= improveMax && t < vanguardMin ? 'improve' : 'qualified',
  );
}

/** 张三明 → 张*明, 张三 → 张*, 欧阳明月 → 欧**月. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars.at(-1);
}

// ---- points figures that feed contest indicators (DESIGN §10) ------------------------------

export const POINTS_MEASURES = ['member_average', 'star_household_share'] as const;
export type PointsMeasure = (typeof POINTS_MEASURES)[number];
export const POINTS_MEASURE_NAMES: Record<PointsMeasure, string> = {
  member_average: '党员积分平均分',
  star_household_share: '星级文明户占比',
};

/** `points.member_average` → `member_average`; null for anything else. */
export function pointsMeasureOf(source: string | undefined): PointsMeasure | null {
  if (!source?.startsWith('points.')) return null;
  const m = source.slice('points.'.length);
  return (POINTS_MEASURES as readonly string[]).includes(m) ? (m as PointsMeasure) : null;
}

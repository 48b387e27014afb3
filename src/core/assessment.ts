/**
 * The yearly comprehensive assessment (综合绩效考核, DESIGN §2 and §8): each component contest's
 * rounds converted to points, aggregated over the year, weighted; rating components (领导评价,
 * 部门评价, 群众评议) trimmed, averaged and weighted; points per flag; approved year adjustments
 * (加分/减分) within their caps; then ranked and graded by quotas within each class (分类考核),
 * with a veto (一票否决) capping the grade. Every unit gets its explanation: one line per thing
 * that moved its total, and the lines add up to the total, so a town can see why it stands where
 * it does.
 */
import { excelRound, pow10 } from './excel-round.ts';
import { percentCount } from './flags.ts';
import { groupBy, rankByKeys } from './rank.ts';

export type Conversion =
  /** Rank 1 gets `first`, the last place `last`, the places between in equal steps. */
  | { method: 'rank-linear'; first: number; last: number }
  /**
   * `points` × total / the best total of the unit's group in the round (0 when the best is ≤ 0).
   * Second of two at 95 against 96 gets 98.96, not the last place's points: a small group is
   * not punished (DESIGN §8).
   */
  | { method: 'relative-to-best'; points: number }
  /** The round's total as it is. */
  | { method: 'total' };

export type Aggregate = 'mean' | 'sum' | 'latest';

export interface Component {
  contestId: number;
  title: string;
  weight: number;
  conversion: Conversion;
  aggregate: Aggregate;
}

export interface Grade {
  name: string;
  percent: number;
}

/** From the top (优秀 20 %, 良好 …) and from the bottom (较差 10 %); the rest get `otherwise`. */
export interface Grades {
  top: Grade[];
  bottom: Grade[];
  otherwise: string;
}

/**
 * A rating component (领导评价, 部门评价, 群众评议): each rater scores every unit of a class on a
 * form, 0..max. With `trimFrom` (default 5) ratings or more the highest and the lowest are
 * dropped; the rest are averaged, taken to a hundred (mean × 100 / max) and weighted.
 */
export interface RatingComponent {
  code: string;
  name: string;
  weight: number;
  max: number;
  trimFrom?: number;
  /** Who rates: a user by name, for the classes listed (all classes when absent). */
  raters: { user: string; classes?: string[] }[];
}

/** An item of year adjustments: 加分 (bonus), 减分 (deduction) or 一票否决 (veto). */
export interface AdjustmentItem {
  code: string;
  name: string;
  kind: 'bonus' | 'deduction' | 'veto';
  /** The most points one unit may get (or lose) by this item in the year. */
  cap?: number;
  /** A veto's grade ceiling: the unit is graded at most this (default: the class's worst grade). */
  grade?: string;
}

export interface AdjustmentPolicy {
  items: AdjustmentItem[];
  /** The most bonus / deduction points one unit may get over all items. */
  bonusCap?: number;
  deductionCap?: number;
}

/** A class of units ranked and graded apart (分类考核: 街道, 乡镇), with its own quotas. */
export interface AssessmentClass {
  code: string;
  name: string;
  /** The participants' codes. */
  units: string[];
  grades?: Grades;
}

export interface Scheme {
  components: Component[];
  ratings?: RatingComponent[];
  adjustments?: AdjustmentPolicy;
  classes?: AssessmentClass[];
  /** The declared sum of every component's and rating's weight (checked when given). */
  weightTotal?: number;
  /** Points per flag won in the component contests during the year (yellow is usually negative). */
  flagPoints: { red: number; yellow: number };
  grades: Grades;
  precision: number;
}

/** A unit's place in one published round of a component contest. */
export interface RoundPlace {
  period: string;
  rank: number;
  total: number;
  /** Units ranked in the unit's group, and the group's best total. */
  groupSize: number;
  best: number;
  flag: 'red' | 'yellow' | null;
}

/** An approved adjustment: positive points (a deduction's sign comes from its item). */
export interface Adjustment {
  id?: number;
  unit: string;
  item: string;
  points: number;
  reason: string;
}

/** Rating component code → unit code → the raters' scores. */
export type Ratings = ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;

export interface ComponentExplanation {
  contestId: number;
  title: string;
  weight: number;
  rounds: {
    period: string;
    rank: number;
    total: number;
    points: number;
    flag: 'red' | 'yellow' | null;
  }[];
  /** The rounds' points aggregated (before the weight). */
  points: number;
  /** points × weight: what the component adds to the total. */
  contribution: number;
}

export interface RatingExplanation {
  code: string;
  name: string;
  weight: number;
  count: number;
  /** The highest and lowest ratings dropped (none under `trimFrom` ratings). */
  dropped: number[];
  /** Mean of the kept ratings, on the form's scale. */
  mean: number;
  /** The mean taken to a hundred. */
  points: number;
  contribution: number;
}

export type LineKind = 'contest' | 'rating' | 'flags' | 'adjustment' | 'cap' | 'veto';

/** One line of a unit's explanation; the lines' points add up to its total. */
export interface ExplanationLine {
  kind: LineKind;
  label: string;
  detail: string;
  points: number;
}

export interface AssessedUnit {
  code: string;
  name: string;
  /** The class's code and name ('' and the scheme's single class when there are no classes). */
  class: string;
  className: string;
  total: number;
  /** Rank within the class. */
  rank: number;
  grade: string;
  vetoed: boolean;
  red: number;
  yellow: number;
  flagPoints: number;
  adjustmentPoints: number;
  components: ComponentExplanation[];
  ratings: RatingExplanation[];
  adjustments: (Adjustment & { name: string; kind: AdjustmentItem['kind'] })[];
  lines: ExplanationLine[];
}

/** One round's result as points, by the component's conversion. */
export function convertPlace(conversion: Conversion, place: RoundPlace): number {
  switch (conversion.method) {
    case 'rank-linear':
      return place.groupSize <= 1
        ? conversion.first
        : conversion.first -
            ((conversion.first - conversion.last) * (place.rank - 1)) / (place.groupSize - 1);
    case 'relative-to-best':
      return place.best > 0 ? (conversion.points * place.total) / place.best : 0;
    case 'total':
      return place.total;
  }
}

function aggregate(how: Aggregate, values: number[]): number {
  if (values.length === 0) return 0;
  if (how === 'latest') return values.at(-1)!;
  const sum = values.reduce((a, b) => a + b, 0);
  return how === 'sum' ? sum : sum / values.length;
}

/** Grade names from best to worst: the top grades, the middle, the bottom ones worst last. */
export function gradeOrder(grades: Grades): string[] {
  return [
    ...grades.top.map((g) => g.name),
    grades.otherwise,
    ...grades.bottom.map((g) => g.name).reverse(),
  ];
}

/** The classes a scheme ranks apart: its classes, or one class of every unit. */
export function classesOf(scheme: Scheme, units: readonly { code: string }[]): AssessmentClass[] {
  return scheme.classes?.length
    ? scheme.classes
    : [{ code: '', name: '全部单位', units: units.map((u) => u.code) }];
}

/**
 * Trimmed mean of the ratings: with `trimFrom` or more, one highest and one lowest dropped.
 * One pass (sum, min, max), no sort.
 */
export function trimmedMean(
  scores: readonly number[],
  trimFrom = 5,
): { mean: number; dropped: number[] } {
  const n = scores.length;
  if (n === 0) return { mean: 0, dropped: [] };
  let sum = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of scores) {
    sum += s;
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  if (n < trimFrom) return { mean: sum / n, dropped: [] };
  return { mean: (sum - lo - hi) / (n - 2), dropped: [hi, lo] };
}

const KIND_LABEL = { bonus: '加分', deduction: '减分', veto: '一票否决' } as const;

/**
 * Assesses the units. `places.get(contestId).get(unitCode)` lists the unit's published rounds of
 * that contest in the year, in period order; `ratings` the raters' scores; `adjustments` the
 * approved ones. Points are rounded the way Excel rounds at each step the office would show
 * (round points, contributions, every line), and the total is the sum of the lines.
 */
export function assess(
  scheme: Scheme,
  units: readonly { code: string; name: string }[],
  places: ReadonlyMap<number, ReadonlyMap<string, readonly RoundPlace[]>>,
  ratings: Ratings = new Map(),
  adjustments: readonly Adjustment[] = [],
): AssessedUnit[] {
  const p = scheme.precision;
  const classes = classesOf(scheme, units);
  const classOf = new Map<string, AssessmentClass>();
  for (const c of classes) for (const u of c.units) classOf.set(u, c);
  const items = new Map((scheme.adjustments?.items ?? []).map((i) => [i.code, i]));
  const byUnit = new Map<string, Adjustment[]>();
  for (const a of adjustments) {
    const list = byUnit.get(a.unit) ?? [];
    list.push(a);
    byUnit.set(a.unit, list);
  }
  const assessed = units.map((unit): AssessedUnit => {
    const cls = classOf.get(unit.code) ?? classes[0]!;
    let red = 0;
    let yellow = 0;
    const lines: ExplanationLine[] = [];
    const components = scheme.components.map((c): ComponentExplanation => {
      const mine = places.get(c.contestId)?.get(unit.code) ?? [];
      const rounds = mine.map((place) => {
        if (place.flag === 'red') red += 1;
        if (place.flag === 'yellow') yellow += 1;
        return {
          period: place.period,
          rank: place.rank,
          total: place.total,
          points: excelRound(convertPlace(c.conversion, place), p),
          flag: place.flag,
        };
      });
      const points = excelRound(
        aggregate(
          c.aggregate,
          rounds.map((r) => r.points),
        ),
        p,
      );
      const contribution = excelRound(points * c.weight, p);
      lines.push({
        kind: 'contest',
        label: c.title,
        detail: `${rounds.length}期，折算${points}分 × 权重${c.weight}`,
        points: contribution,
      });
      return {
        contestId: c.contestId,
        title: c.title,
        weight: c.weight,
        rounds,
        points,
        contribution,
      };
    });
    const rated = (scheme.ratings ?? []).map((r): RatingExplanation => {
      const scores = ratings.get(r.code)?.get(unit.code) ?? [];
      const { mean, dropped } = trimmedMean(scores, r.trimFrom ?? 5);
      const shown = excelRound(mean, p);
      const points = excelRound((mean * 100) / r.max, p);
      const contribution = excelRound(points * r.weight, p);
      lines.push({
        kind: 'rating',
        label: r.name,
        detail:
          `${scores.length}份评分` +
          (dropped.length ? `，去掉最高分${dropped[0]}、最低分${dropped[1]}` : '') +
          `，平均${shown}（满分${r.max}），折合${points}分 × 权重${r.weight}`,
        points: contribution,
      });
      return {
        code: r.code,
        name: r.name,
        weight: r.weight,
        count: scores.length,
        dropped,
        mean: shown,
        points,
        contribution,
      };
    });
    const flagPoints = excelRound(
      red * scheme.flagPoints.red + yellow * scheme.flagPoints.yellow,
      p,
    );
    lines.push({
      kind: 'flags',
      label: '红旗、黄旗',
      detail: `红旗${red}面 × ${scheme.flagPoints.red}，黄旗${yellow}面 × ${scheme.flagPoints.yellow}`,
      points: flagPoints,
    });
    // Adjustments in the order given, each item within its cap, then all within the unit's caps.
    const used = new Map<string, number>();
    const usedKind = { bonus: 0, deduction: 0 };
    let adjustmentPoints = 0;
    let vetoCap: string | undefined;
    const kindCap = {
      bonus: scheme.adjustments?.bonusCap ?? Number.POSITIVE_INFINITY,
      deduction: scheme.adjustments?.deductionCap ?? Number.POSITIVE_INFINITY,
    };
    const order = gradeOrder(cls.grades ?? scheme.grades);
    const mine = (byUnit.get(unit.code) ?? []).filter((a) => items.has(a.item));
    const explained = mine.map((a) => {
      const item = items.get(a.item)!;
      if (item.kind === 'veto') {
        const cap = item.grade ?? order.at(-1)!;
        if (vetoCap === undefined || order.indexOf(cap) > order.indexOf(vetoCap)) vetoCap = cap;
        lines.push({
          kind: 'veto',
          label: `一票否决：${item.name}`,
          detail: `${a.reason}；等次至多为${cap}`,
          points: 0,
        });
        return { ...a, name: item.name, kind: item.kind };
      }
      const sign = item.kind === 'bonus' ? 1 : -1;
      const points = excelRound(a.points, p);
      const before = used.get(item.code) ?? 0;
      const allowedItem = Math.max(0, (item.cap ?? Number.POSITIVE_INFINITY) - before);
      const allowedKind = Math.max(0, kindCap[item.kind] - usedKind[item.kind]);
      const counted = excelRound(Math.min(points, allowedItem, allowedKind), p);
      used.set(item.code, before + counted);
      usedKind[item.kind] += counted;
      lines.push({
        kind: 'adjustment',
        label: `${KIND_LABEL[item.kind]}：${item.name}`,
        detail: a.reason,
        points: sign * points + 0,
      });
      if (counted < points) {
        lines.push({
          kind: 'cap',
          label: `${KIND_LABEL[item.kind]}超出上限不计`,
          detail: `「${item.name}」超出上限${excelRound(points - counted, p)}分`,
          points: excelRound(-sign * (points - counted), p) + 0,
        });
      }
      adjustmentPoints += sign * counted;
      return { ...a, name: item.name, kind: item.kind };
    });
    const total = excelRound(
      lines.reduce((s, l) => s + l.points, 0),
      p,
    );
    return {
      code: unit.code,
      name: unit.name,
      class: cls.code,
      className: cls.name,
      total,
      rank: 0,
      grade: vetoCap ?? '',
      vetoed: vetoCap !== undefined,
      red,
      yellow,
      flagPoints,
      adjustmentPoints: excelRound(adjustmentPoints, p) + 0,
      components,
      ratings: rated,
      adjustments: explained,
      lines,
    };
  });
  // Ranked like a round (DESIGN §3, competition) within each class: not vetoed first, then the
  // total, an integer once scaled by 10^precision.
  const scale = pow10(p);
  const grouping = groupBy(assessed.map((a) => a.class));
  const notVetoed = Float64Array.from(assessed, (a) => (a.vetoed ? 0 : 1));
  const key = Float64Array.from(assessed, (a) => Math.round(a.total * scale));
  const { rank, bottom } = rankByKeys([notVetoed, key], grouping, {
    mode: 'competition',
    bottom: true,
    integer: true,
  });
  const byCode = new Map(classes.map((c) => [c.code, c]));
  assessed.forEach((a, i) => {
    a.rank = rank[i]!;
    const cls = byCode.get(a.class)!;
    const grades = cls.grades ?? scheme.grades;
    const n = grouping.sizes[grouping.of[i]!]!;
    const quota = quotaGrade(grades, n, rank[i]!, bottom![i]!);
    if (!a.vetoed) {
      a.grade = quota;
      return;
    }
    // 一票否决: at most the veto's grade, whatever the points (DESIGN §8).
    const order = gradeOrder(grades);
    a.grade = order.indexOf(quota) > order.indexOf(a.grade) ? quota : a.grade;
  });
  const classIndex = new Map(classes.map((c, i) => [c.code, i]));
  return assessed.sort(
    (a, b) =>
      classIndex.get(a.class)! - classIndex.get(b.class)! ||
      a.rank - b.rank ||
      a.code.localeCompare(b.code),
  );
}

/** Quotas count places as flags do: ties at an edge all get the better grade. */
export function quotaGrade(grades: Grades, n: number, rank: number, bottom: number): string {
  let cumulative = 0;
  for (const g of grades.top) {
    cumulative += g.percent;
    if (rank <= percentCount(n, cumulative)) return g.name;
  }
  cumulative = 0;
  for (const g of grades.bottom) {
    cumulative += g.percent;
    if (bottom <= percentCount(n, cumulative)) return g.name;
  }
  return grades.otherwise;
}

/** A problem with a scheme, naming the field. */
export interface SchemeIssue {
  field: string;
  message: string;
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * Checks a scheme against its participants: weights summing as declared, quotas within 100 %,
 * classes covering every participant once, unique codes, known grades. Empty when sound.
 */
export function checkScheme(scheme: Scheme, participants: readonly string[]): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  const weights = [
    ...scheme.components.map((c) => c.weight),
    ...(scheme.ratings ?? []).map((r) => r.weight),
  ];
  const sum = weights.reduce((a, b) => a + b, 0);
  if (scheme.weightTotal !== undefined && !close(sum, scheme.weightTotal))
    issues.push({
      field: 'weightTotal',
      message: `各项权重之和为${excelRound(sum, 6)}，与声明的${scheme.weightTotal}不符`,
    });
  const checkGrades = (grades: Grades, field: string) => {
    const quota = [...grades.top, ...grades.bottom].reduce((s, g) => s + g.percent, 0);
    if (quota > 100 + 1e-9)
      issues.push({
        field,
        message: `${field}：等次比例合计${excelRound(quota, 4)}%，超过100%`,
      });
    const names = gradeOrder(grades);
    if (new Set(names).size !== names.length)
      issues.push({ field, message: `${field}：等次名称重复` });
  };
  checkGrades(scheme.grades, 'grades');
  const classes = scheme.classes ?? [];
  const seen = new Map<string, string>();
  const known = new Set(participants);
  classes.forEach((c, i) => {
    if (c.grades) checkGrades(c.grades, `classes[${i}].grades`);
    if (classes.findIndex((d) => d.code === c.code) !== i)
      issues.push({
        field: `classes[${i}].code`,
        message: `类别编码重复：${c.code}`,
      });
    for (const u of c.units) {
      if (!known.has(u))
        issues.push({
          field: `classes[${i}].units`,
          message: `「${u}」不是参加考核的单位`,
        });
      else if (seen.has(u))
        issues.push({
          field: `classes[${i}].units`,
          message: `「${u}」同时属于两个类别`,
        });
      seen.set(u, c.code);
    }
  });
  if (classes.length) {
    const missing = participants.filter((u) => !seen.has(u));
    if (missing.length)
      issues.push({
        field: 'classes',
        message: `${missing.length}个单位不属于任何类别：${missing.slice(0, 5).join('、')}`,
      });
  }
  const classCodes = new Set(classes.map((c) => c.code));
  (scheme.ratings ?? []).forEach((r, i) => {
    if ((scheme.ratings ?? []).findIndex((s) => s.code === r.code) !== i)
      issues.push({ field: `ratings[${i}].code`, message: `评价项目编码重复：${r.code}` });
    r.raters.forEach((rater, j) => {
      for (const c of rater.classes ?? [])
        if (!classCodes.has(c))
          issues.push({
            field: `ratings[${i}].raters[${j}].classes`,
            message: `没有「${c}」这个类别`,
          });
    });
  });
  const items = scheme.adjustments?.items ?? [];
  items.forEach((item, i) => {
    if (items.findIndex((x) => x.code === item.code) !== i)
      issues.push({
        field: `adjustments.items[${i}].code`,
        message: `加减分项目编码重复：${item.code}`,
      });
    if (item.grade !== undefined) {
      const all = [scheme.grades, ...classes.map((c) => c.grades ?? scheme.grades)];
      if (!all.every((g) => gradeOrder(g).includes(item.grade!)))
        issues.push({
          field: `adjustments.items[${i}].grade`,
          message: `等次「${item.grade}」不在考核等次中`,
        });
    }
  });
  return issues;
}

// The rubric (评分标准) of DESIGN §3: its types, and a validator that refuses every violation
// with the line (when read from text) and the field named, in Chinese with the English beside.
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { ErrorParams } from './errors.ts';
import { LEDGER_MEASURES, ledgerMeasureOf } from './ledger.ts';
import { POINTS_MEASURES, pointsMeasureOf } from './points.ts';

export type Better = 'higher' | 'lower';
export type Method = 'manual' | 'target' | 'relative' | 'range' | 'rank' | 'bands';
export type Ranking = 'competition' | 'dense';
export const METHODS: readonly Method[] = [
  'manual',
  'target',
  'relative',
  'range',
  'rank',
  'bands',
];

/** An indicator worth `points`, scored by `method` (DESIGN §3). */
export interface ScoredIndicator {
  kind: 'scored';
  code: string;
  name: string;
  points: number;
  method: Method;
  /** Every method but `manual`; `higher` when absent. */
  better: Better;
  /** `target` only: > 0. */
  target?: number;
  /** `rank` only: points lost per place (> 0) and the lowest score (0 when absent). */
  step?: number;
  floor?: number;
  /** `bands` only: [threshold, score] pairs, thresholds strictly descending (ascending with lower). */
  bands?: [number, number][];
  /** What a value measures: `ratio` (0–1, typed 0.85 or 85%) or free text such as 万元, 个. */
  unit?: string;
  /** [low, high]: values outside draw a warning in the grid (not a refusal). */
  plausible?: [number, number];
  description?: string;
  /** Filled from a feed when a round opens instead of entered: `ledger.investment_rate` … (DESIGN §9). */
  source?: string;
}

/** Bonus (加分) or deduction (扣分): value × per, at most cap (no cap when absent). */
export interface AdjustmentIndicator {
  kind: 'bonus' | 'deduction';
  code: string;
  name: string;
  per: number;
  cap?: number;
  description?: string;
}

/** One-vote veto (一票否决): a value of 1 ranks the unit after all others and flags it yellow. */
export interface VetoIndicator {
  kind: 'veto';
  code: string;
  name: string;
  description?: string;
}

export type Indicator = ScoredIndicator | AdjustmentIndicator | VetoIndicator;

export interface RedRule {
  top?: number;
  topPercent?: number;
  minScore?: number;
}
export interface YellowRule {
  bottom?: number;
  bottomPercent?: number;
  below?: number;
}
export interface FlagRules {
  red?: RedRule;
  yellow?: YellowRule;
  /** In a group of fewer units no flag is awarded, except a vetoed unit's yellow (DESIGN §3). */
  minGroup?: number;
}

/** A validated rubric with every default filled in. Plain JSON: it can be stored and re-validated. */
export interface Rubric {
  title: string;
  description?: string;
  /** Decimals of every score and total, 0..6. */
  precision: number;
  ranking: Ranking;
  tieBreak: string[];
  indicators: Indicator[];
  flags: FlagRules;
}

/** One violation: `field` is a path such as `indicators[2].points`; `line` is 1-based. */
export interface RubricProblem {
  line?: number;
  field: string;
  code: string;
  /** Chinese; the web words `code` + `params` in its own language. */
  message: string;
  params?: ErrorParams;
}

export type RubricParse = { ok: true; rubric: Rubric } | { ok: false; problems: RubricProblem[] };

/** Highest `precision` accepted: scores × 10^precision must stay exact integers. */
export const MAX_PRECISION = 6;

/** Highest `points` and `per`: with values ≤ MAX_VALUE (./sheet.ts) every score stays finite. */
export const MAX_POINTS = 1_000_000;

/** Sheet headers that name the unit columns, so no indicator may use them as its code. */
export const RESERVED_HEADERS: readonly string[] = [
  'code',
  'name',
  'group',
  '编码',
  '代码',
  '单位编码',
  '单位',
  '名称',
  '单位名称',
  '分组',
  '组别',
];

/** `第7行 indicators[2].points: 分值必须大于0`. */
export function formatRubricProblem(p: RubricProblem): string {
  const where = [p.line === undefined ? '' : `第${p.line}行`, p.field].filter(Boolean).join(' ');
  return where ? `${where}: ${p.message}` : p.message;
}

/**
 * Parses rubric text (YAML, or JSON) and validates it against DESIGN §3. Every problem is
 * returned, each naming its line and field; nothing is thrown.
 */
export function parseRubric(text: string, format: 'yaml' | 'json' = 'yaml'): RubricParse {
  const lineCounter = new LineCounter();
  if (text.trim() === '') {
    return fail([{ field: '', code: 'EMPTY', message: '评分标准为空' }]);
  }
  let data: unknown;
  if (format === 'json') {
    try {
      data = JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      const at = /position (\d+)/.exec(message);
      // Some of V8's messages carry no position; the YAML reader usually trips on the same spot.
      const line = at
        ? lineOf(text, Number(at[1]))
        : parseDocument(text, { lineCounter, prettyErrors: true }).errors[0]?.linePos?.[0].line;
      const reason = message.replace(/\s+/g, ' ');
      return fail([
        {
          line,
          field: '',
          code: 'SYNTAX',
          message: 'JSON格式错误',
          params: { format: 'JSON', detail: reason },
        },
      ]);
    }
  }
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    // JSON that JSON.parse accepted but YAML reads differently still gets validated; only
    // duplicate keys are worth refusing (JSON.parse would silently keep the last).
    const errors =
      format === 'json' ? doc.errors.filter((e) => e.code === 'DUPLICATE_KEY') : doc.errors;
    if (format === 'yaml' || errors.length > 0) {
      return fail(
        errors.map((e) => ({
          line: e.linePos?.[0].line,
          field: '',
          code: e.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'SYNTAX',
          message:
            e.code === 'DUPLICATE_KEY'
              ? '键重复'
              : `${format === 'json' ? 'JSON' : 'YAML'}格式错误`,
          params: { format: format === 'json' ? 'JSON' : 'YAML', detail: firstLine(e.message) },
        })),
      );
    }
  }
  if (format === 'yaml') {
    try {
      // yaml's default maxAliasCount (100) refuses a "billion laughs" alias bomb here.
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      return fail([
        {
          field: '',
          code: 'SYNTAX',
          message: 'YAML格式错误：别名引用过多或无法展开',
          params: { format: 'YAML', detail: firstLine((error as Error).message) },
        },
      ]);
    }
  }
  const located = format === 'json' && doc.errors.length > 0 ? undefined : doc;
  // A field's line is its key's line (or its item's, in a list); a missing field's is its parent's.
  const locate = (path: readonly (string | number)[]): number | undefined => {
    if (!located) return undefined;
    for (let k = path.length; k >= 1; k--) {
      const parent = located.getIn(path.slice(0, k - 1), true) as Node | undefined;
      const last = path[k - 1];
      let node: Node | undefined;
      if (isMap(parent)) {
        const pair = parent.items.find(
          (p) => isScalar(p.key) && String(p.key.value) === String(last),
        );
        node = pair
          ? ((isScalar(pair.key) ? pair.key : undefined) ?? (pair.value as Node))
          : undefined;
      } else if (isSeq(parent) && typeof last === 'number') {
        node = parent.items[last] as Node | undefined;
      }
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    const root = located.contents as Node | null;
    return root?.range ? lineCounter.linePos(root.range[0]).line : undefined;
  };
  return validateRubric(data, locate);
}

/**
 * Validates an already-parsed rubric object (e.g. the JSON body of `POST /contests/:id/rubrics`)
 * and fills in its defaults. `locate` maps a field path to its line when there is a source text.
 */
export function validateRubric(
  data: unknown,
  locate: (path: readonly (string | number)[]) => number | undefined = () => undefined,
): RubricParse {
  const v = new Validator(locate);
  const rubric = v.rubric(data);
  return v.problems.length > 0 || !rubric ? fail(v.problems) : { ok: true, rubric };
}

function fail(problems: RubricProblem[]): RubricParse {
  return { ok: false, problems };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The parser's message without its position (the line is reported on its own). */
function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).replace(/ at line \d+, column \d+:?$/, '');
}

type Path = (string | number)[];

function fieldName(path: Path): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

const TOP_KEYS = [
  'title',
  'description',
  'precision',
  'ranking',
  'tieBreak',
  'indicators',
  'flags',
];
const SCORED_KEYS: Record<Method, string[]> = {
  manual: ['better'],
  target: ['better', 'target'],
  relative: ['better'],
  range: ['better'],
  rank: ['better', 'step', 'floor'],
  bands: ['better', 'bands'],
};
const COMMON_INDICATOR_KEYS = ['code', 'name', 'kind', 'description'];
/** Keys every scored indicator may carry beside its method's. */
const VALUE_KEYS = ['unit', 'plausible'];

class Validator {
  readonly problems: RubricProblem[] = [];
  /** Every code written in `indicators`, valid or not, so tieBreak is not blamed for their faults. */
  readonly writtenCodes = new Set<string>();
  constructor(
    private readonly locate: (path: readonly (string | number)[]) => number | undefined,
  ) {}

  problem(path: Path, code: string, message: string): void {
    this.problems.push({ line: this.locate(path), field: fieldName(path), code, message });
  }

  unknownKeys(
    obj: Record<string, unknown>,
    allowed: readonly string[],
    path: Path,
    hint = '',
  ): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        this.problem([...path, key], 'UNKNOWN_FIELD', `未知字段 ${key}${hint}`);
      }
    }
  }

  text(
    obj: Record<string, unknown>,
    key: string,
    path: Path,
    required: boolean,
  ): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) this.problem([...path, key], 'REQUIRED', `缺少${key}`);
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem([...path, key], 'NOT_TEXT', `${key}必须是非空文本`);
      return undefined;
    }
    return value.trim();
  }

  /** A number field; `check` returns a complaint for out-of-range values. */
  number(
    obj: Record<string, unknown>,
    key: string,
    path: Path,
    required: boolean,
    check?: (n: number) => string | undefined,
  ): number | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) this.problem([...path, key], 'REQUIRED', `缺少${key}`);
      return undefined;
    }
    if (!isFiniteNumber(value)) {
      this.problem([...path, key], 'NOT_A_NUMBER', `${key}必须是数字`);
      return undefined;
    }
    const complaint = check?.(value);
    if (complaint) {
      this.problem([...path, key], 'OUT_OF_RANGE', complaint);
      return undefined;
    }
    return value;
  }

  rubric(data: unknown): Rubric | undefined {
    if (!isRecord(data)) {
      this.problem([], 'NOT_A_MAPPING', '评分标准必须是一个映射（键: 值）');
      return undefined;
    }
    this.unknownKeys(data, TOP_KEYS, []);
    const title = this.text(data, 'title', [], true);
    const description = this.text(data, 'description', [], false);
    const precision =
      this.number(data, 'precision', [], false, (n) =>
        Number.isInteger(n) && n >= 0 && n <= MAX_PRECISION
          ? undefined
          : `小数位数必须是0到${MAX_PRECISION}的整数`,
      ) ?? 2;
    let ranking: Ranking = 'competition';
    if (data.ranking !== undefined && data.ranking !== null) {
      if (data.ranking === 'competition' || data.ranking === 'dense') ranking = data.ranking;
      else
        this.problem(
          ['ranking'],
          'UNKNOWN_RANKING',
          `未知排名方式 ${String(data.ranking)}，应为 competition 或 dense`,
        );
    }
    const indicators = this.indicators(data.indicators);
    const tieBreak = this.tieBreak(data.tieBreak, indicators);
    const flags = this.flags(data.flags);
    if (this.problems.length > 0 || title === undefined || indicators === undefined)
      return undefined;
    const rubric: Rubric = { title, precision, ranking, tieBreak, indicators, flags };
    if (description !== undefined) rubric.description = description;
    return rubric;
  }

  indicators(data: unknown): Indicator[] | undefined {
    if (data === undefined || data === null) {
      this.problem(['indicators'], 'REQUIRED', '缺少指标 indicators');
      return undefined;
    }
    if (!Array.isArray(data) || data.length === 0) {
      this.problem(['indicators'], 'NOT_A_LIST', '指标必须是非空列表');
      return undefined;
    }
    const result: Indicator[] = [];
    const seen = new Map<string, number>();
    data.forEach((item, i) => {
      if (isRecord(item) && typeof item.code === 'string') this.writtenCodes.add(item.code.trim());
      const indicator = this.indicator(item, ['indicators', i]);
      if (!indicator) return;
      const key = indicator.code.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        this.problem(
          ['indicators', i, 'code'],
          'DUPLICATE_CODE',
          `指标编码 ${indicator.code} 重复（与 indicators[${first}] 相同）`,
        );
        return;
      }
      seen.set(key, i);
      result.push(indicator);
    });
    return result;
  }

  indicator(data: unknown, path: Path): Indicator | undefined {
    if (!isRecord(data)) {
      this.problem(path, 'NOT_A_MAPPING', '指标必须是一个映射');
      return undefined;
    }
    const before = this.problems.length;
    let code: string | undefined;
    const rawCode = data.code;
    if (rawCode === undefined || rawCode === null) {
      this.problem([...path, 'code'], 'REQUIRED', '缺少指标编码 code');
    } else if (typeof rawCode !== 'string' || rawCode.trim() === '') {
      this.problem([...path, 'code'], 'NOT_TEXT', '指标编码必须是文本，数字编码请加引号');
    } else if (/[\s,;"']|^[=+\-@]/.test(rawCode.trim())) {
      this.problem(
        [...path, 'code'],
        'BAD_CODE',
        `指标编码 ${rawCode} 不能含空格、逗号、分号或引号，也不能以 = + - @ 开头`,
      );
    } else if (RESERVED_HEADERS.includes(rawCode.trim().toLowerCase())) {
      this.problem([...path, 'code'], 'RESERVED_CODE', `指标编码 ${rawCode} 与表头列名冲突`);
    } else {
      code = rawCode.trim();
    }
    const name = this.text(data, 'name', path, true);
    const description = this.text(data, 'description', path, false);
    const kind = data.kind ?? 'scored';
    let indicator: Indicator | undefined;
    if (kind === 'scored') {
      indicator = this.scored(data, path, code ?? '', name ?? '');
    } else if (kind === 'bonus' || kind === 'deduction') {
      this.unknownKeys(
        data,
        [...COMMON_INDICATOR_KEYS, 'per', 'cap'],
        path,
        `（${kind} 只有 per 和 cap）`,
      );
      const per = this.number(data, 'per', path, true, (n) =>
        n > 0 && n <= MAX_POINTS ? undefined : `每次分值必须大于0且不超过${MAX_POINTS}`,
      );
      const cap = this.number(data, 'cap', path, false, (n) =>
        n > 0 ? undefined : `封顶分值必须大于0`,
      );
      indicator = { kind, code: code ?? '', name: name ?? '', per: per ?? 1 };
      if (cap !== undefined) indicator.cap = cap;
    } else if (kind === 'veto') {
      this.unknownKeys(data, COMMON_INDICATOR_KEYS, path, '（veto 没有分值）');
      indicator = { kind, code: code ?? '', name: name ?? '' };
    } else {
      this.problem(
        [...path, 'kind'],
        'UNKNOWN_KIND',
        `未知指标类型 ${String(kind)}，应为 scored、bonus、deduction 或 veto`,
      );
    }
    if (!indicator || this.problems.length > before) return undefined;
    if (description !== undefined) indicator.description = description;
    return indicator;
  }

  scored(
    data: Record<string, unknown>,
    path: Path,
    code: string,
    name: string,
  ): ScoredIndicator | undefined {
    const points = this.number(data, 'points', path, true, (n) =>
      n > 0 && n <= MAX_POINTS ? undefined : n > 0 ? `分值不能超过${MAX_POINTS}` : '分值必须大于0',
    );
    const method = data.method;
    if (method === undefined || method === null) {
      this.problem([...path, 'method'], 'REQUIRED', '缺少计分方法 method');
      this.unknownKeys(
        data,
        [
          ...COMMON_INDICATOR_KEYS,
          'points',
          'method',
          'better',
          'target',
          'step',
          'floor',
          'bands',
          'source',
        ],
        path,
      );
      return undefined;
    }
    if (typeof method !== 'string' || !METHODS.includes(method as Method)) {
      this.problem(
        [...path, 'method'],
        'UNKNOWN_METHOD',
        `未知计分方法 ${String(method)}，应为 ${METHODS.join('、')} 之一`,
      );
      return undefined;
    }
    const m = method as Method;
    this.unknownKeys(
      data,
      [...COMMON_INDICATOR_KEYS, 'points', 'method', 'source', ...VALUE_KEYS, ...SCORED_KEYS[m]],
      path,
      `（${m} 方法不用此字段）`,
    );
    let better: Better = 'higher';
    if (data.better !== undefined && data.better !== null) {
      if (m === 'manual' && data.better === 'lower') {
        // A manual cell is the score itself: a higher score is always better.
        this.problem(
          [...path, 'better'],
          'LOWER_MANUAL',
          '人工评分直接填分数，不能设「better: lower」',
        );
      } else if (data.better === 'higher' || data.better === 'lower') better = data.better;
      else this.problem([...path, 'better'], 'UNKNOWN_BETTER', `better 应为 higher 或 lower`);
    }
    const indicator: ScoredIndicator = {
      kind: 'scored',
      code,
      name,
      points: points ?? 1,
      method: m,
      better,
    };
    if (m === 'target') {
      const target = this.number(data, 'target', path, true, (n) =>
        n > 0 ? undefined : '目标值必须大于0',
      );
      if (target !== undefined) indicator.target = target;
    } else if (m === 'rank') {
      const step = this.number(data, 'step', path, true, (n) =>
        n > 0 ? undefined : '每名次递减分值必须大于0',
      );
      const floor = this.number(data, 'floor', path, false, (n) =>
        points === undefined || (n >= 0 && n <= points)
          ? undefined
          : `最低分必须在0到${points}之间`,
      );
      if (step !== undefined) indicator.step = step;
      indicator.floor = floor ?? 0;
    } else if (m === 'bands') {
      const bands = this.bands(data.bands, [...path, 'bands'], points, better);
      if (bands) indicator.bands = bands;
    }
    this.valueKeys(data, path, indicator);
    if (data.source !== undefined && data.source !== null) {
      // A feed: the round fills the cell from the project ledger (DESIGN §9) or party points (§10).
      if (
        typeof data.source === 'string' &&
        (ledgerMeasureOf(data.source) || pointsMeasureOf(data.source))
      ) {
        indicator.source = data.source;
      } else {
        this.problem(
          [...path, 'source'],
          'UNKNOWN_SOURCE',
          `未知数据来源 ${String(data.source)}，应为 ${[...LEDGER_MEASURES.map((x) => `ledger.${x}`), ...POINTS_MEASURES.map((x) => `points.${x}`)].join('、')} (unknown source)`,
        );
      }
    }
    return indicator;
  }

  /** `unit` (text) and `plausible` ([low, high], low < high) of a scored indicator. */
  valueKeys(data: Record<string, unknown>, path: Path, indicator: ScoredIndicator): void {
    const unit = this.text(data, 'unit', path, false);
    if (unit) indicator.unit = unit;
    const plausible = data.plausible;
    if (plausible === undefined || plausible === null) return;
    if (
      !Array.isArray(plausible) ||
      plausible.length !== 2 ||
      !isFiniteNumber(plausible[0]) ||
      !isFiniteNumber(plausible[1]) ||
      plausible[0] >= plausible[1]
    ) {
      this.problem(
        [...path, 'plausible'],
        'BAD_PLAUSIBLE',
        '合理范围应为 [下限, 上限] 两个数字且下限小于上限',
      );
      return;
    }
    indicator.plausible = [plausible[0], plausible[1]];
  }

  bands(
    data: unknown,
    path: Path,
    points: number | undefined,
    better: Better,
  ): [number, number][] | undefined {
    if (data === undefined || data === null) {
      this.problem(path, 'REQUIRED', '缺少分档 bands');
      return undefined;
    }
    if (!Array.isArray(data) || data.length === 0) {
      this.problem(path, 'NOT_A_LIST', '分档必须是非空列表，如 [[0.95, 10], [0.9, 8]]');
      return undefined;
    }
    const result: [number, number][] = [];
    let ok = true;
    data.forEach((band, j) => {
      if (!Array.isArray(band) || band.length !== 2) {
        this.problem([...path, j], 'BAD_BAND', '每档必须是 [门槛, 分值]');
        ok = false;
        return;
      }
      const [threshold, score] = band as unknown[];
      if (!isFiniteNumber(threshold)) {
        this.problem([...path, j, 0], 'NOT_A_NUMBER', '门槛必须是数字');
        ok = false;
      }
      if (!isFiniteNumber(score)) {
        this.problem([...path, j, 1], 'NOT_A_NUMBER', '分值必须是数字');
        ok = false;
      } else if (points !== undefined && (score < 0 || score > points)) {
        this.problem(
          [...path, j, 1],
          'BAND_SCORE_OUT_OF_RANGE',
          `档分值 ${score} 必须在0到${points}之间`,
        );
        ok = false;
      }
      if (isFiniteNumber(threshold) && isFiniteNumber(score)) result.push([threshold, score]);
    });
    if (!ok) return undefined;
    for (let j = 1; j < result.length; j++) {
      const previous = result[j - 1]![0];
      const current = result[j]![0];
      if (better === 'higher' ? !(current < previous) : !(current > previous)) {
        this.problem(
          [...path, j, 0],
          'BANDS_NOT_ORDERED',
          better === 'higher'
            ? `分档门槛必须严格递减：${current} 不小于 ${previous}`
            : `「better: lower」时分档门槛必须严格递增：${current} 不大于 ${previous}`,
        );
        return undefined;
      }
    }
    return result;
  }

  tieBreak(data: unknown, indicators: Indicator[] | undefined): string[] {
    if (data === undefined || data === null) return [];
    if (!Array.isArray(data)) {
      this.problem(['tieBreak'], 'NOT_A_LIST', 'tieBreak 必须是指标编码列表，如 [A1, A2]');
      return [];
    }
    const result: string[] = [];
    data.forEach((code, i) => {
      const indicator =
        typeof code === 'string' ? indicators?.find((x) => x.code === code.trim()) : undefined;
      if (!indicator) {
        // An indicator refused for its own faults is already reported; do not blame tieBreak too.
        if (typeof code === 'string' && this.writtenCodes.has(code.trim())) return;
        this.problem(
          ['tieBreak', i],
          'UNKNOWN_CODE',
          `tieBreak 中的 ${String(code)} 不是本标准的指标编码`,
        );
      } else if (indicator.kind === 'veto') {
        this.problem(
          ['tieBreak', i],
          'VETO_IN_TIEBREAK',
          `一票否决指标 ${indicator.code} 没有分数，不能用于 tieBreak`,
        );
      } else if (result.includes(indicator.code)) {
        this.problem(['tieBreak', i], 'DUPLICATE_CODE', `tieBreak 中 ${indicator.code} 重复`);
      } else {
        result.push(indicator.code);
      }
    });
    return result;
  }

  flags(data: unknown): FlagRules {
    if (data === undefined || data === null) return {};
    if (!isRecord(data)) {
      this.problem(['flags'], 'NOT_A_MAPPING', 'flags 必须是映射');
      return {};
    }
    this.unknownKeys(data, ['red', 'yellow', 'minGroup'], ['flags']);
    const flags: FlagRules = {};
    const percent = (n: number) => (n > 0 && n <= 100 ? undefined : '百分比必须大于0且不超过100');
    const count = (n: number) => (Number.isInteger(n) && n >= 1 ? undefined : '名次数必须是正整数');
    if (data.red !== undefined) {
      const path = ['flags', 'red'];
      if (!isRecord(data.red) || Object.keys(data.red).length === 0) {
        this.problem(path, 'NOT_A_MAPPING', '红旗规则必须给出 top、topPercent 或 minScore');
      } else {
        this.unknownKeys(data.red, ['top', 'topPercent', 'minScore'], path);
        const red: RedRule = {};
        const top = this.number(data.red, 'top', path, false, count);
        const topPercent = this.number(data.red, 'topPercent', path, false, percent);
        const minScore = this.number(data.red, 'minScore', path, false);
        if (top !== undefined) red.top = top;
        if (topPercent !== undefined) red.topPercent = topPercent;
        if (minScore !== undefined) red.minScore = minScore;
        flags.red = red;
      }
    }
    if (data.yellow !== undefined) {
      const path = ['flags', 'yellow'];
      if (!isRecord(data.yellow) || Object.keys(data.yellow).length === 0) {
        this.problem(path, 'NOT_A_MAPPING', '黄旗规则必须给出 bottom、bottomPercent 或 below');
      } else {
        this.unknownKeys(data.yellow, ['bottom', 'bottomPercent', 'below'], path);
        const yellow: YellowRule = {};
        const bottom = this.number(data.yellow, 'bottom', path, false, count);
        const bottomPercent = this.number(data.yellow, 'bottomPercent', path, false, percent);
        const below = this.number(data.yellow, 'below', path, false);
        if (bottom !== undefined) yellow.bottom = bottom;
        if (bottomPercent !== undefined) yellow.bottomPercent = bottomPercent;
        if (below !== undefined) yellow.below = below;
        flags.yellow = yellow;
      }
    }
    const minGroup = this.number(data, 'minGroup', ['flags'], false, (n) =>
      Number.isInteger(n) && n >= 1 ? undefined : 'minGroup 必须是正整数',
    );
    if (minGroup !== undefined) flags.minGroup = minGroup;
    return flags;
  }
}

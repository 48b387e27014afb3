// The form view of a rubric edits the YAML document itself (yaml's Document API), so comments,
// key order and every field the form does not show survive each edit, and the two views can
// never disagree: the text is the one source, the form a way of writing it.
import { type Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Method, RubricProblem } from '../../../../src/core/rubric.ts';

/** What the method select offers: the six scoring methods of DESIGN §3 and the three kinds. */
export const FORM_METHODS = [
  'manual',
  'target',
  'relative',
  'range',
  'rank',
  'bands',
  'deduction',
  'bonus',
  'veto',
] as const;
export type FormMethod = (typeof FORM_METHODS)[number];

/** One indicator as the form reads it; every value as written (checked by the core validator). */
export interface FormIndicator {
  code: unknown;
  name: unknown;
  method: FormMethod | undefined;
  raw: Record<string, unknown>;
}

export interface FormRubric {
  raw: Record<string, unknown>;
  indicators: FormIndicator[];
  flags: Record<string, unknown>;
}

export type Path = (string | number)[];

/** The text's document, or undefined when it is not valid YAML (then only the text view edits). */
export function documentOf(text: string): Document | undefined {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  if (doc.contents !== null && !isMap(doc.contents)) return undefined;
  return doc;
}

function record(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
    ? (x as Record<string, unknown>)
    : {};
}

export function methodOf(raw: Record<string, unknown>): FormMethod | undefined {
  const kind = raw.kind ?? 'scored';
  if (kind === 'bonus' || kind === 'deduction' || kind === 'veto') return kind;
  if (kind !== 'scored') return undefined;
  return FORM_METHODS.includes(raw.method as FormMethod) ? (raw.method as Method) : undefined;
}

/** The rubric as plain values for the form's fields. */
export function formOf(doc: Document): FormRubric {
  const raw = record(doc.toJS({ maxAliasCount: 100 }));
  const list = Array.isArray(raw.indicators) ? raw.indicators : [];
  return {
    raw,
    indicators: list.map((item) => {
      const r = record(item);
      return { code: r.code, name: r.name, method: methodOf(r), raw: r };
    }),
    flags: record(raw.flags),
  };
}

/** Sets (or, for undefined / null / '', removes) one value; an emptied flag rule goes too. */
export function setValue(doc: Document, path: Path, value: unknown): void {
  if (value === undefined || value === null || value === '') {
    if (doc.hasIn(path)) doc.deleteIn(path);
    // 红旗 / 黄旗 with no condition left is no rule at all (the validator refuses an empty one).
    if (path[0] === 'flags' && path.length === 3) {
      const rule = doc.getIn(path.slice(0, 2), true);
      if (isMap(rule) && rule.items.length === 0) doc.deleteIn(path.slice(0, 2));
    }
    const flags = doc.getIn(['flags'], true);
    if (path[0] === 'flags' && isMap(flags) && flags.items.length === 0) doc.deleteIn(['flags']);
    return;
  }
  if (path[0] === 'flags' && path.length === 3 && !doc.hasIn(path.slice(0, 2))) {
    if (!doc.hasIn(['flags'])) doc.setIn(['flags'], doc.createNode({}));
    doc.setIn(path.slice(0, 2), doc.createNode({}, { flow: true }));
  }
  if (path[0] === 'flags' && !doc.hasIn(['flags'])) doc.setIn(['flags'], doc.createNode({}));
  const node = doc.createNode(value, { flow: Array.isArray(value) });
  doc.setIn(path, node);
}

const SCORED_ONLY = ['points', 'method', 'better', 'target', 'step', 'floor', 'bands'];
const VALUE_ONLY = ['unit', 'plausible', 'source'];
const ADJUSTMENT_ONLY = ['per', 'cap'];

/**
 * Switches an indicator to another method or kind: the fields the new one does not take go,
 * and the ones it needs get a starting value where one is obvious (a 1-point step, one band).
 */
export function setMethod(doc: Document, row: number, method: FormMethod): void {
  const at = (key: string): Path => ['indicators', row, key];
  const node = doc.getIn(['indicators', row], true);
  const raw = record(isMap(node) ? (node as YAMLMap).toJSON() : undefined);
  const drop = (keys: string[]) => {
    for (const key of keys) if (doc.hasIn(at(key))) doc.deleteIn(at(key));
  };
  if (method === 'veto' || method === 'bonus' || method === 'deduction') {
    drop([...SCORED_ONLY, ...VALUE_ONLY]);
    if (method === 'veto') drop(ADJUSTMENT_ONLY);
    else if (!doc.hasIn(at('per'))) doc.setIn(at('per'), 1);
    doc.setIn(at('kind'), method);
    return;
  }
  drop(['kind', ...ADJUSTMENT_ONLY]);
  if (!doc.hasIn(at('points'))) doc.setIn(at('points'), 10);
  doc.setIn(at('method'), method);
  drop(['target', 'step', 'floor', 'bands'].filter((k) => !keysOf(method).includes(k)));
  if (method === 'manual' && raw.better === 'lower') drop(['better']);
  if (method === 'rank' && !doc.hasIn(at('step'))) doc.setIn(at('step'), 1);
  if (method === 'bands' && !doc.hasIn(at('bands'))) {
    const points = typeof raw.points === 'number' ? raw.points : 10;
    doc.setIn(at('bands'), doc.createNode([[0.9, points]], { flow: true }));
  }
}

function keysOf(method: Method): string[] {
  if (method === 'target') return ['target'];
  if (method === 'rank') return ['step', 'floor'];
  if (method === 'bands') return ['bands'];
  return [];
}

/** A new row at the end, written in one line like the template's. */
export function addIndicator(doc: Document, code: string): void {
  const item = doc.createNode({ code, name: '', points: 10, method: 'manual' }, { flow: true });
  const list = doc.getIn(['indicators'], true);
  if (isSeq(list)) list.items.push(item);
  else doc.setIn(['indicators'], doc.createNode([item]));
}

export function removeIndicator(doc: Document, row: number): void {
  doc.deleteIn(['indicators', row]);
}

/** Moves a row up (−1) or down (+1), comments and all. */
export function moveIndicator(doc: Document, row: number, by: -1 | 1): void {
  const list = doc.getIn(['indicators'], true) as YAMLSeq | undefined;
  if (!isSeq(list)) return;
  const to = row + by;
  if (to < 0 || to >= list.items.length) return;
  const [item] = list.items.splice(row, 1);
  list.items.splice(to, 0, item);
}

/** The next free code: A1, A2 … after the highest number the rubric already uses with A. */
export function nextCode(form: FormRubric): string {
  const taken = new Set(form.indicators.map((i) => String(i.code ?? '').toUpperCase()));
  for (let n = form.indicators.length + 1; ; n++) if (!taken.has(`A${n}`)) return `A${n}`;
}

/** `indicators[2].bands[1][0]` → ['indicators', 2, 'bands', 1, 0]. */
export function parsePath(field: string): Path {
  const path: Path = [];
  for (const part of field.match(/[^.[\]]+/g) ?? []) {
    path.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  return path;
}

/** Where a validator problem sits in the form: the row (0-based) and the field, if any. */
export interface FormPlace {
  row?: number;
  field?: string;
  /** For `flags.*` and the top-level settings: the key path below the root. */
  path: Path;
}

export function placeOf(problem: RubricProblem): FormPlace {
  const path = parsePath(problem.field);
  if (path[0] === 'indicators' && typeof path[1] === 'number') {
    return { row: path[1], field: typeof path[2] === 'string' ? path[2] : undefined, path };
  }
  return { path };
}

/** Whether a problem concerns this form field (a row's key, or a path such as flags.red.top). */
export function problemAt(problems: RubricProblem[], path: Path): RubricProblem | undefined {
  return problems.find((p) => {
    const at = parsePath(p.field);
    return path.every((segment, i) => at[i] === segment);
  });
}

// An audit event's before → after in words: "黄山铺镇 A1：35 → 24", "状态：填报中 → 审核中",
// instead of `changes[0].before.flag yellow`. Field names and values come from i18n.
import type { TFunction } from 'i18next';
import { auditDiff } from './audit-diff.ts';

/** One line of a change: what, was, is. */
export interface ChangeLine {
  subject: string;
  before: string;
  after: string;
}

const FIELDS = [
  'state',
  'value',
  'note',
  'title',
  'name',
  'displayName',
  'username',
  'period',
  'deadline',
  'flag',
  'rank',
  'total',
  'reason',
  'decision',
  'roles',
  'disabled',
  'version',
  'revision',
  'indicator',
  'unit',
  'kind',
  'code',
  'category',
  'published',
  'summary',
  'rubricVersion',
  'contest',
  'parent',
] as const;
type Field = (typeof FIELDS)[number];

interface Cell {
  unit?: number | string;
  unitId?: number | string;
  indicator?: string;
  value?: unknown;
}

const isCellList = (v: unknown): v is Cell[] =>
  Array.isArray(v) &&
  v.every((x) => x && typeof x === 'object' && 'indicator' in x && ('unit' in x || 'unitId' in x));

/** Lines describing an event's change, in the reader's language. */
export function auditLines(
  event: { before: unknown; after: unknown; unitNames?: Record<string, string> },
  t: TFunction,
): ChangeLine[] {
  const unitName = (id: unknown) =>
    event.unitNames?.[String(id)] ?? t('auditWords.unitById', { id: String(id) });
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('auditWords.empty');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (field === 'state' && typeof v === 'string')
      return t(`rounds.states.${v}` as 'rounds.states.draft', { defaultValue: v });
    if (field === 'flag' && typeof v === 'string')
      return t(`auditWords.flags.${v}` as 'auditWords.flags.red', { defaultValue: v });
    if (field === 'decision' && typeof v === 'string')
      return t(`auditWords.decisions.${v}` as 'auditWords.decisions.upheld', { defaultValue: v });
    if (v === 'true' || v === 'false') return v === 'true' ? t('common.yes') : t('common.no');
    if (field === 'roles' && typeof v === 'string') return value(field, v.split(', '));
    if (field === 'roles' && Array.isArray(v))
      return v.map((r) => t(`roles.${r}` as 'roles.admin', { defaultValue: String(r) })).join('、');
    if (Array.isArray(v)) return v.map(String).join('、');
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  const label = (path: string) => {
    const last =
      path
        .split('.')
        .pop()
        ?.replace(/\[\d+\]$/, '') ?? path;
    return (FIELDS as readonly string[]).includes(last)
      ? t(`auditWords.fields.${last as Field}`)
      : path;
  };

  const before = event.before as Record<string, unknown> | unknown[] | null;
  const after = event.after as Record<string, unknown> | unknown[] | null;
  const lines: ChangeLine[] = [];

  // Entries written or imported (before/after lists of cells), and a correction's cells.
  const cellsAfter = isCellList(after)
    ? after
    : after && !Array.isArray(after) && isCellList(after.entries)
      ? after.entries
      : undefined;
  if (cellsAfter) {
    const was = new Map<string, unknown>();
    if (isCellList(before))
      for (const c of before) was.set(`${c.unit ?? c.unitId}|${c.indicator}`, c.value);
    for (const c of cellsAfter) {
      const key = `${c.unit ?? c.unitId}|${c.indicator}`;
      lines.push({
        subject: `${unitName(c.unit ?? c.unitId)} ${c.indicator}`,
        before: was.has(key) ? value('value', was.get(key)) : t('auditWords.empty'),
        after: value('value', c.value),
      });
    }
  }
  // A correction's effect on each unit: total, rank and flag.
  const changes =
    after && !Array.isArray(after) && Array.isArray(after.changes) ? after.changes : undefined;
  for (const c of (changes ?? []) as {
    name?: string;
    before?: { total?: number; rank?: number; flag?: string | null };
    after?: { total?: number; rank?: number; flag?: string | null };
  }[]) {
    for (const field of ['total', 'rank', 'flag'] as const) {
      const b = c.before?.[field];
      const a = c.after?.[field];
      if (b === a) continue;
      lines.push({
        subject: `${c.name ?? ''} ${t(`auditWords.fields.${field}`)}`,
        before: value(field, b),
        after: value(field, a),
      });
    }
  }
  if (cellsAfter || changes) {
    const rest = after && !Array.isArray(after) ? after : {};
    for (const key of ['reason', 'revision'] as const)
      if (key in rest)
        lines.push({
          subject: t(`auditWords.fields.${key}`),
          before:
            before && !Array.isArray(before) && key in before
              ? value(key, before[key])
              : t('auditWords.empty'),
          after: value(key, rest[key]),
        });
    return lines;
  }
  // Anything else, field by field, only what changed.
  for (const row of auditDiff(event.before, event.after)) {
    if (!row.changed) continue;
    const last = row.field.split('.').pop() ?? row.field;
    lines.push({
      subject: label(row.field),
      before:
        row.before === '' || row.before === 'null'
          ? t('auditWords.empty')
          : value(last, row.before),
      after:
        row.after === '' || row.after === 'null' ? t('auditWords.empty') : value(last, row.after),
    });
  }
  return lines;
}

/** One field of an audit event's before/after, flattened to a dotted path. */
export interface DiffRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value === null || value === undefined) {
    if (prefix) out.set(prefix, value === null ? 'null' : '');
    return;
  }
  if (Array.isArray(value)) {
    // Short lists of plain values read best on one line.
    if (value.every((v) => typeof v !== 'object' || v === null) && value.length <= 20) {
      out.set(prefix, value.map((v) => String(v)).join(', '));
      return;
    }
    for (const [i, v] of value.entries()) flatten(v, `${prefix}[${i}]`, out);
    return;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, '{}');
    for (const [key, v] of entries) flatten(v, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  out.set(prefix || '·', String(value));
}

/** Field by field, what changed between before and after (unchanged fields kept, marked). */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, '', a);
  flatten(after, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields.map((field) => {
    const was = a.get(field) ?? '';
    const now = b.get(field) ?? '';
    return { field, before: was, after: now, changed: was !== now };
  });
}

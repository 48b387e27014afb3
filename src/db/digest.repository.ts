/**
 * Digests of published data, stored in the audit event of each publication so that the chain
 * covers the data it records: a revision's results and the entries it was computed from.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditChainSettings, type ChainHash } from './audit.repository.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

export interface PublicationDigest {
  revision: number;
  /** `sha256` or `sm3`. */
  alg: ChainHash;
  results: string;
  resultRows: number;
  entries: string;
  entryRows: number;
}

/** JSON with object keys sorted, so equal data has one serialisation on both databases. */
export function canonicalJson(value: unknown): string {
  // Loops rather than map/filter/join: a national round's publication serialises 12 million rows.
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i) out += ',';
      out += canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/** canonicalJson of a row of primitives (numbers, text, null), without the general walk. */
function primitiveRow(values: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    if (i) out += ',';
    out += JSON.stringify(values[i]) ?? 'null';
  }
  return `${out}]`;
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows per page when digesting: a national round's 12 million entries never sit in memory. */
const PAGE = 50_000;

/**
 * Hashes a table's rows of one round in unit order, a page of units at a time (ordered within
 * the page in code, as before: text collation differs between SQLite and PostgreSQL). A page
 * that ends inside a unit is cut before that unit, which the next page starts with.
 */
async function digestByUnit<R extends { unit_id: number }>(
  alg: ChainHash,
  page: (afterUnit: number, limit: number) => Promise<R[]>,
  sort: (a: R, b: R) => number,
  line: (r: R) => string,
): Promise<{ digest: string; rows: number }> {
  const hash = createHash(alg);
  let after = -1;
  let count = 0;
  for (;;) {
    const rows = await page(after, PAGE);
    if (!rows.length) break;
    let keep = rows;
    if (rows.length === PAGE) {
      const last = rows.at(-1)!.unit_id;
      const cut = rows.filter((r) => r.unit_id !== last);
      // One unit with more rows than a page cannot happen (rows per unit ≤ indicators).
      if (cut.length) keep = cut;
    }
    keep.sort(sort);
    // Lines are hashed in chunks: one update per row costs more than the hashing itself.
    let chunk = '';
    for (const r of keep) {
      chunk += `${line(r)}\n`;
      if (chunk.length >= 1 << 16) {
        hash.update(chunk);
        chunk = '';
      }
    }
    if (chunk) hash.update(chunk);
    count += keep.length;
    after = keep.at(-1)!.unit_id;
    if (rows.length < PAGE) break;
  }
  return { digest: hash.digest('hex'), rows: count };
}

function resultDigest(db: Db, roundId: number, revision: number, alg: ChainHash) {
  return digestByUnit(
    alg,
    (after, limit) =>
      db
        .selectFrom('results')
        .selectAll()
        .where('round_id', '=', roundId)
        .where('revision', '=', revision)
        .where('unit_id', '>', after)
        .orderBy('unit_id')
        .limit(limit)
        .execute(),
    (a, b) => a.unit_id - b.unit_id,
    (r) =>
      canonicalJson([
        r.unit_id,
        r.group_label,
        r.total,
        r.rank,
        r.overall_rank,
        r.flag,
        Number(r.vetoed),
        r.previous_rank,
        r.rank_change,
        r.total_change,
        r.gap_to_next,
        r.gap_to_red,
        typeof r.detail_json === 'string' ? JSON.parse(r.detail_json) : r.detail_json,
      ]),
  );
}

function entryDigest(db: Db, roundId: number, alg: ChainHash) {
  return digestByUnit(
    alg,
    (after, limit) =>
      db
        .selectFrom('entries')
        .select(['unit_id', 'indicator_code', 'value', 'note'])
        .where('round_id', '=', roundId)
        .where('unit_id', '>', after)
        .orderBy('unit_id')
        .limit(limit)
        .execute(),
    (a, b) => cmp(a.unit_id, b.unit_id) || cmp(a.indicator_code, b.indicator_code),
    (r) => primitiveRow([r.unit_id, r.indicator_code, r.value, r.note]),
  );
}

/** The digest of a revision's stored results and of the round's entries, as they are now. */
export async function publicationDigest(
  db: Db,
  roundId: number,
  revision: number,
  alg: ChainHash = auditChainSettings().hash,
): Promise<PublicationDigest> {
  const [results, entries] = await Promise.all([
    resultDigest(db, roundId, revision, alg),
    entryDigest(db, roundId, alg),
  ]);
  return {
    revision,
    alg,
    results: results.digest,
    resultRows: results.rows,
    entries: entries.digest,
    entryRows: entries.rows,
  };
}

export type DataCheck =
  | { ok: true; publications: number }
  | { ok: false; table: 'results' | 'entries'; roundId: number; revision: number; eventId: number };

/**
 * Re-computes the digest of every published revision recorded in the (already verified) chain
 * and names the first that no longer matches. Results are kept per revision, so every revision's
 * results are checked; entries are kept only as they are now, so they are checked against each
 * round's latest publication (a correction records the entries it changed in its own event).
 */
export async function verifyPublishedData(db: Db): Promise<DataCheck> {
  const events = await db
    .selectFrom('audit_events')
    .select(['id', 'entity_id', 'after_json'])
    .where('entity_type', '=', 'round')
    .where('action', 'in', ['round.transition', 'round.correct'])
    .orderBy('id')
    .execute();
  const publications: { eventId: number; roundId: number; digest: PublicationDigest }[] = [];
  for (const e of events) {
    if (e.after_json === null) continue;
    const after = (typeof e.after_json === 'string' ? JSON.parse(e.after_json) : e.after_json) as {
      digest?: PublicationDigest;
    };
    if (after.digest) {
      publications.push({ eventId: e.id, roundId: Number(e.entity_id), digest: after.digest });
    }
  }
  const latest = new Map<number, number>();
  for (const [i, p] of publications.entries()) latest.set(p.roundId, i);
  for (const [i, p] of publications.entries()) {
    const now = await publicationDigest(db, p.roundId, p.digest.revision, p.digest.alg);
    const where = { roundId: p.roundId, revision: p.digest.revision, eventId: p.eventId };
    if (now.results !== p.digest.results) return { ok: false, table: 'results', ...where };
    if (latest.get(p.roundId) === i && now.entries !== p.digest.entries) {
      return { ok: false, table: 'entries', ...where };
    }
  }
  return { ok: true, publications: publications.length };
}

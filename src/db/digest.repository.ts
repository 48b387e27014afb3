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
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const obj = value as Record<string, unknown>;
    return `{${keys
      .filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function digestOf(alg: ChainHash, rows: unknown[][]): string {
  const hash = createHash(alg);
  for (const row of rows) hash.update(`${canonicalJson(row)}\n`);
  return hash.digest('hex');
}

async function resultRows(db: Db, roundId: number, revision: number): Promise<unknown[][]> {
  const rows = await db
    .selectFrom('results')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('revision', '=', revision)
    .execute();
  rows.sort((a, b) => a.unit_id - b.unit_id);
  return rows.map((r) => [
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
  ]);
}

async function entryRows(db: Db, roundId: number): Promise<unknown[][]> {
  const rows = await db
    .selectFrom('entries')
    .select(['unit_id', 'indicator_code', 'value', 'note'])
    .where('round_id', '=', roundId)
    .execute();
  // Sorted here, not in SQL: text collation differs between SQLite and PostgreSQL.
  rows.sort((a, b) => cmp(a.unit_id, b.unit_id) || cmp(a.indicator_code, b.indicator_code));
  return rows.map((r) => [r.unit_id, r.indicator_code, r.value, r.note]);
}

/** The digest of a revision's stored results and of the round's entries, as they are now. */
export async function publicationDigest(
  db: Db,
  roundId: number,
  revision: number,
  alg: ChainHash = auditChainSettings().hash,
): Promise<PublicationDigest> {
  const [results, entries] = await Promise.all([
    resultRows(db, roundId, revision),
    entryRows(db, roundId),
  ]);
  return {
    revision,
    alg,
    results: digestOf(alg, results),
    resultRows: results.length,
    entries: digestOf(alg, entries),
    entryRows: entries.length,
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

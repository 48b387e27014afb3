import { createHash, createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { forUpdate } from './dialect.ts';
import type { Database } from './schema.ts';
import { withSubtree } from './unit.repository.ts';

type Db = Kysely<Database>;

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actorUserId: number | null;
  actorName: string;
  unitId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

export interface AuditEvent {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string;
  unitId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  hash: string;
}

interface HashedFields {
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  unit_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  /** null for events written before hash algorithms were recorded (plain SHA-256). */
  hash_alg?: string | null;
  key_id?: string | null;
}

/** The chain's hash function: SHA-256, or SM3 (国密, GB/T 32905). */
export type ChainHash = 'sha256' | 'sm3';

/** How new events are hashed; set once from the configuration (`configureAuditChain`). */
export interface AuditChainSettings {
  hash: ChainHash;
  /** HMAC key: events are keyed (HMAC-SHA256 / HMAC-SM3) when present. */
  key?: string | undefined;
}

let chainSettings: AuditChainSettings = { hash: 'sha256' };

/**
 * Sets how this process hashes audit events, from the configuration (`LEITAI_AUDIT_HASH`,
 * `LEITAI_AUDIT_KEY`). Process-wide like the pg type parsers: every use case writes its event
 * through `audit(ctx, …)`, and no context must be able to write an unkeyed event by forgetting it.
 */
export function configureAuditChain(settings: AuditChainSettings): void {
  chainSettings = { hash: settings.hash, key: settings.key };
}

export function auditChainSettings(): Readonly<AuditChainSettings> {
  return chainSettings;
}

const HASH_ALGS = ['sha256', 'sm3', 'hmac-sha256', 'hmac-sm3'] as const;
type HashAlg = (typeof HASH_ALGS)[number];
const isHashAlg = (alg: string): alg is HashAlg => (HASH_ALGS as readonly string[]).includes(alg);
const baseHash = (alg: HashAlg): ChainHash => (alg.endsWith('sm3') ? 'sm3' : 'sha256');
const isKeyed = (alg: string | null | undefined) => alg?.startsWith('hmac-') ?? false;

/** A short fingerprint naming the key in each keyed event (it reveals nothing of the key). */
export function auditKeyId(key: string, hash: ChainHash): string {
  return createHmac(hash, key).update('leitai-audit-key-id').digest('hex').slice(0, 16);
}

/** Thrown when a keyed event is hashed without the key. */
export class AuditKeyMissing extends Error {}

/**
 * The hash of an event over its fields in a fixed order, the previous hash included: plain
 * SHA-256 for events without a recorded algorithm; otherwise the recorded one (SHA-256, SM3, or
 * their HMAC with the chain's key), with the algorithm and key fingerprint hashed too.
 */
export function hashEvent(e: HashedFields, key?: string): string {
  const fields = [
    e.at,
    e.actor_user_id,
    e.actor_name,
    e.unit_id,
    e.action,
    e.entity_type,
    e.entity_id,
    e.before_json,
    e.after_json,
    e.prev_hash,
  ];
  const alg = e.hash_alg ?? null;
  if (alg === null) return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
  if (!isHashAlg(alg)) throw new Error(`unknown audit hash algorithm ${alg}`);
  const payload = JSON.stringify([...fields, alg, e.key_id ?? null]);
  if (!isKeyed(alg)) return createHash(alg).update(payload).digest('hex');
  if (!key) throw new AuditKeyMissing(alg);
  return createHmac(baseHash(alg), key).update(payload).digest('hex');
}

/** The head's HMAC: rewriting the head after deleting the newest events needs the key. */
function headMac(key: string, hash: ChainHash, lastId: number, count: number, lastHash: string) {
  return createHmac(hash, key)
    .update(`leitai-audit-head|${lastId}|${count}|${lastHash}`)
    .digest('hex');
}

const toJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Appends an event to the chain, inside the caller's transaction so that the event and the
 * change it records commit together. The head row is locked, so appends are serialised.
 *
 * With a key configured, the event is keyed when the chain is new or already keyed (its head
 * carries a MAC). An existing unkeyed chain stays unkeyed until `leitai audit adopt-key` writes
 * the keyed adoption event (`adoptKey`): turning keyed silently at the next write would let
 * someone who re-wrote the chain without the key have it sealed for them.
 */
export async function appendAuditEvent(
  db: Db,
  input: AuditInput,
  at: string,
  options: { adoptKey?: boolean } = {},
): Promise<void> {
  const settings = chainSettings;
  const head = await forUpdate(
    db,
    db.selectFrom('audit_head').selectAll().where('id', '=', 1),
  ).executeTakeFirstOrThrow();
  const key = settings.key;
  const keyed =
    key !== undefined && (head.count === 0 || head.mac !== null || options.adoptKey === true);
  const fields: HashedFields = {
    at,
    actor_user_id: input.actorUserId,
    actor_name: input.actorName,
    unit_id: input.unitId,
    action: input.action,
    entity_type: input.entityType,
    entity_id: String(input.entityId),
    before_json: toJson(input.before),
    after_json: toJson(input.after),
    prev_hash: head.last_hash,
    hash_alg: keyed ? `hmac-${settings.hash}` : settings.hash,
    key_id: keyed && key ? auditKeyId(key, settings.hash) : null,
  };
  const hash = hashEvent(fields, key);
  const row = await db
    .insertInto('audit_events')
    .values({ ...fields, hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  const count = head.count + 1;
  await db
    .updateTable('audit_head')
    .set({
      last_event_id: row.id,
      last_hash: hash,
      count,
      mac: keyed && key ? headMac(key, settings.hash, row.id, count, hash) : null,
    })
    .where('id', '=', 1)
    .execute();
}

/** The action of the keyed event that turns an existing unkeyed chain keyed. */
export const KEY_ADOPTED = 'audit.key_adopted';

export type VerifyResult =
  | {
      ok: true;
      count: number;
      lastHash: string;
      keyed: boolean;
      algorithms: string[];
      /** With `expect`: the anchored event, and how many events came after it. */
      anchor?: { eventId: number; after: number };
    }
  | {
      ok: false;
      count: number;
      eventId: number | null;
      reason: string;
      /** For published data that no longer matches its digest: where. */
      table?: string;
      roundId?: number;
      revision?: number;
    };

export interface VerifyOptions {
  /** The chain's key; the configured one when absent. */
  key?: string | undefined;
  /** A head hash kept outside the database: the chain must still contain that event. */
  expect?: string | undefined;
}

/**
 * Walks the whole chain and names the first event that does not match (`leitai audit verify`).
 * With a key: keyed events must carry its fingerprint, an unkeyed event may not follow a keyed
 * one, the chain may turn keyed only at an adoption event, and the head's MAC must match — so
 * re-chaining with the unkeyed hash, or deleting the newest events and rewriting the head, shows.
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<VerifyResult> {
  const key = options.key ?? chainSettings.key;
  const expect = options.expect?.toLowerCase();
  let anchorAt: { eventId: number; count: number } | undefined;
  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  let seenKeyed = false;
  let lastAlg: string | null = null;
  const algorithms = new Set<string>();
  const page = 5000;
  const broken = (eventId: number | null, reason: string): VerifyResult => ({
    ok: false,
    count,
    eventId,
    reason,
  });
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(page)
      .execute();
    for (const row of rows) {
      if (row.prev_hash !== prev) {
        return broken(row.id, `第 ${row.id} 号事件之前的记录被删除或改动`);
      }
      const alg = row.hash_alg;
      if (alg !== null && !isHashAlg(alg)) {
        return broken(row.id, `第 ${row.id} 号事件的哈希算法未知：${alg}`);
      }
      const keyedRow = isKeyed(alg);
      if (keyedRow && !key) {
        return broken(row.id, `第 ${row.id} 号事件用密钥签名，校验需要配置 LEITAI_AUDIT_KEY`);
      }
      if (keyedRow && key && alg && row.key_id !== auditKeyId(key, baseHash(alg as HashAlg))) {
        return broken(row.id, `第 ${row.id} 号事件用另一把密钥签名（密钥指纹 ${row.key_id}）`);
      }
      if (hashEvent(row, key) !== row.hash) {
        return broken(row.id, `第 ${row.id} 号事件的内容被改动`);
      }
      if (key) {
        if (!keyedRow && seenKeyed) {
          return broken(
            row.id,
            `第 ${row.id} 号事件未用密钥，而此前的事件已用密钥：审计链被不带密钥地重写`,
          );
        }
        if (keyedRow && !seenKeyed && count > 0 && row.action !== KEY_ADOPTED) {
          return broken(row.id, `第 ${row.id} 号事件开始用密钥，但不是启用密钥的事件`);
        }
      }
      if (keyedRow) seenKeyed = true;
      algorithms.add(alg ?? 'sha256');
      if (expect && row.hash === expect) anchorAt = { eventId: row.id, count: count + 1 };
      prev = row.hash;
      lastAlg = alg;
      lastId = row.id;
      count += 1;
    }
    if (rows.length < page) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head || head.last_hash !== prev || head.count !== count || head.last_event_id !== lastId) {
    return broken(
      head ? head.last_event_id : null,
      `审计链末尾的事件被删除：审计链止于第 ${lastId} 号事件，共 ${count} 条；链头记录为第 ${head?.last_event_id ?? '?'} 号，共 ${head?.count ?? '?'} 条`,
    );
  }
  if (key && count > 0) {
    if (!seenKeyed) {
      return broken(
        null,
        '已配置 LEITAI_AUDIT_KEY，但审计链中没有用密钥签名的事件：若刚配置密钥，请运行 leitai audit adopt-key；否则审计链已被不带密钥地重写',
      );
    }
    const hash = baseHash((lastAlg ?? 'sha256') as HashAlg);
    if (!isKeyed(lastAlg) || head.mac !== headMac(key, hash, lastId, count, prev)) {
      return broken(
        lastId,
        `审计链头部的签名不符：末尾的事件被删除或头部被改写（审计链止于第 ${lastId} 号事件）`,
      );
    }
  }
  if (expect && !anchorAt && !(expect === GENESIS_HASH && count === 0)) {
    return broken(
      null,
      `锚定的哈希 ${expect} 不在审计链中：当前链头为 ${prev}（共 ${count} 条事件），锚点及其之前的事件被删除或改动`,
    );
  }
  return {
    ok: true,
    count,
    lastHash: prev,
    keyed: seenKeyed,
    algorithms: [...algorithms],
    ...(anchorAt ? { anchor: { eventId: anchorAt.eventId, after: count - anchorAt.count } } : {}),
  };
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  /** Actions matching any of these LIKE patterns, and none of the excluded ones (a kind). */
  actionLike?: readonly string[] | undefined;
  actionNotLike?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only events about units in this unit's subtree (an admin's); all when absent. */
  subtreeOf?: number | undefined;
  limit: number;
  offset: number;
}

function eventFromRow(row: Awaited<ReturnType<typeof listRows>>[number]): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    unitId: row.unit_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    hash: row.hash,
  };
}

function filtered(db: Db, f: AuditFilter) {
  let q = withSubtree(db, f.subtreeOf ?? -1).selectFrom('audit_events');
  if (f.subtreeOf !== undefined) {
    q = q.where('unit_id', 'in', (eb) => eb.selectFrom('subtree').select('subtree.id'));
  }
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actor) q = q.where('actor_name', '=', f.actor);
  if (f.action) q = q.where('action', '=', f.action);
  const like = f.actionLike ?? [];
  if (like.length) q = q.where((eb) => eb.or(like.map((p) => eb('action', 'like', p))));
  for (const p of f.actionNotLike ?? []) q = q.where('action', 'not like', p);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', f.to);
  return q;
}

function listRows(db: Db, f: AuditFilter) {
  return filtered(db, f)
    .selectAll('audit_events')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

/** Events matching the filter, newest first. */
export async function listAuditEvents(db: Db, f: AuditFilter) {
  const [rows, count] = await Promise.all([
    listRows(db, f),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(eventFromRow), total: Number(count.n) };
}

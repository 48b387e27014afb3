import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { publishedRound } from '../../test/support/published-round.ts';
import {
  appendAuditEvent,
  configureAuditChain,
  hashEvent,
  verifyAuditChain,
} from '../db/audit.repository.ts';
import { adoptAuditKey, verifyAuditAndData } from './audit-chain.ts';
import { correctRound } from './corrections.ts';

const KEY = 'a-county-audit-key-kept-offline';

afterEach(() => configureAuditChain({ hash: 'sha256' }));

describeEachDialect('audit chain covers published data', (use) => {
  let roundId = 0;

  it('stores a digest of results and entries in the publication and correction events', async () => {
    const { ctx } = use();
    ({ roundId } = await publishedRound(ctx, 'ac'));
    await correctRound(ctx, String(roundId), {
      reason: '核实后更正',
      entries: [{ unit: 'acv1', indicator: 'A1', value: 59 }],
    });
    const events = await ctx.db
      .selectFrom('audit_events')
      .select(['action', 'after_json'])
      .where('entity_type', '=', 'round')
      .where('entity_id', '=', String(roundId))
      .orderBy('id')
      .execute();
    const digests = events
      .map((e) => JSON.parse(e.after_json ?? '{}').digest)
      .filter((d) => d !== undefined);
    expect(digests).toHaveLength(2);
    expect(digests[0]).toMatchObject({ revision: 0, alg: 'sha256', resultRows: 4, entryRows: 8 });
    expect(digests[1]).toMatchObject({ revision: 1, resultRows: 4, entryRows: 8 });
    expect(digests[1].results).not.toBe(digests[0].results);
    expect(await verifyAuditAndData(ctx.db)).toMatchObject({ ok: true, publications: 2 });
  });

  it('names the table, round and revision of a results row edited in the database', async () => {
    const { db } = use().handle;
    await sql`update results set total = total + 1 where round_id = ${roundId} and revision = 0 and rank = 1`.execute(
      db,
    );
    const broken = await verifyAuditAndData(db);
    expect(broken).toMatchObject({ ok: false, table: 'results', roundId, revision: 0 });
    expect(broken.ok === false && broken.reason).toMatch(/表 results.*第 \d+ 期次 第 0 次修订/);
    await sql`update results set total = total - 1 where round_id = ${roundId} and revision = 0 and rank = 1`.execute(
      db,
    );
    expect((await verifyAuditAndData(db)).ok).toBe(true);
  });

  it('names an entries row edited in the database (against the latest revision)', async () => {
    const { db } = use().handle;
    await sql`update entries set value = 99 where round_id = ${roundId} and indicator_code = 'A2' and value = 300`.execute(
      db,
    );
    expect(await verifyAuditAndData(db)).toMatchObject({
      ok: false,
      table: 'entries',
      roundId,
      revision: 1,
    });
    await sql`update entries set value = 300 where round_id = ${roundId} and indicator_code = 'A2' and value = 99`.execute(
      db,
    );
    expect((await verifyAuditAndData(db)).ok).toBe(true);
  });

  it('a deleted results row or a forged digest is caught too', async () => {
    const { db } = use().handle;
    const row = await db
      .selectFrom('results')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('revision', '=', 1)
      .where('rank', '=', 4)
      .executeTakeFirstOrThrow();
    await db
      .deleteFrom('results')
      .where('round_id', '=', roundId)
      .where('revision', '=', 1)
      .where('unit_id', '=', row.unit_id)
      .execute();
    expect(await verifyAuditAndData(db)).toMatchObject({
      ok: false,
      table: 'results',
      revision: 1,
    });
    await db.insertInto('results').values(row).execute();
    expect((await verifyAuditAndData(db)).ok).toBe(true);
    // Rewriting the digest in the event breaks the chain itself.
    const event = await db
      .selectFrom('audit_events')
      .select(['id', 'after_json'])
      .where('action', '=', 'round.correct')
      .executeTakeFirstOrThrow();
    const forged = (event.after_json ?? '').replace(/"results":"[0-9a-f]{4}/, '"results":"0000');
    await sql`update audit_events set after_json = ${forged} where id = ${event.id}`.execute(db);
    expect(await verifyAuditAndData(db)).toMatchObject({ ok: false, eventId: event.id });
    await sql`update audit_events set after_json = ${event.after_json} where id = ${event.id}`.execute(
      db,
    );
  });

  it('an anchored head catches deleting the newest event with a matching head update', async () => {
    const { db } = use().handle;
    const before = await verifyAuditChain(db);
    if (!before.ok) throw new Error(before.reason);
    const anchor = before.lastHash;
    expect(await verifyAuditChain(db, { expect: anchor })).toMatchObject({
      ok: true,
      anchor: { after: 0 },
    });
    const last = await db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('audit_events').where('id', '=', last.id).execute();
    await db
      .updateTable('audit_head')
      .set({ last_event_id: last.id - 1, last_hash: last.prev_hash, count: before.count - 1 })
      .execute();
    // Without the anchor the shortened chain is consistent…
    expect((await verifyAuditChain(db)).ok).toBe(true);
    // …with it, both hashes are named.
    const anchored = await verifyAuditChain(db, { expect: anchor });
    expect(anchored.ok).toBe(false);
    expect(anchored.ok === false && anchored.reason).toContain(anchor);
    expect(anchored.ok === false && anchored.reason).toContain(last.prev_hash);
    await db.insertInto('audit_events').values(last).execute();
    await db
      .updateTable('audit_head')
      .set({ last_event_id: last.id, last_hash: last.hash, count: before.count })
      .execute();
    expect(await verifyAuditChain(db, { expect: anchor })).toMatchObject({ ok: true });
  });

  it('a configured key: existing chain needs adoption; then keyed events, SM3 going forward', async () => {
    const { ctx } = use();
    configureAuditChain({ hash: 'sha256', key: KEY });
    const unadopted = await verifyAuditChain(ctx.db);
    expect(unadopted.ok === false && unadopted.reason).toMatch(/adopt-key/);
    // Writes before adoption stay unkeyed.
    await append(ctx.db, 'before-adoption');
    await adoptAuditKey(ctx);
    await append(ctx.db, 'keyed');
    configureAuditChain({ hash: 'sm3', key: KEY });
    await append(ctx.db, 'keyed-sm3');
    const ok = await verifyAuditChain(ctx.db);
    expect(ok).toMatchObject({ ok: true, keyed: true });
    expect(ok.ok && ok.algorithms).toEqual(['sha256', 'hmac-sha256', 'hmac-sm3']);
    expect((await verifyAuditAndData(ctx.db)).ok).toBe(true);
    // Without the key, keyed events cannot be checked: said plainly.
    configureAuditChain({ hash: 'sha256' });
    const keyless = await verifyAuditChain(ctx.db);
    expect(keyless.ok === false && keyless.reason).toMatch(/LEITAI_AUDIT_KEY/);
    // Another key is named as such.
    const other = await verifyAuditChain(ctx.db, { key: 'another-key-of-16-chars' });
    expect(other.ok === false && other.reason).toMatch(/另一把密钥/);
  });

  it('with the key, re-chaining with the unkeyed hash is detected (and writes after it do not hide it)', async () => {
    const { db } = use().handle;
    configureAuditChain({ hash: 'sha256', key: KEY });
    const rows = await db.selectFrom('audit_events').selectAll().orderBy('id').execute();
    const head = await db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    // Re-chain everything as plain SHA-256 events with one edit, and rewrite the head to match.
    let prev = '0'.repeat(64);
    for (const row of rows) {
      const after_json = row.id === 2 ? '{"edited":true}' : row.after_json;
      const forged = { ...row, after_json, prev_hash: prev, hash_alg: 'sha256', key_id: null };
      const hash = hashEvent(forged);
      await sql`update audit_events set after_json = ${after_json}, prev_hash = ${prev}, hash = ${hash}, hash_alg = 'sha256', key_id = null where id = ${row.id}`.execute(
        db,
      );
      prev = hash;
    }
    await db.updateTable('audit_head').set({ last_hash: prev, mac: null }).execute();
    expect((await verifyAuditChain(db, { key: '' })).ok).toBe(true); // as plain SHA-256 it holds
    const keyed = await verifyAuditChain(db);
    expect(keyed.ok).toBe(false);
    // The server keeps writing (unkeyed: the head has no MAC); still detected.
    await append(db, 'after-forgery');
    expect((await verifyAuditChain(db)).ok).toBe(false);
    // A forged head MAC or a deleted keyed event with the head rewritten is caught as well.
    for (const row of rows) {
      await sql`update audit_events set after_json = ${row.after_json}, prev_hash = ${row.prev_hash}, hash = ${row.hash}, hash_alg = ${row.hash_alg}, key_id = ${row.key_id} where id = ${row.id}`.execute(
        db,
      );
    }
    await db.deleteFrom('audit_events').where('id', '>', head.last_event_id).execute();
    await db
      .updateTable('audit_head')
      .set({
        last_event_id: head.last_event_id,
        last_hash: head.last_hash,
        count: head.count,
        mac: head.mac,
      })
      .execute();
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const last = rows.at(-1)!;
    await db.deleteFrom('audit_events').where('id', '=', last.id).execute();
    await db
      .updateTable('audit_head')
      .set({ last_event_id: last.id - 1, last_hash: last.prev_hash, count: head.count - 1 })
      .execute();
    const cut = await verifyAuditChain(db);
    expect(cut.ok === false && cut.reason).toMatch(/头部的签名不符/);
  });
});

function append(db: Parameters<typeof appendAuditEvent>[0], entityId: string) {
  return db.transaction().execute((trx) =>
    appendAuditEvent(
      trx,
      {
        actorUserId: null,
        actorName: 'system',
        unitId: null,
        action: 'test.event',
        entityType: 'test',
        entityId,
      },
      '2026-06-30T09:00:00.000Z',
    ),
  );
}

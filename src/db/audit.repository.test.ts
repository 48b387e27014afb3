import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { appendAuditEvent, verifyAuditChain } from './audit.repository.ts';

describeEachDialect('audit hash chain', (use) => {
  async function append(n: number) {
    const { db } = use().handle;
    for (let i = 1; i <= n; i++) {
      await db.transaction().execute((trx) =>
        appendAuditEvent(
          trx,
          {
            actorUserId: 1,
            actorName: 'admin',
            unitId: null,
            action: 'score.update',
            entityType: 'entry',
            entityId: `e${i}`,
            before: { score: i },
            after: { score: i + 1 },
          },
          `2026-06-0${i}T08:00:00.000Z`,
        ),
      );
    }
  }

  it('verifies an untouched chain', async () => {
    await append(5);
    expect(await verifyAuditChain(use().handle.db)).toMatchObject({ ok: true, count: 5 });
  });

  it('names the event whose content was edited in the database, and passes again once restored', async () => {
    const { db } = use().handle;
    const original = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '=', 3)
      .executeTakeFirstOrThrow();
    await sql`update audit_events set after_json = ${'{"score":100}'} where id = 3`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, eventId: 3, count: 2 });
    await sql`update audit_events set after_json = ${original.after_json} where id = 3`.execute(db);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    await sql`update audit_events set actor_name = ${'someone'} where id = 2`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, eventId: 2 });
    await sql`update audit_events set actor_name = ${'admin'} where id = 2`.execute(db);
  });

  it('detects an edit that recomputes the hash, at the next event', async () => {
    const { db } = use().handle;
    const row = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '=', 2)
      .executeTakeFirstOrThrow();
    const { hashEvent } = await import('./audit.repository.ts');
    const forged = { ...row, after_json: '{"score":99}' };
    await sql`update audit_events set after_json = ${forged.after_json}, hash = ${hashEvent(forged)} where id = 2`.execute(
      db,
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, eventId: 3 });
    await sql`update audit_events set after_json = ${row.after_json}, hash = ${row.hash} where id = 2`.execute(
      db,
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('names the event after a deleted one', async () => {
    const { db } = use().handle;
    await sql`delete from audit_events where id = 3`.execute(db);
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, eventId: 4 });
    expect(result.ok === false && result.reason).toMatch(/之前的记录被删除或改动/);
  });

  it('detects the newest events being deleted', async () => {
    const { db } = use().handle;
    await sql`delete from audit_events`.execute(db);
    await sql`update audit_head set last_event_id = 0, last_hash = ${'0'.repeat(64)}, count = 0`.execute(
      db,
    );
    await append(3);
    await sql`delete from audit_events where id = (select max(id) from audit_events)`.execute(db);
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(/审计链末尾的事件被删除/);
  });
});

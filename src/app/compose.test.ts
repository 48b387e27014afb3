/**
 * Use cases compose (issue 12): one called inside another joins its transaction, so a failure in
 * a later step of `instantiateTemplate` (the rubric) leaves no town contest behind, and trying
 * again works.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { verifyAuditChain } from '../db/audit.repository.ts';
import { createContest } from './contests.ts';
import { audit, inTransaction } from './context.ts';
import { loadDemo } from './demo.ts';
import { instantiateTemplate } from './linkage.ts';
import { draftRubric, publishRubric } from './rubrics.ts';

const HSP = '371323104'; // 黄山铺镇
const TEMPLATE = `title: 乡村振兴擂台赛·组织建设先锋
indicators:
  - { code: A1, name: 党支部标准化建设, points: 70, method: manual }
  - { code: E1, name: 人居环境整治, points: 30, method: manual }
`;

describeEachDialect('use cases compose in one transaction', (use) => {
  let templateId: number;

  beforeAll(async () => {
    const { ctx } = use();
    await loadDemo(ctx, { contests: false });
    const template = await createContest(ctx, {
      title: '乡村振兴擂台赛·组织建设先锋',
      category: '乡村振兴',
      organizer: '371323',
      cadence: 'month',
      isTemplate: true,
      participants: { under: '371323', kinds: ['village'] },
    } as never);
    templateId = template.id;
    await draftRubric(ctx, String(templateId), { yaml: TEMPLATE });
    await publishRubric(ctx, String(templateId), 1);
  });

  /** Makes every insert into rubric_versions fail, as a broken later step would. */
  async function breakRubricStep(on: boolean) {
    const { handle } = use();
    const db = handle.db;
    if (handle.dialect === 'sqlite') {
      await sql
        .raw(
          on
            ? `create trigger fail_rubric before insert on rubric_versions begin select raise(abort, 'rubric step failed'); end`
            : 'drop trigger fail_rubric',
        )
        .execute(db);
    } else if (on) {
      await sql
        .raw(
          `create or replace function fail_rubric() returns trigger language plpgsql as $$ begin raise exception 'rubric step failed'; end $$`,
        )
        .execute(db);
      await sql
        .raw(
          'create trigger fail_rubric before insert on rubric_versions for each row execute function fail_rubric()',
        )
        .execute(db);
    } else {
      await sql.raw('drop trigger fail_rubric on rubric_versions').execute(db);
    }
  }

  async function townContests() {
    return use()
      .handle.db.selectFrom('contests')
      .select('id')
      .where('template_id', '=', templateId)
      .execute();
  }

  it('a failing rubric step leaves no town contest, participants or audit event; a retry works', async () => {
    const { ctx, handle } = use();
    const participantsBefore = await handle.db
      .selectFrom('contest_participants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await breakRubricStep(true);
    try {
      await expect(
        instantiateTemplate(ctx, String(templateId), { organizer: HSP }),
      ).rejects.toThrow(/rubric step failed/);
    } finally {
      await breakRubricStep(false);
    }
    expect(await townContests()).toEqual([]);
    const participantsAfter = await handle.db
      .selectFrom('contest_participants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(participantsAfter.n)).toBe(Number(participantsBefore.n));
    const events = await handle.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'contest.instantiate')
      .execute();
    expect(events).toEqual([]);

    const made = await instantiateTemplate(ctx, String(templateId), { organizer: HSP });
    expect(made.title).toBe('黄山铺镇乡村振兴擂台赛·组织建设先锋');
    expect(await townContests()).toHaveLength(1);
    const rubric = await handle.db
      .selectFrom('rubric_versions')
      .select(['version', 'status'])
      .where('contest_id', '=', made.id)
      .execute();
    expect(rubric).toEqual([{ version: 1, status: 'published' }]);
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });

  it('a use case inside another runs in its transaction: the outer failure undoes both', async () => {
    const { ctx, handle } = use();
    const before = await townContests();
    await expect(
      inTransaction(ctx, async (tx) => {
        await instantiateTemplate(tx, String(templateId), { organizer: '371323109' });
        expect(
          await tx.db
            .selectFrom('contests')
            .select('id')
            .where('template_id', '=', templateId)
            .execute(),
        ).toHaveLength(before.length + 1);
        await audit(tx, { action: 'test.outer', entityType: 'test', entityId: 1, unitId: null });
        throw new Error('outer step failed');
      }),
    ).rejects.toThrow('outer step failed');
    expect(await townContests()).toEqual(before);
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });
});

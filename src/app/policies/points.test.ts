/**
 * The points policy's `may` agrees with what the use cases then let through: for the branch's
 * recorder (clerk), its reviewer (secretary), the town above and an outsider (another town's
 * organizer), every ability the web reads is tried, and it succeeds exactly when `may` says so.
 */
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/db.ts';
import { DomainError } from '../../core/errors.ts';
import type { Role } from '../../core/permissions.ts';
import { findBranch } from '../../db/points.repository.ts';
import type { AppContext } from '../context.ts';
import {
  claimStars,
  claimStep,
  createHousehold,
  createStar,
  householdDetail,
} from '../households.ts';
import {
  addMember,
  answerPointsDispute,
  assignBranchUser,
  branchMembers,
  createBranch,
  createRecord,
  createRule,
  fileDispute,
  listBranches,
  memberStatement,
  reviewQueue,
  reviewRecord,
} from '../points.ts';
import { createUnit } from '../units.ts';
import { createUser } from '../users.ts';
import { branchAbilities, branchAccess } from './points.ts';

type Who = 'recorder' | 'reviewer' | 'town' | 'outsider';
const WHO: Who[] = ['recorder', 'reviewer', 'town', 'outsider'];
const REFUSALS = ['FORBIDDEN', 'SELF_REVIEW'];

/** Runs `attempt` and checks it succeeds exactly when `may` is true (refused with 403 otherwise). */
async function agrees(may: boolean, attempt: () => Promise<unknown>, label: string) {
  let outcome: 'allowed' | string = 'allowed';
  try {
    await attempt();
  } catch (e) {
    if (!(e instanceof DomainError) || !REFUSALS.includes(e.code)) throw e;
    outcome = e.code;
  }
  expect(`${label}: ${outcome === 'allowed'}`).toBe(`${label}: ${may}`);
}

describeEachDialect('points policy: may agrees with the server', (use) => {
  const users = {} as Record<Who, { id: number; unitId: number; roles: Role[] }>;
  const as = (ctx: AppContext, who: Who): AppContext => ({
    ...ctx,
    actor: {
      kind: 'user',
      userId: users[who].id,
      name: who,
      unitId: users[who].unitId,
      roles: users[who].roles,
    },
  });
  let branch = 0;
  let rule = 0;
  /** A member with no account, and one who is the secretary herself. */
  let member = 0;
  let secretaryMember = 0;
  let n = 0;

  it('sets up a town with a village branch, its clerk and secretary, and another town', async () => {
    const { ctx } = use();
    await createUnit(ctx, { code: 'C', name: '县', kind: 'county' });
    await createUnit(ctx, { code: 'T', name: '镇', kind: 'town', parent: 'C' });
    await createUnit(ctx, { code: 'T2', name: '外镇', kind: 'town', parent: 'C' });
    const village = (await createUnit(ctx, { code: 'V', name: '村', kind: 'village', parent: 'T' }))
      .id;
    for (const [who, unit, roles] of [
      ['recorder', 'V', ['reporter']],
      ['reviewer', 'V', ['reporter']],
      ['town', 'T', ['organizer']],
      ['outsider', 'T2', ['organizer']],
    ] as const) {
      const { user } = await createUser(ctx, { username: who, unit, roles: [...roles] });
      users[who] = { id: user.id, unitId: user.unitId, roles: [...roles] };
    }
    branch = (await createBranch(ctx, { unit: village, name: '村党支部' })).id;
    await assignBranchUser(ctx, branch, { user: 'recorder', role: 'recorder' });
    await assignBranchUser(ctx, branch, { user: 'reviewer', role: 'reviewer' });
    const person = { gender: '男', birthYear: 1970, joinedOn: '1995-07-01' } as const;
    member = (await addMember(ctx, branch, { name: '王建国', ...person })).id;
    secretaryMember = (
      await addMember(ctx, branch, { name: '李书记', ...person, user: 'reviewer' })
    ).id;
    rule = (
      await createRule(ctx, { organizer: 'T', category: '志愿', item: '志愿服务', points: 2 })
    ).id;
  });

  it("gives each a branch's may that the branch's use cases then honour", async () => {
    const { ctx } = use();
    const expected: Record<Who, Partial<Record<string, boolean>>> = {
      recorder: {
        read: true,
        record: true,
        review: false,
        manage: false,
        keep: true,
        answer: false,
      },
      reviewer: {
        read: true,
        record: false,
        review: true,
        manage: false,
        keep: true,
        answer: true,
      },
      town: { read: true, record: false, review: false, manage: true, keep: true, answer: true },
      outsider: { read: false, record: false, review: false, manage: false, keep: false },
    };
    for (const who of WHO) {
      const c = as(ctx, who);
      const listed = (await listBranches(c, { under: 'V' })).find((b) => b.id === branch);
      // The list holds the branches the reader reads, each with its may; the outsider sees none.
      const may =
        listed?.may ?? branchAbilities(await branchAccess(c, (await findBranch(ctx.db, branch))!));
      expect(listed !== undefined).toBe(expected[who].read);
      expect(may).toMatchObject(expected[who]);
      await agrees(may.read, () => branchMembers(c, String(branch)), `${who} reads members`);
      await agrees(
        may.keep,
        () =>
          addMember(c, branch, {
            name: `新党员${n++}`,
            gender: '女',
            birthYear: 1980,
            joinedOn: '2000-07-01',
          }),
        `${who} adds a member`,
      );
      await agrees(
        may.record,
        () => createRecord(c, { member, rule, occurredOn: '2026-03-01' }),
        `${who} records`,
      );
      await agrees(
        may.manage,
        () => assignBranchUser(c, branch, { user: 'recorder', role: 'recorder' }),
        `${who} names the clerk`,
      );
    }
  });

  it('marks each queued record reviewable exactly when its review goes through (maker–checker)', async () => {
    const { ctx } = use();
    const recorder = as(ctx, 'recorder');
    for (const about of [member, secretaryMember]) {
      for (const who of WHO) {
        const record = await createRecord(recorder, {
          member: about,
          rule,
          occurredOn: '2026-03-02',
        });
        const c = as(ctx, who);
        let may = false;
        try {
          const queued = (await reviewQueue(c, String(branch))).find((r) => r.id === record.id)!;
          may = queued.may.review;
        } catch (e) {
          // Those who may not read the queue may not review either.
          expect(e).toMatchObject({ code: 'FORBIDDEN' });
        }
        // The secretary reviews records, but never one about herself.
        expect(may).toBe(who === 'reviewer' && about === member);
        await agrees(
          may,
          () => reviewRecord(c, String(record.id), { decision: 'approve' }),
          `${who} reviews a record about ${about === member ? 'a member' : 'the secretary'}`,
        );
      }
    }
    // A recorder who also reviews never approves her own record.
    await assignBranchUser(ctx, branch, { user: 'recorder', role: 'reviewer' });
    const own = await createRecord(recorder, { member, rule, occurredOn: '2026-03-03' });
    const queued = (await reviewQueue(recorder, String(branch))).find((r) => r.id === own.id)!;
    expect(queued.may.review).toBe(false);
    await expect(
      reviewRecord(recorder, String(own.id), { decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'SELF_REVIEW' });
    expect(
      (await reviewQueue(as(ctx, 'reviewer'), String(branch))).find((r) => r.id === own.id)!.may
        .review,
    ).toBe(true);
  });

  it('offers disputes to the member and the branch, and their answer to anyone but the filer', async () => {
    const { ctx } = use();
    for (const who of WHO) {
      const c = as(ctx, who);
      for (const about of [member, secretaryMember]) {
        let may = false;
        try {
          may = (await memberStatement(c, String(about), 2026)).may.dispute;
        } catch (e) {
          expect(e).toMatchObject({ code: 'FORBIDDEN' });
        }
        const record = (
          await createRecord(as(ctx, 'recorder'), { member: about, rule, occurredOn: '2026-03-04' })
        ).id;
        await agrees(
          may,
          () => fileDispute(c, String(record), { reason: '有误' }),
          `${who} disputes`,
        );
      }
    }
    // The secretary files one about herself: those who answer for the branch may answer it (the
    // clerk reviews too by now), she may not; nor may the outsider.
    for (const who of WHO) {
      const record = (
        await createRecord(as(ctx, 'recorder'), {
          member: secretaryMember,
          rule,
          occurredOn: '2026-03-05',
        })
      ).id;
      const dispute = await fileDispute(as(ctx, 'reviewer'), String(record), { reason: '不是我' });
      const c = as(ctx, who);
      if (who === 'outsider') {
        await expect(memberStatement(c, String(secretaryMember), 2026)).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
        await agrees(
          false,
          () =>
            answerPointsDispute(c, String(dispute.id), { decision: 'dismissed', answer: '属实' }),
          'outsider answers',
        );
        continue;
      }
      const line = (await memberStatement(c, String(secretaryMember), 2026)).lines.find(
        (l) => l.id === record,
      )!;
      const may = line.disputes.find((d) => d.id === dispute.id)!.may.answer;
      expect(may).toBe(who !== 'reviewer');
      await agrees(
        may,
        () => answerPointsDispute(c, String(dispute.id), { decision: 'dismissed', answer: '属实' }),
        `${who} answers`,
      );
    }
  });

  it("offers each star-claim step to those the step's use case lets through", async () => {
    const { ctx } = use();
    const star = await createStar(ctx, { organizer: 'T', name: '守法星', criteria: '无违法' });
    const steps = ['villagers', 'committee', 'filing'] as const;
    const offered: Record<string, boolean> = {};
    for (const who of WHO) {
      const c = as(ctx, who);
      // Once taking every step they may from the claim on; once after the system's villagers' review.
      for (const from of [0, 1]) {
        const h = await createHousehold(ctx, { unit: 'V', headName: `户主${n++}` });
        await claimStars(ctx, String(h.id), { year: 2026, stars: [star.id] });
        for (const [i, step] of steps.entries()) {
          const run = (actor: AppContext) =>
            claimStep(actor, String(h.id), { year: 2026, step, results: { [star.id]: 'pass' } });
          if (i < from) {
            await run(ctx);
            continue;
          }
          let may = { claim: false, file: false };
          let next = false;
          try {
            const detail = await householdDetail(c, String(h.id));
            may = detail.may;
            next = detail.claims.find((x) => x.year === 2026)!.may.next;
          } catch (e) {
            expect(e).toMatchObject({ code: 'FORBIDDEN' });
          }
          expect(may).toEqual({ claim: who !== 'outsider', file: who === 'town' });
          offered[`${who}:${from}:${step}`] = next;
          await agrees(next, () => run(c), `${who} takes ${step}`);
          // The next step needs this one taken: the system takes it when the reader may not.
          if (!next) await run(ctx);
        }
      }
    }
    // The village's people review; the secretary checks unless she entered the villagers' review
    // (maker–checker); the town files; the outsider does nothing.
    expect(offered).toMatchObject({
      'recorder:0:villagers': true,
      'reviewer:0:committee': false,
      'reviewer:1:committee': true,
      'reviewer:1:filing': false,
      'town:0:committee': false,
      'town:1:committee': true,
      'town:1:filing': true,
      'outsider:1:committee': false,
      'outsider:1:filing': false,
    });
  });
});

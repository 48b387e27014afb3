import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { createContest } from '../app/contests.ts';
import { loadDemo } from '../app/demo.ts';
import { openRound } from '../app/rounds.ts';
import { draftRubric, publishRubric } from '../app/rubrics.ts';
import { listParticipants } from './contest.repository.ts';
import { listEntries, StaleEntryError, saveEntries } from './entry.repository.ts';

describeEachDialect('saving entries', (use) => {
  it('updates in batches, and refuses the whole batch when another save got there first', async () => {
    const { ctx } = use();
    await loadDemo(ctx, { contests: false });
    const contest = await createContest(ctx, {
      title: '测试',
      category: '测试',
      organizer: '371323',
      cadence: 'month',
      participants: { under: '371323', kinds: ['village'] },
    });
    await draftRubric(ctx, String(contest.id), {
      yaml: 'title: 测试\nindicators:\n  - { code: A1, name: 甲, points: 100, method: manual }\n',
    });
    await publishRubric(ctx, String(contest.id), 1);
    const round = await openRound(ctx, String(contest.id), { period: '2026-06' });
    const units = await listParticipants(ctx.db, contest.id);
    const now = '2026-06-30T08:00:00.000Z';
    const writes = (value: number) =>
      units.map((u) => ({ unitId: u.unitId, indicator: 'A1', value, note: null }));
    await saveEntries(ctx.db, round.id, writes(10), new Map(), 1, now);
    const first = await listEntries(ctx.db, round.id);
    expect(first).toHaveLength(units.length);
    const byKey = new Map(first.map((e) => [`${e.unitId}:${e.indicator}`, e]));

    await saveEntries(ctx.db, round.id, writes(20), byKey, 1, now);
    const second = await listEntries(ctx.db, round.id);
    expect(second.every((e) => e.value === 20 && e.version === 2)).toBe(true);

    // `byKey` still holds version 1: as if another user saved in between.
    await expect(saveEntries(ctx.db, round.id, writes(30), byKey, 1, now)).rejects.toBeInstanceOf(
      StaleEntryError,
    );
  });
});

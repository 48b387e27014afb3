/** A small contest with one published round, for tests of what publishing records. */
import { createContest } from '../../src/app/contests.ts';
import type { AppContext } from '../../src/app/context.ts';
import { saveEntries } from '../../src/app/entries.ts';
import { openRound, transitionRound } from '../../src/app/rounds.ts';
import { draftRubric, publishRubric } from '../../src/app/rubrics.ts';
import { createUnit } from '../../src/app/units.ts';

const RUBRIC = `title: 人居环境擂台赛
indicators:
  - { code: A1, name: 人居环境, points: 60, method: manual }
  - { code: A2, name: 集体经济, points: 40, method: relative }
flags:
  red: { top: 1 }
  yellow: { bottom: 1 }
`;

/** Units `<prefix>`, town `<prefix>t`, villages `<prefix>v1..4`; a round of `period` published. */
export async function publishedRound(ctx: AppContext, prefix: string, period = '2026-06') {
  await createUnit(ctx, { code: prefix, name: `${prefix}县`, kind: 'county' });
  await createUnit(ctx, { code: `${prefix}t`, name: `${prefix}镇`, kind: 'town', parent: prefix });
  for (let i = 1; i <= 4; i++) {
    await createUnit(ctx, {
      code: `${prefix}v${i}`,
      name: `${prefix}村${i}`,
      kind: 'village',
      parent: `${prefix}t`,
    });
  }
  const contest = await createContest(ctx, {
    title: `${prefix} 擂台赛`,
    category: '乡村振兴',
    organizer: `${prefix}t`,
    cadence: 'month',
    participants: { under: `${prefix}t`, kinds: ['village'] },
  });
  await draftRubric(ctx, String(contest.id), { yaml: RUBRIC });
  await publishRubric(ctx, String(contest.id), 1);
  const round = await openRound(ctx, String(contest.id), { period });
  const id = String(round.id);
  await transitionRound(ctx, id, 'collecting');
  await saveEntries(
    ctx,
    id,
    [1, 2, 3, 4].flatMap((i) => [
      { unit: `${prefix}v${i}`, indicator: 'A1', value: 40 + i * 3 },
      { unit: `${prefix}v${i}`, indicator: 'A2', value: 100 * i },
    ]),
  );
  for (const to of ['reviewing', 'notice', 'published'] as const) {
    await transitionRound(ctx, id, to);
  }
  return { roundId: round.id, contestId: contest.id };
}

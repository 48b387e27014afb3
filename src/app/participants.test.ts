/**
 * One participant rule for contests and assessments: `{ under, kinds }` selects the active units
 * of those kinds below `under` (unitsByRule); a deactivated unit joins nothing new. The two used
 * to disagree: an assessment by rule took a deactivated town in.
 */
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { CreateAssessment, createAssessment } from './assessments.ts';
import { createContest } from './contests.ts';
import { importDivision } from './import-division.ts';
import { changeUnit } from './units.ts';

const YISHUI = '371323';
const HSP = '371323104'; // 黄山铺镇, deactivated below
const RULE = { under: YISHUI, kinds: ['street', 'town', 'township'] as const };

describeEachDialect('participants by rule', (use) => {
  it('leaves a deactivated town out of a contest and an assessment alike', async () => {
    const { ctx } = use();
    await importDivision(ctx, YISHUI);
    await changeUnit(ctx, HSP, { active: false });
    const contest = await createContest(ctx, {
      title: '擂台赛',
      category: '基层党建',
      organizer: YISHUI,
      cadence: 'month',
      participants: { ...RULE, kinds: [...RULE.kinds] },
    });
    const contestCodes = contest.participants.map((p) => p.code);
    expect(contestCodes).toHaveLength(17);
    expect(contestCodes).not.toContain(HSP);

    const assessment = await createAssessment(
      ctx,
      CreateAssessment.parse({
        title: '综合考核',
        year: 2026,
        organizer: YISHUI,
        participants: RULE,
        components: [
          { contest: contest.id, weight: 1, conversion: { method: 'total' }, aggregate: 'mean' },
        ],
      }),
    );
    const assessed = assessment.participants.map((p) => p.code);
    expect(assessed).toEqual(contestCodes);
    expect(assessed).not.toContain(HSP);
  });

  it('takes a deactivated unit a list names as named (a participant keeps its place on re-grouping)', async () => {
    const { ctx } = use();
    const contest = await createContest(ctx, {
      title: '点名擂台赛',
      category: '基层党建',
      organizer: YISHUI,
      cadence: 'month',
      participants: [HSP, '371323001'],
    });
    expect(contest.participants.map((p) => p.code).sort()).toEqual(['371323001', HSP]);
  });
});

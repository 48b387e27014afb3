/**
 * The demo's 综合绩效考核 (DESIGN §6, §8): the 18 towns and streets over the 龙虎榜 boards and
 * the ten 党建 contests, streets and towns ranked and graded apart, each round's total taken
 * relative to the best of its group (the two streets are not turned into first and last), a
 * 领导评价 and a 群众评议 filled in, one 加分 and one 减分 approved.
 */

import { assessmentParticipants } from '../db/assessment.repository.ts';
import { findUser } from '../db/user.repository.ts';
import {
  createAssessment,
  decideAssessmentAdjustment,
  proposeAdjustment,
  submitRatings,
} from './assessments.ts';
import type { AppContext } from './context.ts';
import { createUser } from './users.ts';

const COUNTY = '371323';
/** 群众评议: five representatives' forms, so the highest and lowest are dropped. */
const PEOPLE = ['qunzhong1', 'qunzhong2', 'qunzhong3', 'qunzhong4', 'qunzhong5'];

/** A steady pseudo-random score per (rater, unit): the same on every run. */
function score(rater: string, unit: string, base: number): number {
  let h = 2166136261;
  for (const c of `${rater}:${unit}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return base + ((h >>> 0) % 15);
}

export async function loadDemoAssessment(
  ctx: AppContext,
  year: number,
  contests: { id: number; title: string }[],
): Promise<number> {
  for (const [i, username] of PEOPLE.entries())
    if (!(await findUser(ctx.db, username)))
      await createUser(ctx, {
        username,
        displayName: `群众代表${'一二三四五'[i]}`,
        unit: COUNTY,
        roles: ['reporter'],
      });
  const boards = contests.filter((c) => c.title.startsWith('龙虎榜'));
  const party = contests.filter((c) => !c.title.startsWith('龙虎榜'));
  // Contests 77.5 % (龙虎榜 47.5, 党建 30), 领导评价 15 %, 群众评议 7.5 %: declared to sum to 1.
  const components = [
    ...boards.map((c) => ({ contest: c.id, weight: 0.475 / boards.length })),
    ...party.map((c) => ({ contest: c.id, weight: 0.3 / party.length })),
  ].map((c) => ({
    ...c,
    conversion: { method: 'relative-to-best' as const, points: 100 },
    aggregate: 'mean' as const,
  }));
  const assessment = await createAssessment(ctx, {
    title: '高质量发展综合绩效考核',
    year,
    organizer: COUNTY,
    participants: { under: COUNTY, kinds: ['street', 'town', 'township'] },
    components,
    ratings: [
      { code: 'LD', name: '领导评价', weight: 0.15, max: 100, raters: [{ user: 'lingdao' }] },
      {
        code: 'QZ',
        name: '群众评议',
        weight: 0.075,
        max: 100,
        raters: PEOPLE.map((user) => ({ user })),
      },
    ],
    adjustments: {
      items: [
        { code: 'B1', name: '获省级以上表彰或肯定', kind: 'bonus', cap: 3 },
        { code: 'D1', name: '被上级通报批评', kind: 'deduction', cap: 5 },
        { code: 'V1', name: '发生重大安全生产事故或重大信访事件', kind: 'veto' },
      ],
      bonusCap: 5,
      deductionCap: 10,
    },
    classes: [
      {
        code: 'street',
        name: '街道',
        kinds: ['street'],
        // Two streets: one 优秀, the other 良好 — never 较差 for being second of two.
        grades: { top: [{ name: '优秀', percent: 50 }], bottom: [], otherwise: '良好' },
      },
      {
        code: 'town',
        name: '乡镇',
        kinds: ['town', 'township'],
        grades: {
          top: [
            { name: '优秀', percent: 20 },
            { name: '良好', percent: 40 },
          ],
          bottom: [{ name: '较差', percent: 10 }],
          otherwise: '一般',
        },
      },
    ],
    weightTotal: 1,
    flagPoints: { red: 0.5, yellow: -0.5 },
    grades: {
      top: [
        { name: '优秀', percent: 20 },
        { name: '良好', percent: 40 },
      ],
      bottom: [{ name: '较差', percent: 10 }],
      otherwise: '一般',
    },
    precision: 2,
  });
  const id = String(assessment.id);
  const units = await assessmentParticipants(ctx.db, assessment.id);
  const streets = units.filter((u) => u.kind === 'street');
  const towns = units.filter((u) => u.kind !== 'street');
  for (const [cls, members] of [
    ['street', streets],
    ['town', towns],
  ] as const) {
    await submitRatings(ctx, id, {
      component: 'LD',
      class: cls,
      rater: 'lingdao',
      ratings: members.map((u) => ({ unit: u.code, score: score('lingdao', u.code, 82) })),
    });
    for (const rater of PEOPLE)
      await submitRatings(ctx, id, {
        component: 'QZ',
        class: cls,
        rater,
        ratings: members.map((u) => ({ unit: u.code, score: score(rater, u.code, 80) })),
      });
  }
  const bonus = await proposeAdjustment(ctx, id, {
    unit: '371323104',
    item: 'B1',
    points: 1.5,
    reason: '黄山铺镇获评全省乡村振兴示范镇（鲁农组发〔2026〕8号）',
  });
  await decideAssessmentAdjustment(ctx, id, String(bonus.id), {
    decision: 'approved',
    reason: '表彰文件属实',
  });
  const deduction = await proposeAdjustment(ctx, id, {
    unit: '371323109',
    item: 'D1',
    points: 1,
    reason: '杨庄镇因秸秆禁烧工作不力被市政府通报批评',
  });
  await decideAssessmentAdjustment(ctx, id, String(deduction.id), {
    decision: 'approved',
    reason: '通报文件属实',
  });
  return assessment.id;
}

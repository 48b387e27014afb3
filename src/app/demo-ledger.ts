/**
 * The demo county's project ledger (DESIGN §6): 118 重点项目, 13 关键项目, 85 重点企业, 50 城建重点工程
 * and 20 重点工作 over Yishui's towns and departments, each under a task force led by a county post
 * (no person's name), with a year of history counted back from the clock: monthly plans and
 * completions, milestones, a service log, problems open and closed, and month-end lights.
 */

import { loadConfig } from '../config.ts';
import { addMonths, type ProjectKind } from '../core/ledger.ts';
import {
  findProjectByCode,
  insertInvestments,
  insertLog,
  insertMilestone,
  insertProblem,
  insertProblemStep,
  insertProject,
  insertTaskforce,
  moveProblem,
} from '../db/ledger.repository.ts';
import { findUnit, listChildren } from '../db/unit.repository.ts';
import { type AppContext, audit } from './context.ts';
import { refreshAllLights, snapshotLights } from './ledger-lights.ts';
import { ledgerSettings } from './policies/ledger.ts';

export const DEMO_LEDGER_COUNTS: Record<ProjectKind, number> = {
  key_project: 118,
  critical_project: 13,
  key_enterprise: 85,
  urban_work: 50,
  key_task: 20,
};

const PREFIX: Record<ProjectKind, string> = {
  key_project: 'ZD',
  critical_project: 'GJ',
  key_enterprise: 'QY',
  urban_work: 'CJ',
  key_task: 'GZ',
};

/** 挂点领导 by post; the demo names posts, never people. */
const POSTS = [
  '县委书记',
  '县长',
  '县委副书记',
  '常务副县长',
  '县委常委、组织部部长',
  '县委常委、宣传部部长',
  '县委常委、政法委书记',
  '副县长（分管工业）',
  '副县长（分管城建）',
  '副县长（分管农业）',
  '副县长（分管商务）',
  '副县长（分管文旅）',
];

const INDUSTRIES = [
  '新材料',
  '食品加工',
  '高端装备',
  '医药健康',
  '电子信息',
  '现代农业',
  '文化旅游',
  '商贸物流',
];
const PRODUCTS = [
  '年产5万吨',
  '年产10万套',
  '年产3000吨',
  '智能化生产线',
  '产业园一期',
  '产业园二期',
  '技术改造',
  '扩建',
];
const URBAN = [
  '城区道路提升工程',
  '老旧小区改造',
  '雨污分流改造',
  '城市公园建设',
  '供热管网改造',
  '背街小巷整治',
];
const TASKS = [
  '优化营商环境攻坚行动',
  '招商引资“双招双引”',
  '规上工业企业培育',
  '农村人居环境整治提升',
  '安全生产专项整治',
  '国家卫生城市巩固',
  '全国文明城市创建',
  '乡村振兴示范片区建设',
  '重点项目要素保障',
  '县域商业体系建设',
];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (month: string, d: number) =>
  `${month}-${String(Math.min(28, Math.max(1, d))).padStart(2, '0')}`;

export interface DemoLedgerSummary {
  projects: number;
  problems: number;
  taskforces: number;
}

/** Loads the ledger once (a second run adds nothing). */
export async function loadDemoLedger(ctx: AppContext): Promise<DemoLedgerSummary> {
  if (await findProjectByCode(ctx.db, 'ZD-001')) return { projects: 0, problems: 0, taskforces: 0 };
  const county = await findUnit(ctx.db, '371323');
  if (!county) return { projects: 0, problems: 0, taskforces: 0 };
  const children = (await listChildren(ctx.db, county.id, { limit: 500, offset: 0 })).items;
  const towns = children.filter(
    (u) => u.kind === 'town' || u.kind === 'street' || u.kind === 'township',
  );
  const departments = children.filter((u) => u.kind === 'department');
  const rnd = random(20260101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const now = ctx.clock.now().toISOString();
  const today = now.slice(0, 10);
  const thisMonth = today.slice(0, 7);
  const first = addMonths(thisMonth, 11); // a year of history, counted back from today
  const lastDec = `${thisMonth.slice(0, 4)}-12`;

  const taskforces = [];
  for (const [i, post] of POSTS.entries()) {
    const dept = departments[i % Math.max(1, departments.length)];
    taskforces.push(
      await insertTaskforce(
        ctx.db,
        {
          name: `${post}挂点${['重点项目', '工业项目', '城建工程', '重点工作'][i % 4]}专班`,
          leaderPost: post,
          head: dept ? `${dept.name}主要负责同志` : '县发展和改革局主要负责同志',
          departmentUnitId: dept?.id ?? null,
          members: ['县发展和改革局', '县自然资源和规划局', '县住房和城乡建设局'].slice(
            0,
            1 + (i % 3),
          ),
        },
        now,
      ),
    );
  }

  let problems = 0;
  let projects = 0;
  const investments: {
    projectId: number;
    month: string;
    planned: number | null;
    completed: number | null;
  }[] = [];
  for (const kind of Object.keys(DEMO_LEDGER_COUNTS) as ProjectKind[]) {
    for (let n = 1; n <= DEMO_LEDGER_COUNTS[kind]; n++) {
      const unit =
        kind === 'key_task' || (kind === 'urban_work' && n % 3 === 0)
          ? pick(departments)
          : pick(towns);
      const industry = pick(INDUSTRIES);
      const name =
        kind === 'urban_work'
          ? `${pick(URBAN)}（${unit.name}片区第${n}标段）`
          : kind === 'key_task'
            ? `${TASKS[(n - 1) % TASKS.length]}${n > TASKS.length ? '（二期）' : ''}`
            : kind === 'key_enterprise'
              ? `${unit.name}${industry}骨干企业（示例${n}号）`
              : `${unit.name}${pick(PRODUCTS)}${industry}项目`;
      const total =
        kind === 'key_task'
          ? 0
          : Math.round((kind === 'critical_project' ? 50_000 : 5_000) * (0.4 + rnd() * 2));
      // 10% fall far behind (red), 15% somewhat (yellow), the rest keep pace.
      const profile = rnd();
      const pace =
        profile < 0.1
          ? 0.35 + rnd() * 0.2
          : profile < 0.25
            ? 0.72 + rnd() * 0.1
            : 0.97 + rnd() * 0.15;
      const state = n % 23 === 0 ? 'completed' : n % 17 === 0 ? 'reserve' : 'active';
      // The public site shows the critical projects with their investment, and the key projects
      // under way without it (the organizer's choice, project by project).
      const published =
        kind === 'critical_project' || (kind === 'key_project' && state === 'active');
      const project = await insertProject(
        ctx.db,
        {
          code: `${PREFIX[kind]}-${String(n).padStart(3, '0')}`,
          name,
          kind,
          state,
          unitId: unit.id,
          owner: kind === 'key_task' ? unit.name : `沂水县${industry}示例投资有限公司`,
          location: unit.name,
          industry: kind === 'key_task' ? '综合' : industry,
          description: null,
          totalInvestment: total,
          startYear: Number(first.slice(0, 4)),
          taskforceId: pick(taskforces).id,
          supplementReason: n % 29 === 0 ? '年中增补：新签约落地项目' : null,
          published,
          publishInvestment: kind === 'critical_project',
        },
        now,
      );
      projects += 1;
      if (total > 0) {
        const monthly = Math.round((total / 24) * 10) / 10;
        for (let m = first; m <= lastDec; m = addMonths(m, -1)) {
          const past = m < thisMonth;
          investments.push({
            projectId: project.id,
            month: m,
            planned: monthly,
            completed: past ? Math.round(monthly * pace * (0.85 + rnd() * 0.3) * 10) / 10 : null,
          });
        }
      }
      // 开工 a few months into the year; 5% of the late ones not started at all.
      const startMonth = addMonths(first, -Math.floor(rnd() * 6));
      const planned = day(startMonth, 5 + Math.floor(rnd() * 20));
      const never = profile < 0.05;
      const actual = never ? null : day(startMonth, 5 + Math.floor(rnd() * 24));
      await insertMilestone(
        ctx.db,
        { projectId: project.id, kind: 'start', name: '开工', planned, actual },
        now,
      );
      await insertMilestone(
        ctx.db,
        {
          projectId: project.id,
          kind: 'finished',
          name: '竣工',
          planned: day(addMonths(lastDec, -6), 20),
          actual: null,
        },
        now,
      );
      for (let k = 0; k < 2; k++) {
        const month = addMonths(thisMonth, 1 + Math.floor(rnd() * 10));
        await insertLog(
          ctx.db,
          {
            projectId: project.id,
            date: day(month, 3 + Math.floor(rnd() * 24)),
            who: k === 0 ? '专班工作人员' : '县发展和改革局项目科',
            kind: (['daily', 'onsite', 'review'] as const)[Math.floor(rnd() * 3)]!,
            text:
              k === 0
                ? '现场查看施工进度，协调解决用工、用地问题'
                : '参加月度项目调度会，研判投资进度',
            photos: [],
            by: null,
          },
          now,
        );
      }
      // Problems: a quarter of the projects have one; some closed on time, some late, some still open.
      if (rnd() < 0.25 || profile < 0.1) {
        const raisedMonth = addMonths(thisMonth, 1 + Math.floor(rnd() * 5));
        const raised = day(raisedMonth, 2 + Math.floor(rnd() * 10));
        const deadline = day(addMonths(raisedMonth, -1), 15);
        const problem = await insertProblem(
          ctx.db,
          {
            projectId: project.id,
            title: pick([
              '用地指标尚未落实',
              '用电增容审批慢',
              '施工许可手续办理滞后',
              '融资缺口较大',
              '环评批复未下达',
            ]),
            detail: null,
            ownerUnitId: pick(departments).id,
            deadline,
            raisedOn: raised,
            by: null,
          },
          now,
        );
        problems += 1;
        const fate = rnd();
        const steps: [
          string,
          string,
          Partial<{ state: string; closed_on: string; reply: string }>,
        ][] = [
          ['raise', 'raised', {}],
          ['assign', 'raised', { state: 'assigned' }],
        ];
        if (deadline < today && fate < 0.5) {
          const closedOn = fate < 0.3 ? deadline : day(addMonths(deadline.slice(0, 7), -1), 10);
          if (closedOn <= today) {
            steps.push(['reply', 'assigned', { state: 'replied', reply: '已协调办结' }]);
            steps.push(['confirm', 'replied', { state: 'confirmed' }]);
            steps.push(['close', 'confirmed', { state: 'closed', closed_on: closedOn }]);
          }
        } else if (deadline < today) {
          steps.push(['remind', 'assigned', { state: 'reminded' }]);
          if (fate > 0.8) steps.push(['escalate', 'reminded', { state: 'escalated' }]);
        }
        for (const [action, from, changes] of steps) {
          if (action !== 'raise') await moveProblem(ctx.db, problem.id, from, changes, now);
          await insertProblemStep(
            ctx.db,
            { problemId: problem.id, action, note: null, actorName: '县发展和改革局' },
            now,
          );
        }
      }
    }
  }
  await insertInvestments(ctx.db, investments, now);
  await audit(ctx, {
    action: 'ledger.demo',
    entityType: 'ledger',
    entityId: 'demo',
    unitId: county.id,
    after: { projects, problems, taskforces: taskforces.length },
  });
  // Month-end lights for the year's months, then today's.
  const lctx = { ...ctx, ledger: ledgerSettings(loadConfig({})) };
  for (let m = first; m < thisMonth; m = addMonths(m, -1)) await snapshotLights(lctx, { month: m });
  await refreshAllLights(lctx);
  return { projects, problems, taskforces: taskforces.length };
}

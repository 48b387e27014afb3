/**
 * The contests of DESIGN §6 for the demo county, with generated months of data: the ten
 * 基层党建擂台赛 among the 18 towns and streets, the 龙虎榜's 22 boards in six categories, and
 * 黄山铺镇's 乡村振兴擂台赛 among its villages. Values are drawn from a seeded generator, so every
 * run of `leitai demo` builds the same county.
 */
import { stringify } from 'yaml';
import type { Method } from '../core/rubric.ts';
import type { UnitKind } from '../core/units.ts';
import { listContests } from '../db/contest.repository.ts';
import { findUnit } from '../db/unit.repository.ts';
import { decide, fileAppeal } from './appeals.ts';
import { createContest } from './contests.ts';
import type { AppContext } from './context.ts';
import { correctRound } from './corrections.ts';
import { loadDemoAssessment } from './demo-assessment.ts';
import { type DemoCalendar, demoCalendar } from './demo-calendar.ts';
import { saveEntries } from './entries.ts';
import { recordVerification } from './evidence.ts';
import { instantiateTemplate } from './linkage.ts';
import { createPractice, setPracticePublished } from './practices.ts';
import { getResults, openRound, transitionRound } from './rounds.ts';
import { draftRubric, publishRubric } from './rubrics.ts';

type IndicatorSpec =
  | {
      code: string;
      name: string;
      points: number;
      method: Method;
      better?: 'lower';
      target?: number;
      step?: number;
      floor?: number;
      bands?: [number, number][];
      unit?: 'ratio';
      /** Filled from the project ledger or party-member points when the round opens (DESIGN §9, §10). */
      source?: string;
    }
  | { code: string; name: string; kind: 'bonus' | 'deduction'; per: number; cap?: number }
  | { code: string; name: string; kind: 'veto' };

interface ContestSpec {
  title: string;
  category: string;
  organizer: string;
  participants: { under: string; kinds: UnitKind[] };
  groups?: 'kind';
  /** Lead office of the indicators scored by hand, deductions and vetoes. */
  lead: string;
  indicators: IndicatorSpec[];
  flags: { red: Record<string, number>; yellow: Record<string, number>; minGroup?: number };
  tieBreak?: string[];
  /** A county template run by this town with weekly, monthly and quarterly rounds. */
  template?: { town: string };
}

const COUNTY = '371323';
const TOWNS = { under: COUNTY, kinds: ['street', 'town', 'township'] as UnitKind[] };
const DEPARTMENTS = { under: COUNTY, kinds: ['department'] as UnitKind[] };
const ORG_DEPT = '371323-D01';
const ASSESSMENT_OFFICE = '371323-D02';

const safetyVeto: IndicatorSpec = { code: 'V1', name: '发生重大安全事故或负面舆情', kind: 'veto' };

/** 基层党建工作重点任务十项擂台赛 (县委组织部, scored by its offices). */
const PARTY_BUILDING: ContestSpec[] = [
  [
    '组织建设',
    [
      { code: 'A1', name: '党支部标准化规范化建设', points: 30, method: 'manual' },
      {
        code: 'A2',
        name: '“三会一课”落实率',
        points: 30,
        method: 'bands',
        bands: [
          [0.98, 30],
          [0.95, 25],
          [0.9, 18],
          [0.8, 10],
        ],
      },
      { code: 'A3', name: '软弱涣散村整顿转化数', points: 40, method: 'relative' },
    ],
  ],
  [
    '村级集体经济',
    [
      {
        code: 'A1',
        name: '集体经济收入超10万元村占比',
        points: 40,
        method: 'target',
        target: 0.8,
        unit: 'ratio',
      },
      { code: 'A2', name: '党支部领办合作社数', points: 30, method: 'relative' },
      { code: 'A3', name: '村级增收“8+1”工作法推广', points: 30, method: 'manual' },
    ],
  ],
  [
    '后备干部队伍建设',
    [
      { code: 'A1', name: '村级后备干部人数', points: 50, method: 'relative' },
      { code: 'A2', name: '后备干部35岁以下占比', points: 30, method: 'range' },
      { code: 'A3', name: '培养跟踪管理', points: 20, method: 'manual' },
    ],
  ],
  [
    '发展党员质量',
    [
      { code: 'A1', name: '发展党员计划完成率', points: 40, method: 'target', target: 1 },
      { code: 'A2', name: '发展党员质量评价', points: 30, method: 'rank', step: 2, floor: 10 },
      { code: 'A3', name: '发展党员违规问题', points: 30, method: 'relative', better: 'lower' },
    ],
  ],
  [
    '党员教育管理',
    [
      {
        code: 'A1',
        name: '党员教育培训覆盖率',
        points: 40,
        method: 'bands',
        bands: [
          [0.95, 40],
          [0.9, 32],
          [0.8, 20],
        ],
      },
      { code: 'A2', name: '党员积分管理落实', points: 30, method: 'manual' },
      { code: 'A3', name: '流动党员管理', points: 30, method: 'range' },
    ],
  ],
  [
    '村级活动场所提升',
    [
      { code: 'A1', name: '活动场所升级改造数', points: 50, method: 'relative' },
      { code: 'A2', name: '场所使用效能', points: 50, method: 'manual' },
    ],
  ],
  [
    '党建引领基层治理',
    [
      { code: 'A1', name: '网格化治理覆盖率', points: 40, method: 'target', target: 1 },
      { code: 'A2', name: '矛盾纠纷就地化解率', points: 40, method: 'range' },
      { code: 'A3', name: '信访件数', points: 20, method: 'relative', better: 'lower' },
    ],
  ],
  [
    '乡村人才振兴',
    [
      { code: 'A1', name: '农民创客回引人数', points: 40, method: 'relative' },
      { code: 'A2', name: '创客致富带头人培育', points: 30, method: 'relative' },
      { code: 'A3', name: '农村基层党校作用发挥', points: 30, method: 'manual' },
    ],
  ],
  [
    '党建品牌创建',
    [
      { code: 'A1', name: '党建品牌培育', points: 60, method: 'manual' },
      { code: 'A2', name: '经验做法获上级推广', points: 40, method: 'relative' },
    ],
  ],
  [
    '基层党建述职评议',
    [
      { code: 'A1', name: '述职评议得分', points: 70, method: 'manual' },
      { code: 'A2', name: '群众满意度', points: 30, method: 'range' },
    ],
  ],
].map(([name, indicators]) => ({
  title: `基层党建重点任务擂台赛·${name}`,
  category: '基层党建',
  organizer: COUNTY,
  participants: TOWNS,
  lead: ORG_DEPT,
  indicators: [
    ...(indicators as IndicatorSpec[]),
    { code: 'B1', name: '创新工作获上级肯定', kind: 'bonus', per: 1, cap: 5 },
    { code: 'C1', name: '督查发现问题', kind: 'deduction', per: 2, cap: 10 },
  ],
  flags: { red: { top: 1 }, yellow: { bottom: 1, below: 70 } },
}));

/** The 龙虎榜: six categories, 22 boards, monthly (each indicator's lead office scores it). */
const BOARDS: [string, string, typeof TOWNS, string, string[]][] = [
  ['七项战略行动', '招商引资', TOWNS, '371323-D11', ['新签约项目数', '到位资金']],
  ['七项战略行动', '项目建设', TOWNS, '371323-D05', ['新开工项目数', '项目投资完成率']],
  ['七项战略行动', '科技创新', TOWNS, '371323-D06', ['高新技术企业培育数', '研发投入增长率']],
  ['七项战略行动', '乡村振兴', TOWNS, '371323-D08', ['农业产业化项目数', '农村居民收入增长率']],
  ['重点工业项目', '工业项目开工', TOWNS, '371323-D06', ['开工项目数', '开工率']],
  ['重点工业项目', '工业投资', TOWNS, '371323-D06', ['工业投资额', '投资完成率']],
  ['重点工业项目', '技术改造', TOWNS, '371323-D06', ['技改项目数', '技改投资额']],
  [
    '重点工业项目',
    '规上工业企业培育',
    TOWNS,
    '371323-D06',
    ['新增规上企业数', '规上工业增加值增长率'],
  ],
  ['两城同建', '文明城市创建', TOWNS, '371323-D03', ['测评问题整改率', '志愿服务时长']],
  ['两城同建', '卫生城市巩固', TOWNS, '371323-D14', ['卫生死角整治数', '督查问题整改率']],
  ['两城同建', '城市更新', TOWNS, '371323-D07', ['老旧小区改造数', '背街小巷整治数']],
  ['保障类', '安全生产', TOWNS, '371323-D13', ['隐患排查整改率', '安全培训覆盖率']],
  ['保障类', '信访稳定', TOWNS, '371323-D16', ['信访案件化解率', '初信初访办结率']],
  ['保障类', '生态环境保护', TOWNS, '371323-D10', ['空气质量改善率', '环境问题整改率']],
  ['保障类', '财税收入', TOWNS, '371323-D09', ['一般公共预算收入', '税收占比']],
  ['社会工作', '民生实事', DEPARTMENTS, ASSESSMENT_OFFICE, ['民生实事完成率', '群众满意度']],
  ['社会工作', '营商环境', DEPARTMENTS, ASSESSMENT_OFFICE, ['政务服务好评率', '企业诉求办结率']],
  ['社会工作', '社会治理', DEPARTMENTS, '371323-D04', ['重点工作落实率', '群众安全感']],
  [
    '建设秀美新沂水',
    '人居环境整治',
    TOWNS,
    '371323-D08',
    ['村庄清洁行动达标率', '农村厕所问题整改率'],
  ],
  ['建设秀美新沂水', '美丽乡村建设', TOWNS, '371323-D08', ['美丽乡村示范村数', '道路硬化完成率']],
  ['建设秀美新沂水', '河湖长制', TOWNS, '371323-D10', ['河湖巡查完成率', '问题整改率']],
  ['建设秀美新沂水', '森林防火', TOWNS, '371323-D10', ['防火巡查到位率', '火情发生次数']],
];

/** The 重点工业项目 boards' indicators that the project ledger fills (DESIGN §9). */
const LEDGER_SOURCES: Record<string, string> = {
  开工率: 'ledger.started_on_time',
  投资完成率: 'ledger.investment_rate',
};

const LONGHUBANG: ContestSpec[] = BOARDS.map(
  ([category, name, participants, lead, [first, second]]) => ({
    title: `龙虎榜·${name}`,
    category,
    organizer: COUNTY,
    participants,
    ...(participants === TOWNS ? { groups: 'kind' as const } : {}),
    lead,
    indicators: [
      { code: 'A1', name: first!, points: 40, method: 'relative' },
      {
        code: 'A2',
        name: second!,
        points: 40,
        method: 'range',
        ...(second!.includes('次数') ? { better: 'lower' as const } : {}),
        ...(LEDGER_SOURCES[second!] ? { source: LEDGER_SOURCES[second!] } : {}),
      },
      { code: 'A3', name: '牵头部门综合评价', points: 20, method: 'manual' },
      { code: 'C1', name: '工作被通报批评', kind: 'deduction', per: 5, cap: 20 },
      ...(category === '保障类' ? [safetyVeto] : []),
    ],
    tieBreak: ['A3'],
    // The two streets form a group of two: no flags there, so neither collects one every month.
    flags: { minGroup: 3, red: { topPercent: 20 }, yellow: { bottomPercent: 10 } },
  }),
);

/** 黄山铺镇乡村振兴擂台赛 among its villages: 组织建设先锋, 党员干部先锋, 乡村人才先锋. */
const HSP = '371323104';
const environment: IndicatorSpec = {
  code: 'E1',
  name: '人居环境整治',
  points: 30,
  method: 'manual',
};
const VILLAGE_CONTESTS: ContestSpec[] = [
  [
    '组织建设先锋',
    [
      { code: 'A1', name: '党支部标准化建设', points: 40, method: 'manual' },
      { code: 'A2', name: '村集体经济收入（万元）', points: 30, method: 'relative' },
    ],
  ],
  [
    '党员干部先锋',
    [
      // Filled from the villages' party-member points when a round opens (ledger-feed.ts).
      {
        code: 'A1',
        name: '党员积分平均分',
        points: 40,
        method: 'relative',
        source: 'points.member_average',
      },
      { code: 'A2', name: '后备干部人数', points: 30, method: 'relative' },
    ],
  ],
  [
    '乡村人才先锋',
    [
      { code: 'A1', name: '农村创客人数', points: 40, method: 'relative' },
      {
        code: 'A2',
        name: '星级文明户占比',
        points: 30,
        method: 'bands',
        // The share of the village's households with a filed star rating for the period's year.
        source: 'points.star_household_share',
        bands: [
          [0.3, 30],
          [0.2, 22],
          [0.1, 12],
        ],
      },
    ],
  ],
].map(([name, indicators]) => ({
  // The county's template (三级联动); 黄山铺镇 runs it among its villages as organizer.
  title: `乡村振兴擂台赛·${name}`,
  category: '乡村振兴',
  organizer: COUNTY,
  participants: { under: COUNTY, kinds: ['village', 'community'] as UnitKind[] },
  lead: COUNTY,
  template: { town: HSP },
  indicators: [...(indicators as IndicatorSpec[]), environment],
  flags: { red: { top: 3 }, yellow: { bottom: 2 } },
}));

export const DEMO_CONTESTS: readonly ContestSpec[] = [
  ...PARTY_BUILDING,
  ...LONGHUBANG,
  ...VILLAGE_CONTESTS,
];

/** mulberry32: small, fast and seeded, so the demo is the same on every run. */
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

function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The Tuesday of an ISO week (2026-W46 → 2026-11-10): the day its field check is dated. */
function weekTuesday(week: string): string {
  const year = Number(week.slice(0, 4));
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86_400_000;
  const tuesday = monday1 + ((Number(week.slice(6)) - 1) * 7 + 1) * 86_400_000;
  return new Date(tuesday).toISOString().slice(0, 10);
}

/** A unit's value for an indicator: its lasting strength (0..1) plus this month's luck. */
function valueFor(spec: IndicatorSpec, strength: number, rnd: () => number): number | null {
  const s = Math.min(1, Math.max(0, strength + (rnd() - 0.5) * 0.35));
  if ('kind' in spec) {
    if (spec.kind === 'veto') return rnd() < 0.004 ? 1 : 0;
    if (spec.kind === 'bonus') return rnd() < 0.25 ? Math.ceil(rnd() * 3) : 0;
    return rnd() < 0.2 ? 1 + Math.floor(rnd() * 2) : 0;
  }
  const good = spec.better === 'lower' ? 1 - s : s;
  switch (spec.method) {
    case 'manual':
      return round2(spec.points * (0.55 + 0.45 * s));
    case 'target':
      return round2((spec.target ?? 1) * (0.5 + 0.6 * s));
    case 'bands':
      return round2(0.72 + 0.28 * s);
    case 'range':
      return round2(60 + 40 * good);
    case 'relative':
      return spec.better === 'lower' ? Math.round(6 * (1 - s)) : Math.round(2 + 20 * s);
    default:
      return round2(100 * good);
  }
}

function rubricYaml(spec: ContestSpec): string {
  return stringify({
    title: spec.title,
    precision: 2,
    ranking: 'competition',
    ...(spec.tieBreak ? { tieBreak: spec.tieBreak } : {}),
    indicators: [...spec.indicators],
    flags: spec.flags,
  });
}

export interface DemoContestsSummary {
  contests: number;
  rounds: number;
  entries: number;
  assessments: number;
}

type Summary = DemoContestsSummary;
type Participant = { code: string; name: string };

/**
 * Runs one round: opens it, enters generated values, has the lead office check one entry, goes
 * through review and notice (with an appeal in the first contests), and publishes it — or leaves
 * it collecting, half filled in, when it is the current period.
 */
async function runRound(
  ctx: AppContext,
  spec: ContestSpec,
  contestId: string,
  participants: Participant[],
  period: string,
  current: boolean,
  summary: Summary,
  cal: DemoCalendar,
): Promise<void> {
  const round = await openRound(ctx, contestId, {
    period,
    deadline: period.includes('W') ? undefined : current ? cal.currentDeadline : `${period}-28`,
  });
  const roundId = String(round.id);
  await transitionRound(ctx, roundId, 'collecting');
  summary.rounds += 1;
  const rnd = random(hash(`${spec.title}:${contestId}:${period}`));
  const strength = (code: string) => random(hash(`${spec.title}:${code}`))();
  const items = participants.flatMap((p) =>
    spec.indicators
      // The current period is half filled in: the towns' own values so far, nothing scored yet.
      .filter(() => !current || rnd() < 0.5)
      .filter((i) => !current || ('method' in i && i.method !== 'manual'))
      .filter((i) => !('source' in i && i.source)) // filled from the ledger
      .map((i) => ({ unit: p.code, indicator: i.code, value: valueFor(i, strength(p.code), rnd) })),
  );
  if (items.length) await saveEntries(ctx, roundId, items);
  summary.entries += items.length;
  if (current) return;
  const manual = spec.indicators.find((i) => 'method' in i && i.method === 'manual');
  if (manual) {
    await recordVerification(ctx, roundId, {
      unit: participants[0]!.code,
      indicator: manual.code,
      kind: summary.rounds % 2 === 0 ? 'field_check' : 'daily',
      date: period.includes('W') ? weekTuesday(period) : `${period}-20`,
      finding:
        summary.rounds % 2 === 0
          ? '“四不两直”实地查看，台账与现场一致'
          : '日常考核：资料齐全，按时报送',
    });
  }
  await transitionRound(ctx, roundId, 'reviewing');
  await transitionRound(ctx, roundId, 'notice');
  // One appeal a month in the first contests: upheld in September, rejected otherwise.
  if (manual && 'points' in manual && summary.contests <= 2 && !period.includes('W')) {
    const unit = participants[1]!;
    const appeal = await fileAppeal(ctx, roundId, {
      unit: unit.code,
      indicator: manual.code,
      reason: `${unit.name}对「${manual.name}」评分有异议，已补充佐证材料，申请复核`,
    });
    const upheld = period === cal.months[2];
    await decide(ctx, String(appeal.id), {
      decision: upheld ? 'upheld' : 'rejected',
      ...(upheld ? { value: manual.points * 0.95 } : {}),
      reason: upheld ? '经复核，补充材料属实，予以调整' : '经复核，原评分依据充分，维持原评分',
    });
  }
  await transitionRound(ctx, roundId, 'published');
  if (period === cal.months[3] && PRACTICES[spec.title])
    await showcase(ctx, contestId, roundId, PRACTICES[spec.title]!);
  if (period === cal.months[1] && summary.contests === 1 && manual && 'points' in manual) {
    await correctRound(ctx, roundId, {
      reason: '县委组织部复核发现一处录入错误，予以更正',
      entries: [
        { unit: participants[2]!.code, indicator: manual.code, value: manual.points * 0.9 },
      ],
    });
  }
}

/** Good practices (经验做法) shown with October's rounds, written up for the round's leader. */
const PRACTICES: Record<
  string,
  { title: string; summary: string; html: (unit: string) => string }
> = {
  基层党建重点任务擂台赛·组织建设: {
    title: '“三会一课”提质增效，党支部标准化建设全域提升',
    summary: '以标准化规范化建设为抓手，推动村级党组织全面进步、全面过硬。',
    html: (unit) =>
      `<h3>${unit}：党支部标准化建设全域提升</h3><p>${unit}对照标准化规范化建设清单，逐村建立问题台账，实行<strong>“周调度、月通报、季评比”</strong>，推动村级党组织全面进步、全面过硬。</p><ul><li>“三会一课”落实率达到100%，主题党日活动做到有计划、有记录、有影像。</li><li>软弱涣散村整顿转化全部完成，选派第一书记驻村帮扶。</li><li>村级活动场所升级改造，做到有牌子、有阵地、有制度、有活动。</li></ul>`,
  },
  乡村振兴擂台赛·组织建设先锋: {
    title: '清源河畔的“先锋擂台”',
    summary: '以组织建设先锋比拼提升党支部标准化水平，村级活动场所全面升级。',
    html: (unit) =>
      `<h3>${unit}：清源河畔的“先锋擂台”</h3><p>纵贯黄山铺镇的清源河流经12个村居，是美丽乡村擂台的主战场。${unit}通过“组织建设先锋”比拼，提升党支部标准化水平，深化党支部领办合作社模式，推广村级增收<strong>“8+1”工作法</strong>。</p><p>把农村人居环境整治列入党员积分量化考核，与星级文明户、好媳妇、好婆婆评选相结合，激发村民清洁家园的主动性。</p>`,
  },
};

/** Writes up and publishes the practice of the round's first-placed unit. */
async function showcase(
  ctx: AppContext,
  contestId: string,
  roundId: string,
  practice: { title: string; summary: string; html: (unit: string) => string },
) {
  const leader = (await getResults(ctx, roundId)).items.find((r) => r.rank === 1)!;
  const written = await createPractice(ctx, {
    contest: Number(contestId),
    round: Number(roundId),
    unit: leader.code,
    title: practice.title,
    summary: practice.summary,
    bodyHtml: practice.html(leader.name),
  });
  await setPracticePublished(ctx, String(written.id), true);
}

/** 黄山铺镇 runs a county template: its months, weekly bulletins, and the quarter derived from its months. */
async function runTemplate(
  ctx: AppContext,
  spec: ContestSpec,
  templateId: number,
  summary: Summary,
  cal: DemoCalendar,
) {
  const town = spec.template!.town;
  const instance = await instantiateTemplate(ctx, String(templateId), { organizer: town });
  const id = String(instance.id);
  summary.contests += 1;
  // A quarter ending five months back needs its first month too (see demoCalendar).
  for (const period of [...cal.quarterExtraMonths, ...cal.months])
    await runRound(ctx, spec, id, instance.participants, period, false, summary, cal);
  for (const week of cal.weeks)
    await runRound(ctx, spec, id, instance.participants, week, false, summary, cal);
  await runRound(ctx, spec, id, instance.participants, cal.current, true, summary, cal);
  // 季评比: the last quarter from its three months, not entered again.
  const quarter = await openRound(ctx, id, { period: cal.quarter, derive: 'mean' });
  for (const to of ['collecting', 'reviewing', 'notice', 'published'] as const) {
    await transitionRound(ctx, String(quarter.id), to);
  }
  summary.rounds += 1;
}

/** The year's 综合绩效考核 of the 18 towns and streets over the 龙虎榜 boards and the ten 擂台赛. */
async function assessTowns(
  ctx: AppContext,
  contests: { id: number; title: string; townBoard: boolean }[],
  year: number,
) {
  await loadDemoAssessment(
    ctx,
    year,
    contests.filter((c) => c.townBoard),
  );
}

/**
 * Creates the demo contests with published months and the current month collecting, 黄山铺镇's
 * village contests from the county's templates, and the year's assessment. A contest already there
 * (same title and organizer) is left alone, so re-running adds nothing.
 */
export async function loadDemoContests(ctx: AppContext): Promise<DemoContestsSummary> {
  const summary: Summary = { contests: 0, rounds: 0, entries: 0, assessments: 0 };
  const cal = demoCalendar(ctx.clock.now());
  const existing = new Set(
    (await listContests(ctx.db, { limit: 10_000, offset: 0 })).items.map(
      (c) => `${c.organizerUnitId}:${c.title}`,
    ),
  );
  const made: { id: number; title: string; townBoard: boolean }[] = [];
  for (const spec of DEMO_CONTESTS) {
    const organizer = await findUnit(ctx.db, spec.organizer);
    if (!organizer || existing.has(`${organizer.id}:${spec.title}`)) continue;
    const byLead = spec.indicators.filter((i) => !('method' in i) || i.method === 'manual');
    const contest = await createContest(ctx, {
      title: spec.title,
      category: spec.category,
      organizer: spec.organizer,
      cadence: 'month',
      participants: spec.participants,
      ...(spec.template ? { isTemplate: true, extraCadences: ['week', 'quarter'] as const } : {}),
      ...(spec.groups ? { groups: spec.groups } : {}),
      ...(spec.lead !== spec.organizer
        ? { evaluators: Object.fromEntries(byLead.map((i) => [i.code, spec.lead])) }
        : {}),
    });
    const id = String(contest.id);
    await draftRubric(ctx, id, { yaml: rubricYaml(spec) });
    await publishRubric(ctx, id, 1);
    if (spec.template) {
      await runTemplate(ctx, spec, contest.id, summary, cal);
      continue;
    }
    summary.contests += 1;
    made.push({ id: contest.id, title: spec.title, townBoard: spec.participants === TOWNS });
    for (const period of cal.months)
      await runRound(ctx, spec, id, contest.participants, period, false, summary, cal);
    await runRound(ctx, spec, id, contest.participants, cal.current, true, summary, cal);
  }
  if (made.length) {
    await assessTowns(ctx, made, cal.year);
    summary.assessments += 1;
  }
  return summary;
}

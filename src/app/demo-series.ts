// The demo's series (DESIGN §7, §8): the ten 党建 contests, the 22 boards of the 龙虎榜 and
// 黄山铺镇's three village contests, each with its issuing office and 发文字号 prefix, and the
// follow-up of the yellow flags their months awarded (opened on publishing): the oldest month's
// committed and signed off, the next one's committed, the rest open (some of them overdue).
//
// The report's first round (首轮打擂：红旗乡镇6个，黄旗乡镇2个) came from real scores; the demo's
// values are generated per contest and town, so its first 党建 month names more red towns (each of
// the ten contests crowns its own leader) — the tallies are read the same way: GET
// /series/:id?period= gives redUnits and yellowUnits, and `leitai demo` prints them with the reason
// (FIRST_ROUND_NOTE) as part of its own description.
import { periodLabel } from '../core/period.ts';
import { updateRectification } from '../db/rectification.repository.ts';
import { listSeries } from '../db/series.repository.ts';
import type { AppContext } from './context.ts';
import { actOnRectification, listRectificationsFor } from './rectifications.ts';
import { createSeries, seriesTallies } from './series.ts';

/** Why the demo's first 党建 month does not read 红旗乡镇6个，黄旗乡镇2个 as the report does. */
export const FIRST_ROUND_NOTE =
  "报告中“首轮打擂：红旗乡镇6个，黄旗乡镇2个”出自真实成绩；示范数据按擂台赛和乡镇分别生成，十项擂台赛各自评出红旗、黄旗，落到更多乡镇，故数目不同 (the report came from real scores; the demo generates each contest's values on its own, so its ten contests spread their flags over more towns)";

export interface FirstRoundTally {
  series: string;
  period: string;
  periodLabel: string;
  redUnits: number;
  yellowUnits: number;
  note: string;
}

/** The 党建 series' first published month: how many units got a red and a yellow flag. */
export async function firstPartyRound(ctx: AppContext): Promise<FirstRoundTally | undefined> {
  const series = (await listSeries(ctx.db)).find((s) => s.title === SERIES[0]!.title);
  const first = series?.contestIds[0];
  if (!series || first === undefined) return undefined;
  const row = await ctx.db
    .selectFrom('rounds')
    .select('period')
    .where('contest_id', '=', first)
    .where('state', '=', 'published')
    .orderBy('period')
    .executeTakeFirst();
  if (!row) return undefined;
  const tally = await seriesTallies(ctx, series, { period: row.period });
  return {
    series: series.title,
    period: row.period,
    periodLabel: periodLabel(row.period),
    redUnits: tally.redUnits,
    yellowUnits: tally.yellowUnits,
    note: FIRST_ROUND_NOTE,
  };
}

const COUNTY = '371323';
const HSP = '371323104';

interface SeriesSpec {
  title: string;
  organizer: string;
  office: string;
  docPrefix: string;
  copyTo: string;
  printedBy: string;
  /** Member contests: by organizer and title prefix, in id order. */
  match: { organizer: string; prefix: string };
}

const SERIES: SeriesSpec[] = [
  {
    title: '基层党建十大擂台赛',
    organizer: COUNTY,
    office: '中共沂水县委组织部',
    docPrefix: '沂组通',
    copyTo: '县委办公室，县人大常委会办公室，县政府办公室，县政协办公室',
    printedBy: '中共沂水县委组织部办公室',
    match: { organizer: COUNTY, prefix: '基层党建重点任务擂台赛' },
  },
  {
    title: '龙虎榜',
    organizer: COUNTY,
    office: '中共沂水县委办公室',
    docPrefix: '沂办通',
    copyTo: '县委各部门，县政府各部门，县直各单位',
    printedBy: '中共沂水县委办公室（县委考核办）',
    match: { organizer: COUNTY, prefix: '龙虎榜·' },
  },
  {
    title: '黄山铺镇乡村振兴擂台赛',
    organizer: HSP,
    office: '中共黄山铺镇委员会',
    docPrefix: '黄发',
    copyTo: '镇人大主席团，镇纪委',
    printedBy: '黄山铺镇党政办公室',
    match: { organizer: HSP, prefix: '黄山铺镇乡村振兴擂台赛' },
  },
];

export async function loadDemoSeries(ctx: AppContext): Promise<{ series: number }> {
  const have = new Set((await listSeries(ctx.db)).map((s) => s.title));
  let made = 0;
  for (const spec of SERIES) {
    if (have.has(spec.title)) continue;
    const contests = await ctx.db
      .selectFrom('contests as c')
      .innerJoin('units as u', 'u.id', 'c.organizer_unit_id')
      .select('c.id')
      .where('u.code', '=', spec.match.organizer)
      .where('c.is_template', '=', 0)
      .where('c.title', 'like', `${spec.match.prefix}%`)
      .orderBy('c.id')
      .execute();
    if (!contests.length) continue;
    await createSeries(ctx, {
      title: spec.title,
      organizer: spec.organizer,
      office: spec.office,
      docPrefix: spec.docPrefix,
      copyTo: spec.copyTo,
      printedBy: spec.printedBy,
      contests: contests.map((c) => c.id),
    });
    made += 1;
  }
  if (made) await followUp(ctx);
  return { series: made };
}

/**
 * The oldest month's rectifications committed and signed off, the next month's committed; the
 * rest stay open, due 15 days into the month after theirs as if published then (the demo
 * publishes every month today), so the older ones are overdue on the organizer's and leaders'
 * pages.
 */
async function followUp(ctx: AppContext): Promise<void> {
  const all = (await listRectificationsFor(ctx, {})).items;
  const months = [
    ...new Set(all.map((r) => r.period).filter((p) => /^\d{4}-\d{2}$/.test(p))),
  ].sort();
  const now = ctx.clock.now().toISOString();
  for (const r of all) {
    const k = months.indexOf(r.period);
    if (k >= 2 && r.state === 'open') {
      const [y, m] = r.period.split('-').map(Number) as [number, number];
      const due = new Date(Date.UTC(y, m, 15, 15, 59, 59)).toISOString();
      if (due < r.deadline) await updateRectification(ctx.db, r.id, { deadline: due }, now);
      continue;
    }
    if (k < 0 || k > 1) continue;
    await actOnRectification(ctx, String(r.id), {
      action: 'submit',
      commitment: `${r.unit.name}党政主要负责同志表态：正视差距，立行立改，确保下期摘掉黄旗。`,
      measures:
        '一、逐项梳理失分指标，建立问题清单；二、明确分管领导和责任人，每周调度；三、对标红旗单位学习经验做法。',
    });
    if (k > 0) continue;
    if (r.interviewRequired) {
      await actOnRectification(ctx, String(r.id), {
        action: 'interview',
        date: `${r.period}-28`,
        note: '县委组织部分管负责同志对主要负责同志进行约谈',
      });
    }
    await actOnRectification(ctx, String(r.id), { action: 'approve' });
  }
}

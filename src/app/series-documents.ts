// A series' documents for a period: the 通报 (DOCX, GB/T 9704) numbered per office and year once
// every round is published, and the workbook with a sheet per contest plus the tallies.
import ExcelJS from 'exceljs';
import { DomainError } from '../core/errors.ts';
import { periodLabel, periodYear } from '../core/period.ts';
import { hasResults } from '../core/round-state.ts';
import { findContest } from '../db/contest.repository.ts';
import { listResults } from '../db/result.repository.ts';
import { findRoundByPeriod, listRevisions, type Round } from '../db/round.repository.ts';
import { documentNumber } from '../db/series.repository.ts';
import { escapeFormula } from '../io/csv.ts';
import { chineseDate, flagText } from '../io/results-workbook.ts';
import {
  type SeriesContestReport,
  type SeriesReport,
  seriesBulletinDocx,
  seriesBulletinTitle,
  type UnitChange,
} from '../io/series-bulletin-docx.ts';
import { recordExport } from './audit.ts';
import { rubricOfRound } from './compute-round.ts';
import type { AppContext } from './context.ts';
import { requireContestReader } from './policies/contest.ts';
import { resultView } from './rounds.ts';
import { requireSeries, seriesTallies } from './series.ts';
import { CONTENT_TYPES, type Download } from './sheets.ts';

const safe = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');

async function periodRounds(ctx: AppContext, seriesId: string, period: string) {
  const series = await requireSeries(ctx, seriesId);
  await requireContestReader(ctx, series.organizerUnitId);
  const rounds: { title: string; round: Round }[] = [];
  for (const id of series.contestIds) {
    const contest = await findContest(ctx.db, id);
    const round = contest ? await findRoundByPeriod(ctx.db, id, period) : undefined;
    if (contest && round && hasResults(round.state) && round.state !== 'reviewing') {
      rounds.push({ title: contest.title, round });
    }
  }
  if (!rounds.length) {
    throw new DomainError('ROUND_NOT_PUBLISHED', `${periodLabel(period)}还没有公示或发布的期次`, {
      params: { reason: 'period', period },
      field: 'period',
    });
  }
  return { series, rounds };
}

async function contestReport(ctx: AppContext, title: string, round: Round) {
  const rubric = await rubricOfRound(ctx.db, round);
  const units = (await listResults(ctx.db, round.id, round.revision)).map(resultView);
  const corrections = (await listRevisions(ctx.db, round.id))
    .filter((r) => r.revision > 0)
    .map((r) => ({
      revision: r.revision,
      reason: r.reason ?? '',
      changes: (r.changes ?? []) as UnitChange[],
    }));
  return { title, precision: rubric.precision, units, corrections } as SeriesContestReport;
}

/** The series 通报 of a period; a draft (征求意见稿, unnumbered) until every round is published. */
export async function seriesBulletin(
  ctx: AppContext,
  seriesId: string,
  period: string,
): Promise<Download> {
  const { series, rounds } = await periodRounds(ctx, seriesId, period);
  const published = rounds.every((r) => r.round.state === 'published');
  const latest = rounds
    .map((r) => r.round.publishedAt ?? '')
    .sort()
    .at(-1);
  const date = chineseDate(published && latest ? new Date(latest) : ctx.clock.now());
  let docNumber: string | null = null;
  if (published) {
    const year = periodYear(latest!.slice(0, 4));
    const n = await documentNumber(ctx.db, series, period, year, ctx.clock.now().toISOString());
    docNumber = `${series.docPrefix}〔${year}〕${n}号`;
  }
  const report: SeriesReport = {
    office: series.office,
    docNumber,
    seriesTitle: series.title,
    periodLabel: periodLabel(period),
    recipients: '各有关单位：',
    date,
    copyTo: series.copyTo,
    printedBy: series.printedBy ?? series.office,
    draft: !published,
    contests: await Promise.all(rounds.map((r) => contestReport(ctx, r.title, r.round))),
  };
  const title = seriesBulletinTitle(report);
  const download = {
    filename: safe(`${title}${published ? '' : '（征求意见稿）'}.docx`),
    contentType: CONTENT_TYPES.docx,
    bytes: await seriesBulletinDocx(report),
  };
  await recordExport(ctx, {
    action: 'series.bulletin.export',
    entityType: 'series',
    entityId: series.id,
    file: download.filename,
  });
  return download;
}

/** One sheet per contest (名次 单位 分组 总分 红黄旗 and every indicator's score), and 汇总. */
export async function seriesWorkbook(
  ctx: AppContext,
  seriesId: string,
  period: string,
): Promise<Download> {
  const { series, rounds } = await periodRounds(ctx, seriesId, period);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Leitai 擂台';
  const tallies = await seriesTallies(ctx, series, { period });
  const sum = wb.addWorksheet('汇总');
  sum.addRow([`${series.title} ${periodLabel(period)} 红黄旗汇总`]);
  sum.addRow([
    `红旗${tallies.red}面（${tallies.redUnits}个单位），黄旗${tallies.yellow}面（${tallies.yellowUnits}个单位）`,
  ]);
  sum.addRow(['单位编码', '单位', '红旗', '黄旗', '擂台赛']);
  for (const u of tallies.units) {
    sum.addRow([
      u.unit.code,
      escapeFormula(u.unit.name),
      u.red,
      u.yellow,
      escapeFormula(u.contests.map((c) => `${c.title}${flagText(c.color)}`).join('；')),
    ]);
  }
  const used = new Set<string>(['汇总']);
  for (const { title, round } of rounds) {
    const report = await contestReport(ctx, title, round);
    const rubric = await rubricOfRound(ctx.db, round);
    let name = title.replace(/[\\/*?:[\]]/g, '').slice(0, 28) || `擂台赛${round.contestId}`;
    while (used.has(name)) name = `${name.slice(0, 26)}_${used.size}`;
    used.add(name);
    const sheet = wb.addWorksheet(name);
    const codes = rubric.indicators.filter((i) => i.kind !== 'veto').map((i) => i.code);
    sheet.addRow(['名次', '单位编码', '单位', '分组', '总分', '红黄旗', ...codes]);
    for (const u of report.units) {
      sheet.addRow([
        u.rank,
        u.code,
        escapeFormula(u.name),
        escapeFormula(u.group),
        u.total,
        flagText(u.flag),
        ...codes.map((c) => u.indicators[c]?.score ?? null),
      ]);
    }
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const download = {
    filename: safe(`${series.title}-${periodLabel(period)}-成绩.xlsx`),
    contentType: CONTENT_TYPES.xlsx,
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
  await recordExport(ctx, {
    action: 'series.workbook.export',
    entityType: 'series',
    entityId: series.id,
    file: download.filename,
  });
  return download;
}

// The 调度 brief printed: LibreOffice turns the .docx into a PDF and pdftotext gives its text, so
// the title, the overall paragraph, the unit table, the red-light projects and the closing are
// checked as printed, in order. The summary groups are checked directly.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  byKind,
  byUnit,
  type LedgerReport,
  type LedgerReportProject,
  ledgerBriefDocx,
  overallText,
  reportTitle,
} from './ledger-report.ts';

const project = (over: Partial<LedgerReportProject>): LedgerReportProject => ({
  code: 'P',
  name: '项目',
  kindName: '重点项目',
  stateName: '实施',
  unitCode: 'T1',
  unitName: '许家湖镇',
  owner: null,
  totalInvestment: 1000,
  yearPlanned: 1200,
  ytdPlanned: 600,
  ytdCompleted: 600,
  monthPlanned: 100,
  monthCompleted: 100,
  totalCompleted: 600,
  light: 'green',
  lightReasons: [],
  openProblems: 0,
  overdueProblems: 0,
  ...over,
});

const report: LedgerReport = {
  month: '2026-06',
  monthLabel: '2026年6月',
  asOf: '2026-06-30',
  office: '县发展和改革局',
  date: '2026年7月3日',
  projects: [
    project({
      code: 'A',
      name: '新材料产业园',
      light: 'red',
      ytdCompleted: 100,
      lightReasons: ['年度投资完成率滞后序时进度33.0个百分点'],
      openProblems: 2,
      overdueProblems: 1,
    }),
    project({
      code: 'B',
      name: '城区供热管网',
      kindName: '城建重点工程',
      light: 'yellow',
      ytdCompleted: 400,
    }),
    project({ code: 'C', name: '智能装备制造', unitCode: 'T2', unitName: '高桥镇' }),
  ],
};

describe('the 调度 report figures', () => {
  it('groups by unit and by kind with lights, investment and the rate', () => {
    expect(byUnit(report.projects)).toMatchObject([
      {
        name: '许家湖镇',
        projects: 2,
        red: 1,
        yellow: 1,
        green: 0,
        ytdPlanned: 1200,
        ytdCompleted: 500,
        rate: 41.7,
        openProblems: 2,
        overdueProblems: 1,
      },
      { name: '高桥镇', projects: 1, red: 0, yellow: 0, green: 1, rate: 100 },
    ]);
    expect(byKind(report.projects).map((k) => [k.name, k.projects])).toEqual([
      ['重点项目', 2],
      ['城建重点工程', 1],
    ]);
    expect(overallText(report)).toContain(
      '纳入台账调度的项目共3个（重点项目2个、城建重点工程1个）',
    );
  });
});

const hasOffice = existsSync('/usr/bin/soffice') && existsSync('/usr/bin/pdftotext');
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'leitai-ledger-brief-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!hasOffice)('the 调度 brief through LibreOffice → PDF → text', () => {
  it('prints the title, overall, unit table, red projects, requirements and signature in order', async () => {
    const docx = join(dir, 'brief.docx');
    await writeFile(docx, await ledgerBriefDocx(report));
    execFileSync(
      '/usr/bin/soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docx,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    execFileSync('/usr/bin/pdftotext', [join(dir, 'brief.pdf'), join(dir, 'brief.txt')]);
    const flat = (await readFile(join(dir, 'brief.txt'), 'utf8')).replace(/\s+/g, '');
    const order = [
      reportTitle(report),
      '各乡镇（街道）、县直有关部门，各项目专班：',
      '一、总体情况',
      overallText(report).replace(/\s+/g, ''),
      '二、分单位推进情况',
      '三、亮红灯项目',
      '1.许家湖镇新材料产业园（重点项目）：年度投资完成率滞后序时进度33.0个百分点。',
      '四、问题办理情况',
      '许家湖镇1个问题超过办结时限未销号',
      '五、下步要求',
      '特此通报。',
      '县发展和改革局',
      '2026年7月3日',
    ];
    expect(flat).toContain('—1—'); // the page number, — 1 —, as GB/T 9704 prints it
    // The unit table's cells (pdftotext may read a table column by column).
    for (const cell of ['责任单位', '许家湖镇', '41.7%', '高桥镇', '100%'])
      expect(flat).toContain(cell);
    let from = 0;
    for (const part of order) {
      const at = flat.indexOf(part, from);
      expect(at, `${part} after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + part.length;
    }
  }, 180_000);
});

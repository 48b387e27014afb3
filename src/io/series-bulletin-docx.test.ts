// The series 通报 read back the way a reader sees it: LibreOffice renders the .docx to PDF and
// pdftotext gives its text, so the masthead, number, body, 附件 and 版记 are checked as printed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportUnit } from './results-workbook.ts';
import {
  type SeriesReport,
  seriesBulletinDocx,
  seriesBulletinTitle,
} from './series-bulletin-docx.ts';
import { inspectZip, readZipEntry } from './zip-guard.ts';

const unit = (
  code: string,
  name: string,
  total: number,
  rank: number,
  flag: ReportUnit['flag'],
): ReportUnit => ({
  code,
  name,
  group: '',
  total,
  rank,
  overallRank: rank,
  flag,
  vetoed: false,
  missing: [],
  indicators: {},
  previousRank: null,
  rankChange: null,
  totalChange: null,
});

const report: SeriesReport = {
  office: '中共沂水县委组织部',
  docNumber: '沂组通〔2026〕12号',
  seriesTitle: '基层党建十大擂台赛',
  periodLabel: '2026年11月',
  recipients: '各乡镇党委、街道党工委：',
  date: '2026年12月3日',
  copyTo: '县委办公室，县人大常委会办公室，县政府办公室，县政协办公室',
  printedBy: '中共沂水县委组织部办公室',
  draft: false,
  contests: [
    {
      title: '组织建设擂台赛',
      precision: 2,
      units: [
        unit('t1', '许家湖镇', 95.5, 1, 'red'),
        unit('t2', '高桥镇', 88, 2, null),
        unit('t3', '泉庄镇', 61.25, 3, 'yellow'),
      ],
      corrections: [
        {
          revision: 1,
          reason: '复核发现录入错误',
          changes: [
            {
              name: '高桥镇',
              before: { total: 80, rank: 3, flag: 'yellow' },
              after: { total: 88, rank: 2, flag: null },
            },
          ],
        },
      ],
    },
    {
      title: '乡村人才擂台赛',
      precision: 1,
      units: [unit('t2', '高桥镇', 90, 1, 'red'), unit('t1', '许家湖镇', 70.5, 2, 'yellow')],
      corrections: [],
    },
  ],
};

const hasOffice = existsSync('/usr/bin/soffice') && existsSync('/usr/bin/pdftotext');
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'leitai-series-bulletin-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function printedText(r: SeriesReport): Promise<string> {
  const docx = join(dir, 'bulletin.docx');
  await writeFile(docx, await seriesBulletinDocx(r));
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
  execFileSync('/usr/bin/pdftotext', [join(dir, 'bulletin.pdf'), join(dir, 'bulletin.txt')]);
  return (await readFile(join(dir, 'bulletin.txt'), 'utf8')).replace(/[ \t]+/g, ' ');
}

describe.skipIf(!hasOffice)('the series bulletin through LibreOffice → PDF → text', () => {
  it('has the masthead, number, title, tallies, lowest units, corrections, 附件 and 版记 in order', async () => {
    const text = await printedText(report);
    const flat = text.replace(/\s+/g, '');
    const order = [
      '中共沂水县委组织部',
      '沂组通〔2026〕12号',
      seriesBulletinTitle(report),
      '各乡镇党委、街道党工委：',
      '本期2项擂台赛共评出红旗2面、黄旗2面。红旗单位2个：许家湖镇、高桥镇。黄旗单位2个：泉庄镇、许家湖镇。',
      '组织建设擂台赛：最高95.50分（许家湖镇），最低61.25分（泉庄镇）；红旗：许家湖镇；黄旗：泉庄镇。',
      '乡村人才擂台赛：最高90.0分（高桥镇），最低70.5分（许家湖镇）',
      '更正说明',
      '组织建设擂台赛第1次更正（复核发现录入错误）：高桥镇总分80分更正为88分，名次由第3名变为第2名，黄旗变为无。',
      '特此通报。',
      '附件：1.组织建设擂台赛2026年11月排名表',
      '2.乡村人才擂台赛2026年11月排名表',
      '中共沂水县委组织部2026年12月3日',
      '附件1',
      '组织建设擂台赛2026年11月排名表',
      '附件2',
      '抄送：县委办公室，县人大常委会办公室，县政府办公室，县政协办公室。',
      '中共沂水县委组织部办公室2026年12月3日印发',
    ];
    let at = 0;
    for (const piece of order) {
      const k = flat.indexOf(piece.replace(/\s+/g, ''), at);
      expect(k, `${piece} after position ${at}`).toBeGreaterThanOrEqual(0);
      at = k + 1;
    }
  }, 180_000);

  it('a draft says it will be numbered on publication', async () => {
    const bytes = await seriesBulletinDocx({ ...report, docNumber: null, draft: true });
    const zip = inspectZip(bytes);
    if (!zip.ok) throw new Error(zip.message);
    const xml = readZipEntry(bytes, zip.entries, 'word/document.xml')!.toString('utf8');
    expect(xml).toContain('征求意见稿，发布后编号');
    expect(xml).not.toContain('〔2026〕');
  });
});

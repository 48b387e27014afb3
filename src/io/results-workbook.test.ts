import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseRubric, type Rubric } from '../core/rubric.ts';
import { parseCsv } from './csv.ts';
import {
  chineseDate,
  movementText,
  type ReportUnit,
  type RoundReport,
  reportCsv,
  resultsWorkbook,
} from './results-workbook.ts';

const parsed = parseRubric(`title: t
precision: 1
indicators:
  - { code: A1, name: 人居环境整治, points: 60, method: manual }
  - { code: B1, name: 环境问题, kind: deduction, per: 2 }
  - { code: V1, name: 安全事故, kind: veto }
flags:
  red: { top: 1 }
  yellow: { bottom: 1 }
`);
const rubric = (parsed.ok ? parsed.rubric : undefined) as Rubric;

const unit = (over: Partial<ReportUnit>): ReportUnit => ({
  code: 'u',
  name: 'n',
  group: '',
  total: 0,
  rank: 1,
  overallRank: 1,
  flag: null,
  vetoed: false,
  missing: [],
  indicators: {
    A1: { value: 50, score: 50, rank: 1 },
    B1: { value: 1, score: -2, rank: null },
    V1: { value: 0, score: null, rank: null },
  },
  previousRank: null,
  rankChange: null,
  totalChange: null,
  ...over,
});

const report = (over: Partial<RoundReport> = {}): RoundReport => ({
  contestTitle: '乡村振兴擂台赛',
  organizer: '黄山铺镇',
  period: '2026-06',
  periodLabel: '2026年6月',
  stateName: '已发布',
  published: true,
  revision: 0,
  date: '2026年7月3日',
  draft: false,
  rubric,
  units: [
    unit({
      code: 'u1',
      name: '尧崖头村',
      group: '村',
      total: 48,
      rank: 1,
      flag: 'red',
      previousRank: 3,
      rankChange: 2,
    }),
    unit({
      code: 'u2',
      name: '+甲村',
      group: '村',
      total: 40.25,
      rank: 2,
      overallRank: 3,
      flag: 'yellow',
      previousRank: 1,
      rankChange: -1,
    }),
    unit({
      code: 'u3',
      name: '城东社区',
      group: '社区',
      total: 45,
      rank: 1,
      overallRank: 2,
      missing: ['A1'],
    }),
  ],
  leads: { A1: '县委组织部', B1: '黄山铺镇', V1: '黄山铺镇' },
  practices: [],
  ...over,
});

describe('results workbook', () => {
  it('prints the ranking with groups, fills, movement, notes and a print layout', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await resultsWorkbook(report())) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('成绩排名')!;
    expect((ws.getRow(3).values as unknown[]).slice(1, 11)).toEqual([
      '名次',
      '总名次',
      '编码',
      '单位',
      '分组',
      '总分',
      '红黄旗',
      '上期名次',
      '名次变化',
      '备注',
    ]);
    expect((ws.getRow(5).values as unknown[]).slice(1, 11)).toEqual([
      1,
      1,
      'u1',
      '尧崖头村',
      '村',
      48,
      '红旗',
      3,
      '↑2',
      '',
    ]);
    expect(ws.getCell('D6').value).toBe("'+甲村");
    expect(ws.getCell('I6').value).toBe('↓1');
    expect(ws.getCell('J7').value).toBe('缺报 A1');
    expect(ws.getCell('F5').numFmt).toBe('0.0');
    expect((ws.getCell('D5').fill as { fgColor: { argb: string } }).fgColor.argb).toBe('FFFFC7CE');
    expect((ws.getCell('A6').fill as { fgColor: { argb: string } }).fgColor.argb).toBe('FFFFEB9C');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToWidth: 1,
      printTitlesRow: '3:4',
    });
    const data = wb.getWorksheet('results')!;
    expect(data.getCell('B3').value).toBe("'+甲村");
    expect(data.getCell('D3').value).toBe(40.25);
  });

  it('writes the §4 CSV with a BOM, precision and escaped text', () => {
    const csv = reportCsv(report());
    expect(
      csv.startsWith(
        '\uFEFFcode,name,group,total,rank,flag,vetoed,missing,A1.value,A1.score,A1.rank,B1.value,B1.score,B1.rank,V1.value,V1.score,V1.rank\r\n',
      ),
    ).toBe(true);
    const rows = parseCsv(csv.slice(1)).records;
    expect(rows[2]).toEqual([
      'u2',
      "'+甲村",
      '村',
      '40.3',
      '2',
      'yellow',
      'false',
      '',
      '50',
      '50.0',
      '1',
      '1',
      '-2.0',
      '',
      '0',
      '',
      '',
    ]);
  });

  it('says dates and movement the Chinese way', () => {
    expect(chineseDate(new Date('2026-07-02T16:30:00Z'))).toBe('2026年7月3日');
    expect(chineseDate(new Date('2026-07-03T15:59:00Z'))).toBe('2026年7月3日');
    expect(movementText({ previousRank: null, rankChange: null })).toBe('—');
    expect(movementText({ previousRank: 2, rankChange: 0 })).toBe('持平');
  });
});

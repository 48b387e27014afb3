import { describe, expect, it } from 'vitest';
import { parseRubric, type Rubric } from '../core/rubric.ts';
import { BULLETIN_FONTS, bulletinDocx, bulletinTitle } from './bulletin-docx.ts';
import type { ReportUnit, RoundReport } from './results-workbook.ts';
import { inspectZip, readZipEntry } from './zip-guard.ts';

const parsed = parseRubric(`title: 乡村振兴擂台赛评分标准
indicators:
  - { code: A1, name: 人居环境整治, points: 60, method: manual }
  - { code: A2, name: 集体经济收入, points: 40, method: relative }
  - { code: V1, name: 安全事故, kind: veto }
flags:
  red: { top: 1 }
  yellow: { bottom: 1 }
`);
const rubric = (parsed.ok ? parsed.rubric : undefined) as Rubric;

const unit = (code: string, name: string, over: Partial<ReportUnit>): ReportUnit => ({
  code,
  name,
  group: '',
  total: 0,
  rank: 1,
  overallRank: 1,
  flag: null,
  vetoed: false,
  missing: [],
  indicators: {},
  previousRank: null,
  rankChange: null,
  totalChange: null,
  ...over,
});

const report = (over: Partial<RoundReport> = {}): RoundReport => ({
  contestTitle: '乡村振兴擂台赛',
  organizer: '中共黄山铺镇委员会',
  period: '2026-06',
  periodLabel: '2026年6月',
  stateName: '已发布',
  published: true,
  revision: 0,
  date: '2026年7月3日',
  draft: false,
  rubric,
  units: [
    unit('u1', '尧崖头村', {
      total: 95,
      rank: 1,
      flag: 'red',
      indicators: { A1: { value: 58, score: 58, rank: 1 }, A2: { value: 9, score: 37, rank: 2 } },
    }),
    unit('u2', '@西村', {
      total: 80,
      rank: 2,
      indicators: { A1: { value: 40, score: 40, rank: 2 }, A2: { value: 10, score: 40, rank: 1 } },
    }),
    unit('u3', '东村', {
      total: 30,
      rank: 3,
      flag: 'yellow',
      vetoed: true,
      indicators: { A1: { value: 58, score: 58, rank: 1 } },
    }),
  ],
  leads: { A1: '县委组织部', A2: '中共黄山铺镇委员会', V1: '中共黄山铺镇委员会' },
  practices: [{ unit: '尧崖头村', title: '“三清三美”整治', summary: '全村动员，清垃圾、清杂物。' }],
  ...over,
});

async function documentXml(r: RoundReport) {
  const bytes = await bulletinDocx(r);
  const zip = inspectZip(bytes);
  if (!zip.ok) throw new Error(zip.message);
  const part = (name: string) => readZipEntry(bytes, zip.entries, name)?.toString('utf8') ?? '';
  const xml = part('word/document.xml');
  const text = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .map((t) =>
      t.replace(
        /&(quot|apos|lt|gt|amp);/g,
        (_, e: string) => ({ quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' })[e]!,
      ),
    );
  return { xml, text, headers: part('word/header1.xml'), styles: part('word/styles.xml') };
}

describe('the bulletin', () => {
  it('has the shape of an official notice with the official fonts', async () => {
    const { xml, text, styles } = await documentXml(report());
    expect(bulletinTitle(report())).toBe('关于2026年6月乡村振兴擂台赛情况的通报');
    expect(text[0]).toBe('关于2026年6月乡村振兴擂台赛情况的通报');
    expect(text[1]).toBe('各参赛单位，各牵头单位：');
    expect(xml).toContain(`w:eastAsia="${BULLETIN_FONTS.title}"`);
    expect(xml).toContain(`w:eastAsia="${BULLETIN_FONTS.heading}"`);
    expect(styles).toContain(BULLETIN_FONTS.body);
    expect(text).toContain('一、总体情况');
    expect(text).toContain('尧崖头村成绩突出，获得红旗，予以通报表扬。');
    expect(text).toContain('东村排名靠后，被亮黄旗。');
    expect(text).toContain('东村因触发一票否决事项，排在最后。');
    expect(text).toContain(
      '1. A1 人居环境整治（牵头单位：县委组织部）：尧崖头村（58.00分）、东村（58.00分）。',
    );
    expect(text).toContain(
      '2. A2 集体经济收入（牵头单位：中共黄山铺镇委员会）：@西村（40.00分）。',
    );
    expect(text).toContain('四、经验做法');
    expect(text).toContain('（一）尧崖头村：“三清三美”整治');
    expect(text.slice(-3)).toEqual(['特此通报。', '中共黄山铺镇委员会', '2026年7月3日']);
    // The table: its cells never start a formula.
    expect(text).toContain("'@西村");
    expect(text).toContain('黄旗、一票否决');
  });

  it('is marked 征求意见稿 before publication; sections renumber without practices; groups get their own tables', async () => {
    const { text, headers } = await documentXml(
      report({
        draft: true,
        published: false,
        practices: [],
        units: report().units.map((u, k) => ({ ...u, group: k === 2 ? '社区' : '村' })),
      }),
    );
    expect(text[0]).toBe('征求意见稿');
    expect(headers).toContain('征求意见稿');
    expect(text).not.toContain('四、经验做法');
    expect(text).toContain('四、下步要求');
    expect(text).toContain('（一）村');
    expect(text).toContain('（二）社区');
    expect(text.join('\n')).not.toContain('和公示');
  });
});

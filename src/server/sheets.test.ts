/**
 * Excel and Word round trip through the API (issue 6, DESIGN §4): templates per role, the
 * all-or-nothing import (XLSX, GB18030 and BOM CSV), broken and hostile uploads, and the results
 * workbook, CSV and bulletin agreeing with GET results — on both databases.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { parseCsv } from '../io/csv.ts';
import { formatPoints } from '../io/results-file.ts';
import { inspectZip, readZipEntry } from '../io/zip-guard.ts';

const RUBRIC = `title: 基层党建重点任务擂台赛·组织建设
precision: 2
indicators:
  - { code: A1, name: 村级活动场所标准化, points: 40, method: manual }
  - { code: A2, name: 后备干部人数, points: 40, method: relative }
  - { code: A3, name: 党员教育覆盖率, points: 20, method: bands, bands: [[0.95, 20], [0.9, 15], [0.8, 10]] }
  - { code: B1, name: 环境整治问题, kind: deduction, per: 2, cap: 10 }
  - { code: B2, name: 创新工作获上级肯定, kind: bonus, per: 1, cap: 5 }
  - { code: V1, name: 发生重大安全事故, kind: veto }
flags:
  red: { top: 3 }
  yellow: { bottom: 2 }
`;

const HSP = '371323104'; // 黄山铺镇
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function multipart(filename: string, bytes: Buffer, type = 'application/octet-stream') {
  const boundary = '----leitai-sheets';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

/** A minimal ZIP writer for hostile files: sizes may be declared as anything. */
function makeZip(entries: { name: string; data: Buffer; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data);
    const size = e.declared ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function workbookOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Every text of a .docx's body, paragraphs joined by newlines. */
function docxText(bytes: Buffer): { text: string; xml: string } {
  const zip = inspectZip(bytes);
  if (!zip.ok) throw new Error(zip.message);
  const xml = readZipEntry(bytes, zip.entries, 'word/document.xml')!.toString('utf8');
  const text = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(
      /&(quot|apos|lt|gt|amp);/g,
      (_, e: string) => ({ quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' })[e]!,
    );
  return { text, xml };
}

const soffice = ['soffice', 'libreoffice'].find(
  (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0,
);
const pdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

interface ApiResult {
  code: string;
  name: string;
  group: string;
  total: number;
  rank: number;
  flag: 'red' | 'yellow' | null;
  vetoed: boolean;
  missing: string[];
  indicators: Record<string, { value: number | null; score: number | null; rank: number | null }>;
  rankChange: number | null;
}

describeEachDialect('Excel and Word round trip through the API', (use) => {
  let s: TestServer;
  let contestId: number;
  let roundId: number;
  let towns: { code: string; name: string }[];
  beforeAll(async () => {
    s = await startTestServer(use());
    const created = await s.as('admin', {
      method: 'POST',
      url: '/api/v1/contests',
      payload: {
        title: '基层党建重点任务擂台赛',
        category: '基层党建',
        organizer: '371323',
        cadence: 'month',
        participants: { under: '371323', kinds: ['street', 'town', 'township'] },
        evaluators: { A1: '371323-D01', B1: '371323-D01', V1: '371323-D01' },
      },
    });
    contestId = created.json().id;
    towns = created.json().participants.map((p: { code: string; name: string }) => ({
      code: p.code,
      name: p.name,
    }));
    await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rubrics`,
      payload: { yaml: RUBRIC },
    });
    await s.as('admin', { method: 'POST', url: `/api/v1/contests/${contestId}/rubrics/1/publish` });
    const round = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rounds`,
      payload: { period: '2026-06' },
    });
    roundId = round.json().id;
    await move('collecting');
  });
  afterAll(() => s.close());

  const move = (to: string, id = roundId) =>
    s.as('admin', { method: 'POST', url: `/api/v1/rounds/${id}/transition`, payload: { to } });
  const upload = (user: string | null, filename: string, bytes: Buffer, id = roundId) =>
    s.as(user, {
      method: 'POST',
      url: `/api/v1/rounds/${id}/import`,
      ...multipart(filename, bytes),
    });
  const template = async (user: string, id = roundId) => {
    const res = await s.as(user, { url: `/api/v1/rounds/${id}/template.xlsx` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.rawPayload;
  };
  const entries = async (user = 'admin') =>
    (await s.as(user, { url: `/api/v1/rounds/${roundId}/entries` })).json().items as {
      unit: string;
      indicator: string;
      value: number | null;
      version: number;
    }[];
  const storedEntry = async (unit: string, indicator: string) =>
    (await entries()).find((e) => e.unit === unit && e.indicator === indicator);

  it("a reporter's template holds only its own unit and self-reported indicators, with notes, validation, locks and the explanation sheet", async () => {
    const res = await s.as('huangshanpu', { url: `/api/v1/rounds/${roundId}/template.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(String(res.headers['content-disposition'])).toContain(
      encodeURIComponent('基层党建重点任务擂台赛-2026年6月-填报模板.xlsx'),
    );
    const wb = await workbookOf(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填报表', '评分说明']);
    const ws = wb.getWorksheet('填报表')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.map((h) => h.split(/\s/)[0])).toEqual(['编码', '单位', 'A2', 'A3', 'B2']);
    expect(header[2]).toContain('A2 后备干部人数');
    expect(header[2]).toContain('40分');
    expect(header[2]).toContain('比值法');
    expect(ws.rowCount).toBe(2);
    expect(ws.getCell('A2').value).toBe(HSP);
    expect(ws.getCell('B2').value).toBe('黄山铺镇');
    // The rubric's wording in a note on each indicator header.
    const note = ws.getCell('C1').note as string | { texts: { text: string }[] };
    const noteText = typeof note === 'string' ? note : note.texts.map((t) => t.text).join('');
    expect(noteText).toContain('后备干部人数');
    expect(noteText).toContain('组内最高值');
    expect(noteText).toContain('清空');
    // Validation: numbers ≥ 0 for relative, a band indicator any number, bonus ≥ 0.
    expect(ws.getCell('C2').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(ws.getCell('D2').dataValidation).toMatchObject({ type: 'decimal' });
    expect(ws.getCell('E2').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
    });
    // Locked code and name, open indicator cells, a protected sheet.
    expect(ws.getCell('A2').protection?.locked).not.toBe(false);
    expect(ws.getCell('B2').protection?.locked).not.toBe(false);
    expect(ws.getCell('C2').protection?.locked).toBe(false);
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(
      true,
    );
    const explain = wb.getWorksheet('评分说明')!;
    const texts: string[] = [];
    explain.eachRow((row) => {
      row.eachCell((c) => {
        texts.push(String(c.value));
      });
    });
    const all = texts.join('\n');
    expect(all).toContain('基层党建重点任务擂台赛·组织建设');
    expect(all).toContain('空白单元格表示「不修改」');
    expect(all).toContain('达到0.95得20分');
    expect(all).toContain('排名前3名的单位授红旗');
    expect(all).toContain('县委组织部');
  });

  it("the lead office's template has every town and only its indicators; the organizer's has all; others get none", async () => {
    const lead = (await workbookOf(await template('zuzhibu'))).getWorksheet('填报表')!;
    expect(lead.rowCount).toBe(1 + towns.length);
    const header = (lead.getRow(1).values as unknown[])
      .slice(1)
      .map((h) => String(h).split(/\s/)[0]);
    expect(header).toEqual(['编码', '单位', 'A1', 'B1', 'V1']);
    expect(lead.getCell('C2').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 40],
    });
    expect(lead.getCell('E2').dataValidation).toMatchObject({ type: 'list' });
    const admin = (await workbookOf(await template('admin'))).getWorksheet('填报表')!;
    expect(
      (admin.getRow(1).values as unknown[]).slice(1).map((h) => String(h).split(/\s/)[0]),
    ).toEqual(['编码', '单位', 'A1', 'A2', 'A3', 'B1', 'B2', 'V1']);
    expect(
      (await s.as('lingdao', { url: `/api/v1/rounds/${roundId}/template.xlsx` })).statusCode,
    ).toBe(403);
    expect((await s.as(null, { url: `/api/v1/rounds/${roundId}/template.xlsx` })).statusCode).toBe(
      401,
    );
  });

  it('done when: a town fills its template, one bad cell refuses the whole file naming it; fixed, it imports', async () => {
    const wb = await workbookOf(await template('huangshanpu'));
    const ws = wb.getWorksheet('填报表')!;
    ws.getCell('C2').value = 6;
    ws.getCell('D2').value = 0.96;
    ws.getCell('E2').value = -1; // a bonus cannot be negative
    const bad = await upload('huangshanpu', '黄山铺镇.xlsx', await bytesOf(wb));
    expect(bad.statusCode).toBe(400);
    const error = bad.json().error;
    expect(error.code).toBe('INVALID_SHEET');
    expect(error.message).toContain('整个文件未导入');
    expect(error.details.problems).toEqual([
      {
        sheet: '填报表',
        row: 2,
        column: 'B2',
        cell: 'E2',
        value: '-1',
        code: 'NEGATIVE',
        message: expect.stringContaining('不能为负数'),
      },
    ]);
    expect((await entries('huangshanpu')).length).toBe(0);

    ws.getCell('E2').value = 1;
    const good = await upload('huangshanpu', '黄山铺镇.xlsx', await bytesOf(wb));
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ rows: 1, cells: 3, written: 3, unchanged: 0 });
    expect((await entries('huangshanpu')).map((e) => [e.indicator, e.value]).sort()).toEqual([
      ['A2', 6],
      ['A3', 0.96],
      ['B2', 1],
    ]);
  });

  it('names every problem in one pass: structure, cells, permissions and participants', async () => {
    const csv = [
      '编码,单位,A1 村级活动场所标准化,A2,B2,X9',
      `${HSP},黄山铺镇,30,abc,1e308,`,
      '999999,不存在的镇,,1,,',
      `${towns[1]!.code},${towns[1]!.name},,5,,`,
      `${HSP},黄山铺镇,,,,`,
    ].join('\r\n');
    const res = await upload('huangshanpu', 'mine.csv', Buffer.from(csv));
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('INVALID_SHEET');
    // One report (DESIGN §4): the unknown column, the bad and too-large cells, the cell it may
    // not fill, the unit that is not a participant and the other town's cell — in sheet order.
    expect(
      error.details.problems.map((p: { cell: string; code: string }) => `${p.cell}:${p.code}`),
    ).toEqual([
      'F1:UNKNOWN_COLUMN',
      'C2:NOT_PERMITTED',
      'D2:NOT_A_NUMBER',
      'E2:TOO_LARGE',
      'A3:UNKNOWN_UNIT',
      'D4:NOT_PERMITTED',
      'A5:DUPLICATE_UNIT',
    ]);
    expect(error.details).toMatchObject({ total: 7, truncated: false });
    expect(error.details.counts).toEqual({
      UNKNOWN_COLUMN: 1,
      NOT_PERMITTED: 2,
      NOT_A_NUMBER: 1,
      TOO_LARGE: 1,
      UNKNOWN_UNIT: 1,
      DUPLICATE_UNIT: 1,
    });
    const fixed = ['编码,单位,A2,B2', `${HSP},黄山铺镇,6,1`].join('\r\n');
    const again = await upload('huangshanpu', 'mine.csv', Buffer.from(fixed));
    expect(again.statusCode, again.body).toBe(200);
    expect((await storedEntry(HSP, 'A2'))?.value).toBe(6);
    // Only cells it may not fill: 403, still with every cell named.
    const notMine = await upload(
      'huangshanpu',
      'x.csv',
      Buffer.from(`code,name,A1\n${HSP},黄山铺镇,30\n`),
    );
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.details.problems[0]).toMatchObject({
      cell: 'C2',
      code: 'NOT_PERMITTED',
    });
  });

  it('the lead office and the organizer import theirs; GB18030 and BOM CSV as WPS and old Excel save them', async () => {
    const wb = await workbookOf(await template('zuzhibu'));
    const ws = wb.getWorksheet('填报表')!;
    for (let r = 2; r <= ws.rowCount; r++) {
      ws.getCell(r, 3).value = 20 + r; // A1
      if (r % 5 === 0) ws.getCell(r, 4).value = 1; // B1
      ws.getCell(r, 5).value = r === ws.rowCount ? '是' : '否'; // V1
    }
    const lead = await upload('zuzhibu', '组织科评分.xlsx', await bytesOf(wb));
    expect(lead.statusCode, lead.body).toBe(200);
    expect(lead.json().written).toBe(towns.length * 2 + Math.floor((towns.length + 1) / 5));

    const others = towns.filter((t) => t.code !== HSP);
    const gbk = iconv.encode(
      [
        '编码,单位,A2 后备干部人数,A3 党员教育覆盖率',
        ...others.map((t, i) => `${t.code},${t.name},${2 + (i % 7)},${80 + (i % 20)}%`),
      ].join('\r\n'),
      'gb18030',
    );
    const gb = await upload('admin', '其他乡镇.csv', gbk);
    expect(gb.statusCode, gb.body).toBe(200);
    expect(gb.json()).toMatchObject({ rows: others.length, written: others.length * 2 });
    expect((await storedEntry(others[0]!.code, 'A3'))?.value).toBe(0.8);

    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`单位编码,单位名称,B2\r\n${others[0]!.code},${others[0]!.name},3\r\n`),
    ]);
    const b = await upload('admin', 'bom.csv', bom);
    expect(b.statusCode, b.body).toBe(200);
    expect((await storedEntry(others[0]!.code, 'B2'))?.value).toBe(3);
  });

  it('an empty cell leaves a value unchanged, 清空 clears it, and unchanged cells are not rewritten', async () => {
    const before = await storedEntry(HSP, 'A2');
    const wb = await workbookOf(await template('huangshanpu'));
    const ws = wb.getWorksheet('填报表')!;
    expect(ws.getCell('C2').value).toBe(6); // prefilled
    ws.getCell('D2').value = null; // empty: unchanged
    ws.getCell('E2').value = '清空';
    const res = await upload('huangshanpu', 'again.xlsx', await bytesOf(wb));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ cells: 2, written: 1, unchanged: 1, cleared: 1 });
    expect(await storedEntry(HSP, 'A2')).toEqual(before); // same version: not rewritten
    expect((await storedEntry(HSP, 'A3'))?.value).toBe(0.96);
    expect((await storedEntry(HSP, 'B2'))?.value).toBeNull();
    ws.getCell('E2').value = 1;
    expect((await upload('huangshanpu', 'again.xlsx', await bytesOf(wb))).json().written).toBe(1);
  });

  it('refuses broken and hostile files with a clear message, writes nothing, and keeps serving', async () => {
    const good = await template('admin');
    const expectBad = async (
      name: string,
      bytes: Buffer,
      status: number,
      code: string,
      text: string,
    ) => {
      const res = await upload('admin', name, bytes);
      expect(res.statusCode, `${name}: ${res.body.slice(0, 300)}`).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toContain(text);
    };
    await expectBad(
      '半截.xlsx',
      good.subarray(0, Math.floor(good.length * 0.6)),
      400,
      'BAD_FILE',
      '不完整',
    );
    await expectBad(
      '炸弹.xlsx',
      makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(110 * 1024 * 1024) }]),
      400,
      'BAD_FILE',
      '压缩炸弹',
    );
    await expectBad(
      '谎报.xlsx',
      makeZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(30 * 1024 * 1024), declared: 1000 }]),
      400,
      'BAD_FILE',
      '大于其声明',
    );
    await expectBad(
      '很多.xlsx',
      makeZip(
        Array.from({ length: 10_001 }, (_, k) => ({ name: `x/${k}`, data: Buffer.from('a') })),
      ),
      400,
      'BAD_FILE',
      '超过上限',
    );
    await expectBad(
      '坏内容.xlsx',
      makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types') }]),
      400,
      'BAD_FILE',
      'XLSX',
    );
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
    await expectBad('图片.xlsx', png, 400, 'BAD_FILE', '不是有效的 .xlsx');
    await expectBad('图片.csv', png, 400, 'BAD_FILE', '不是文本');
    await expectBad(
      '旧版.xlsx',
      Buffer.from('d0cf11e0a1b11ae1000000000000000000', 'hex'),
      400,
      'BAD_FILE',
      '另存为 .xlsx',
    );
    await expectBad(
      '报告.pdf',
      Buffer.from('%PDF-1.4\n'),
      415,
      'UNSUPPORTED_FILE',
      '.xlsx 或 .csv',
    );
    await expectBad(
      '大.csv',
      Buffer.alloc(10 * 1024 * 1024 + 10, 0x31),
      413,
      'FILE_TOO_LARGE',
      '10 MB',
    );
    const notMultipart = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/import`,
      payload: { file: 'x' },
    });
    expect(notMultipart.statusCode).toBe(415);
    expect((await s.as(null, { url: '/api/v1/health' })).statusCode).toBe(200);
    expect((await upload(null, 'a.csv', Buffer.from('code,name\n'))).statusCode).toBe(401);
  });

  it('large sheets: 150,000 and 300,000 rows get a capped report, 11 MB gets 413', async () => {
    for (const n of [150_000, 300_000]) {
      const lines = ['code,name,A2,B2'];
      for (let i = 0; i < n; i++) lines.push(`X${i},单位${i},${i % 50},1`);
      const bytes = Buffer.from(lines.join('\n'));
      expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
      const res = await upload('admin', `big-${n}.csv`, bytes);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('INVALID_SHEET');
      // The first 1,000 problems and a count per kind, not a 21 MB report.
      expect(error.details.problems).toHaveLength(1000);
      expect(error.details.problems[0]).toMatchObject({ cell: 'A2', code: 'UNKNOWN_UNIT' });
      expect(error.details).toMatchObject({ total: n, truncated: true });
      expect(error.details.counts).toEqual({ UNKNOWN_UNIT: n });
      expect(res.body.length).toBeLessThan(400_000);
    }
    const eleven = Buffer.alloc(11 * 1024 * 1024, 0x31);
    const res = await upload('admin', 'eleven.csv', eleven);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: {
        code: 'FILE_TOO_LARGE',
        message: expect.stringContaining('10 MB'),
        details: expect.anything(),
      },
    });
    expect(await storedEntry(HSP, 'A2')).toMatchObject({ value: 6 });
  }, 180_000);

  it('refuses a template of another round', async () => {
    const july = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rounds`,
      payload: { period: '2026-07' },
    });
    const julyId = july.json().id;
    await move('collecting', julyId);
    const june = await template('huangshanpu');
    const res = await upload('huangshanpu', 'june.xlsx', june, julyId);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems[0].code).toBe('WRONG_ROUND');
    await move('draft', julyId);
  });

  let published: ApiResult[];
  it('in notice the organizer gets a draft bulletin marked 征求意见稿; others wait for publication', async () => {
    expect(
      (await s.as('admin', { url: `/api/v1/rounds/${roundId}/bulletin.docx` })).statusCode,
    ).toBe(409);
    expect((await move('reviewing')).statusCode).toBe(200);
    // In review the import still works and the results follow.
    const res = await upload('admin', 'fix.csv', Buffer.from(`code,name,A1\n${HSP},黄山铺镇,39\n`));
    expect(res.statusCode, res.body).toBe(200);
    expect((await move('notice')).statusCode).toBe(200);
    expect(
      (await upload('admin', 'fix.csv', Buffer.from(`code,name,A1\n${HSP},x,38\n`))).json().error
        .code,
    ).toBe('ROUND_CLOSED');
    const draft = await s.as('admin', { url: `/api/v1/rounds/${roundId}/bulletin.docx` });
    expect(draft.statusCode).toBe(200);
    const { text } = docxText(draft.rawPayload);
    expect(text).toContain('征求意见稿');
    expect(
      (await s.as('huangshanpu', { url: `/api/v1/rounds/${roundId}/bulletin.docx` })).statusCode,
    ).toBe(403);
    expect((await s.as(null, { url: `/api/v1/rounds/${roundId}/bulletin.docx` })).statusCode).toBe(
      401,
    );
    // Results files follow GET results: a participant reads them in notice, the public not yet.
    expect(
      (await s.as('huangshanpu', { url: `/api/v1/rounds/${roundId}/results.xlsx` })).statusCode,
    ).toBe(200);
    expect((await s.as(null, { url: `/api/v1/rounds/${roundId}/results.csv` })).statusCode).toBe(
      401,
    );

    const practice = await s.as('admin', {
      method: 'POST',
      url: '/api/v1/practices',
      payload: {
        contest: contestId,
        round: roundId,
        unit: HSP,
        title: '“党建+网格”推动活动场所提档升级',
        summary: '黄山铺镇以网格为单元整合村级活动场所，做到有人管事、有钱办事、有场所议事。',
        bodyHtml: '<p>做法</p>',
      },
    });
    await s.as('admin', { method: 'POST', url: `/api/v1/practices/${practice.json().id}/publish` });
    s.clock.advanceMinutes(3 * 24 * 60);
    expect((await move('published')).statusCode).toBe(200);
    published = (await s.as(null, { url: `/api/v1/rounds/${roundId}/results` })).json().items;
    expect(published.some((u) => u.flag === 'red')).toBe(true);
    expect(published.some((u) => u.flag === 'yellow')).toBe(true);
  });

  it('the results workbook agrees with the API: ranking, flags with fills, indicators, movement, print layout', async () => {
    const res = await s.as(null, { url: `/api/v1/rounds/${roundId}/results.xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = await workbookOf(res.rawPayload);
    const ws = wb.getWorksheet('成绩排名')!;
    expect(String(ws.getCell('A1').value)).toBe('基层党建重点任务擂台赛 2026年6月 成绩排名');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.headerFooter.oddHeader).toContain('成绩排名');
    const header = (ws.getRow(3).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 4)).toEqual(['名次', '编码', '单位', '总分']);
    const a1 = header.indexOf('A1 村级活动场所标准化（40分）') + 1;
    expect(a1).toBeGreaterThan(0);
    expect(ws.getRow(4).getCell(a1).value).toBe('数值');
    published.forEach((u, k) => {
      const row = ws.getRow(5 + k);
      expect(row.getCell(1).value).toBe(u.rank);
      expect(row.getCell(2).value).toBe(u.code);
      expect(row.getCell(3).value).toBe(u.name);
      expect(row.getCell(4).value).toBe(u.total);
      expect(row.getCell(5).value).toBe(
        u.flag === 'red' ? '红旗' : u.flag === 'yellow' ? '黄旗' : '',
      );
      expect(row.getCell(a1 + 1).value).toBe(u.indicators.A1?.score ?? null);
      expect(row.getCell(a1 + 2).value).toBe(u.indicators.A1?.rank ?? null);
      const fill = (row.getCell(3).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor
        ?.argb;
      expect(fill).toBe(
        u.flag === 'red' ? 'FFFFC7CE' : u.flag === 'yellow' ? 'FFFFEB9C' : undefined,
      );
    });
    const data = wb.getWorksheet('results')!;
    expect((data.getRow(1).values as unknown[]).slice(1, 9)).toEqual([
      'code',
      'name',
      'group',
      'total',
      'rank',
      'flag',
      'vetoed',
      'missing',
    ]);
    expect(data.getRow(2).getCell(4).value).toBe(published[0]!.total);

    const csv = await s.as(null, { url: `/api/v1/rounds/${roundId}/results.csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    const records = parseCsv(csv.body.replace(/^\uFEFF/, '')).records;
    expect(records[0]!.slice(0, 8)).toEqual([
      'code',
      'name',
      'group',
      'total',
      'rank',
      'flag',
      'vetoed',
      'missing',
    ]);
    published.forEach((u, k) => {
      expect(records[k + 1]!.slice(0, 8)).toEqual([
        u.code,
        u.name,
        u.group,
        formatPoints(u.total, 2),
        String(u.rank),
        u.flag ?? '',
        String(u.vetoed),
        u.missing.join(';'),
      ]);
    });
  });

  it('the bulletin is an official notice agreeing with the API; LibreOffice renders it to PDF with the same text', async () => {
    const res = await s.as(null, { url: `/api/v1/rounds/${roundId}/bulletin.docx` });
    expect(res.statusCode).toBe(200);
    const { text, xml } = docxText(res.rawPayload);
    const title = '关于2026年6月基层党建重点任务擂台赛情况的通报';
    expect(text.split('\n')[0]).toBe(title);
    expect(text).not.toContain('征求意见稿');
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋_GB2312');
    const reds = published.filter((u) => u.flag === 'red').map((u) => u.name);
    const yellows = published.filter((u) => u.flag === 'yellow').map((u) => u.name);
    expect(text).toContain(`${reds.join('、')}等${reds.length}个单位成绩突出，获得红旗`);
    expect(text).toContain(yellows.join('、'));
    expect(text).toContain('A1 村级活动场所标准化（牵头单位：县委组织部）');
    expect(text).toContain('A2 后备干部人数（牵头单位：沂水县）');
    expect(text).toContain('“党建+网格”推动活动场所提档升级');
    expect(text).toContain('特此通报。');
    expect(text).toContain('2026年7月3日'); // published three days after 2026-06-30
    expect(text.trim().split('\n').slice(-2)).toEqual(['沂水县', '2026年7月3日']);

    if (!soffice || !pdftotext) {
      console.warn(
        '\n!!! SKIPPED the bulletin → PDF check: soffice or pdftotext is missing (apt-get install libreoffice-writer-nogui poppler-utils) !!!\n',
      );
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-bulletin-'));
    try {
      const docx = path.join(dir, 'bulletin.docx');
      fs.writeFileSync(docx, res.rawPayload);
      const converted = spawnSync(
        soffice,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          docx,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(converted.status, converted.stderr).toBe(0);
      const pdf = path.join(dir, 'bulletin.pdf');
      expect(fs.existsSync(pdf)).toBe(true);
      const out = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(out.status).toBe(0);
      const lines = out.stdout.split('\n');
      const flat = out.stdout.replace(/\s+/g, '');
      expect(flat).toContain(title);
      for (const name of [...reds, ...yellows]) expect(flat).toContain(name);
      // Every ranking row: its rank, name and total on one line of the rendered table.
      for (const u of published) {
        const line = lines.find((l) => {
          const cells = l.trim().split(/\s+/);
          return cells.includes(u.name) && cells.includes(formatPoints(u.total, 2));
        });
        expect(line, `ranking row of ${u.name}`).toBeDefined();
        expect(line!.trim().split(/\s+/)[0]).toBe(String(u.rank));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('no text cell starts a formula in any export', async () => {
    const evil = '=HYPERLINK("http://example.com","黄山铺镇")';
    expect(
      (
        await s.as('admin', {
          method: 'PATCH',
          url: `/api/v1/units/${HSP}`,
          payload: { name: evil },
        })
      ).statusCode,
    ).toBe(200);
    try {
      const wb = await workbookOf(
        (await s.as(null, { url: `/api/v1/rounds/${roundId}/results.xlsx` })).rawPayload,
      );
      const cells: unknown[] = [];
      for (const ws of wb.worksheets) {
        ws.eachRow((row) => {
          row.eachCell((c) => {
            cells.push(c.value);
          });
        });
      }
      expect(cells).toContain(`'${evil}`);
      for (const v of cells) {
        if (typeof v === 'string') expect(v).not.toMatch(/^[=+\-@]/);
        expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
      }
      const csv = (await s.as(null, { url: `/api/v1/rounds/${roundId}/results.csv` })).body;
      const records = parseCsv(csv.replace(/^\uFEFF/, '')).records;
      expect(records.flat()).toContain(`'${evil}`);
      for (const [k, record] of records.entries()) {
        // Text cells: code, name, group, flag, missing (numbers may be negative: they are numbers).
        for (const c of [0, 1, 2, 5, 7]) {
          if (k > 0) expect(record[c]).not.toMatch(/^[=+\-@]/);
        }
      }
      const { text } = docxText(
        (await s.as(null, { url: `/api/v1/rounds/${roundId}/bulletin.docx` })).rawPayload,
      );
      expect(text).toContain(`'${evil}`);
      // The template (a round collecting).
      const august = await s.as('admin', {
        method: 'POST',
        url: `/api/v1/contests/${contestId}/rounds`,
        payload: { period: '2026-08' },
      });
      await move('collecting', august.json().id);
      const tpl = (await workbookOf(await template('huangshanpu', august.json().id))).getWorksheet(
        '填报表',
      )!;
      expect(tpl.getCell('B2').value).toBe(`'${evil}`);
    } finally {
      await s.as('admin', {
        method: 'PATCH',
        url: `/api/v1/units/${HSP}`,
        payload: { name: '黄山铺镇' },
      });
    }
  });
});

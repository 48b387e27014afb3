// The ledger's documents through the API, on both databases: the monthly 调度 report (XLSX by
// unit with lights and a summary sheet; the DOCX brief), export → import round trip, an import
// with bad cells refused whole with every cell named, and the public list of published projects.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { createUser } from '../app/users.ts';

const TOWN = '371323104'; // 黄山铺镇 (user huangshanpu)
const OTHER = '371323109'; // 杨庄镇
const OFFICE = '371323-D05'; // 县发展和改革局, the planning office

function multipart(name: string, bytes: Buffer) {
  const boundary = '----leitai-ledger';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  ws.eachRow((row) => {
    out.push((row.values as unknown[]).slice(1));
  });
  return out;
};

describeEachDialect('ledger documents', (use) => {
  let s: TestServer;
  let project = 0;
  const as = (user: string | null, method: string, url: string, payload?: unknown) =>
    s.as(user, {
      method: method as 'GET',
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const upload = (user: string, name: string, bytes: Buffer) =>
    s.as(user, { method: 'POST', url: '/api/v1/projects/import', ...multipart(name, bytes) });
  const count = async () =>
    Number(
      (
        await use()
          .ctx.db.selectFrom('ledger_projects')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    s = await startTestServer(use());
    await createUser(use().ctx, { username: 'fagai', unit: OFFICE, roles: ['organizer'] });
    const created = await as('fagai', 'POST', '/projects', {
      code: 'DOC-001',
      name: '新材料产业园一期',
      kind: 'key_project',
      state: 'active',
      unit: TOWN,
      owner: '某新材料有限公司',
      location: '黄山铺镇工业园',
      totalInvestment: 12000,
      startYear: 2026,
    });
    expect(created.statusCode, created.body).toBe(201);
    project = created.json().id;
    const plan = Array.from({ length: 12 }, (_, i) => ({
      month: `2026-${String(i + 1).padStart(2, '0')}`,
      planned: 100,
    }));
    expect((await as('fagai', 'PUT', `/projects/${project}/investments`, plan)).statusCode).toBe(
      200,
    );
    expect(
      (
        await as('huangshanpu', 'PUT', `/projects/${project}/investments`, [
          { month: '2026-01', completed: 90 },
          { month: '2026-06', completed: 110 },
        ])
      ).statusCode,
    ).toBe(200);
    expect(
      (await as('huangshanpu', 'POST', `/projects/${project}/problems`, { title: '用电增容' }))
        .statusCode,
    ).toBe(201);
  });
  afterAll(() => s.close());

  it('gives the monthly report by unit with lights and a summary, and the brief', async () => {
    const res = await as('fagai', 'GET', '/projects/report.xlsx?month=2026-06');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('2026-06.xlsx');
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '分单位明细']);
    const summary = rowsOf(wb.getWorksheet('汇总')!);
    const town = summary.find((r) => r[0] === '黄山铺镇')!;
    // 1 project, red (200 of 600 by June 30th: 33 points behind), year plan 1200, ytd 600, 200 done.
    expect(town.slice(0, 11)).toEqual(['黄山铺镇', 1, 1, 0, 0, 1200, 600, 200, 33.3, 1, 0]);
    const detail = rowsOf(wb.getWorksheet('分单位明细')!);
    expect(detail.some((r) => String(r[0]).startsWith('黄山铺镇（1个项目：红灯1'))).toBe(true);
    const line = detail.find((r) => r[1] === 'DOC-001')!;
    expect(line[2]).toBe('新材料产业园一期');
    expect(line[8]).toBe(100); // 本月计划
    expect(line[9]).toBe(110); // 本月完成
    expect(line[14]).toBe('红灯');
    expect(String(line[15])).toContain('滞后序时进度');

    // A unit's report holds its own projects only; another unit's holds none.
    const other = await as('yangzhuang', 'GET', '/projects/report.xlsx?month=2026-06');
    expect(other.statusCode).toBe(200);
    const otherRows = rowsOf((await workbook(other.rawPayload)).getWorksheet('分单位明细')!);
    expect(otherRows.some((r) => r[1] === 'DOC-001')).toBe(false);

    const sum = await as('fagai', 'GET', '/ledger/summary?month=2026-06');
    expect(sum.statusCode, sum.body).toBe(200);
    expect(sum.json().byUnit).toEqual([
      expect.objectContaining({ key: TOWN, name: '黄山铺镇', projects: 1, red: 1, rate: 33.3 }),
    ]);
    expect(sum.json().byKind[0]).toMatchObject({ name: '重点项目', projects: 1, red: 1 });
    expect((await as('yangzhuang', 'GET', '/ledger/summary?month=2026-06')).json().byUnit).toEqual(
      [],
    );
    const docx = await as('fagai', 'GET', '/projects/report.docx?month=2026-06');
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await as('fagai', 'GET', '/projects/report.xlsx?month=2026-13')).statusCode).toBe(400);
    expect((await as('fagai', 'GET', '/projects/report.xlsx?month=2027-01')).statusCode).toBe(400);
    expect((await as(null, 'GET', '/projects/report.xlsx?month=2026-06')).statusCode).toBe(401);
  });

  it('exports the ledger and imports it back, adding and updating', async () => {
    const res = await as('fagai', 'GET', '/projects/export.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = await workbook(res.rawPayload);
    const ps = wb.getWorksheet('项目台账')!;
    expect(rowsOf(ps)[1]!.slice(0, 5)).toEqual([
      'DOC-001',
      '新材料产业园一期',
      '重点项目',
      '实施',
      TOWN,
    ]);
    // Change the name, add a project and its months.
    ps.getRow(2).getCell(2).value = '新材料产业园（一期）';
    ps.addRow([
      'DOC-002',
      '城区供热管网改造',
      '城建重点工程',
      '储备',
      OTHER,
      '',
      '',
      '',
      '',
      3000,
      2026,
    ]);
    const is = wb.getWorksheet('月度投资')!;
    is.addRow(['DOC-002', '2026-05', 200, 150]);
    is.addRow(['DOC-002', '2026-06', 200, null]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    // A town may not import (plans are the planning office's): refused before the file is read.
    const before = await count();
    const byTown = await upload('huangshanpu', 'ledger.xlsx', bytes);
    expect(byTown.statusCode).toBe(403);
    expect(await count()).toBe(before);

    const imported = await upload('fagai', 'ledger.xlsx', bytes);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ created: 1, updated: 1 });
    expect((await as('fagai', 'GET', `/projects/${project}`)).json().name).toBe(
      '新材料产业园（一期）',
    );
    const id = (await as('fagai', 'GET', `/projects?q=${encodeURIComponent('供热')}`)).json()
      .items[0].id;
    const added = (await as('fagai', 'GET', `/projects/${id}`)).json();
    expect(added).toMatchObject({ kind: 'urban_work', state: 'reserve', totalInvestment: 3000 });
    expect(added.investments).toEqual([
      { month: '2026-05', planned: 200, completed: 150 },
      { month: '2026-06', planned: 200, completed: null },
    ]);
    // Importing the same file again changes nothing more.
    expect((await upload('fagai', 'ledger.xlsx', bytes)).json()).toMatchObject({
      created: 0,
      updated: 2,
    });
    const audited = await use()
      .ctx.db.selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'ledger.import')
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('refuses a workbook with bad cells whole, naming each by sheet, row and column', async () => {
    const wb = new ExcelJS.Workbook();
    const ps = wb.addWorksheet('项目台账');
    ps.addRow([
      '项目编号*',
      '项目名称*',
      '类别*',
      '库状态',
      '责任单位编码*',
      '责任单位',
      '业主单位',
      '建设地点',
      '所属行业',
      '总投资（万元）*',
      '开工年度*',
    ]);
    ps.addRow(['BAD-1', '好项目', '重点项目', '实施', TOWN, '', '', '', '', 100, 2026]); // 2: fine
    ps.addRow(['BAD-2', '负数', '重点项目', '实施', TOWN, '', '', '', '', -5, 2026]); // 3
    ps.addRow(['BAD-3', '文字', '重点项目', '实施', TOWN, '', '', '', '', '很多', 2026]); // 4
    ps.addRow(['BAD-1', '重复', '重点项目', '实施', TOWN, '', '', '', '', 1, 2026]); // 5
    ps.addRow(['BAD-5', '无此单位', '重点项目', '实施', '999', '', '', '', '', 1, 2026]); // 6
    ps.addRow(['BAD-6', '坏类别', '大项目', '开工', TOWN, '', '', '', '', 1e12, 1999]); // 7
    const is = wb.addWorksheet('月度投资');
    is.addRow(['项目编号*', '月份*', '计划投资（万元）', '完成投资（万元）', '已核实']);
    is.addRow(['BAD-1', '2026-06', 10, 101]); // 2: above 10× unconfirmed
    is.addRow(['BAD-1', '2026-07', 10, 101, '是']); // 3: confirmed, fine
    is.addRow(['BAD-1', '2026-13', 10, 1]); // 4
    is.addRow(['NOPE', '2026-06', 10, 1]); // 5
    is.addRow(['DOC-001', '2026-07', null, 5000]); // 6: stored plan 100, unconfirmed
    const before = await count();
    const res = await upload('fagai', 'bad.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('INVALID_SHEET');
    const where = (
      error.details.problems as { sheet: string; row: number; column: string; code: string }[]
    ).map((p) => `${p.sheet}!${p.row}:${p.column}:${p.code}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '项目台账!3:总投资（万元）:NEGATIVE',
        '项目台账!4:总投资（万元）:NOT_A_NUMBER',
        '项目台账!5:项目编号:DUPLICATE_CODE',
        '项目台账!7:类别:UNKNOWN_KIND',
        '项目台账!7:库状态:UNKNOWN_STATE',
        '项目台账!7:总投资（万元）:TOO_LARGE',
        '项目台账!7:开工年度:BAD_YEAR',
        '月度投资!2:完成投资（万元）:NEEDS_CONFIRMATION',
        '月度投资!4:月份:BAD_MONTH',
      ]),
    );
    expect(where.some((w) => w.startsWith('月度投资!3:'))).toBe(false);
    expect(error.message).toContain('整个文件未导入');
    expect(await count()).toBe(before);

    // Form alone fine, but the database says no: an unknown unit, an unknown project, the 10×
    // rule against the stored plan. Still nothing written.
    const wb2 = new ExcelJS.Workbook();
    const ps2 = wb2.addWorksheet('项目台账');
    ps2.addRow(rowsOf(ps)[0]!);
    ps2.addRow(['OK-1', '好项目', '重点项目', '实施', TOWN, '', '', '', '', 100, 2026]);
    ps2.addRow(['BAD-5', '无此单位', '重点项目', '实施', '999', '', '', '', '', 1, 2026]);
    const is2 = wb2.addWorksheet('月度投资');
    is2.addRow(rowsOf(is)[0]!);
    is2.addRow(['NOPE', '2026-06', 10, 1]);
    is2.addRow(['DOC-001', '2026-07', null, 5000]);
    const res2 = await upload('fagai', 'bad2.xlsx', Buffer.from(await wb2.xlsx.writeBuffer()));
    expect(res2.statusCode).toBe(400);
    expect(
      (res2.json().error.details.problems as { sheet: string; row: number; code: string }[]).map(
        (p) => `${p.sheet}!${p.row}:${p.code}`,
      ),
    ).toEqual([
      '月度投资!2:UNKNOWN_PROJECT',
      '月度投资!3:NEEDS_CONFIRMATION',
      '项目台账!3:UNKNOWN_UNIT',
    ]);
    expect(await count()).toBe(before);

    expect((await upload('fagai', 'x.xlsx', Buffer.from('not a zip'))).json().error.code).toBe(
      'BAD_FILE',
    );
    expect((await upload('fagai', 'x.csv', Buffer.from('a,b'))).statusCode).toBe(415);
  });

  it('shows only published projects to the public, money only when published too', async () => {
    expect((await as(null, 'GET', '/public/projects')).json()).toEqual({ items: [], total: 0 });
    // A town may not publish; the planning office may.
    expect(
      (await as('huangshanpu', 'PATCH', `/projects/${project}`, { published: true })).statusCode,
    ).toBe(403);
    expect(
      (await as('fagai', 'PATCH', `/projects/${project}`, { published: true })).statusCode,
    ).toBe(200);
    const shown = (await as(null, 'GET', '/public/projects')).json();
    expect(shown.total).toBe(1);
    expect(shown.items[0]).toMatchObject({
      name: '新材料产业园（一期）',
      unit: '黄山铺镇',
      location: '黄山铺镇工业园',
      investment: null,
    });
    expect(JSON.stringify(shown)).not.toContain('12000');
    await as('fagai', 'PATCH', `/projects/${project}`, { publishInvestment: true });
    const withMoney = (await as(null, 'GET', '/public/projects')).json().items[0];
    expect(withMoney.investment).toMatchObject({
      total: 12000,
      yearPlanned: 1200,
      ytdCompleted: 200,
    });
  });
});

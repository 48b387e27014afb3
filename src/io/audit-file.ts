/** The audit log as CSV or XLSX for the assessor (issue 19): one row an event, times in UTC. */
import { stringifyCsv } from './csv.ts';

export interface AuditRow {
  id: number;
  at: string;
  actorName: string;
  actorUserId: number | null;
  unitId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  hash: string;
}

const HEADER = [
  '序号 id',
  '时间 time (UTC)',
  '操作人 actor',
  '操作人编号 actor id',
  '单位编号 unit id',
  '类别 kind',
  '操作 action',
  '对象 entity',
  '对象编号 entity id',
  '修改前 before',
  '修改后 after',
  '哈希 hash',
];

function record(e: AuditRow, kindOf: (action: string) => string) {
  return [
    e.id,
    e.at,
    e.actorName,
    e.actorUserId,
    e.unitId,
    kindOf(e.action),
    e.action,
    e.entityType,
    e.entityId,
    e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
    e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
    e.hash,
  ];
}

/** CSV with a BOM so that Excel and WPS open the Chinese header as UTF-8. */
export function auditCsv(events: readonly AuditRow[], kindOf: (action: string) => string): Buffer {
  const text = stringifyCsv([HEADER, ...events.map((e) => record(e, kindOf))]);
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

export async function auditXlsx(
  events: readonly AuditRow[],
  kindOf: (action: string) => string,
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('审计日志');
  sheet.addRow(HEADER);
  sheet.getRow(1).font = { bold: true };
  for (const e of events) {
    // Text cells never start a formula: exceljs writes strings as strings, never as formulas.
    sheet.addRow(record(e, kindOf));
  }
  sheet.columns.forEach((c, i) => {
    c.width = [8, 26, 14, 10, 10, 10, 22, 14, 12, 40, 40, 20][i] ?? 12;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

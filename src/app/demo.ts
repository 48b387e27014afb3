import { findUnit, insertUnit } from '../db/unit.repository.ts';
import type { AppContext } from './context.ts';
import { importDivision } from './import-division.ts';

/** 沂水县 (Yishui County, Linyi, Shandong): the demo county of DESIGN §6. */
export const DEMO_COUNTY = '371323';

/** County departments (县直部门) that lead indicators and run contests. */
export const DEMO_DEPARTMENTS: ReadonlyArray<{ code: string; name: string }> = [
  { code: '371323-D01', name: '县委组织部' },
  { code: '371323-D02', name: '县委办公室（县委考核办）' },
  { code: '371323-D03', name: '县委宣传部' },
  { code: '371323-D04', name: '县委政法委员会' },
  { code: '371323-D05', name: '县发展和改革局' },
  { code: '371323-D06', name: '县工业和信息化局' },
  { code: '371323-D07', name: '县住房和城乡建设局' },
  { code: '371323-D08', name: '县农业农村局' },
  { code: '371323-D09', name: '县财政局' },
  { code: '371323-D10', name: '县自然资源和规划局' },
  { code: '371323-D11', name: '县商务局' },
  { code: '371323-D12', name: '县民政局' },
  { code: '371323-D13', name: '县应急管理局' },
  { code: '371323-D14', name: '县综合行政执法局' },
  { code: '371323-D15', name: '县文化和旅游局' },
  { code: '371323-D16', name: '县信访局' },
];

export interface DemoSummary {
  units: number;
  departmentsAdded: number;
}

/**
 * Loads the demo county: Yishui's real towns, streets and villages, and its county departments.
 * Running it again changes nothing that is already there.
 */
export async function loadDemo(ctx: AppContext): Promise<DemoSummary> {
  const imported = await importDivision(ctx, DEMO_COUNTY);
  return ctx.db.transaction().execute(async (trx) => {
    const county = await findUnit(trx, DEMO_COUNTY);
    if (!county) throw new Error('demo county missing after import');
    let departmentsAdded = 0;
    for (const d of DEMO_DEPARTMENTS) {
      if (await findUnit(trx, d.code)) continue;
      await insertUnit(
        trx,
        { ...d, kind: 'department', parentId: county.id, source: 'custom' },
        ctx.clock.now().toISOString(),
      );
      departmentsAdded += 1;
    }
    return { units: imported.total, departmentsAdded };
  });
}

import type { Role } from '../core/permissions.ts';
import { findUnit } from '../db/unit.repository.ts';
import { findUser } from '../db/user.repository.ts';
import type { AppContext } from './context.ts';
import { type DemoContestsSummary, loadDemoContests } from './demo-contests.ts';
import { loadDemoLedger } from './demo-ledger.ts';
import { loadDemoPoints } from './demo-points.ts';
import { type FirstRoundTally, firstPartyRound, loadDemoSeries } from './demo-series.ts';
import { importDivision } from './import-division.ts';
import { createUnit } from './units.ts';
import { changeUser, createUser } from './users.ts';

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

/** One demo user for every role (DESIGN §1); passwords are made fresh on every run. */
export const DEMO_USERS: ReadonlyArray<{
  username: string;
  displayName: string;
  unit: string;
  roles: Role[];
}> = [
  {
    username: 'admin',
    displayName: '县委组织部管理员',
    unit: DEMO_COUNTY,
    roles: ['admin', 'organizer'],
  },
  {
    username: 'zuzhibu',
    displayName: '县委组织部组织科',
    unit: '371323-D01',
    roles: ['evaluator'],
  },
  {
    username: 'huangshanpu',
    displayName: '黄山铺镇填报员',
    unit: '371323104',
    roles: ['reporter'],
  },
  { username: 'yangzhuang', displayName: '杨庄镇填报员', unit: '371323109', roles: ['reporter'] },
  { username: 'lingdao', displayName: '县领导', unit: DEMO_COUNTY, roles: ['viewer'] },
  // Down to a village (DESIGN §6): 黄山铺镇 runs its villages' contests; 黄山村 reports to it.
  {
    username: 'hsp-zuzhi',
    displayName: '黄山铺镇党委组织办',
    unit: '371323104',
    roles: ['organizer'],
  },
  {
    username: 'huangshancun',
    displayName: '黄山村文书',
    unit: '371323104200',
    roles: ['reporter'],
  },
  {
    username: 'huangshancun-shuji',
    displayName: '黄山村党支部书记',
    unit: '371323104200',
    roles: ['viewer'],
  },
];

/** Demo passwords are printed for the README walkthrough: not forced to change (docs/SECURITY.md). */
const DEMO_PASSWORDS = { forceChange: false };

export interface DemoSummary {
  units: number;
  departmentsAdded: number;
  contests: DemoContestsSummary;
  /** The 党建 series' first month as the report counts it, with why it differs (if it does). */
  firstRound?: FirstRoundTally | undefined;
  /** Shown on the console only; never stored in clear. */
  credentials: { username: string; displayName: string; roles: Role[]; password: string }[];
}

/**
 * The demo builds its past months through the same transitions as real use, which leave every
 * user many stale unread notices (进入公示 and the like): the demo starts with all of them read.
 */
async function readPastNotifications(ctx: AppContext): Promise<void> {
  await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now().toISOString() })
    .where('read_at', 'is', null)
    .execute();
}

/**
 * Loads the demo county: Yishui's real towns, streets and villages, its county departments, and a
 * user for every role. Running it again adds nothing twice, and gives the demo users new passwords.
 */
export async function loadDemo(
  ctx: AppContext,
  options: { contests?: boolean } = {},
): Promise<DemoSummary> {
  const imported = await importDivision(ctx, DEMO_COUNTY);
  let departmentsAdded = 0;
  for (const d of DEMO_DEPARTMENTS) {
    if (await findUnit(ctx.db, d.code)) continue;
    await createUnit(ctx, { ...d, kind: 'department', parent: DEMO_COUNTY });
    departmentsAdded += 1;
  }
  const credentials: DemoSummary['credentials'] = [];
  for (const u of DEMO_USERS) {
    const existing = await findUser(ctx.db, u.username);
    const { password } = existing
      ? await changeUser(ctx, String(existing.id), { resetPassword: true }, DEMO_PASSWORDS)
      : await createUser(ctx, u, DEMO_PASSWORDS);
    credentials.push({
      username: u.username,
      displayName: u.displayName,
      roles: u.roles,
      password: password!,
    });
  }
  // The project ledger first: the 重点工业项目 boards' rounds are filled from it (DESIGN §9).
  if (options.contests !== false) await loadDemoLedger(ctx);
  for (const c of (await loadDemoPoints(ctx)).credentials) credentials.push(c);
  const contests =
    options.contests === false
      ? { contests: 0, rounds: 0, entries: 0, assessments: 0 }
      : await loadDemoContests(ctx);
  if (options.contests !== false) await loadDemoSeries(ctx);
  const firstRound = options.contests !== false ? await firstPartyRound(ctx) : undefined;
  await readPastNotifications(ctx);
  return { units: imported.total, departmentsAdded, contests, firstRound, credentials };
}

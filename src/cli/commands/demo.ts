import { loadDemo } from '../../app/demo.ts';
import { ROLE_NAMES } from '../../core/permissions.ts';
import { type Command, commonOptions } from '../command.ts';
import { configFrom, withDatabase } from '../runtime.ts';

export const demoCommand: Command = {
  usage: '[--data DIR]',
  options: commonOptions,
  async run({ values }, io) {
    const config = configFrom(values, io);
    return withDatabase(config, async (ctx, handle) => {
      const s = await loadDemo(ctx);
      io.out(
        `示范县已载入 demo county loaded: 沂水县 ${s.units} 个行政区划单位 division units, 新增县直部门 ${s.departmentsAdded} departments added (${handle.location})`,
      );
      const c = s.contests;
      io.out(
        c.contests
          ? `示范擂台赛 demo contests: 新建 ${c.contests} 个擂台赛 contests, ${c.rounds} 期 rounds, ${c.entries} 项填报 entries, ${c.assessments} 项综合考核 assessment`
          : '示范擂台赛已存在 demo contests already loaded',
      );
      const f = s.firstRound;
      if (f) {
        io.out(
          `${f.series}首轮打擂（${f.periodLabel}）：红旗单位 ${f.redUnits} 个，黄旗单位 ${f.yellowUnits} 个 first party-building month: ${f.redUnits} units with a red flag, ${f.yellowUnits} with a yellow`,
        );
        if (f.redUnits !== 6 || f.yellowUnits !== 2) io.out(`  ${f.note}`);
      }
      io.out(
        '示范账号（密码每次运行 demo 时重新生成，仅在此显示）demo users (new passwords on every run, shown here only):',
      );
      for (const c of s.credentials) {
        const roles = c.roles.map((r) => ROLE_NAMES[r]).join('、');
        io.out(`  ${c.username.padEnd(12)} ${c.password}   ${c.displayName}（${roles}）`);
      }
      return 0;
    });
  },
};

import { loadDemo } from '../../app/demo.ts';
import { type Command, commonOptions } from '../command.ts';
import { configFrom, withDatabase } from '../runtime.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: '载入示范县（沂水县）数据 load the demo county (Yishui)',
  usage: '[--data DIR]',
  options: commonOptions,
  async run({ values }, io) {
    const config = configFrom(values, io);
    return withDatabase(config, async (ctx, handle) => {
      const s = await loadDemo(ctx);
      io.out(
        `示范县已载入 demo county loaded: 沂水县 ${s.units} 个行政区划单位 division units, 新增县直部门 ${s.departmentsAdded} departments added (${handle.location})`,
      );
      return 0;
    });
  },
};

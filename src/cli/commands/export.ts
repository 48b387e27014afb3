// `leitai export --round ID --out FILE`: a round's results as .xlsx (ranking + DESIGN §4 data),
// .csv (§4), .json (GET results' items) or its bulletin as .docx, as the system actor. The file is
// written whole or not at all. Exit 0 on success, 1 when the round cannot give it, 2 on bad usage.
import { extname } from 'node:path';
import { resultsFile, roundBulletin } from '../../app/sheets.ts';
import { DomainError } from '../../core/errors.ts';
import { writeFileAtomic } from '../../io/results-file.ts';
import { type Command, commonOptions, UsageError } from '../command.ts';
import { configFrom, str, withDatabase } from '../runtime.ts';
import { reportDomainError, roundOption } from './import.ts';

const FORMATS = ['.xlsx', '.csv', '.json', '.docx'] as const;

export const exportCommand: Command = {
  usage: '--round ID --out FILE.xlsx|FILE.csv|FILE.json|FILE.docx [--revision N] [--data DIR]',
  options: {
    ...commonOptions,
    round: { type: 'string' },
    out: { type: 'string' },
    revision: { type: 'string' },
  },
  async run({ values }, io) {
    const round = roundOption(values);
    const out = str(values, 'out');
    if (!out) throw new UsageError('缺少 --out FILE (missing --out)');
    const ext = extname(out).toLowerCase() as (typeof FORMATS)[number];
    if (!FORMATS.includes(ext)) {
      throw new UsageError(
        `--out 须为 .xlsx、.csv、.json 或 .docx 文件 (the output must be .xlsx, .csv, .json or .docx): ${out}`,
      );
    }
    const revisionText = str(values, 'revision');
    if (revisionText !== undefined && !/^\d+$/.test(revisionText)) {
      throw new UsageError(`--revision 须为非负整数 (a revision number): ${revisionText}`);
    }
    if (revisionText !== undefined && ext === '.docx') {
      throw new UsageError('通报只按当前修订生成 (the bulletin is of the current revision only)');
    }
    const revision = revisionText === undefined ? undefined : Number(revisionText);
    const config = configFrom(values, io);
    return withDatabase(config, async (ctx) => {
      try {
        const file =
          ext === '.docx'
            ? await roundBulletin(ctx, round)
            : await resultsFile(ctx, round, ext.slice(1) as 'xlsx' | 'csv' | 'json', revision);
        await writeFileAtomic(out, file.bytes);
        io.out(`已写出 ${out}（${file.filename}，${file.bytes.length} 字节）(wrote ${out})`);
        return 0;
      } catch (error) {
        if (error instanceof DomainError) {
          reportDomainError(error, io);
          return 1;
        }
        const code = (error as NodeJS.ErrnoException).code;
        if (code) {
          io.err(`无法写出 (cannot write) ${out}: ${(error as Error).message}`);
          return 1;
        }
        throw error;
      }
    });
  },
};

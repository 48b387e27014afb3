// `leitai import --round ID FILE`: a filled sheet (.xlsx or .csv) into a round, all or nothing,
// as the system actor — the same use case as POST /rounds/:id/import. Exit 0 on success, 1 on bad
// input (every problem on stderr, nothing written), 2 on bad usage.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type CellProblem, formatCellProblem, importSheet } from '../../app/sheets.ts';
import { DomainError } from '../../core/errors.ts';
import { sheetFormatOf } from '../../io/score-sheet.ts';
import { type CliIO, type Command, commonOptions, UsageError } from '../command.ts';
import { configFrom, withDatabase } from '../runtime.ts';

/** The round option as an id, or bad usage. */
export function roundOption(values: Record<string, unknown>): string {
  const round = typeof values.round === 'string' ? values.round : undefined;
  if (!round) throw new UsageError('缺少 --round ID (missing --round)');
  if (!/^\d+$/.test(round)) throw new UsageError(`--round 须为期次编号 (a round id): ${round}`);
  return round;
}

/** Prints a refused operation: the message, then every problem it names. */
export function reportDomainError(error: DomainError, io: CliIO, prefix = ''): void {
  io.err(error.message);
  const problems = (error.details as { problems?: CellProblem[] } | undefined)?.problems;
  for (const p of problems ?? []) io.err(`${prefix}${formatCellProblem(p)}`);
}

export const importCommand: Command = {
  usage: '--round ID FILE.xlsx|FILE.csv [--data DIR]',
  options: { ...commonOptions, round: { type: 'string' } },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const round = roundOption(values);
    if (positionals.length !== 1) {
      throw new UsageError('须给出一个文件 (give exactly one FILE.xlsx or FILE.csv)');
    }
    const file = positionals[0]!;
    if (!sheetFormatOf(file)) {
      throw new UsageError(
        `文件须为 .xlsx 或 .csv（.xls 请另存为 .xlsx） (the sheet must be .xlsx or .csv): ${file}`,
      );
    }
    const config = configFrom(values, io);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.err(
        `${file}: ${code === 'ENOENT' ? '文件不存在 (no such file)' : `无法读取 (cannot read: ${(error as Error).message})`}`,
      );
      return 1;
    }
    return withDatabase(config, async (ctx) => {
      const started = performance.now();
      try {
        const s = await importSheet(ctx, round, { filename: basename(file), bytes });
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        io.out(
          `已导入第 ${s.roundId} 期：${s.rows} 行，检查 ${s.cells} 格，写入 ${s.written} 格（其中清空 ${s.cleared}），未变 ${s.unchanged} 格，用时 ${seconds} 秒 (imported ${s.rows} rows: ${s.written} cells written, ${s.unchanged} unchanged, ${seconds} s)`,
        );
        return 0;
      } catch (error) {
        if (error instanceof DomainError) {
          reportDomainError(error, io, `${basename(file)} `);
          return 1;
        }
        throw error;
      }
    });
  },
};

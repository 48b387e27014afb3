// `leitai rank`: a round computed offline from a rubric and a score sheet, no server, no database
// (DESIGN §4). Exit 0 on success, 1 on bad input (every problem on stderr, no output written),
// 2 on bad usage.

import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { DomainError } from '../../core/errors.ts';
import { FLAG_RED, FLAG_YELLOW } from '../../core/flags.ts';
import { rankRound } from '../../core/rank-round.ts';
import { formatRubricProblem, parseRubric } from '../../core/rubric.ts';
import { decodeText } from '../../io/csv.ts';
import { installRankThreads } from '../../io/rank-threads.ts';
import { resultsFormatOf, writeResultsFile } from '../../io/results-file.ts';
import { formatSheetProblem, readScoreSheet, sheetFormatOf } from '../../io/score-sheet.ts';
import type { CliIO, Command, OptionValues } from '../command.ts';
import { UsageError } from '../command.ts';

function required(values: OptionValues, name: string, what: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') {
    throw new UsageError(`缺少 --${name} ${what} (missing --${name})`);
  }
  return value;
}

async function readInput(path: string, what: string, io: CliIO): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? '文件不存在 (no such file)'
        : `无法读取 (cannot read: ${(error as Error).message})`;
    io.err(`${what} ${path}: ${reason}`);
    return undefined;
  }
}

export const rankCommand: Command = {
  usage: '--rubric R.yaml|R.json --data S.csv|S.xlsx --out OUT.csv|OUT.xlsx|OUT.json [--pretty]',
  // `--data` here is the score sheet (DESIGN §4), not the common data folder: rank needs none.
  options: {
    rubric: { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string' },
    /** Indented JSON, for reading by eye; compact by default. */
    pretty: { type: 'boolean' },
  },
  async run({ values }, io) {
    const rubricPath = required(values, 'rubric', 'R.yaml');
    const dataPath = required(values, 'data', 'S.csv|S.xlsx');
    const outPath = required(values, 'out', 'OUT.csv|OUT.xlsx|OUT.json');
    const rubricExt = extname(rubricPath).toLowerCase();
    if (!['.yaml', '.yml', '.json'].includes(rubricExt)) {
      throw new UsageError(
        `--rubric 须为 .yaml、.yml 或 .json 文件 (the rubric must be .yaml, .yml or .json): ${rubricPath}`,
      );
    }
    const sheetFormat = sheetFormatOf(dataPath);
    if (!sheetFormat) {
      throw new UsageError(
        `--data 须为 .csv 或 .xlsx 文件（.xls 请另存为 .xlsx） (the sheet must be .csv or .xlsx): ${dataPath}`,
      );
    }
    const outFormat = resultsFormatOf(outPath);
    if (!outFormat) {
      throw new UsageError(
        `--out 须为 .csv、.xlsx 或 .json 文件 (the output must be .csv, .xlsx or .json): ${outPath}`,
      );
    }
    if (resolve(outPath) === resolve(dataPath) || resolve(outPath) === resolve(rubricPath)) {
      throw new UsageError(
        `--out 不能覆盖输入文件 (the output must not overwrite an input): ${outPath}`,
      );
    }

    const rubricBytes = await readInput(rubricPath, '评分标准 rubric', io);
    const sheetBytes = await readInput(dataPath, '得分表 sheet', io);
    if (!rubricBytes || !sheetBytes) return 1;

    // UTF-8 with or without BOM, or GB18030 as a Chinese Windows editor may save it.
    const rubricText = decodeText(rubricBytes).text;
    const parsed = parseRubric(rubricText, rubricExt === '.json' ? 'json' : 'yaml');
    if (!parsed.ok) {
      io.err(
        `评分标准有 ${parsed.problems.length} 处错误 (the rubric has ${parsed.problems.length} problem(s)): ${rubricPath}`,
      );
      for (const p of parsed.problems) io.err(`${basename(rubricPath)} ${formatRubricProblem(p)}`);
      return 1;
    }
    const read = await readScoreSheet(sheetBytes, { format: sheetFormat }, parsed.rubric);
    if (!read.ok) {
      const total = read.total ?? read.problems.length;
      io.err(
        `得分表有 ${total} 处错误，未写出结果 (the sheet has ${total} problem(s); nothing written): ${dataPath}`,
      );
      for (const p of read.problems) io.err(`${basename(dataPath)} ${formatSheetProblem(p)}`);
      if (total > read.problems.length) {
        const counts = Object.entries(read.counts ?? {})
          .map(([code, n]) => `${code} ${n}`)
          .join(', ');
        io.err(
          `……另有 ${total - read.problems.length} 处未列出；按类别：${counts} (${total - read.problems.length} more not listed; by kind: ${counts})`,
        );
      }
      return 1;
    }

    let result: ReturnType<typeof rankRound>;
    // A national sheet scores half its indicators on a second thread (none below 100,000 units).
    installRankThreads();
    try {
      result = rankRound(parsed.rubric, read.sheet);
    } catch (error) {
      // The engine refuses values whose score would not be finite: bad input, not a crash.
      if (!(error instanceof DomainError)) throw error;
      io.err(`${basename(dataPath)} ${error.message}`);
      return 1;
    }
    try {
      await writeResultsFile(result, outPath, outFormat, { pretty: values.pretty === true });
    } catch (error) {
      io.err(`无法写出结果 (cannot write the results): ${outPath}: ${(error as Error).message}`);
      return 1;
    }
    let red = 0;
    let yellow = 0;
    for (const f of result.flags) {
      if (f === FLAG_RED) red++;
      else if (f === FLAG_YELLOW) yellow++;
    }
    io.out(
      `已写出 ${outPath}：${result.size} 个单位，${result.grouping.count} 个分组，红旗 ${red}，黄旗 ${yellow} (wrote ${result.size} units in ${result.grouping.count} group(s): ${red} red, ${yellow} yellow)`,
    );
    return 0;
  },
};

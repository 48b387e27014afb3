import { parseArgs } from 'node:util';
import { type CliIO, UsageError } from './command.ts';
import { type CommandEntry, commands } from './commands/index.ts';

const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

function help(io: CliIO): void {
  io.out('leitai — 擂台 county performance contests\n\nCommands:');
  for (const c of commands) io.out(`  leitai ${c.name.padEnd(16)} ${c.summary}`);
  io.out('\nEvery command takes --data DIR (or LEITAI_DATA) and honours DATABASE_URL.');
}

function findCommand(argv: string[]): { entry: CommandEntry; rest: string[] } | undefined {
  const two = commands.find((c) => c.name === `${argv[0]} ${argv[1]}`);
  if (two) return { entry: two, rest: argv.slice(2) };
  const one = commands.find((c) => c.name === argv[0]);
  return one ? { entry: one, rest: argv.slice(1) } : undefined;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    help(io);
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`未知命令 unknown command: ${argv.slice(0, 2).join(' ')}`);
    help(io);
    return 2;
  }
  const { entry, rest } = found;
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`leitai ${entry.name} ${command.usage}\n\n${entry.summary}`);
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return await command.run({ values, positionals }, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`用法错误 bad usage: ${(error as Error).message}`);
      io.err(`usage: leitai ${entry.name} ${command.usage}`);
      return 2;
    }
    throw error;
  }
}

import type { ParseArgsConfig } from 'node:util';

/** Where a command writes; tests pass their own to capture output. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** A command's implementation; its name and summary are listed in `commands/index.ts`. */
export interface Command {
  /** Shown after `leitai <name>` in help and on bad usage. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  /** Returns the exit code: 0 success, 1 bad input, 2 bad usage (DESIGN §4). */
  run(args: { values: OptionValues; positionals: string[] }, io: CliIO): Promise<number>;
}

/** Thrown for bad usage: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** Options every command takes (DESIGN §5). */
export const commonOptions = {
  data: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

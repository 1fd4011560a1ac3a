import { INestApplicationContext } from '@nestjs/common';

/** A mistake in how a command was called, or a failure to report in one line (no stack). */
export class CommandError extends Error {}

export interface Command<O = unknown> {
  usage: string;
  summary: string;
  parse(args: string[]): O;
  /** Prepares what the command needs before the application starts (e.g. an isolated database); returns the settings to use and how to clean up. */
  prepare?(options: O): Promise<{ environment: Record<string, string>; cleanup: () => Promise<void> }>;
  /** Runs against the started application; resolves to the exit code. */
  run(app: INestApplicationContext, options: O): Promise<number>;
}

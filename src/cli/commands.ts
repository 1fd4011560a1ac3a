import { INestApplicationContext } from '@nestjs/common';
import { ReindexService } from '../search/reindex.service';
import { ProgressBar } from './progress';

/** A mistake in how a command was called, or a failure to report in one line (no stack). */
export class CommandError extends Error {}

export interface Command<O = unknown> {
  usage: string;
  summary: string;
  parse(args: string[]): O;
  /** Settings the command needs on top of the environment (e.g. an isolated database). */
  environment?(options: O): Record<string, string>;
  /** Runs against the started application; resolves to the exit code. */
  run(app: INestApplicationContext, options: O): Promise<number>;
}

const reindex: Command<void> = {
  usage: '',
  summary: 'rebuild every search index from PostgreSQL, without downtime',
  parse(args) {
    if (args.length > 0) throw new CommandError(`reindex takes no arguments (got ${args.join(' ')})`);
  },
  async run(app) {
    let bar: { index: string; progress: ProgressBar; done: number } | undefined;
    const counts = await app.get(ReindexService).reindexAll(({ index, done, total }) => {
      if (bar?.index !== index) {
        bar?.progress.finish(`${bar.done} documents`);
        bar = { index, progress: new ProgressBar(`reindex ${index}`, total), done };
      }
      bar.done = done;
      bar.progress.update(done, total);
    });
    bar?.progress.finish(`${bar.done} documents`);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Reindexed ${total} documents: ${Object.entries(counts).map(([i, n]) => `${i} ${n}`).join(', ')}`);
    return 0;
  },
};

export const COMMANDS: Record<string, Command<any>> = {
  reindex,
};

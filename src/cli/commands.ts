import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GcdfImportService } from '../imports/gcdf-import.service';
import { ReindexService } from '../search/reindex.service';
import { SearchSyncJob } from '../search/search-sync.job';
import { Command, CommandError } from './command';
import { matchBatch } from './match-batch.command';
import { learnWeights } from './learn-weights.command';
import { ProgressBar } from './progress';

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
    console.log(
      `Reindexed ${total} documents: ${Object.entries(counts)
        .map(([i, n]) => `${i} ${n}`)
        .join(', ')}`,
    );
    return 0;
  },
};

/** Imports a gcdf-water JSON Lines file, then brings the search indexes up to date. */
function importCommand(what: 'companies' | 'needs'): Command<{ file: string; suggest: boolean }> {
  return {
    usage: what === 'needs' ? 'FILE.jsonl [--no-suggest]' : 'FILE.jsonl',
    summary:
      what === 'needs'
        ? 'import needs in the gcdf-water format (idempotent upserts by external id); new ones are published: candidates are queued for review unless --no-suggest'
        : 'import companies in the gcdf-water format (idempotent upserts by external id)',
    parse(args) {
      const suggest = !(what === 'needs' && args.includes('--no-suggest'));
      const files = args.filter((a) => !(what === 'needs' && a === '--no-suggest'));
      if (files.length !== 1) throw new CommandError(`import-${what} takes one file (got ${files.length} arguments)`);
      if (!existsSync(files[0])) throw new CommandError(`No such file: ${files[0]}`);
      return { file: resolve(files[0]), suggest };
    },
    async run(app, { file, suggest }) {
      const importer = app.get(GcdfImportService);
      const bar = new ProgressBar(`import-${what}`, 0);
      const report = await (what === 'companies'
        ? importer.importCompanies(file, (d, t) => bar.update(d, t))
        : importer.importNeeds(file, (d, t) => bar.update(d, t), { suggest }));
      bar.finish(`${report.imported} lines imported, ${report.refused.length} refused`);
      for (const { line, message } of report.refused) console.error(`${file}:${line}: ${message}`);
      try {
        const applied = await app.get(SearchSyncJob).drain();
        console.error(`Search indexes updated (${applied} changes).`);
      } catch (error) {
        console.error(
          `The search indexes could not be updated now (${error instanceof Error ? error.message : String(error)}); the running application's worker will catch up.`,
        );
      }
      if (report.suggested > 0)
        console.error(
          `Candidates queued for review for ${report.suggested} new needs: a running WaterBridge worker ranks them and tells the coordinators.`,
        );
      console.log(
        `Imported ${report.imported} ${what} from ${file}${report.refused.length ? `; refused ${report.refused.length} lines (see above)` : ''}`,
      );
      return report.refused.length > 0 ? 1 : 0;
    },
  };
}

export const COMMANDS: Record<string, Command> = {
  reindex,
  'import-companies': importCommand('companies'),
  'import-needs': importCommand('needs'),
  'match-batch': matchBatch,
  'learn-weights': learnWeights,
};

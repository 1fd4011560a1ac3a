import { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { GcdfImportRepository } from '../imports/gcdf-import.repository';
import { GcdfImportService } from '../imports/gcdf-import.service';
import { freePort } from '../infra/embedded/free-port';
import { MatchingService } from '../matching/matching.service';
import { NeedEntity } from '../needs/need.entity';
import { SearchRepository } from '../search/search.repository';
import { SearchSyncJob } from '../search/search-sync.job';
import { Command, CommandError } from './command';
import { ProgressBar } from './progress';

interface Options {
  companies: string;
  needs: string;
  out: string;
  k: number;
}

function parse(args: string[]): Options {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (!['--companies', '--needs', '--out', '--k'].includes(flag) || value === undefined)
      throw new CommandError(`Unexpected argument "${flag}"`);
    values[flag.slice(2)] = value;
  }
  for (const required of ['companies', 'needs', 'out']) if (!values[required]) throw new CommandError(`--${required} is required`);
  for (const file of [values.companies, values.needs]) if (!existsSync(file)) throw new CommandError(`No such file: ${file}`);
  const k = values.k === undefined ? 50 : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 1000) throw new CommandError('--k must be a whole number from 1 to 1000');
  return { companies: resolve(values.companies), needs: resolve(values.needs), out: resolve(values.out), k };
}

/**
 * A throwaway world for the batch: with no servers configured, its own embedded PostgreSQL and Meilisearch in a temp
 * folder; with DATABASE_URL / MEILI_URL, a fresh database on that server and indexes under a fresh prefix. Either way
 * nothing of it touches the installation's own data, and all of it is removed at the end.
 */
export async function prepareIsolatedWorld(): Promise<{ environment: Record<string, string>; cleanup: () => Promise<void> }> {
  const tag = randomBytes(4).toString('hex');
  const environment: Record<string, string> = { MEILI_INDEX_PREFIX: `batch_${tag}_`, SEED_DEMO_DATA: 'false', MIGRATIONS_RUN: 'true' };
  const cleanups: Array<() => Promise<void>> = [];
  if (process.env.DATABASE_URL) {
    const server = new URL(process.env.DATABASE_URL);
    const name = `wb_batch_${tag}`;
    const admin = async (sql: string) => {
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
    await admin(`CREATE DATABASE "${name}"`);
    server.pathname = `/${name}`;
    environment.DATABASE_URL = server.toString();
    cleanups.push(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
  if (!process.env.DATABASE_URL || !process.env.MEILI_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'waterbridge-batch-'));
    chmodSync(dir, 0o711);
    Object.assign(environment, {
      DATA_DIR: dir,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      EMBEDDED_MEILI_PORT: String(await freePort()),
    });
    cleanups.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
  }
  return { environment, cleanup: async () => void (await Promise.all(cleanups.map((c) => c()))) };
}

async function run(app: INestApplicationContext, options: Options): Promise<number> {
  const started = Date.now();
  const importer = app.get(GcdfImportService);
  for (const [what, file] of [
    ['companies', options.companies],
    ['needs', options.needs],
  ] as const) {
    const bar = new ProgressBar(`load ${what}`, 0);
    const report = await (what === 'companies'
      ? importer.importCompanies(file, (d, t) => bar.update(d, t))
      : importer.importNeeds(file, (d, t) => bar.update(d, t)));
    bar.finish(`${report.imported} lines, ${report.refused.length} refused`);
    for (const { line, message } of report.refused) console.error(`${file}:${line}: ${message}`);
  }
  const indexing = Date.now();
  await app.get(SearchSyncJob).drain();
  console.error(`indexed in ${((Date.now() - indexing) / 1000).toFixed(1)} s`);

  const matching = app.get(MatchingService);
  await matching.refresh();
  const imported = app.get(GcdfImportRepository);
  const externalIds = await imported.enterpriseExternalIds();
  // When fewer than k enterprises are candidates, the list is completed with the largest track records (a fixed order).
  const fallback = await imported.largestTrackRecords(options.k);
  const needs = await app
    .get(DataSource)
    .getRepository(NeedEntity)
    .find({ where: {}, order: { externalId: 'ASC' } });
  const byExternalId = new Map(needs.map((n) => [n.externalId, n]));
  const order = readNeedIds(options.needs).filter((id) => byExternalId.has(id));

  const bar = new ProgressBar('match', order.length);
  const lines: string[] = [];
  const matchingStarted = Date.now();
  for (const [i, needId] of order.entries()) {
    const ranked = await matching.rankEnterprises(byExternalId.get(needId)!, options.k);
    const companyIds = ranked.map((r) => externalIds.get(r.organizationId)).filter((id): id is string => id !== undefined);
    for (const id of fallback) if (companyIds.length < options.k && !companyIds.includes(id)) companyIds.push(id);
    lines.push(JSON.stringify({ needId, companyIds }));
    bar.update(i + 1);
  }
  bar.finish(`${order.length} needs (${((Date.now() - matchingStarted) / Math.max(1, order.length)).toFixed(0)} ms per need)`);
  writeFileSync(options.out, lines.join('\n') + '\n');
  await app.get(SearchRepository).deleteAll();
  console.log(
    `Wrote ${lines.length} rankings of ${options.k} companies to ${options.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
}

/** Need ids in the order of the file (valid lines only; the importer already reported the others). */
function readNeedIds(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line: string) => {
      try {
        const id = (JSON.parse(line) as { id?: unknown }).id;
        return typeof id === 'string' ? [id] : [];
      } catch {
        return [];
      }
    });
}

export const matchBatch: Command<Options> = {
  usage: '--companies FILE --needs FILE --out FILE [--k 50]',
  summary: 'rank companies for every need, in a fresh isolated database and index',
  parse,
  prepare: prepareIsolatedWorld,
  run,
};

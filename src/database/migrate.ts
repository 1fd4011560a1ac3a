import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Any fixed number: the advisory lock that makes instances starting together migrate one after the other. */
const MIGRATION_LOCK = 7_240_611;

/** Applies pending migrations, each in its own transaction, holding a session advisory lock meanwhile. */
export async function runMigrations(url: string, log: (message: string) => void = () => undefined): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      for (const m of applied) log(`Applied migration ${m.name}`);
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

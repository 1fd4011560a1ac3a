import { DataSource } from 'typeorm';
import { withAdvisoryLock } from './advisory-lock';
import { dataSourceOptions } from './data-source-options';

/** Any fixed number: the advisory lock that makes instances starting together migrate one after the other. */
const MIGRATION_LOCK = 7_240_611;

/** Applies pending migrations, each in its own transaction, holding a session advisory lock meanwhile. */
export async function runMigrations(url: string, log: (message: string) => void = () => undefined): Promise<string[]> {
  return withAdvisoryLock(url, MIGRATION_LOCK, async () => {
    const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      for (const m of applied) log(`Applied migration ${m.name}`);
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  });
}

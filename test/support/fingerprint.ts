import { DataSource } from 'typeorm';

const TABLES = ['organization', 'app_user', 'need', 'capability', 'reference_project', 'seed_run', 'search_outbox'];

/** A digest of every row of the domain tables: equal before and after means nothing was written. */
export async function databaseFingerprint(dataSource: DataSource): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`);
    digest[table] = `${row.n}:${row.h}`;
  }
  return digest;
}

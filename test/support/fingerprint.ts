import { DataSource } from 'typeorm';

/** The domain tables a refused request must leave alone. */
export const DOMAIN_TABLES = ['organization', 'app_user', 'need', 'capability', 'reference_project', 'seed_run', 'search_outbox'];

/** The domain tables, plus those of the match workflow, notifications and webhooks. */
export const ALL_TABLES = [
  ...DOMAIN_TABLES,
  'match',
  'match_outcome',
  'audit_entry',
  'notification_event',
  'notification',
  'notification_preference',
  'notification_delivery',
  'webhook_endpoint',
];

/** A digest of every row of the given tables (the domain tables by default): equal before and after means nothing was written. */
export async function databaseFingerprint(
  dataSource: DataSource,
  tables: readonly string[] = DOMAIN_TABLES,
): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
    );
    digest[table] = `${row.n}:${row.h}`;
  }
  return digest;
}

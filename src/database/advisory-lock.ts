import { Client } from 'pg';
import { EntityManager } from 'typeorm';

/**
 * Runs `work` while holding a PostgreSQL session advisory lock on its own connection: processes starting together
 * (several instances behind a load balancer) do it one after the other.
 */
export async function withAdvisoryLock<T>(url: string, key: number, work: () => Promise<T>): Promise<T> {
  const lock = new Client({ connectionString: url, application_name: 'waterbridge-lock' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [key]);
    return await work();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
    await lock.end();
  }
}

/** Holds a PostgreSQL advisory lock named `name` until the caller's transaction ends (commit or rollback). */
export async function lockForTransaction(manager: EntityManager, name: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
}

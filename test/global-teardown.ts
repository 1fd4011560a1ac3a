import { rmSync } from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __waterbridgeTest?: { dir: string; stops: Array<() => Promise<void>> } }).__waterbridgeTest;
  if (!state) return;
  if (process.env.DATABASE_URL) {
    // External server: remove what the run created, leave the rest alone.
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const prefix = `wb_${process.env.WB_TEST_RUN_ID}_`;
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.end();
  }
  await Promise.all(state.stops.map((stop) => stop()));
  rmSync(state.dir, { recursive: true, force: true });
}

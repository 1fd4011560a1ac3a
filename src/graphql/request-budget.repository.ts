import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How much a client may spend: `capacity` points at once, refilled at `capacity` a minute. */
export interface Budget {
  capacity: number;
}

// The points a bucket holds now: what was left, plus the refill since, up to the capacity ($2; $3 the cost).
const AVAILABLE = `LEAST($2::float8, b.points + EXTRACT(EPOCH FROM (clock_timestamp() - b.updated_at)) * $2::float8 / 60)`;

/**
 * Spends `cost` from the client's bucket in one statement, or nothing when the bucket holds less: the upsert's row lock
 * serialises concurrent requests of one client, on any number of processes. A client seen for the first time starts
 * with a full bucket.
 */
const SPEND = `
  INSERT INTO request_budget AS b (client, points, updated_at) VALUES ($1, $2::float8 - $3::float8, clock_timestamp())
  ON CONFLICT (client) DO UPDATE SET points = ${AVAILABLE} - $3::float8, updated_at = clock_timestamp()
    WHERE ${AVAILABLE} >= $3::float8
  RETURNING points`;

@Injectable()
export class RequestBudgetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Spends `cost` points of `client`; returns 0 when it could, else the seconds until the bucket holds them. */
  async spend(client: string, cost: number, budget: Budget): Promise<number> {
    const spent: unknown[] = await this.dataSource.query(SPEND, [client, budget.capacity, cost]);
    if (spent.length > 0) return 0;
    const [row] = await this.dataSource.query<Array<{ available: string }>>(
      `SELECT ${AVAILABLE} AS available FROM request_budget b WHERE client = $1`,
      [client, budget.capacity],
    );
    const missing = cost - Number(row?.available ?? budget.capacity);
    return Math.max(1, Math.ceil((missing * 60) / budget.capacity));
  }

  /** Drops buckets untouched for a minute: every bucket refills completely in a minute, and would start full anyway. */
  async deleteFull(): Promise<void> {
    await this.dataSource.query(`DELETE FROM request_budget WHERE updated_at < clock_timestamp() - interval '60 seconds'`);
  }
}

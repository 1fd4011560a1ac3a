import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The database questions readiness and the scrape-time metrics ask; each is one cheap statement. */
@Injectable()
export class ObservabilityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /** Throws when pg-boss's schema is missing or unreadable. */
  async jobSchemaVersion(): Promise<number> {
    const [row]: Array<{ version: number }> = await this.dataSource.query('SELECT version FROM pgboss.version');
    return row.version;
  }

  /** Jobs waiting per queue (created or waiting to retry), with 0 for every queue that has none; pg-boss's own left out. */
  async queueDepths(): Promise<Array<{ queue: string; depth: number }>> {
    return this.dataSource.query(
      `SELECT q.name AS queue, count(j.id)::int AS depth
       FROM pgboss.queue q LEFT JOIN pgboss.job j ON j.name = q.name AND j.state < 'active'
       WHERE q.name NOT LIKE '\\_\\_pgboss\\_\\_%'
       GROUP BY q.name`,
    );
  }

  /** Seconds since the oldest change still waiting for the search indexes (0 when none waits). */
  async searchOutboxLagSeconds(): Promise<number> {
    return this.lag(`SELECT extract(epoch FROM now() - min(created_at))::float8 AS lag FROM search_outbox`);
  }

  /** Seconds since the oldest notification event not yet fanned out (0 when none waits). */
  async notificationOutboxLagSeconds(): Promise<number> {
    return this.lag(
      `SELECT extract(epoch FROM now() - min(created_at))::float8 AS lag FROM notification_event WHERE fanned_out_at IS NULL`,
    );
  }

  private async lag(sql: string): Promise<number> {
    const [{ lag }]: Array<{ lag: number | null }> = await this.dataSource.query(sql);
    return Math.max(0, lag ?? 0);
  }
}

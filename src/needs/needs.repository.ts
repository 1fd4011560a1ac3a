import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NeedStatus, RECRUITING_NEED_STATUSES } from './need-status';

/** The needs' SQL for the schedulers: plain scans by status and date. */
@Injectable()
export class NeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Needs still taking candidates whose deadline (YYYY-MM-DD) lies before `today`, earliest deadline first. */
  async idsRecruitingPastDeadline(today: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM need WHERE status = ANY($1) AND deadline < $2 ORDER BY deadline, id`,
      [RECRUITING_NEED_STATUSES, today],
    );
    return rows.map((row) => row.id);
  }

  /** The `count` most recently published open needs. */
  async newestOpenIds(count: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM need WHERE status = $1 ORDER BY published_at DESC NULLS LAST, id LIMIT $2`,
      [NeedStatus.OPEN, count],
    );
    return rows.map((row) => row.id);
  }
}

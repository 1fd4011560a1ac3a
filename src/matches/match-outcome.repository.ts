import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { MatchOutcomeEntity } from './match-outcome.entity';

/** The order of a match's outcomes everywhere: by date, then as recorded. */
const IN_DATE_ORDER = { date: 'ASC', createdAt: 'ASC', id: 'ASC' } as const;

/** The outcome series of matches. */
@Injectable()
export class MatchOutcomeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The outcomes of each match, in date order (an empty list for a match without any), in the order of `matchIds`. */
  async seriesOf(matchIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<MatchOutcomeEntity[][]> {
    const rows = matchIds.length
      ? await manager.find(MatchOutcomeEntity, { where: { matchId: In([...matchIds]) }, order: IN_DATE_ORDER })
      : [];
    const byMatch = new Map<string, MatchOutcomeEntity[]>(matchIds.map((id) => [id, []]));
    for (const row of rows) byMatch.get(row.matchId)?.push(row);
    return matchIds.map((id) => byMatch.get(id) ?? []);
  }

  /** Adds one outcome to a match's series, in the caller's transaction. */
  add(manager: EntityManager, outcome: Omit<MatchOutcomeEntity, 'id' | 'createdAt' | 'match'>): Promise<MatchOutcomeEntity> {
    return manager.save(manager.create(MatchOutcomeEntity, outcome));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, isStaff } from '../access/actor';
import { DomainError } from '../common/domain-error';
import { Connection, decodeOffset, toOffsetConnection } from '../common/pagination';
import { paginate } from '../database/paginate';
import { toNeedModel } from '../needs/need.model';
import { NeedEntity } from '../needs/need.entity';
import { MatchesArgs, MatchOrder, ReviewQueueArgs } from './dto/match.inputs';
import { MatchEntity } from './match.entity';
import { MatchModel, ReviewQueueItemModel, toMatchModel } from './match.model';
import { AWAITING_REVIEW, MatchStatus } from './match-status';
import { MatchVisibility } from './match-visibility.policy';
import { MatchesRepository } from './matches.repository';

/** Both sides see each other's contacts from here on. */
const DISCLOSED: readonly MatchStatus[] = [MatchStatus.ENGAGED, MatchStatus.OUTCOME_RECORDED];

/**
 * Reading matches: who sees which is MatchVisibility's rule; anything else is NOT_FOUND. What a side sees of a match
 * it may read is toMatchModel's to decide.
 */
@Injectable()
export class MatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MatchesRepository,
  ) {}

  async get(actor: Actor, id: string): Promise<MatchModel> {
    const match = await this.visibleTo(actor).andWhere('m.id = :id', { id }).getOne();
    if (!match) throw DomainError.notFound('Match', id);
    return toMatchModel(match, actor);
  }

  /** Several matches in one query, in the order of `ids`; NOT_FOUND for the first the caller may not read. */
  async getMany(actor: Actor, ids: string[]): Promise<MatchModel[]> {
    const byId = await this.visibleByIds(actor, ids);
    return ids.map((id) => {
      const match = byId.get(id);
      if (!match) throw DomainError.notFound('Match', id);
      return match;
    });
  }

  /** The matches of `ids` the actor may read, as it may read them, by id (the others are left out). */
  async visibleByIds(actor: Actor, ids: readonly string[]): Promise<Map<string, MatchModel>> {
    const rows = ids.length ? await this.visibleTo(actor).andWhere('m.id IN (:...ids)', { ids }).getMany() : [];
    return new Map(rows.map((m) => [m.id, toMatchModel(m, actor)]));
  }

  async list(actor: Actor, args: MatchesArgs): Promise<Connection<MatchModel>> {
    const query = this.visibleTo(actor);
    if (args.needId) query.andWhere('m.needId = :needId', { needId: args.needId });
    if (args.enterpriseId) query.andWhere('m.enterpriseId = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.status?.length) query.andWhere('m.status IN (:...status)', { status: args.status });
    const order = args.orderBy ?? (args.needId ? MatchOrder.RANK : MatchOrder.NEWEST);
    if (order === MatchOrder.NEWEST) return paginate(query, args, (m) => toMatchModel(m, actor));
    // Scores change only when a match is suggested again, so an offset walks the ranking steadily enough. The joins are
    // many-to-one (one row per match), so SQL's own OFFSET/LIMIT page it in one query (skip/take would add a second).
    const offset = decodeOffset(args.after);
    const [rows, total] = await query
      .orderBy('m.score', 'DESC')
      .addOrderBy('m.createdAt', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .offset(offset)
      .limit(args.first + 1)
      .getManyAndCount();
    return toOffsetConnection(
      rows.map((m) => toMatchModel(m, actor)),
      args.first,
      total,
      offset,
    );
  }

  /** Needs with candidates awaiting a coordinator, by waiting time or best score; each with its waiting candidates. */
  async reviewQueue(actor: Actor, args: ReviewQueueArgs): Promise<Connection<ReviewQueueItemModel>> {
    const offset = decodeOffset(args.after);
    const { total, groups } = await this.repository.reviewQueueGroups(args, args.orderBy, args.first + 1, offset);
    const needIds = groups.map((g) => g.need_id);
    const candidates = needIds.length
      ? await this.visibleTo(actor)
          .andWhere('m.needId IN (:...needIds)', { needIds })
          .andWhere('m.status IN (:...waiting)', { waiting: AWAITING_REVIEW })
          .andWhere(args.origin ? 'm.origin = :origin' : 'TRUE', { origin: args.origin })
          .andWhere(args.minScore !== undefined ? 'm.score >= :minScore' : 'TRUE', { minScore: args.minScore })
          .orderBy('m.score', 'DESC')
          .addOrderBy('m.id')
          .getMany()
      : [];
    const items = groups.map((g) => {
      const own = candidates.filter((c) => c.needId === g.need_id);
      return {
        need: toNeedModel(own[0].need as NeedEntity),
        waitingSince: g.waiting_since,
        bestScore: g.best_score,
        waitingCount: g.waiting,
        candidates: own.map((m) => toMatchModel(m, actor)),
      };
    });
    return toOffsetConnection(items, args.first, total, offset);
  }

  /** The organisation of one side if the caller may see its contacts (staff always; the other side once both accepted), else null. */
  contactOrganizationId(actor: Actor, match: MatchModel, side: 'AGENCY' | 'ENTERPRISE'): string | null {
    const organizationId = side === 'AGENCY' ? match.agencyId : match.enterprise.id;
    const otherSide = side === 'AGENCY' ? match.enterprise.id : match.agencyId;
    const allowed =
      isStaff(actor) || actor.organizationId === organizationId || (DISCLOSED.includes(match.status) && actor.organizationId === otherSide);
    return allowed ? organizationId : null;
  }

  /** The matches `actor` may see, with their need and enterprise (MatchVisibility). */
  private visibleTo(actor: Actor) {
    const visible = MatchVisibility.sql(actor, { match: 'm', need: 'need' });
    return this.dataSource
      .getRepository(MatchEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.need', 'need')
      .innerJoinAndSelect('m.enterprise', 'enterprise')
      .where(visible.where, visible.parameters);
  }
}

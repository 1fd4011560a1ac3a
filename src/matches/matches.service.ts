import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { Actor, isStaff } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { Connection, decodeOffset, toOffsetConnection } from '../common/pagination';
import { paginate } from '../database/paginate';
import { toNeedModel } from '../needs/need.model';
import { NeedEntity } from '../needs/need.entity';
import { RECRUITING_NEED_STATUSES } from '../needs/need-status';
import { Role } from '../users/user.entity';
import { MatchesArgs, MatchOrder, ReviewQueueArgs, ReviewQueueOrder } from './dto/match.inputs';
import { MatchEntity } from './match.entity';
import { MatchModel, ReviewQueueItemModel, toMatchModel } from './match.model';
import { AWAITING_REVIEW, INTRODUCED_OR_LATER, MatchOrigin, MatchStatus } from './match-status';

/** Both sides see each other's contacts from here on. */
const DISCLOSED: readonly MatchStatus[] = [MatchStatus.ENGAGED, MatchStatus.OUTCOME_RECORDED];

/**
 * Reading matches. Coordinators and admins see all; an agency sees the matches of its needs once introduced; an
 * enterprise sees its own once introduced, and the interests it expressed. Anything else is NOT_FOUND. What a side
 * sees of a match it may read is toMatchModel's to decide.
 */
@Injectable()
export class MatchesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(actor: Actor, id: string): Promise<MatchModel> {
    const match = await this.query(actor).andWhere('m.id = :id', { id }).getOne();
    if (!match) throw DomainError.notFound('Match', id);
    return toMatchModel(match, actor);
  }

  /** Several matches in one query, in the order of `ids`; NOT_FOUND for the first the caller may not read. */
  async getMany(actor: Actor, ids: string[]): Promise<MatchModel[]> {
    const rows = ids.length ? await this.query(actor).andWhere('m.id IN (:...ids)', { ids }).getMany() : [];
    const byId = new Map(rows.map((m) => [m.id, m]));
    return ids.map((id) => {
      const match = byId.get(id);
      if (!match) throw DomainError.notFound('Match', id);
      return toMatchModel(match, actor);
    });
  }

  async list(actor: Actor, args: MatchesArgs): Promise<Connection<MatchModel>> {
    const query = this.query(actor);
    if (args.needId) query.andWhere('m.needId = :needId', { needId: args.needId });
    if (args.enterpriseId) query.andWhere('m.enterpriseId = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.status?.length) query.andWhere('m.status IN (:...status)', { status: args.status });
    const order = args.orderBy ?? (args.needId ? MatchOrder.RANK : MatchOrder.NEWEST);
    if (order === MatchOrder.NEWEST) return paginate(query, args, (m) => toMatchModel(m, actor));
    // Scores change only when a match is suggested again, so an offset walks the ranking steadily enough.
    const offset = decodeOffset(args.after);
    const [rows, total] = await query.orderBy('m.score', 'DESC').addOrderBy('m.createdAt', 'ASC').addOrderBy('m.id', 'ASC').skip(offset).take(args.first + 1).getManyAndCount();
    return toOffsetConnection(rows.map((m) => toMatchModel(m, actor)), args.first, total, offset);
  }

  /** Needs with candidates awaiting a coordinator, by waiting time or best score; each with its waiting candidates. */
  async reviewQueue(actor: Actor, args: ReviewQueueArgs): Promise<Connection<ReviewQueueItemModel>> {
    const offset = decodeOffset(args.after);
    // Only needs still taking introductions: a withdrawn or closed need's candidates leave the queue at once.
    const filters: string[] = ['m.status = ANY($1)', 'n.status = ANY($2)'];
    const params: unknown[] = [AWAITING_REVIEW, RECRUITING_NEED_STATUSES];
    if (args.countryCode) filters.push(`n.country_code = $${params.push(args.countryCode)}`);
    if (args.origin) filters.push(`m.origin = $${params.push(args.origin)}`);
    if (args.minScore !== undefined) filters.push(`m.score >= $${params.push(args.minScore)}`);
    const order = args.orderBy === ReviewQueueOrder.SCORE ? 'best_score DESC, waiting_since ASC, need_id' : 'waiting_since ASC, best_score DESC, need_id';
    const where = filters.join(' AND ');
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(DISTINCT m.need_id)::int AS total FROM match m JOIN need n ON n.id = m.need_id WHERE ${where}`,
      params,
    );
    const groups: Array<{ need_id: string; waiting_since: Date; best_score: number; waiting: number }> = await this.dataSource.query(
      `SELECT m.need_id, min(m.status_changed_at) AS waiting_since, max(m.score) AS best_score, count(*)::int AS waiting
       FROM match m JOIN need n ON n.id = m.need_id WHERE ${where}
       GROUP BY m.need_id ORDER BY ${order} LIMIT ${args.first + 1} OFFSET ${offset}`,
      params,
    );
    const needIds = groups.map((g) => g.need_id);
    const candidates = needIds.length
      ? await this.query(actor)
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
    const allowed = isStaff(actor) || actor.organizationId === organizationId || (DISCLOSED.includes(match.status) && actor.organizationId === otherSide);
    return allowed ? organizationId : null;
  }

  private query(actor: Actor) {
    const query = this.dataSource
      .getRepository(MatchEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.need', 'need')
      .innerJoinAndSelect('m.enterprise', 'enterprise');
    if (isStaff(actor)) return query;
    // A side sees its match once introduced, whatever became of it since (wasIntroduced): a match a coordinator
    // closed after the introduction stays readable to those who were told.
    const introduced = '(m.status IN (:...visible) OR m.introducedAt IS NOT NULL)';
    if (actor.role === Role.AGENCY_MEMBER) {
      return query.where(`need.organizationId = :org AND ${introduced}`, { org: actor.organizationId, visible: INTRODUCED_OR_LATER });
    }
    return query.where(
      new Brackets((w) =>
        w
          .where(`m.enterpriseId = :org AND ${introduced}`, { org: actor.organizationId, visible: INTRODUCED_OR_LATER })
          .orWhere('m.enterpriseId = :org AND m.origin = :interest', { interest: MatchOrigin.INTEREST }),
      ),
    );
  }
}

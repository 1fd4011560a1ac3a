import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, isStaff, Language } from '../access/actor';
import { ActivityRegistrationEntity } from '../activities/activity.entity';
import { RegistrationStatus } from '../activities/activity-status';
import { findVisibleActivity } from '../activities/activity-visibility.policy';
import { DomainError } from '../common/domain-error';
import { MatchExplanationsService } from '../matching/match-explanations.service';
import { NeedEntity } from '../needs/need.entity';
import { NeedStatus } from '../needs/need-status';
import { NeedVisibility } from '../needs/need-visibility.policy';
import { toNeedModel } from '../needs/need.model';
import { OrganizationEntity, OrganizationKind } from '../organizations/organization.entity';
import { toOrganizationModel } from '../organizations/organization.model';
import { MeetingRequestEntity } from './meeting.entity';
import { MeetingSuggestionModel } from './meeting.model';
import { LIVE_MEETING_STATUSES } from './meeting-status';
import { MeetingsService } from './meetings.service';

/** Needs of one organisation weighed at most: its latest open ones. */
const NEEDS_PER_ORGANISATION = 20;

/**
 * Whom a delegate should meet at an activity, ranked by the matching engine among the organisations that are there:
 * for an agency or joint centre, the enterprises with confirmed delegates, scored on its own open needs; for an
 * enterprise, the agencies and centres with confirmed delegates, scored on their open needs. Each organisation appears
 * once, with its best-scoring need and that pair's explanation (without its summary for members: it ranks the pair
 * among the others, which the sides of a match never see either).
 */
@Injectable()
export class MeetingSuggestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly explanations: MatchExplanationsService,
  ) {}

  async suggest(actor: Actor, registrationId: string, first: number, language = Language.EN): Promise<MeetingSuggestionModel[]> {
    const manager = this.dataSource.manager;
    const registration = await this.meetings.ownRegistration(manager, actor, registrationId);
    await findVisibleActivity(manager, actor, registration.activityId);
    if (registration.status !== RegistrationStatus.CONFIRMED)
      throw DomainError.conflict('Meetings are suggested to confirmed delegates: this registration is ' + registration.status);
    const own = await manager.findOneByOrFail(OrganizationEntity, { id: registration.organizationId });
    const present = await manager.find(ActivityRegistrationEntity, {
      where: { activityId: registration.activityId, status: RegistrationStatus.CONFIRMED },
      order: { queueNumber: 'ASC' },
    });
    const others = present.filter((r) => r.organizationId !== own.id);
    const organizations = new Map(
      (others.length ? await manager.findBy(OrganizationEntity, { id: In([...new Set(others.map((r) => r.organizationId))]) }) : []).map(
        (o) => [o.id, o],
      ),
    );
    const ofKind = (kinds: OrganizationKind[]) => [...organizations.values()].filter((o) => kinds.includes(o.kind)).map((o) => o.id);

    const enterpriseSide = own.kind === OrganizationKind.ENTERPRISE;
    const needOwners = enterpriseSide ? ofKind([OrganizationKind.AGENCY, OrganizationKind.RESEARCH_CENTRE]) : [own.id];
    const enterprises = enterpriseSide ? [own.id] : ofKind([OrganizationKind.ENTERPRISE]);
    const needs = (await this.openNeeds(needOwners)).filter((n) => NeedVisibility.canSee(actor, n));
    if (needs.length === 0 || enterprises.length === 0) return [];

    const pairs = await this.explanations.pairs(needs, enterprises, language);
    const best = new Map<string, (typeof pairs)[number]>();
    for (const pair of pairs) {
      const counterpart = enterpriseSide ? pair.need.organizationId : pair.organizationId;
      if (!best.has(counterpart)) best.set(counterpart, pair);
    }
    const live = await manager.find(MeetingRequestEntity, {
      where: [
        { requesterId: registration.id, status: In([...LIVE_MEETING_STATUSES]) },
        { inviteeId: registration.id, status: In([...LIVE_MEETING_STATUSES]) },
      ],
    });
    const requested = new Set(live.flatMap((r) => [r.requesterId, r.inviteeId]));
    const people = await this.meetings.participants(
      manager,
      others.map((r) => r.id),
    );
    return [...best.entries()].slice(0, first).map(([organizationId, pair], i) => {
      const delegates = others.filter((r) => r.organizationId === organizationId);
      return {
        rank: i + 1,
        score: pair.score,
        organization: toOrganizationModel(organizations.get(organizationId)!, actor),
        delegates: delegates.map((r) => people.get(r.id)!),
        need: toNeedModel(pair.need),
        // As with a match (toMatchModel), the summary's "Ranked 1 of N" compares the pair with the others: staff only.
        explanation: isStaff(actor) ? pair.explanation : { ...pair.explanation, summary: null },
        alreadyRequested: delegates.some((r) => requested.has(r.id)),
      };
    });
  }

  private async openNeeds(organizationIds: string[]): Promise<NeedEntity[]> {
    if (organizationIds.length === 0) return [];
    // The latest few of each organisation: a prolific agency does not drown the others.
    const rows = await this.dataSource.manager
      .createQueryBuilder(NeedEntity, 'n')
      .where('n.organizationId IN (:...ids)', { ids: organizationIds })
      .andWhere('n.status = :open', { open: NeedStatus.OPEN })
      .orderBy('n.createdAt', 'DESC')
      .getMany();
    const taken = new Map<string, number>();
    return rows.filter((n) => {
      const count = taken.get(n.organizationId) ?? 0;
      taken.set(n.organizationId, count + 1);
      return count < NEEDS_PER_ORGANISATION;
    });
  }
}

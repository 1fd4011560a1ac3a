import { EntityManager, EntityTarget, In } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor, Role } from '../access/actor';
import { ActivityEntity } from '../activities/activity.entity';
import { ActivityKind } from '../activities/activity-status';
import { AuditLogService } from '../audit-log/audit-log.service';
import { AuditEntryEntity } from '../audit-log/audit-entry.entity';
import { changeEntry, FieldChange } from '../audit-log/change-entry';
import { DonationEntity } from '../donations/donation.entity';
import { DonationStatus } from '../donations/donation-status';
import { JobQueueService } from '../jobs/job-queue.service';
import { MatchingService } from '../matching/matching.service';
import { MatchingWeightsService } from '../matching/weights/matching-weights.service';
import { MatchEntity } from '../matches/match.entity';
import { MatchOrigin, MatchOutcomeKind, MatchStatus, SideResponse } from '../matches/match-status';
import { MatchWorkflowService, snapshot } from '../matches/match-workflow.service';
import { NeedEntity } from '../needs/need.entity';
import { NEED_CLOSED_QUEUE } from '../needs/need-events';
import { NeedStatus, RECRUITING_NEED_STATUSES } from '../needs/need-status';
import { OrganizationEntity, OrganizationKind } from '../organizations/organization.entity';
import { recordContributionOutcome } from '../programmes/contribution-outcome';
import { IndexedKind } from '../search-outbox/search-outbox.entity';
import { SearchOutboxService } from '../search-outbox/search-outbox.service';
import { TrainingCourseEntity } from '../training/training-course.entity';
import { TrainingStatus } from '../training/training-status';
import { UserEntity } from '../users/user.entity';
import { LK_CENTRE_NEED_TITLE } from './alliance-demo';

/**
 * The matching loop in the demo (docs/DATA.md says what is real): after the alliance's field investigation in Sri
 * Lanka and its seminar in Cambodia, member enterprises asked for the needs they had discussed in their B2B meetings,
 * the secretariat introduced them, both sides accepted (ENGAGED), and the donation handed over and the course
 * completed for the Sri Lankan centre's need are recorded as the outcomes of their matches (HANDOVER,
 * TRAINING_DELIVERED); the Cambodian engagement has a signed MoU; the Sri Lankan agency's is engaged, no outcome yet.
 *
 * Dated from the activities themselves (not from today), so a demo database seeded before this existed gets a
 * history that fits its own activities, donations and courses.
 */
export const MATCHES_SEED_NAME = 'demo-matches-v1';

const DAY = 24 * 3600_000;

/** The outcome a contribution makes (as DonationsService and TrainingService describe it). */
type ContributionOutcome = Parameters<typeof recordContributionOutcome>[5];
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export interface MatchesSeedReport {
  engaged: number;
  outcomes: number;
}

export interface MatchSeedServices {
  matching: MatchingService;
  weights: MatchingWeightsService;
  workflow: MatchWorkflowService;
  audit: AuditLogService;
  outbox: SearchOutboxService;
  jobs: JobQueueService;
}

/** One engagement of the story; `days` after its activity began: interest, introduction, first and second answer. */
interface Story {
  enterprise: string;
  need: (manager: EntityManager) => Promise<NeedEntity | null>;
  activity: { kind: ActivityKind; centreKey: 'LK' | 'KH' };
  interest: string;
  days: [number, number, number, number];
  /** Which side answers first. */
  firstToAnswer: 'ENTERPRISE' | 'AGENCY';
  outcome?: (manager: EntityManager, match: MatchEntity, coordinator: Actor) => Promise<boolean>;
}

/**
 * Seeds the engagements on a database holding the demo and the alliance's work, in the caller's transaction.
 *
 * Why not the workflow's own verbs (expressInterest, approve, respondToMatch): each runs in a transaction of its
 * own, stamped "now", while this history happened months ago, and an outcome may not predate its introduction
 * (outcomeDateProblem): the handover of 110 days ago needs an introduction before it. So the moves up to ENGAGED are
 * written as the workflow writes them — the match with the explanation the product's matching gives today
 * (MatchingService.scorePairs against every demo enterprise, kept with `snapshot` as a suggestion keeps it), and one
 * audit entry per move with the workflow's actions, actors, statuses and changed fields, dated when it happened (the
 * alliance report counts an engagement on the day of its move) — and tell nobody: nobody is told of old news. The
 * outcomes go through the product's own code, in this transaction (recordContributionOutcome, the core of
 * recordDonationAsOutcome and recordTrainingAsOutcome; MatchWorkflowService.recordOutcomeIn), which checks the match
 * (ENGAGED, its two parties, dates after the introduction), audits, and tells both sides: the demo's own accounts,
 * all on the demo's e-mail domain (in the embedded mode the mail catcher keeps those e-mails).
 *
 * A story whose pair already has a match, whose need no longer recruits, or whose activity, need or members are
 * gone (a demo database someone has used) is left out. Returns what it seeded.
 */
export async function seedMatches(
  manager: EntityManager,
  services: MatchSeedServices,
  options: { emailDomain: string },
): Promise<MatchesSeedReport> {
  const coordinatorUser = await manager.findOneBy(UserEntity, { email: `coordinator@${options.emailDomain}` });
  if (!coordinatorUser) return { engaged: 0, outcomes: 0 };
  const coordinator: Actor = { userId: coordinatorUser.id, organizationId: coordinatorUser.organizationId, role: Role.COORDINATOR };
  const enterpriseIds = (
    await manager.find(OrganizationEntity, { select: { id: true }, where: { kind: OrganizationKind.ENTERPRISE } })
  ).map((o) => o.id);
  const { version: weightsVersion } = await services.weights.current();

  /**
   * What recordDonationAsOutcome and recordTrainingAsOutcome do, in this transaction: the contribution added to the
   * match's outcomes (recordContributionOutcome), and its link to the match saved and audited.
   */
  const recordAsOutcome = async <E extends DonationEntity | TrainingCourseEntity>(
    manager: EntityManager,
    match: MatchEntity,
    actor: Actor,
    c: { target: EntityTarget<E>; entityType: string; row: E; giverId: string; outcome: ContributionOutcome },
  ) => {
    await recordContributionOutcome(
      manager,
      services.workflow,
      actor,
      { giverId: c.giverId, recipientId: c.row.recipientId, recordedMatchId: c.row.matchId },
      { id: c.row.id, matchId: match.id, matchVersion: match.version },
      c.outcome,
    );
    await services.audit.saveOrDelete<E>(manager, {
      target: c.target,
      entityType: c.entityType,
      actor,
      action: 'record as match outcome',
      before: c.row,
      after: { ...c.row, matchId: match.id },
    });
  };

  const centreNeed = (manager: EntityManager) =>
    manager
      .createQueryBuilder(NeedEntity, 'n')
      .innerJoin(OrganizationEntity, 'o', 'o.id = n.organization_id')
      .where('o.kind = :kind AND o.country_code = :country AND n.title = :title', {
        kind: OrganizationKind.RESEARCH_CENTRE,
        country: 'LK',
        title: LK_CENTRE_NEED_TITLE,
      })
      .getOne();
  const agencyNeed = (agency: string, title: string) => (manager: EntityManager) =>
    manager
      .createQueryBuilder(NeedEntity, 'n')
      .innerJoin(OrganizationEntity, 'o', 'o.id = n.organization_id')
      .where('o.external_id = :agency AND n.title = :title', { agency, title })
      .getOne();

  const stories: Story[] = [
    {
      enterprise: 'SINOHYDRO',
      need: centreNeed,
      activity: { kind: ActivityKind.FIELD_INVESTIGATION, centreKey: 'LK' },
      interest: 'We met at the field investigation: we supply containerised reverse-osmosis units for village schemes.',
      days: [4, 6, 7, 9],
      firstToAnswer: 'ENTERPRISE',
      outcome: async (manager, match, actor) => {
        const donation = await manager.findOne(DonationEntity, {
          where: {
            needId: match.needId,
            donorId: match.enterpriseId,
            status: In([DonationStatus.HANDED_OVER, DonationStatus.IN_OPERATION]),
          },
          lock: { mode: 'pessimistic_write' },
        });
        if (!donation?.handedOverOn || donation.matchId) return false;
        await recordAsOutcome(manager, match, actor, {
          target: DonationEntity,
          entityType: 'donation',
          row: donation,
          giverId: donation.donorId,
          outcome: {
            kind: MatchOutcomeKind.HANDOVER,
            date: donation.handedOverOn,
            value: donation.value,
            currency: donation.currency,
            note: `Equipment donation: ${donation.title}`,
          },
        });
        return true;
      },
    },
    {
      enterprise: 'CWE',
      need: centreNeed,
      activity: { kind: ActivityKind.FIELD_INVESTIGATION, centreKey: 'LK' },
      interest: 'Following our meeting in Kandy: we train operators of small reverse-osmosis plants.',
      days: [4, 6, 8, 10],
      firstToAnswer: 'AGENCY',
      outcome: async (manager, match, actor) => {
        const course = await manager.findOne(TrainingCourseEntity, {
          where: { needId: match.needId, trainerId: match.enterpriseId, status: TrainingStatus.COMPLETED },
          lock: { mode: 'pessimistic_write' },
        });
        if (!course || course.matchId) return false;
        await recordAsOutcome(manager, match, actor, {
          target: TrainingCourseEntity,
          entityType: 'training_course',
          row: course,
          giverId: course.trainerId,
          outcome: {
            kind: MatchOutcomeKind.TRAINING_DELIVERED,
            date: course.endsOn ?? course.startsOn,
            value: null,
            currency: null,
            note: `Training: ${course.title} (${course.trainees} trainees, ${course.hours} hours, ${course.certificatesIssued} certificates)`,
          },
        });
        return true;
      },
    },
    {
      enterprise: 'CMEC',
      need: agencyNeed('agency-lk', 'Supply of water purification facilities to Buddhist temples in Sri Lanka'),
      activity: { kind: ActivityKind.FIELD_INVESTIGATION, centreKey: 'LK' },
      interest: 'We discussed water-quality equipment with the authority at the field investigation.',
      days: [5, 12, 14, 20],
      firstToAnswer: 'AGENCY',
    },
    {
      enterprise: 'CGGC',
      need: agencyNeed('agency-kh', 'Supply of Water Purification Equipment to the Preah Vihear Province'),
      activity: { kind: ActivityKind.SEMINAR, centreKey: 'KH' },
      interest: 'After the Phnom Penh seminar: arsenic removal and water kiosks for rural Preah Vihear.',
      days: [2, 5, 6, 9],
      firstToAnswer: 'ENTERPRISE',
      outcome: async (manager, match, actor) => {
        const introduced = match.introducedAt!.getTime();
        await services.workflow.recordOutcomeIn(manager, actor, {
          id: match.id,
          version: match.version,
          kind: MatchOutcomeKind.MOU_SIGNED,
          date: isoDay(new Date(introduced + 16 * DAY)),
          note: 'MoU on water purification kiosks for Preah Vihear, signed in Phnom Penh',
        });
        return true;
      },
    },
  ];

  let engaged = 0;
  let outcomes = 0;
  const matchedNeeds = new Set<string>();
  for (const story of stories) {
    const enterprise = await manager.findOneBy(OrganizationEntity, { externalId: story.enterprise, kind: OrganizationKind.ENTERPRISE });
    const need = await story.need(manager);
    const activity =
      need &&
      (await manager
        .createQueryBuilder(ActivityEntity, 'a')
        .innerJoin(OrganizationEntity, 'c', 'c.id = a.host_centre_id')
        .where('a.kind = :kind AND c.country_code = :country', { kind: story.activity.kind, country: story.activity.centreKey })
        .orderBy('a.starts_at', 'ASC')
        .getOne());
    if (!enterprise || !need || !activity || !RECRUITING_NEED_STATUSES.includes(need.status)) continue;
    if (await manager.existsBy(MatchEntity, { needId: need.id, enterpriseId: enterprise.id })) continue;
    const member = (organizationId: string) =>
      manager.findOne(UserEntity, { where: { organizationId, active: true }, order: { createdAt: 'ASC', email: 'ASC' } });
    const [enterpriseMember, agencyMember] = [await member(enterprise.id), await member(need.organizationId)];
    if (!enterpriseMember || !agencyMember) continue;
    const asActor = (u: UserEntity): Actor => ({ userId: u.id, organizationId: u.organizationId, role: u.role });

    // The explanation the product's matching gives the pair, ranked against every demo enterprise.
    const ranking = await services.matching.scorePairs([need], enterpriseIds);
    const rank = ranking.findIndex((p) => p.organizationId === enterprise.id);
    const at = (day: number) => new Date(activity.startsAt.getTime() + day * DAY);
    const [interestAt, introducedAt, firstAnswerAt, engagedAt] = story.days.map(at);
    const explanation =
      rank < 0 ? null : snapshot({ ...ranking[rank], rank: rank + 1, weightsVersion, caveat: null, organizationId: enterprise.id });
    if (!explanation) continue;
    const inserted = await manager.insert(MatchEntity, {
      needId: need.id,
      enterpriseId: enterprise.id,
      origin: MatchOrigin.INTEREST,
      status: MatchStatus.ENGAGED,
      score: ranking[rank].result.score,
      weightsVersion,
      rank: rank + 1,
      explanation,
      interestMessage: story.interest,
      agencyResponse: SideResponse.ACCEPTED,
      enterpriseResponse: SideResponse.ACCEPTED,
      approvedByUserId: coordinator.userId,
      introducedAt,
      statusChangedAt: engagedAt,
      createdAt: interestAt,
    });
    const matchId = (inserted.identifiers[0] as { id: string }).id;
    const [first, second] =
      story.firstToAnswer === 'ENTERPRISE'
        ? ([
            ['enterpriseResponse', enterpriseMember],
            ['agencyResponse', agencyMember],
          ] as const)
        : ([
            ['agencyResponse', agencyMember],
            ['enterpriseResponse', enterpriseMember],
          ] as const);
    const answered = (field: string): FieldChange[] =>
      changeEntry({ [field]: SideResponse.PENDING }, { [field]: SideResponse.ACCEPTED }, [field]);
    await historicEntries(manager, matchId, [
      [interestAt, asActor(enterpriseMember), 'express interest', null, MatchStatus.SUGGESTED, story.interest, []],
      [introducedAt, coordinator, 'approve', MatchStatus.SUGGESTED, MatchStatus.APPROVED, null, []],
      [introducedAt, coordinator, 'introduce', MatchStatus.APPROVED, MatchStatus.INTRODUCED, null, []],
      [firstAnswerAt, asActor(first[1]), 'accept', MatchStatus.INTRODUCED, MatchStatus.INTRODUCED, null, answered(first[0])],
      [engagedAt, asActor(second[1]), 'accept', MatchStatus.INTRODUCED, MatchStatus.ENGAGED, null, answered(second[0])],
    ]);
    engaged += 1;
    matchedNeeds.add(need.id);
    // The demo publishes its needs on the day of the seed; one asked for at an activity was published before it.
    if (!need.publishedAt || need.publishedAt > at(-30)) await manager.update(NeedEntity, { id: need.id }, { publishedAt: at(-30) });
    if (story.outcome) {
      const match = await manager.findOneByOrFail(MatchEntity, { id: matchId });
      if (await story.outcome(manager, match, coordinator)) outcomes += 1;
    }
  }
  if (matchedNeeds.size > 0) {
    // An engaged need is matched (the workflow's advanceNeed), and its candidates still awaiting review (on a demo
    // database in use) are withdrawn with it; its search document follows.
    const needIds = [...matchedNeeds];
    await manager.update(NeedEntity, { id: In(needIds), status: In(RECRUITING_NEED_STATUSES) }, { status: NeedStatus.MATCHED });
    await services.jobs.insert(
      needIds.map((needId) => ({ name: NEED_CLOSED_QUEUE, data: { needId } })),
      manager,
    );
    await services.outbox.record(manager, IndexedKind.Need, needIds);
  }
  return { engaged, outcomes };
}

type HistoricEntry = [Date, Actor | null, string, MatchStatus | null, MatchStatus, string | null, FieldChange[]];

/**
 * A match's audit entries dated when each move happened, shaped as AuditLogService.record shapes them (a status move
 * first among the changes). The service dates an entry with its transaction; this history is older.
 */
async function historicEntries(manager: EntityManager, matchId: string, entries: HistoricEntry[]): Promise<void> {
  await manager.insert(
    AuditEntryEntity,
    entries.map(([createdAt, actor, action, fromStatus, toStatus, reason, changes]) => ({
      entityType: 'match',
      entityId: matchId,
      actorUserId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      actorOrganizationId: actor?.organizationId ?? null,
      action,
      fromStatus,
      toStatus,
      reason,
      // The changes are JSON (jsonb) of values of any type, which the typing of insert() cannot follow.
      changes: [
        ...(fromStatus !== toStatus ? changeEntry({ status: fromStatus }, { status: toStatus }, ['status']) : []),
        ...changes,
      ] as QueryDeepPartialEntity<FieldChange>[],
      createdAt,
    })),
  );
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor, Role } from '../access/actor';
import { ActivityKind } from '../activities/activity-status';
import { findVisibleActivity } from '../activities/activity-visibility.policy';
import { AuditLogService } from '../audit-log/audit-log.service';
import { DomainError } from '../common/domain-error';
import { Connection } from '../common/pagination';
import { paginate } from '../database/paginate';
import { OrganizationKind } from '../organizations/organization.entity';
import { contributionParties } from '../programmes/contribution-parties';
import { tellOfContribution } from '../programmes/contribution-notifications';
import { NotificationOutboxService } from '../notifications/notification-outbox.service';
import { recordContributionOutcome, RecordContributionOutcomeInput } from '../programmes/contribution-outcome';
import { MatchOutcomeKind } from '../matches/match-status';
import { MatchWorkflowService } from '../matches/match-workflow.service';
import { MoveTrainingInput, PledgeTrainingInput, TrainingCoursesArgs } from './dto/training.inputs';
import { TrainingCourseEntity } from './training-course.entity';
import { TrainingCourseModel, toTrainingCourseModel } from './training-course.model';
import { assertTrainingMove, TRAINING_MOVERS, TrainingParty, TrainingStatus } from './training-status';
import { TrainingVisibility } from './training-visibility.policy';

/** Technical training: enterprises and joint centres pledge courses, coordinators approve, trainers report them given. */
@Injectable()
export class TrainingService {
  constructor(
    @InjectRepository(TrainingCourseEntity) private readonly courses: Repository<TrainingCourseEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly workflow: MatchWorkflowService,
    private readonly notifications: NotificationOutboxService,
  ) {}

  list(actor: Actor, args: TrainingCoursesArgs): Promise<Connection<TrainingCourseModel>> {
    const query = this.courses.createQueryBuilder('c');
    const visible = TrainingVisibility.sql(actor, 'c');
    query.where(visible.where, visible.parameters);
    if (args.status) query.andWhere('c.status = :status', { status: args.status });
    if (args.programmeId) query.andWhere('c.programmeId = :programmeId', { programmeId: args.programmeId });
    if (args.needId) query.andWhere('c.needId = :needId', { needId: args.needId });
    return paginate(query, args, toTrainingCourseModel);
  }

  async get(actor: Actor, id: string): Promise<TrainingCourseModel> {
    const course = await this.courses.findOneBy({ id });
    if (!course || !TrainingVisibility.canSee(actor, course)) throw DomainError.notFound('Training course', id);
    return toTrainingCourseModel(course);
  }

  pledge(actor: Actor, input: PledgeTrainingInput): Promise<TrainingCourseModel> {
    if (input.endsOn && input.endsOn < input.startsOn) throw DomainError.badInput('endsOn', 'endsOn is before startsOn');
    return this.dataSource
      .transaction(async (manager) => {
        const { giverId, recipientId } = await contributionParties(
          manager,
          actor,
          { ...input, giverId: input.trainerId },
          { field: 'trainerId', kinds: [OrganizationKind.ENTERPRISE, OrganizationKind.RESEARCH_CENTRE], noun: 'trainer' },
        );
        // An activity the caller may not see (a draft, to members) is NOT_FOUND, as it is everywhere else.
        if (input.activityId && (await findVisibleActivity(manager, actor, input.activityId)).kind !== ActivityKind.TRAINING_COURSE)
          throw DomainError.badInput('activityId', 'the activity is a training course of the alliance');
        const saved = await this.audit.saveOrDelete(manager, {
          target: TrainingCourseEntity,
          entityType: 'training_course',
          actor,
          action: 'pledge',
          before: null,
          after: manager.create(TrainingCourseEntity, {
            trainerId: giverId,
            recipientId,
            needId: input.needId ?? null,
            programmeId: input.programmeId ?? null,
            activityId: input.activityId ?? null,
            title: input.title,
            description: input.description ?? '',
            startsOn: input.startsOn,
            endsOn: input.endsOn ?? null,
            hours: input.hours,
            trainees: input.trainees,
            status: TrainingStatus.PLEDGED,
          }),
          toStatus: TrainingStatus.PLEDGED,
        });
        await this.tell(manager, actor, saved!);
        return toTrainingCourseModel(saved!);
      })
      .finally(() => this.notifications.nudge());
  }

  /** One move of the lifecycle, by a party allowed to make it, at the version the caller read. */
  move(actor: Actor, input: MoveTrainingInput): Promise<TrainingCourseModel> {
    return this.dataSource
      .transaction(async (manager) => {
        const course = await manager.findOne(TrainingCourseEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
        if (!course || !TrainingVisibility.canSee(actor, course)) throw DomainError.notFound('Training course', input.id);
        const party: TrainingParty | null =
          actor.role === Role.COORDINATOR
            ? 'COORDINATOR'
            : actor.organizationId === course.trainerId
              ? 'TRAINER'
              : actor.organizationId === course.recipientId
                ? 'RECIPIENT'
                : null;
        if (!party || !TRAINING_MOVERS[input.to].includes(party))
          throw DomainError.forbidden(
            `${input.to} is recorded by ${TRAINING_MOVERS[input.to].join(' or ').toLowerCase() || 'nobody'}, not by you`,
          );
        if (course.version !== input.version)
          throw DomainError.conflict(`The training course changed since you read it (version ${course.version}, not ${input.version})`);
        assertTrainingMove(course.status, input.to);
        if (input.to === TrainingStatus.REFUSED && !input.reason?.trim()) throw DomainError.badInput('reason', 'say why it is refused');
        const after: TrainingCourseEntity = { ...course, status: input.to, reason: input.reason ?? course.reason };
        if (input.to === TrainingStatus.COMPLETED) {
          if (input.trainees == null) throw DomainError.badInput('trainees', 'say how many were trained');
          if (input.hours == null) throw DomainError.badInput('hours', 'say how many hours were given');
          const certificates = input.certificatesIssued ?? 0;
          if (certificates > input.trainees)
            throw DomainError.badInput('certificatesIssued', `${certificates} certificates for ${input.trainees} trainees`);
          Object.assign(after, { trainees: input.trainees, hours: input.hours, certificatesIssued: certificates });
        }
        const saved = await this.audit.saveOrDelete(manager, {
          target: TrainingCourseEntity,
          entityType: 'training_course',
          actor,
          action: input.to.toLowerCase(),
          before: course,
          after,
          fromStatus: course.status,
          toStatus: input.to,
          reason: input.reason ?? null,
        });
        await this.tell(manager, actor, saved!);
        return toTrainingCourseModel(saved!);
      })
      .finally(() => this.notifications.nudge());
  }

  private tell(manager: EntityManager, actor: Actor, c: TrainingCourseEntity): Promise<void> {
    return tellOfContribution(manager, this.notifications, actor, {
      contribution: 'TRAINING',
      id: c.id,
      title: c.title,
      status: c.status,
      giverId: c.trainerId,
      recipientId: c.recipientId,
      reason: c.reason,
      trainees: c.trainees,
      hours: c.hours,
      certificatesIssued: c.certificatesIssued,
    });
  }

  /** A coordinator records a completed course as a TRAINING_DELIVERED outcome of the match it served. */
  async recordAsOutcome(actor: Actor, input: RecordContributionOutcomeInput): Promise<TrainingCourseModel> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const course = await manager.findOne(TrainingCourseEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!course || !TrainingVisibility.canSee(actor, course)) throw DomainError.notFound('Training course', input.id);
      if (course.status !== TrainingStatus.COMPLETED)
        throw DomainError.conflict(`Only a completed course is an outcome; this one is ${course.status}`);
      await recordContributionOutcome(
        manager,
        this.workflow,
        actor,
        { giverId: course.trainerId, recipientId: course.recipientId, recordedMatchId: course.matchId },
        input,
        {
          kind: MatchOutcomeKind.TRAINING_DELIVERED,
          date: course.endsOn ?? course.startsOn,
          value: null,
          currency: null,
          note: `Training: ${course.title} (${course.trainees} trainees, ${course.hours} hours, ${course.certificatesIssued} certificates)`,
        },
      );
      return this.audit.saveOrDelete(manager, {
        target: TrainingCourseEntity,
        entityType: 'training_course',
        actor,
        action: 'record as match outcome',
        before: course,
        after: { ...course, matchId: input.matchId },
      });
    });
    this.workflow.nudge();
    return toTrainingCourseModel(saved!);
  }
}

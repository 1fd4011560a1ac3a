import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Actor } from '../access/actor';
import { AuditLogService } from '../audit-log/audit-log.service';
import { DomainError } from '../common/domain-error';
import { Connection } from '../common/pagination';
import { isTimeZone } from '../common/time-zone';
import { definedFields } from '../common/validation';
import { paginate } from '../database/paginate';
import { NotificationEventType } from '../notifications/notification-event-type';
import { NotificationOutboxService } from '../notifications/notification-outbox.service';
import { ActivityChange } from '../notifications/notification-payload';
import { OrganizationEntity, OrganizationKind, VerificationStatus } from '../organizations/organization.entity';
import { ProgrammeEntity, ProgrammeMemberEntity } from '../programmes/programme.entity';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { TaxonomyKind } from '../reference-data/taxonomy-term.entity';
import { ActivitiesArgs, CreateActivityInput, UpdateActivityInput } from './dto/activity.inputs';
import { ActivityEntity, ActivityRegistrationEntity } from './activity.entity';
import { ActivityModel, toActivityModel } from './activity.model';
import { ActivityStatus, assertActivityMove, RegistrationStatus } from './activity-status';
import { ActivityCancellationSteps } from './activity-cancellation';
import { ActivityVisibility } from './activity-visibility.policy';
import { activityFacts, describeActivity } from './activity-notifications';
import { REGISTERING_KINDS, RegistrationsService } from './registrations.service';

/** The audit trail's name for an activity. */
export const ACTIVITY_ENTITY = 'activity';

/**
 * Activities: coordinators prepare, publish and run them; anyone reads the published ones. Every move is audited;
 * publishing tells the programme's members and the host centre (ACTIVITY_PUBLISHED), in the move's transaction.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    @InjectRepository(ActivityEntity) private readonly activities: Repository<ActivityEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceDataService,
    private readonly audit: AuditLogService,
    private readonly registrations: RegistrationsService,
    private readonly notifications: NotificationOutboxService,
    private readonly cancellationSteps: ActivityCancellationSteps,
  ) {}

  async list(actor: Actor | null, args: ActivitiesArgs): Promise<Connection<ActivityModel>> {
    const query = this.activities.createQueryBuilder('a');
    const visible = ActivityVisibility.sql(actor, 'a');
    query.where(visible.where, visible.parameters);
    if (args.status) query.andWhere('a.status = :status', { status: args.status });
    if (args.kind) query.andWhere('a.kind = :kind', { kind: args.kind });
    if (args.programmeId) query.andWhere('a.programmeId = :programmeId', { programmeId: args.programmeId });
    if (args.hostCentreId) query.andWhere('a.hostCentreId = :hostCentreId', { hostCentreId: args.hostCentreId });
    if (args.countryCode) query.andWhere('a.countryCode = :country', { country: args.countryCode.toUpperCase() });
    if (args.upcoming && args.past) throw DomainError.badInput('past', 'ask for upcoming or past activities, not both');
    if (args.upcoming) {
      query.andWhere('a.endsAt > now()');
      return paginate(query, args, toActivityModel, { column: 'startsAt', direction: 'ASC' });
    }
    if (args.past) {
      query.andWhere('a.endsAt <= now()');
      return paginate(query, args, toActivityModel, { column: 'endsAt', direction: 'DESC' });
    }
    return paginate(query, args, toActivityModel);
  }

  async get(actor: Actor | null, id: string): Promise<ActivityModel> {
    return toActivityModel(await this.findVisible(actor, id));
  }

  /** The activities of `ids` the actor may see, by id (the others are left out). */
  async visibleByIds(actor: Actor | null, ids: readonly string[]): Promise<Map<string, ActivityModel>> {
    const activities = await this.activities.findBy({ id: In([...ids]) });
    return new Map(activities.filter((a) => ActivityVisibility.canSee(actor, a)).map((a) => [a.id, toActivityModel(a)]));
  }

  async findVisible(actor: Actor | null, id: string): Promise<ActivityEntity> {
    const activity = await this.activities.findOneBy({ id });
    if (!activity || !ActivityVisibility.canSee(actor, activity)) throw DomainError.notFound('Activity', id);
    return activity;
  }

  async create(actor: Actor, input: CreateActivityInput): Promise<ActivityModel> {
    return this.dataSource.transaction(async (manager) => {
      const fields = await this.checked(manager, {
        programmeId: input.programmeId ?? null,
        kind: input.kind,
        title: input.title,
        titleZh: input.titleZh ?? null,
        description: input.description ?? '',
        countryCode: input.countryCode.toUpperCase(),
        city: input.city ?? null,
        hostCentreId: input.hostCentreId ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        timeZone: input.timeZone ?? 'UTC',
        capacity: input.capacity,
        registrationDeadline: input.registrationDeadline,
        technologyCategories: [...new Set(input.technologyCategories ?? [])],
        sdgTargets: [...new Set(input.sdgTargets ?? [])],
      });
      const saved = await this.audit.saveOrDelete(manager, {
        target: ActivityEntity,
        entityType: ACTIVITY_ENTITY,
        actor,
        action: 'create',
        before: null,
        after: manager.create(ActivityEntity, { ...fields, status: ActivityStatus.DRAFT }),
        toStatus: ActivityStatus.DRAFT,
      });
      return toActivityModel(saved!);
    });
  }

  /** Changes what it is while it is not yet held; a larger capacity moves the waiting list up. */
  async update(actor: Actor, input: UpdateActivityInput): Promise<ActivityModel> {
    const { id, ...fields } = input;
    const changes = definedFields(fields);
    for (const field of ['kind', 'title', 'countryCode', 'startsAt', 'endsAt', 'capacity', 'registrationDeadline'] as const) {
      if (changes[field] === null) throw DomainError.badInput(field, `${field} cannot be cleared`);
    }
    return this.transaction(async (manager) => {
      const activity = await this.lock(manager, id);
      if (![ActivityStatus.DRAFT, ActivityStatus.OPEN, ActivityStatus.CLOSED].includes(activity.status))
        throw DomainError.conflict(`An activity in status ${activity.status} can no longer be changed`);
      const merged = await this.checked(manager, {
        ...activity,
        ...changes,
        countryCode: (changes.countryCode ?? activity.countryCode).toUpperCase(),
        description: changes.description === null ? '' : (changes.description ?? activity.description),
        timeZone: changes.timeZone === null ? 'UTC' : (changes.timeZone ?? activity.timeZone),
        technologyCategories:
          changes.technologyCategories === undefined ? activity.technologyCategories : [...new Set(changes.technologyCategories ?? [])],
        sdgTargets: changes.sdgTargets === undefined ? activity.sdgTargets : [...new Set(changes.sdgTargets ?? [])],
      });
      const seats = await this.registrations.seatsTaken(manager, activity.id);
      if (merged.capacity < seats)
        throw DomainError.badInput(
          'capacity',
          `${seats} seats are already held: cancel or refuse registrations before lowering the capacity`,
        );
      const saved = await this.audit.saveOrDelete(manager, {
        target: ActivityEntity,
        entityType: ACTIVITY_ENTITY,
        actor,
        action: 'update',
        before: activity,
        after: merged,
      });
      if (merged.capacity > activity.capacity) await this.registrations.promote(manager, saved!);
      await this.tellOfChanges(manager, activity, saved!);
      return toActivityModel(saved!);
    });
  }

  publish(actor: Actor, id: string): Promise<ActivityModel> {
    return this.move(
      actor,
      id,
      ActivityStatus.OPEN,
      'publish',
      null,
      (activity, from) => {
        if (from !== ActivityStatus.DRAFT) throw DomainError.conflict(`An activity in status ${from} is already published`);
        if (activity.registrationDeadline.getTime() <= Date.now())
          throw DomainError.badInput('registrationDeadline', 'the registration deadline has passed: move it before publishing');
      },
      (manager, activity) => this.announce(manager, activity),
    );
  }

  closeRegistration(actor: Actor, id: string): Promise<ActivityModel> {
    return this.move(actor, id, ActivityStatus.CLOSED, 'close registration');
  }

  reopenRegistration(actor: Actor, id: string): Promise<ActivityModel> {
    return this.move(actor, id, ActivityStatus.OPEN, 'reopen registration', null, (activity, from) => {
      if (from !== ActivityStatus.CLOSED) throw DomainError.conflict(`An activity in status ${from} is not closed`);
      if (activity.registrationDeadline.getTime() <= Date.now())
        throw DomainError.badInput('registrationDeadline', 'the registration deadline has passed: move it before reopening');
    });
  }

  markHeld(actor: Actor, id: string): Promise<ActivityModel> {
    return this.move(actor, id, ActivityStatus.HELD, 'mark held', null, (activity) => {
      if (activity.startsAt.getTime() > Date.now()) throw DomainError.conflict('The activity has not started yet');
    });
  }

  report(actor: Actor, id: string, report: string): Promise<ActivityModel> {
    return this.move(actor, id, ActivityStatus.REPORTED, 'report', null, (activity) => (activity.report = report));
  }

  /**
   * Calls it off; every live registration is cancelled with the reason, and what other domains hold of it (its
   * meeting requests) goes with it, in the same transaction (ActivityCancellationSteps).
   */
  cancel(actor: Actor, id: string, reason: string): Promise<ActivityModel> {
    return this.move(actor, id, ActivityStatus.CANCELLED, 'cancel', reason, undefined, async (manager, activity) => {
      await this.registrations.cancelAllWith(manager, activity, reason);
      await this.cancellationSteps.run(manager, activity, reason);
    });
  }

  private move(
    actor: Actor,
    id: string,
    to: ActivityStatus,
    action: string,
    reason: string | null = null,
    check?: (activity: ActivityEntity, from: ActivityStatus) => void,
    after?: (manager: EntityManager, activity: ActivityEntity) => Promise<void>,
  ): Promise<ActivityModel> {
    return this.transaction(async (manager) => {
      const activity = await this.lock(manager, id);
      assertActivityMove(activity.status, to);
      const changed: ActivityEntity = { ...activity, status: to };
      check?.(changed, activity.status);
      const saved = await this.audit.saveOrDelete(manager, {
        target: ActivityEntity,
        entityType: ACTIVITY_ENTITY,
        actor,
        action,
        before: activity,
        after: changed,
        fromStatus: activity.status,
        toStatus: to,
        reason,
      });
      await after?.(manager, saved!);
      return toActivityModel(saved!);
    });
  }

  /**
   * Tells who may come that it is open for registration: the member organisations of its programme and its host
   * centre; for the alliance's own activity (no programme), every verified enterprise, agency and joint centre.
   */
  private async announce(manager: EntityManager, activity: ActivityEntity): Promise<void> {
    const members = activity.programmeId
      ? (await manager.findBy(ProgrammeMemberEntity, { programmeId: activity.programmeId })).map((m) => m.organizationId)
      : (
          await manager.find(OrganizationEntity, {
            select: { id: true },
            where: { kind: In([...REGISTERING_KINDS]), verificationStatus: VerificationStatus.VERIFIED },
          })
        ).map((o) => o.id);
    const organizationIds = [...new Set([...members, ...(activity.hostCentreId ? [activity.hostCentreId] : [])])];
    if (organizationIds.length === 0) return;
    await this.notifications.emit(
      manager,
      NotificationEventType.ACTIVITY_PUBLISHED,
      activityFacts(activity, { organizationIds, userIds: [], coordinators: false }),
    );
  }

  /**
   * An open or closed activity whose days, place or deadline changed tells the organisations with delegates registered
   * (a seat or the waiting list), with what it was before.
   */
  private async tellOfChanges(manager: EntityManager, before: ActivityEntity, after: ActivityEntity): Promise<void> {
    if (![ActivityStatus.OPEN, ActivityStatus.CLOSED].includes(after.status)) return;
    const moved = (fields: Array<keyof ActivityEntity>) => fields.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    const changes: ActivityChange[] = [
      ...(moved(['startsAt', 'endsAt', 'timeZone']) ? (['dates'] as const) : []),
      ...(moved(['city', 'countryCode']) ? (['place'] as const) : []),
      ...(moved(['registrationDeadline']) ? (['deadline'] as const) : []),
    ];
    if (changes.length === 0) return;
    const registered = await manager
      .createQueryBuilder(ActivityRegistrationEntity, 'r')
      .select('DISTINCT r.organizationId', 'organizationId')
      .where('r.activityId = :id AND r.status IN (:...live)', {
        id: after.id,
        live: [RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED],
      })
      .getRawMany<{ organizationId: string }>();
    if (registered.length === 0) return;
    await this.notifications.emit(manager, NotificationEventType.ACTIVITY_CHANGED, {
      ...activityFacts(after, { organizationIds: registered.map((r) => r.organizationId), userIds: [], coordinators: false }),
      changes,
      before: describeActivity(before),
    });
  }

  /** One transaction; once it committed, the fan-out is woken for the events it wrote (a publication, the list moving up). */
  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.notifications.nudge();
    return result;
  }

  /** Row-locked for the rest of the transaction: moves, edits and registrations of one activity serialise. */
  private async lock(manager: EntityManager, id: string): Promise<ActivityEntity> {
    const activity = await manager.findOne(ActivityEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!activity) throw DomainError.notFound('Activity', id);
    return activity;
  }

  private async checked<
    T extends Omit<ActivityEntity, 'id' | 'status' | 'report' | 'meetingTables' | 'createdAt' | 'updatedAt' | 'version'>,
  >(manager: EntityManager, a: T): Promise<T> {
    this.referenceData.assertCountry('countryCode', a.countryCode);
    if (a.endsAt.getTime() < a.startsAt.getTime()) throw DomainError.badInput('endsAt', 'endsAt is before startsAt');
    if (a.registrationDeadline.getTime() > a.startsAt.getTime())
      throw DomainError.badInput('registrationDeadline', 'registrations must close before the activity starts');
    if (!isTimeZone(a.timeZone)) throw DomainError.badInput('timeZone', `${a.timeZone} is not an IANA time zone (e.g. Asia/Colombo)`);
    this.referenceData.assertTerms('technologyCategories', TaxonomyKind.TECHNOLOGY_CATEGORY, a.technologyCategories);
    this.referenceData.assertTerms('sdgTargets', TaxonomyKind.SDG_TARGET, a.sdgTargets);
    if (a.programmeId && !(await manager.existsBy(ProgrammeEntity, { id: a.programmeId })))
      throw DomainError.badInput('programmeId', `programme ${a.programmeId} does not exist`);
    if (a.hostCentreId) {
      const centre = await manager.findOneBy(OrganizationEntity, { id: a.hostCentreId, kind: In([OrganizationKind.RESEARCH_CENTRE]) });
      if (!centre) throw DomainError.badInput('hostCentreId', `${a.hostCentreId} is not a joint research centre`);
    }
    return a;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Actor, isStaff, Role } from '../access/actor';
import { AuditLogService } from '../audit-log/audit-log.service';
import { DomainError } from '../common/domain-error';
import { Connection } from '../common/pagination';
import { isUniqueViolation } from '../common/database-errors';
import { paginate } from '../database/paginate';
import { NotificationEventType } from '../notifications/notification-event-type';
import { NotificationOutboxService } from '../notifications/notification-outbox.service';
import { DelegateSnapshot, RegistrationChange } from '../notifications/notification-payload';
import { OrganizationEntity, OrganizationKind, VerificationStatus } from '../organizations/organization.entity';
import { ActivityRegistrationsArgs, RegisterDelegatesInput } from './dto/activity.inputs';
import { ActivityEntity, ActivityRegistrationEntity } from './activity.entity';
import { ActivityRegistrationModel, ActivitySeatsModel, toRegistrationModel } from './activity.model';
import { ActivityStatus, assertRegistrationMove, REGISTRATION_LIVE_STATUSES, RegistrationStatus, SEAT_HOLDING } from './activity-status';
import { findVisibleActivity } from './activity-visibility.policy';
import { activityFacts, delegateOf, organisationAudience } from './activity-notifications';

/** The audit trail's name for a registration. */
export const REGISTRATION_ENTITY = 'activity_registration';

/** What a coordinator's (or the organisation's) move tells the registering organisation. */
const CHANGE_OF: Partial<Record<RegistrationStatus, RegistrationChange>> = {
  [RegistrationStatus.CONFIRMED]: 'CONFIRMED',
  [RegistrationStatus.REFUSED]: 'REFUSED',
  [RegistrationStatus.CANCELLED]: 'CANCELLED',
};

/** Kinds of organisation that send delegates. */
export const REGISTERING_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.ENTERPRISE,
  OrganizationKind.AGENCY,
  OrganizationKind.RESEARCH_CENTRE,
];

/**
 * Delegates' registrations. Every change runs under the activity's row lock, so seats are counted and given out one
 * transaction at a time: concurrent sign-ups never over-book, and the waiting list moves up in arrival order
 * (`queueNumber`, taken under the lock). The registering organisation hears of every change but its own cancellations
 * (ACTIVITY_REGISTRATION_CHANGED, written in the change's transaction).
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectRepository(ActivityRegistrationEntity) private readonly registrations: Repository<ActivityRegistrationEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly notifications: NotificationOutboxService,
  ) {}

  /** An activity's registrations: all for the secretariat, the caller's organisation's own for members. */
  async list(actor: Actor, args: ActivityRegistrationsArgs): Promise<Connection<ActivityRegistrationModel>> {
    await findVisibleActivity(this.dataSource.manager, actor, args.activityId);
    const query = this.registrations.createQueryBuilder('r').where('r.activityId = :activityId', { activityId: args.activityId });
    if (!isStaff(actor)) query.andWhere('r.organizationId = :org', { org: actor.organizationId });
    if (args.status) query.andWhere('r.status = :status', { status: args.status });
    const page = await paginate(query, args, (r) => r);
    const positions = await this.waitingListPositions(page.edges.map((e) => e.node));
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: toRegistrationModel(e.node, positions.get(e.node.id) ?? null) })) };
  }

  /** Seats of each activity, in one query. */
  async seatsOf(activities: readonly Pick<ActivityEntity, 'id' | 'capacity'>[]): Promise<ActivitySeatsModel[]> {
    const rows = await this.registrations
      .createQueryBuilder('r')
      .select('r.activityId', 'activityId')
      .addSelect('r.status', 'status')
      .addSelect('count(*)::int', 'n')
      .where('r.activityId IN (:...ids)', { ids: activities.map((a) => a.id) })
      .groupBy('r.activityId')
      .addGroupBy('r.status')
      .getRawMany<{ activityId: string; status: RegistrationStatus; n: number }>();
    return activities.map((activity) => {
      const count = (status: RegistrationStatus) => rows.find((r) => r.activityId === activity.id && r.status === status)?.n ?? 0;
      const taken = count(RegistrationStatus.PENDING) + count(RegistrationStatus.CONFIRMED);
      return {
        taken,
        confirmed: count(RegistrationStatus.CONFIRMED),
        free: Math.max(0, activity.capacity - taken),
        waiting: count(RegistrationStatus.WAITLISTED),
      };
    });
  }

  /** The caller's organisation's registrations for some activities (none for the secretariat, which registers nobody). */
  async ownOf(actor: Actor | null, activityIds: readonly string[]): Promise<ActivityRegistrationModel[][]> {
    if (!actor || isStaff(actor)) return activityIds.map(() => []);
    const rows = await this.registrations.find({
      where: { activityId: In([...activityIds]), organizationId: actor.organizationId },
      order: { queueNumber: 'ASC' },
    });
    const positions = await this.waitingListPositions(rows);
    return activityIds.map((id) => rows.filter((r) => r.activityId === id).map((r) => toRegistrationModel(r, positions.get(r.id) ?? null)));
  }

  async seatsTaken(manager: EntityManager, activityId: string): Promise<number> {
    return manager.countBy(ActivityRegistrationEntity, { activityId, status: In([...SEAT_HOLDING]) });
  }

  /**
   * Registers delegates in the order given: each takes a free seat (PENDING, for a coordinator to confirm) or,
   * when none is left, a place on the waiting list.
   */
  async register(actor: Actor, input: RegisterDelegatesInput): Promise<ActivityRegistrationModel[]> {
    const organizationId = isStaff(actor) ? input.organizationId : actor.organizationId;
    if (!organizationId) throw DomainError.badInput('organizationId', 'name the organisation the delegates come from');
    if (!isStaff(actor) && input.organizationId && input.organizationId !== actor.organizationId)
      throw DomainError.forbidden('Members register delegates of their own organisation only');
    const emails = input.delegates.map((d) => d.email.toLowerCase());
    const repeated = emails.find((email, index) => emails.indexOf(email) !== index);
    if (repeated) throw DomainError.badInput('delegates', `${repeated} is listed twice`);
    try {
      return await this.transaction(async (manager) => {
        const activity = await findVisibleActivity(manager, actor, input.activityId, true);
        if (activity.status !== ActivityStatus.OPEN)
          throw DomainError.conflict(`Registration is not open: the activity is ${activity.status}`);
        if (activity.registrationDeadline.getTime() <= Date.now()) throw DomainError.conflict('The registration deadline has passed');
        const organization = await manager.findOneBy(OrganizationEntity, { id: organizationId });
        if (!organization || !REGISTERING_KINDS.includes(organization.kind))
          throw DomainError.badInput('organizationId', 'delegates come from an enterprise, an agency or a joint research centre');
        if (organization.verificationStatus !== VerificationStatus.VERIFIED)
          throw DomainError.forbidden('Your organisation must be verified by the secretariat before it registers delegates');
        let free = activity.capacity - (await this.seatsTaken(manager, activity.id));
        const saved: ActivityRegistrationEntity[] = [];
        for (const delegate of input.delegates) {
          const status = free > 0 ? RegistrationStatus.PENDING : RegistrationStatus.WAITLISTED;
          if (status === RegistrationStatus.PENDING) free -= 1;
          const row = await this.audit.saveOrDelete(manager, {
            target: ActivityRegistrationEntity,
            entityType: REGISTRATION_ENTITY,
            actor,
            action: 'register',
            before: null,
            after: manager.create(ActivityRegistrationEntity, {
              activityId: activity.id,
              organizationId,
              delegateName: delegate.name,
              delegateEmail: delegate.email.toLowerCase(),
              delegatePosition: delegate.position ?? null,
              status,
              registeredBy: actor.userId,
            }),
            toStatus: status,
          });
          saved.push(row!);
        }
        const positions = await this.waitingListPositions(saved, manager);
        // One message for the whole sign-up, naming each delegate's seat or place on the list.
        await this.tell(
          manager,
          activity,
          organizationId,
          'REGISTERED',
          saved.map((r) => delegateOf(r, positions.get(r.id) ?? null)),
        );
        return saved.map((r) => toRegistrationModel(r, positions.get(r.id) ?? null));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.conflict('One of these delegates is already registered for this activity');
      throw error;
    }
  }

  confirm(actor: Actor, id: string): Promise<ActivityRegistrationModel> {
    return this.move(actor, id, RegistrationStatus.CONFIRMED, 'confirm', null);
  }

  refuse(actor: Actor, id: string, reason: string): Promise<ActivityRegistrationModel> {
    return this.move(actor, id, RegistrationStatus.REFUSED, 'refuse', reason);
  }

  /** By the registering organisation's members or the secretariat; a seat freed goes to the first on the list. */
  cancel(actor: Actor, id: string, reason: string | null): Promise<ActivityRegistrationModel> {
    return this.move(actor, id, RegistrationStatus.CANCELLED, 'cancel', reason);
  }

  /** Fills free seats from the waiting list, first come first served (the system's move, audited without an actor). */
  async promote(manager: EntityManager, activity: ActivityEntity): Promise<void> {
    if (!REGISTRATION_LIVE_STATUSES.includes(activity.status)) return;
    const free = activity.capacity - (await this.seatsTaken(manager, activity.id));
    if (free <= 0) return;
    const next = await manager.find(ActivityRegistrationEntity, {
      where: { activityId: activity.id, status: RegistrationStatus.WAITLISTED },
      order: { queueNumber: 'ASC' },
      take: free,
    });
    for (const registration of next) {
      const promoted = await this.audit.saveOrDelete(manager, {
        target: ActivityRegistrationEntity,
        entityType: REGISTRATION_ENTITY,
        actor: null,
        action: 'promote from waiting list',
        before: registration,
        after: { ...registration, status: RegistrationStatus.PENDING },
        fromStatus: registration.status,
        toStatus: RegistrationStatus.PENDING,
      });
      await this.tell(manager, activity, registration.organizationId, 'PROMOTED', [delegateOf(promoted!, null)]);
    }
  }

  /**
   * With a cancelled activity: every live registration is cancelled with its reason, and each registering
   * organisation is told once, naming its delegates.
   */
  async cancelAllWith(manager: EntityManager, activity: ActivityEntity, reason: string): Promise<void> {
    const live = await manager.find(ActivityRegistrationEntity, {
      where: {
        activityId: activity.id,
        status: In([RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]),
      },
      order: { queueNumber: 'ASC' },
    });
    const byOrganization = new Map<string, DelegateSnapshot[]>();
    for (const registration of live) {
      const cancelled = await this.audit.saveOrDelete(manager, {
        target: ActivityRegistrationEntity,
        entityType: REGISTRATION_ENTITY,
        actor: null,
        action: 'cancel with the activity',
        before: registration,
        after: { ...registration, status: RegistrationStatus.CANCELLED, reason },
        fromStatus: registration.status,
        toStatus: RegistrationStatus.CANCELLED,
        reason,
      });
      const delegates = byOrganization.get(registration.organizationId) ?? [];
      byOrganization.set(registration.organizationId, [...delegates, delegateOf(cancelled!, null)]);
    }
    for (const [organizationId, delegates] of byOrganization)
      await this.tell(manager, activity, organizationId, 'CANCELLED', delegates, true);
  }

  private move(
    actor: Actor,
    id: string,
    to: RegistrationStatus,
    action: string,
    reason: string | null,
  ): Promise<ActivityRegistrationModel> {
    return this.transaction(async (manager) => {
      const found = await manager.findOneBy(ActivityRegistrationEntity, { id });
      if (!found || !(isStaff(actor) || found.organizationId === actor.organizationId)) throw DomainError.notFound('Registration', id);
      // The activity first, then the registration: the same lock order as a sign-up.
      const activity = await findVisibleActivity(manager, actor, found.activityId, true);
      const registration = await manager.findOneOrFail(ActivityRegistrationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!REGISTRATION_LIVE_STATUSES.includes(activity.status))
        throw DomainError.conflict(`Registrations can no longer change: the activity is ${activity.status}`);
      assertRegistrationMove(registration.status, to);
      const saved = await this.audit.saveOrDelete(manager, {
        target: ActivityRegistrationEntity,
        entityType: REGISTRATION_ENTITY,
        actor,
        action,
        before: registration,
        after: { ...registration, status: to, reason: reason ?? registration.reason },
        fromStatus: registration.status,
        toStatus: to,
        reason,
      });
      // The organisation knows what its own members cancel; a coordinator's move it hears of.
      const change = CHANGE_OF[to];
      const ownCancellation =
        to === RegistrationStatus.CANCELLED && !isStaff(actor) && actor.organizationId === registration.organizationId;
      if (change && !ownCancellation) await this.tell(manager, activity, registration.organizationId, change, [delegateOf(saved!, null)]);
      if (SEAT_HOLDING.includes(registration.status) && !SEAT_HOLDING.includes(to)) await this.promote(manager, activity);
      const positions = await this.waitingListPositions([saved!], manager);
      return toRegistrationModel(saved!, positions.get(saved!.id) ?? null);
    });
  }

  /** Tells the registering organisation of a change of its delegates' registrations, in the change's transaction. */
  private async tell(
    manager: EntityManager,
    activity: ActivityEntity,
    organizationId: string,
    change: RegistrationChange,
    delegates: DelegateSnapshot[],
    activityCancelled = false,
  ): Promise<void> {
    await this.notifications.emit(manager, NotificationEventType.ACTIVITY_REGISTRATION_CHANGED, {
      ...activityFacts(activity, organisationAudience(organizationId)),
      change,
      delegates,
      ...(activityCancelled ? { activityCancelled } : {}),
    });
  }

  /** One transaction; once it committed, the fan-out is woken for the events it wrote. */
  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.notifications.nudge();
    return result;
  }

  /** Place on its activity's waiting list (1 first) of each WAITLISTED registration given. */
  private async waitingListPositions(
    rows: readonly ActivityRegistrationEntity[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, number>> {
    const waiting = rows.filter((r) => r.status === RegistrationStatus.WAITLISTED);
    if (waiting.length === 0) return new Map();
    const found = await manager.query<Array<{ id: string; position: number }>>(
      `SELECT r.id, (SELECT count(*)::int FROM activity_registration w
                      WHERE w.activity_id = r.activity_id AND w.status = 'WAITLISTED' AND w.queue_number <= r.queue_number) AS position
         FROM activity_registration r WHERE r.id = ANY($1)`,
      [waiting.map((r) => r.id)],
    );
    return new Map(found.map((r) => [r.id, r.position]));
  }
}

/** Members of enterprises, agencies and joint centres register; the secretariat may register for any of them. */
export const REGISTERING_ROLES = [Role.ENTERPRISE_MEMBER, Role.AGENCY_MEMBER, Role.COORDINATOR] as const;

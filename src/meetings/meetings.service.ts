import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, isStaff } from '../access/actor';
import { ActivityCancellationSteps } from '../activities/activity-cancellation';
import { ActivityEntity, ActivityRegistrationEntity } from '../activities/activity.entity';
import { ActivityStatus, REGISTRATION_LIVE_STATUSES, RegistrationStatus } from '../activities/activity-status';
import { findVisibleActivity } from '../activities/activity-visibility.policy';
import { activityFacts, organisationAudience } from '../activities/activity-notifications';
import { ACTIVITY_ENTITY } from '../activities/activities.service';
import { AuditLogService } from '../audit-log/audit-log.service';
import { DomainError } from '../common/domain-error';
import { NotificationEventType } from '../notifications/notification-event-type';
import { NotificationOutboxService } from '../notifications/notification-outbox.service';
import { MeetingChange, MeetingSnapshot } from '../notifications/notification-payload';
import { OrganizationEntity } from '../organizations/organization.entity';
import { SetMeetingBreaksInput, SetMeetingPlanInput, RequestMeetingInput } from './dto/meeting.inputs';
import { MeetingBreakEntity, MeetingRequestEntity, MeetingSlotEntity } from './meeting.entity';
import {
  MeetingParticipantModel,
  MeetingPlanModel,
  MeetingRequestModel,
  MeetingScheduleResultModel,
  toMeetingRequestModel,
  toSlotModel,
} from './meeting.model';
import { assertMeetingMove, LIVE_MEETING_STATUSES, MeetingRequestStatus } from './meeting-status';
import { checkSchedule, placementUpperBound, scheduleMeetings, SchedulingProblem } from './meeting-scheduler';

/** The audit trail's name for a meeting request. */
export const MEETING_REQUEST_ENTITY = 'meeting_request';

/** A delegate with what the other side may see, and their organisation's names for messages. */
export interface Participant extends MeetingParticipantModel {
  organizationName: string;
  organizationNameZh: string | null;
  status: RegistrationStatus;
}

/**
 * B2B meetings at an activity: the plan (slots and tables), delegates' breaks, 1:1 requests between confirmed
 * delegates of different organisations, and scheduling. Every change locks the activity's row first (as registrations
 * do), so a schedule never runs on a half-changed set of requests. Meetings change only while the activity is OPEN or
 * CLOSED; once it is HELD, its placed meetings are the meetings held.
 */
@Injectable()
export class MeetingsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly notifications: NotificationOutboxService,
    private readonly cancellationSteps: ActivityCancellationSteps,
  ) {}

  onModuleInit(): void {
    this.cancellationSteps.add((manager, activity, reason) => this.cancelAllOf(manager, activity, reason));
  }

  // ---- Reading ----

  async plan(actor: Actor | null, activityId: string): Promise<MeetingPlanModel> {
    const activity = await findVisibleActivity(this.dataSource.manager, actor, activityId);
    const slots = await this.slotsOf(this.dataSource.manager, activityId);
    return { tables: activity.meetingTables, slots: slots.map(toSlotModel) };
  }

  /** An activity's meeting requests: all for the secretariat, those involving one of its delegates for an organisation. */
  async list(actor: Actor, activityId: string): Promise<MeetingRequestModel[]> {
    const manager = this.dataSource.manager;
    await findVisibleActivity(manager, actor, activityId);
    const query = manager
      .createQueryBuilder(MeetingRequestEntity, 'm')
      .where('m.activityId = :activityId', { activityId })
      .orderBy('m.createdAt', 'ASC')
      .addOrderBy('m.id', 'ASC');
    if (!isStaff(actor))
      query.andWhere(
        `(m.requesterId IN (SELECT r.id FROM activity_registration r WHERE r.organization_id = :org)
          OR m.inviteeId IN (SELECT r.id FROM activity_registration r WHERE r.organization_id = :org))`,
        { org: actor.organizationId },
      );
    return this.models(manager, await query.getMany());
  }

  /** The slots a delegate is away in. */
  async breaksOf(actor: Actor, registrationId: string): Promise<MeetingSlotEntity[]> {
    const registration = await this.ownRegistration(this.dataSource.manager, actor, registrationId);
    return this.dataSource.manager
      .createQueryBuilder(MeetingSlotEntity, 's')
      .innerJoin(MeetingBreakEntity, 'b', 'b.slotId = s.id AND b.registrationId = :id', { id: registration.id })
      .orderBy('s.startsAt', 'ASC')
      .getMany();
  }

  /** A delegate's scheduled meetings, in time order, with whom. */
  async agenda(
    actor: Actor,
    registrationId: string,
  ): Promise<{
    activity: ActivityEntity;
    participant: Participant;
    meetings: Array<{ request: MeetingRequestEntity; slot: MeetingSlotEntity; other: Participant }>;
  }> {
    const manager = this.dataSource.manager;
    const registration = await this.ownRegistration(manager, actor, registrationId);
    const activity = await findVisibleActivity(manager, actor, registration.activityId);
    const requests = await manager.find(MeetingRequestEntity, {
      where: [
        { requesterId: registration.id, status: MeetingRequestStatus.ACCEPTED },
        { inviteeId: registration.id, status: MeetingRequestStatus.ACCEPTED },
      ],
    });
    // A cancelled activity holds no meetings, whatever was placed before.
    const placed = activity.status === ActivityStatus.CANCELLED ? [] : requests.filter((r) => r.slotId !== null);
    const slots = new Map((await this.slotsOf(manager, activity.id)).map((s) => [s.id, s]));
    const people = await this.participants(manager, [registration.id, ...placed.flatMap((r) => [r.requesterId, r.inviteeId])]);
    const meetings = placed
      .map((request) => ({
        request,
        slot: slots.get(request.slotId!)!,
        other: people.get(request.requesterId === registration.id ? request.inviteeId : request.requesterId)!,
      }))
      .sort((a, b) => a.slot.startsAt.getTime() - b.slot.startsAt.getTime());
    return { activity, participant: people.get(registration.id)!, meetings };
  }

  // ---- The secretariat's plan, the delegates' breaks ----

  /**
   * Sets an activity's slots and tables. A slot with the same times as an existing one is kept, with its meetings and
   * breaks; the meetings of a slot removed, or at a table no longer there, lose their place until the next scheduling.
   */
  async setPlan(actor: Actor, input: SetMeetingPlanInput): Promise<MeetingPlanModel> {
    const slots = [...input.slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    slots.forEach((slot, i) => {
      if (slot.endsAt <= slot.startsAt) throw DomainError.badInput(`slots.${i}`, 'a slot ends after it starts');
      if (i > 0 && slot.startsAt < slots[i - 1].endsAt) throw DomainError.badInput(`slots.${i}`, 'slots must not overlap');
    });
    return this.dataSource.transaction(async (manager) => {
      const activity = await this.changeableActivity(manager, actor, input.activityId);
      const outside = slots.find((s) => s.startsAt < activity.startsAt || s.endsAt > activity.endsAt);
      if (outside) throw DomainError.badInput('slots', 'every slot lies within the activity’s start and end');
      const existing = await this.slotsOf(manager, activity.id);
      const key = (s: { startsAt: Date; endsAt: Date }) => `${s.startsAt.toISOString()}/${s.endsAt.toISOString()}`;
      const wanted = new Set(slots.map(key));
      const removed = existing.filter((s) => !wanted.has(key(s)));
      const kept = new Set(existing.filter((s) => wanted.has(key(s))).map(key));
      // Unplaced explicitly: the slot's foreign key would clear slot_id but leave the table number behind.
      await manager
        .createQueryBuilder()
        .update(MeetingRequestEntity)
        .set({ slotId: null, tableNumber: null, unplacedReason: null })
        .where('activity_id = :activityId', { activityId: activity.id })
        .andWhere('(slot_id IN (:...removed) OR table_number > :tables)', {
          removed: [null, ...removed.map((s) => s.id)],
          tables: input.tables,
        })
        .execute();
      if (removed.length) await manager.delete(MeetingSlotEntity, { id: In(removed.map((s) => s.id)) });
      const added = slots.filter((s) => !kept.has(key(s)));
      if (added.length)
        await manager.insert(
          MeetingSlotEntity,
          added.map((s) => ({ activityId: activity.id, startsAt: s.startsAt, endsAt: s.endsAt })),
        );
      await manager.update(ActivityEntity, { id: activity.id }, { meetingTables: input.tables, version: activity.version + 1 });
      await this.audit.record(manager, [
        {
          entityType: ACTIVITY_ENTITY,
          entityId: activity.id,
          actor,
          action: 'set meeting plan',
          changes: [
            { field: 'meetingTables', before: activity.meetingTables, after: input.tables, secret: false },
            { field: 'meetingSlots', before: existing.map(key), after: slots.map(key), secret: false },
          ].filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after)),
        },
      ]);
      const now = await this.slotsOf(manager, activity.id);
      return { tables: input.tables, slots: now.map(toSlotModel) };
    });
  }

  /** Replaces the slots a delegate is away in (their organisation's members, or the secretariat). */
  async setBreaks(actor: Actor, input: SetMeetingBreaksInput): Promise<MeetingSlotEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.ownRegistration(manager, actor, input.registrationId);
      const activity = await this.changeableActivity(manager, actor, found.activityId);
      const slots = await this.slotsOf(manager, activity.id);
      const ids = [...new Set(input.slotIds)];
      const unknown = ids.find((id) => !slots.some((s) => s.id === id));
      if (unknown) throw DomainError.badInput('slotIds', `${unknown} is not a meeting slot of this activity`);
      const before = (await manager.findBy(MeetingBreakEntity, { registrationId: found.id })).map((b) => b.slotId).sort();
      await manager.delete(MeetingBreakEntity, { registrationId: found.id });
      if (ids.length)
        await manager.insert(
          MeetingBreakEntity,
          ids.map((slotId) => ({ registrationId: found.id, slotId })),
        );
      // A meeting placed in a slot the delegate is now away for loses its place until the next scheduling.
      if (ids.length)
        await manager
          .createQueryBuilder()
          .update(MeetingRequestEntity)
          .set({ slotId: null, tableNumber: null, unplacedReason: null })
          .where('(requester_id = :id OR invitee_id = :id) AND slot_id IN (:...ids)', { id: found.id, ids })
          .execute();
      await this.audit.record(manager, [
        {
          entityType: 'activity_registration',
          entityId: found.id,
          actor,
          action: 'set meeting breaks',
          changes: [{ field: 'meetingBreaks', before, after: [...ids].sort(), secret: false }],
        },
      ]);
      return slots.filter((s) => ids.includes(s.id));
    });
  }

  // ---- Requests ----

  async request(actor: Actor, input: RequestMeetingInput): Promise<MeetingRequestModel> {
    return this.transaction(async (manager) => {
      const from = await this.ownRegistration(manager, actor, input.fromRegistrationId);
      const activity = await this.changeableActivity(manager, actor, from.activityId);
      const to = await manager.findOneBy(ActivityRegistrationEntity, { id: input.toRegistrationId });
      if (!to || to.activityId !== activity.id) throw DomainError.notFound('Registration', input.toRegistrationId);
      if (from.status !== RegistrationStatus.CONFIRMED || to.status !== RegistrationStatus.CONFIRMED)
        throw DomainError.conflict('Only confirmed delegates meet: both registrations must be CONFIRMED');
      if (from.organizationId === to.organizationId)
        throw DomainError.badInput('toRegistrationId', 'delegates of one organisation do not book 1:1 meetings with each other');
      const live = await manager.findOne(MeetingRequestEntity, {
        where: [
          { requesterId: from.id, inviteeId: to.id, status: In([...LIVE_MEETING_STATUSES]) },
          { requesterId: to.id, inviteeId: from.id, status: In([...LIVE_MEETING_STATUSES]) },
        ],
      });
      if (live) throw DomainError.conflict(`These two delegates already have a meeting request (${live.status})`);
      const saved = await this.audit.saveOrDelete(manager, {
        target: MeetingRequestEntity,
        entityType: MEETING_REQUEST_ENTITY,
        actor,
        action: 'request meeting',
        before: null,
        after: manager.create(MeetingRequestEntity, {
          activityId: activity.id,
          requesterId: from.id,
          inviteeId: to.id,
          message: input.message ?? '',
          status: MeetingRequestStatus.REQUESTED,
          requestedBy: actor.userId,
        }),
        toStatus: MeetingRequestStatus.REQUESTED,
      });
      await this.tell(manager, activity, saved!, 'REQUESTED', [to.organizationId]);
      return (await this.models(manager, [saved!]))[0];
    });
  }

  /**
   * The invited delegate's organisation (or the secretariat) accepts or declines; a decline says why, as every refusal
   * does (a refused registration, donation or course, a rejected match): the requester is told the reason.
   */
  async answer(actor: Actor, id: string, accept: boolean, reason: string | null): Promise<MeetingRequestModel> {
    if (!accept && !reason?.trim()) throw DomainError.badInput('reason', 'say why you decline the meeting: the requester is told');
    const to = accept ? MeetingRequestStatus.ACCEPTED : MeetingRequestStatus.DECLINED;
    return this.move(actor, id, to, accept ? 'accept meeting' : 'decline meeting', reason, (r, invitee) => {
      if (!isStaff(actor) && invitee.organizationId !== actor.organizationId)
        throw DomainError.forbidden('Only the invited delegate’s organisation answers a meeting request');
    });
  }

  /** Either side (or the secretariat) cancels; a placed meeting frees its slot and table. */
  cancel(actor: Actor, id: string, reason: string | null): Promise<MeetingRequestModel> {
    return this.move(actor, id, MeetingRequestStatus.CANCELLED, 'cancel meeting', reason, () => undefined);
  }

  private move(
    actor: Actor,
    id: string,
    to: MeetingRequestStatus,
    action: string,
    reason: string | null,
    check: (request: MeetingRequestEntity, invitee: ActivityRegistrationEntity) => void,
  ): Promise<MeetingRequestModel> {
    return this.transaction(async (manager) => {
      const found = await manager.findOneBy(MeetingRequestEntity, { id });
      if (!found) throw DomainError.notFound('Meeting request', id);
      const [requester, invitee] = await Promise.all([
        manager.findOneByOrFail(ActivityRegistrationEntity, { id: found.requesterId }),
        manager.findOneByOrFail(ActivityRegistrationEntity, { id: found.inviteeId }),
      ]);
      const sides = [requester.organizationId, invitee.organizationId];
      if (!isStaff(actor) && !sides.includes(actor.organizationId)) throw DomainError.notFound('Meeting request', id);
      const activity = await this.changeableActivity(manager, actor, found.activityId);
      const request = await manager.findOneOrFail(MeetingRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      check(request, invitee);
      assertMeetingMove(request.status, to);
      const saved = await this.audit.saveOrDelete(manager, {
        target: MeetingRequestEntity,
        entityType: MEETING_REQUEST_ENTITY,
        actor,
        action,
        before: request,
        after: {
          ...request,
          status: to,
          reason: reason ?? request.reason,
          ...(to === MeetingRequestStatus.CANCELLED ? { slotId: null, tableNumber: null, unplacedReason: null } : {}),
        },
        fromStatus: request.status,
        toStatus: to,
        reason,
      });
      // The side that acted knows; the other side (both, when the secretariat acted) hears of it.
      const told = isStaff(actor) ? sides : sides.filter((org) => org !== actor.organizationId);
      const change: MeetingChange =
        to === MeetingRequestStatus.CANCELLED ? 'CANCELLED' : to === MeetingRequestStatus.ACCEPTED ? 'ACCEPTED' : 'DECLINED';
      await this.tell(manager, activity, { ...saved!, slotId: request.slotId, tableNumber: request.tableNumber }, change, told);
      return (await this.models(manager, [saved!]))[0];
    });
  }

  /**
   * The activity is being cancelled (ActivitiesService.cancel, in its transaction): each live request goes with it,
   * with the activity's reason, and both sides hear of it. Registered as a step of the cancellation at start-up.
   */
  async cancelAllOf(manager: EntityManager, activity: ActivityEntity, reason: string): Promise<void> {
    const live = await manager.find(MeetingRequestEntity, {
      where: { activityId: activity.id, status: In([...LIVE_MEETING_STATUSES]) },
      order: { createdAt: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const people = await this.participants(
      manager,
      live.flatMap((r) => [r.requesterId, r.inviteeId]),
    );
    for (const request of live)
      await this.cancelForBoth(manager, activity, request, people, { action: 'cancel meeting with the activity', reason });
  }

  /** The system's cancellation of a request (no actor): audited with its reason, and told to both sides. */
  private async cancelForBoth(
    manager: EntityManager,
    activity: ActivityEntity,
    request: MeetingRequestEntity,
    people: Map<string, Participant>,
    why: { action: string; reason: string },
  ): Promise<void> {
    const saved = await this.audit.saveOrDelete(manager, {
      target: MeetingRequestEntity,
      entityType: MEETING_REQUEST_ENTITY,
      actor: null,
      action: why.action,
      before: request,
      after: {
        ...request,
        status: MeetingRequestStatus.CANCELLED,
        reason: why.reason,
        slotId: null,
        tableNumber: null,
        unplacedReason: null,
      },
      fromStatus: request.status,
      toStatus: MeetingRequestStatus.CANCELLED,
      reason: why.reason,
    });
    const sides = [people.get(request.requesterId)!.organizationId, people.get(request.inviteeId)!.organizationId];
    await this.tell(manager, activity, { ...saved!, slotId: request.slotId, tableNumber: request.tableNumber }, 'CANCELLED', sides);
  }

  // ---- Scheduling ----

  /**
   * Places the accepted requests in the plan's slots and tables (docs/MEETINGS.md, "The scheduler"): meetings already
   * placed keep their slot and table while still valid, requests whose delegates are no longer confirmed are
   * cancelled, and every organisation whose delegates' agendas changed receives its agenda.
   */
  async schedule(actor: Actor, activityId: string): Promise<MeetingScheduleResultModel> {
    return this.transaction(async (manager) => {
      const activity = await this.changeableActivity(manager, actor, activityId);
      const slots = await this.slotsOf(manager, activity.id);
      if (slots.length === 0 || activity.meetingTables === 0)
        throw DomainError.conflict('The activity has no meeting plan yet: set its slots and tables first');
      const accepted = await manager.find(MeetingRequestEntity, {
        where: { activityId: activity.id, status: MeetingRequestStatus.ACCEPTED },
        order: { createdAt: 'ASC', id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const people = await this.participants(
        manager,
        accepted.flatMap((r) => [r.requesterId, r.inviteeId]),
      );
      const confirmed = (r: MeetingRequestEntity) =>
        people.get(r.requesterId)?.status === RegistrationStatus.CONFIRMED &&
        people.get(r.inviteeId)?.status === RegistrationStatus.CONFIRMED;
      const lapsed = accepted.filter((r) => !confirmed(r));
      for (const request of lapsed)
        await this.cancelForBoth(manager, activity, request, people, {
          action: 'cancel meeting with the registration',
          reason: 'a delegate’s registration is no longer confirmed',
        });
      const cancelled = lapsed.length;
      const requests = accepted.filter(confirmed);
      const participantIds = [...new Set(requests.flatMap((r) => [r.requesterId, r.inviteeId]))];
      const breaks = participantIds.length ? await manager.findBy(MeetingBreakEntity, { registrationId: In(participantIds) }) : [];
      const problem: SchedulingProblem = {
        slots: slots.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt })),
        tables: activity.meetingTables,
        participants: participantIds.map((id) => ({
          id,
          unavailableSlotIds: breaks.filter((b) => b.registrationId === id).map((b) => b.slotId),
        })),
        requests: requests.map((r) => ({ id: r.id, participantIds: [r.requesterId, r.inviteeId] })),
        pinned: requests
          .filter((r) => r.slotId && r.tableNumber)
          .map((r) => ({ requestId: r.id, slotId: r.slotId!, table: r.tableNumber! })),
      };
      const schedule = scheduleMeetings(problem);
      const problems = checkSchedule(problem, schedule);
      if (problems.length) throw new Error(`The scheduler broke its own rules: ${problems.join('; ')}`);
      const placement = new Map(schedule.placed.map((p) => [p.requestId, p]));
      const why = new Map(schedule.unplaced.map((u) => [u.requestId, u.reason]));
      const changedOrganisations = new Set<string>();
      let kept = 0;
      for (const request of requests) {
        const place = placement.get(request.id);
        const next = {
          slotId: place?.slotId ?? null,
          tableNumber: place?.table ?? null,
          unplacedReason: place ? null : (why.get(request.id) ?? null),
        };
        const same = next.slotId === request.slotId && next.tableNumber === request.tableNumber;
        if (same && place) kept += 1;
        if (same && next.unplacedReason === request.unplacedReason) continue;
        // Placement is the scheduler's bookkeeping, not a move anyone answers: the version stays.
        await manager.update(MeetingRequestEntity, { id: request.id }, { ...next, version: request.version });
        if (!same) for (const id of [request.requesterId, request.inviteeId]) changedOrganisations.add(people.get(id)!.organizationId);
      }
      await this.audit.record(manager, [
        {
          entityType: ACTIVITY_ENTITY,
          entityId: activity.id,
          actor,
          action: 'schedule meetings',
          changes: [
            {
              field: 'meetings',
              before: null,
              after: { placed: schedule.placed.length, unplaced: schedule.unplaced.length, cancelled },
              secret: false,
            },
          ],
        },
      ]);
      const slotById = new Map(slots.map((s) => [s.id, s]));
      for (const organizationId of changedOrganisations) {
        const theirs = (r: MeetingRequestEntity) =>
          people.get(r.requesterId)!.organizationId === organizationId || people.get(r.inviteeId)!.organizationId === organizationId;
        const meetings = schedule.placed
          .map((p) => ({ request: requests.find((r) => r.id === p.requestId)!, p }))
          .filter(({ request }) => theirs(request))
          .map(({ request, p }) => snapshot({ ...request, slotId: p.slotId, tableNumber: p.table }, people, slotById));
        const unplaced = schedule.unplaced.filter((u) => theirs(requests.find((r) => r.id === u.requestId)!)).length;
        await this.notifications.emit(manager, NotificationEventType.MEETINGS_SCHEDULED, {
          ...activityFacts(activity, organisationAudience(organizationId)),
          meetings,
          unplaced,
        });
      }
      return {
        placed: schedule.placed.length,
        unplaced: schedule.unplaced.length,
        kept,
        upperBound: placementUpperBound(problem),
        cancelled,
      };
    });
  }

  // ---- Shared ----

  /** The requests as the API gives them, with both delegates and the slot. */
  async models(manager: EntityManager, requests: MeetingRequestEntity[]): Promise<MeetingRequestModel[]> {
    if (requests.length === 0) return [];
    const people = await this.participants(
      manager,
      requests.flatMap((r) => [r.requesterId, r.inviteeId]),
    );
    const slotIds = [...new Set(requests.map((r) => r.slotId).filter((id): id is string => id !== null))];
    const slots = new Map((slotIds.length ? await manager.findBy(MeetingSlotEntity, { id: In(slotIds) }) : []).map((s) => [s.id, s]));
    return requests.map((r) => toMeetingRequestModel(r, people, slots));
  }

  /** Delegates by registration id, with their organisation's names. */
  async participants(manager: EntityManager, registrationIds: string[]): Promise<Map<string, Participant>> {
    const ids = [...new Set(registrationIds)];
    if (ids.length === 0) return new Map();
    const rows = await manager
      .createQueryBuilder(ActivityRegistrationEntity, 'r')
      .innerJoinAndMapOne('r.organization', OrganizationEntity, 'o', 'o.id = r.organizationId')
      .where('r.id IN (:...ids)', { ids })
      .getMany();
    return new Map(
      rows.map((r) => [
        r.id,
        {
          registrationId: r.id,
          name: r.delegateName,
          position: r.delegatePosition,
          organizationId: r.organizationId,
          organizationName: r.organization!.nameEn,
          organizationNameZh: r.organization!.nameZh,
          status: r.status,
        },
      ]),
    );
  }

  slotsOf(manager: EntityManager, activityId: string): Promise<MeetingSlotEntity[]> {
    return manager.find(MeetingSlotEntity, { where: { activityId }, order: { startsAt: 'ASC' } });
  }

  /** A registration of the caller's organisation (any, for the secretariat); NOT_FOUND otherwise. */
  async ownRegistration(manager: EntityManager, actor: Actor, id: string): Promise<ActivityRegistrationEntity> {
    const registration = await manager.findOneBy(ActivityRegistrationEntity, { id });
    if (!registration || !(isStaff(actor) || registration.organizationId === actor.organizationId))
      throw DomainError.notFound('Registration', id);
    return registration;
  }

  /** The activity, row-locked, while its meetings may still change (OPEN or CLOSED). */
  private async changeableActivity(manager: EntityManager, actor: Actor, activityId: string): Promise<ActivityEntity> {
    const activity = await findVisibleActivity(manager, actor, activityId, true);
    if (!REGISTRATION_LIVE_STATUSES.includes(activity.status))
      throw DomainError.conflict(`Meetings can no longer change: the activity is ${activity.status}`);
    return activity;
  }

  private async tell(
    manager: EntityManager,
    activity: ActivityEntity,
    request: MeetingRequestEntity,
    change: MeetingChange,
    organizationIds: string[],
  ) {
    const people = await this.participants(manager, [request.requesterId, request.inviteeId]);
    const slots = new Map((request.slotId ? await manager.findBy(MeetingSlotEntity, { id: request.slotId }) : []).map((s) => [s.id, s]));
    await this.notifications.emit(manager, NotificationEventType.MEETING_REQUEST_CHANGED, {
      ...activityFacts(activity, { organizationIds: [...new Set(organizationIds)], userIds: [], coordinators: false }),
      meetingChange: change,
      meeting: snapshot(request, people, slots),
    });
  }

  /** One transaction; once it committed, the fan-out is woken for the events it wrote. */
  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.notifications.nudge();
    return result;
  }
}

/** A meeting as a message tells it, frozen now. */
export function snapshot(
  request: Pick<MeetingRequestEntity, 'id' | 'requesterId' | 'inviteeId' | 'message' | 'reason' | 'slotId' | 'tableNumber'>,
  people: ReadonlyMap<string, Participant>,
  slots: ReadonlyMap<string, MeetingSlotEntity>,
): MeetingSnapshot {
  const party = (id: string) => {
    const p = people.get(id);
    return { name: p?.name ?? '', organization: p?.organizationName ?? '', organizationZh: p?.organizationNameZh ?? null };
  };
  const slot = request.slotId ? slots.get(request.slotId) : undefined;
  return {
    meetingRequestId: request.id,
    requester: party(request.requesterId),
    invitee: party(request.inviteeId),
    message: request.message,
    reason: request.reason,
    startsAt: slot?.startsAt.toISOString() ?? null,
    endsAt: slot?.endsAt.toISOString() ?? null,
    tableNumber: slot ? request.tableNumber : null,
  };
}

/** Statuses of an activity in which its placed meetings count as held. */
export const MEETINGS_HELD_IN: readonly ActivityStatus[] = [ActivityStatus.HELD, ActivityStatus.REPORTED];

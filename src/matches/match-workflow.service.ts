import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditRecord, AuditLogService } from '../audit-log/audit-log.service';
import { changeEntry, FieldChange } from '../audit-log/change-entry';
import { Actor, isStaff } from '../access/actor';
import { DomainError } from '../common/domain-error';
import { MatchingService, RankedEnterprise } from '../matching/matching.service';
import { NeedEntity } from '../needs/need.entity';
import { NeedStatus, RECRUITING_NEED_STATUSES } from '../needs/need-status';
import { NotificationEventType } from '../notifications/notification-event-type';
import { NotificationOutboxService } from '../notifications/notification-outbox.service';
import { OrganizationEntity, OrganizationKind, VerificationStatus } from '../organizations/organization.entity';
import { JobQueueService } from '../jobs/job-queue.service';
import { IndexedKind } from '../search-outbox/search-outbox.entity';
import { SearchOutboxService } from '../search-outbox/search-outbox.service';
import {
  ExpressInterestInput,
  MatchReasonInput,
  MatchVersionInput,
  RecordMatchOutcomeInput,
  RespondToMatchInput,
} from './dto/match.inputs';
import { NeedVisibility } from '../needs/need-visibility.policy';
import { MatchEntity } from './match.entity';
import { MatchModel, statusSeenBy } from './match.model';
import { MatchesService } from './matches.service';
import { contactsOf, loadParties, matchPayload, MatchParties, sideOf } from './match-parties';
import { MatchVisibility } from './match-visibility.policy';
import { MatchExplanationSnapshot } from './match-snapshot';
import {
  assertMove,
  AWAITING_REVIEW,
  BEFORE_INTRODUCTION,
  canMove,
  furthestStage,
  MatchOrigin,
  MatchStatus,
  outcomeDateProblem,
  SideResponse,
  wasIntroduced,
} from './match-status';
import { MatchOutcomeEntity } from './match-outcome.entity';
import { MatchOutcomeRepository } from './match-outcome.repository';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { UsersRepository } from '../users/users.repository';
import { NEED_CLOSED_QUEUE } from '../needs/need-events';

const ENTITY = 'match';

/** Why a need's matches were withdrawn with it, by the need's new status. */
const NEED_MOVE_REASONS: Partial<Record<NeedStatus, string>> = {
  [NeedStatus.MATCHED]: 'The need found its partner',
  [NeedStatus.CLOSED]: 'The need was closed',
  [NeedStatus.WITHDRAWN]: 'The need was withdrawn by its agency',
};

/** Why a need takes no more introductions, in the words a coordinator reads. */
function needTakesNoIntroductions(status: NeedStatus): string {
  const why = NEED_MOVE_REASONS[status];
  return `The need is ${status}${why ? ` (${why.replace(/^The need /, '')})` : ''}: it no longer takes introductions`;
}

/**
 * The match lifecycle, one method per verb. Each runs in one transaction: the match row is locked, the caller's
 * version checked (optimistic concurrency: two coordinators acting at once — one wins, the other gets CONFLICT), the
 * move made, the audit trail written and the notification events emitted; nothing of it exists unless all of it does.
 */
@Injectable()
export class MatchWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matching: MatchingService,
    private readonly audit: AuditLogService,
    private readonly notifications: NotificationOutboxService,
    private readonly search: SearchOutboxService,
    private readonly matches: MatchesService,
    private readonly jobs: JobQueueService,
    private readonly outcomes: MatchOutcomeRepository,
    private readonly referenceData: ReferenceDataService,
    private readonly users: UsersRepository,
  ) {}

  /** Ranks candidates for a need and keeps the best as SUGGESTED; returns all the need's matches. */
  async suggest(actor: Actor, needId: string, first: number): Promise<MatchModel[]> {
    await this.addSuggestions(actor, await this.matching.needOrFail(needId), first);
    return (await this.matches.list(actor, { needId, first: 100 })).edges.map((e) => e.node);
  }

  /**
   * Keeps the `first` best candidates of a need as SUGGESTED matches (pairs already matched are left as they are) and
   * tells the coordinators when there are new ones; returns the new matches. `ranked` spares a second ranking;
   * `alsoInTransaction` writes what follows from the new matches in the same transaction, so both exist or neither.
   */
  async addSuggestions(
    actor: Actor | null,
    need: NeedEntity,
    first: number,
    ranked?: RankedEnterprise[],
    alsoInTransaction?: (manager: EntityManager, added: MatchEntity[]) => Promise<void>,
  ): Promise<MatchEntity[]> {
    if (!RECRUITING_NEED_STATUSES.includes(need.status))
      throw DomainError.conflict(`Only open needs get candidates; this one is ${need.status}`);
    ranked ??= await this.matching.rankEnterprises(need, first);
    const needId = need.id;
    return this.transaction(async (manager) => {
      const ids: string[] = [];
      for (const r of ranked.slice(0, first)) {
        const result = await manager
          .createQueryBuilder()
          .insert()
          .into(MatchEntity)
          .values({
            needId,
            enterpriseId: r.organizationId,
            origin: MatchOrigin.SUGGESTION,
            status: MatchStatus.SUGGESTED,
            score: r.result.score,
            weightsVersion: r.weightsVersion,
            rank: r.rank,
            explanation: snapshot(r),
            statusChangedAt: new Date(),
          })
          .orIgnore()
          .returning('id')
          .execute();
        ids.push(...(result.raw as Array<{ id: string }>).map((row) => row.id));
      }
      const added = ids.length ? await manager.find(MatchEntity, { where: { id: In(ids) }, order: { score: 'DESC', id: 'ASC' } }) : [];
      await this.audit.record(
        manager,
        added.map((m) => entry(m.id, actor, 'suggest', null, MatchStatus.SUGGESTED)),
      );
      if (added.length > 0) {
        const parties = await loadParties(manager, added[0]);
        await this.notifications.emit(manager, NotificationEventType.CANDIDATES_TO_REVIEW, {
          ...matchPayload(added[0], parties, { organizationIds: [], userIds: [], coordinators: true }),
          matchId: undefined,
          enterprise: undefined,
          score: Math.max(...added.map((m) => m.score)),
          candidateCount: added.length,
        });
      }
      await alsoInTransaction?.(manager, added);
      return added;
    });
  }

  /** An enterprise asks to be considered: the match enters the review queue with its own explanation. */
  async expressInterest(actor: Actor, input: ExpressInterestInput): Promise<MatchModel> {
    const need = await this.matching.needOrFail(input.needId);
    if (!RECRUITING_NEED_STATUSES.includes(need.status)) {
      // A need the caller cannot read stays unknown; one anyone can read is not hidden behind NOT_FOUND.
      if (!NeedVisibility.canSee(actor, need)) throw DomainError.notFound('Need', input.needId);
      throw DomainError.conflict(`This need is ${need.status} and no longer takes expressions of interest`);
    }
    const enterprise = await this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: actor.organizationId });
    if (enterprise.kind !== OrganizationKind.ENTERPRISE) throw DomainError.forbidden('Only enterprises express interest');
    if (enterprise.verificationStatus !== VerificationStatus.VERIFIED)
      throw DomainError.forbidden('Your enterprise must be verified by the secretariat before it can express interest');
    // Answered before the ranking (which needs the search engine), and again under the row lock against a race.
    const earlier = await this.dataSource.getRepository(MatchEntity).findOneBy({ needId: need.id, enterpriseId: enterprise.id });
    if (earlier) assertNoEarlierInterest(earlier);
    const ranked = await this.matching.rankEnterprise(need, enterprise.id);
    const match = await this.transaction(async (manager) => {
      const existing = await manager.findOne(MatchEntity, {
        where: { needId: need.id, enterpriseId: enterprise.id },
        lock: { mode: 'pessimistic_write' },
      });
      let match: MatchEntity;
      if (existing) {
        assertNoEarlierInterest(existing);
        existing.interestMessage = input.message;
        // A suggestion the enterprise now asks for is its expressed interest too: it sees it from here on (and hears
        // when it is rejected), like any interest. Left a suggestion, the enterprise could not read back its own write.
        existing.origin = MatchOrigin.INTEREST;
        match = await manager.save(existing);
      } else {
        match = await manager.save(
          manager.create(MatchEntity, {
            needId: need.id,
            enterpriseId: enterprise.id,
            origin: MatchOrigin.INTEREST,
            status: MatchStatus.SUGGESTED,
            score: ranked?.result.score ?? 0,
            weightsVersion: ranked?.weightsVersion ?? null,
            rank: ranked?.rank ?? null,
            explanation: ranked ? snapshot(ranked) : emptyExplanation(),
            interestMessage: input.message,
            statusChangedAt: new Date(),
          }),
        );
      }
      await this.audit.record(manager, [entry(match.id, actor, 'express interest', existing?.status ?? null, match.status, input.message)]);
      const parties = await loadParties(manager, match);
      await this.notifications.emit(manager, NotificationEventType.CANDIDATES_TO_REVIEW, {
        ...matchPayload(match, parties, { organizationIds: [], userIds: [], coordinators: true }),
        candidateCount: 1,
        reason: input.message,
      });
      return match;
    });
    return this.matches.get(actor, match.id);
  }

  shortlist(actor: Actor, input: MatchVersionInput): Promise<MatchModel> {
    return this.move(actor, input, async (manager, match) => {
      assertMove(match.status, MatchStatus.SHORTLISTED, match.reason);
      return this.changeStatus(manager, actor, match, MatchStatus.SHORTLISTED, 'shortlist');
    });
  }

  /** Approves and introduces at once: both sides are told. */
  approve(actor: Actor, input: MatchVersionInput): Promise<MatchModel> {
    return this.move(actor, input, (manager, match, parties) => this.approveLocked(manager, actor, match, parties));
  }

  /** Approves every match given, or none (one stale version fails them all with CONFLICT). */
  async approveAll(actor: Actor, inputs: MatchVersionInput[]): Promise<MatchModel[]> {
    if (new Set(inputs.map((i) => i.id)).size !== inputs.length) throw DomainError.badInput('input', 'input names a match twice');
    await this.transaction(async (manager) => {
      const approved: MatchEntity[] = [];
      for (const { match, parties } of await this.lockAt(manager, inputs, actor)) {
        approved.push(await this.approveLocked(manager, actor, match, parties));
      }
      return approved;
    });
    return this.matches.getMany(
      actor,
      inputs.map((i) => i.id),
    );
  }

  reject(actor: Actor, input: MatchReasonInput): Promise<MatchModel> {
    return this.move(actor, input, async (manager, match, parties) => {
      assertMove(match.status, MatchStatus.REJECTED, match.reason);
      const from = match.status;
      match.reason = input.reason;
      const saved = await this.changeStatus(manager, actor, match, MatchStatus.REJECTED, 'reject', input.reason);
      await this.tellClosed(manager, saved, parties, from, input.reason);
      return saved;
    });
  }

  /**
   * Coordinators withdraw any open match; an enterprise withdraws its own expressed interest only before the
   * introduction. Introduced, each side answers for itself (respondToMatch); engaged, only the secretariat closes the
   * match — an enterprise walking away would leave the agency untold while keeping its contacts.
   */
  withdraw(actor: Actor, input: MatchReasonInput): Promise<MatchModel> {
    return this.move(actor, input, async (manager, match, parties) => {
      if (!isStaff(actor)) {
        if (!(match.origin === MatchOrigin.INTEREST && match.enterpriseId === actor.organizationId)) {
          throw DomainError.forbidden('Only coordinators, or the enterprise for its own expressed interest, withdraw a match');
        }
        if (match.status === MatchStatus.INTRODUCED) {
          throw DomainError.conflict(
            'Your enterprise has been introduced to the agency: answer the introduction with respondToMatch (accept: false to decline) instead of withdrawing',
          );
        }
        if (wasIntroduced(match) && canMove(match.status, MatchStatus.WITHDRAWN)) {
          throw DomainError.conflict(
            `This match is ${match.status}: after the introduction only the secretariat closes a match; ask it to`,
          );
        }
      }
      assertMove(match.status, MatchStatus.WITHDRAWN, match.reason);
      const from = match.status;
      match.reason = input.reason;
      const saved = await this.changeStatus(manager, actor, match, MatchStatus.WITHDRAWN, 'withdraw', input.reason);
      // An enterprise withdrawing its own interest needs no telling.
      if (isStaff(actor)) await this.tellClosed(manager, saved, parties, from, input.reason);
      return saved;
    });
  }

  /**
   * Whoever knew of a match hears that the secretariat closed it: both sides once they were introduced, the
   * enterprise alone for an interest it expressed. A suggestion nobody outside the secretariat saw closes silently.
   */
  private async tellClosed(
    manager: EntityManager,
    match: MatchEntity,
    parties: MatchParties,
    from: MatchStatus,
    reason: string,
    closedWithNeed = false,
  ): Promise<void> {
    const introduced = !BEFORE_INTRODUCTION.includes(from);
    const organizationIds = introduced
      ? [parties.agency.id, parties.enterprise.id]
      : match.origin === MatchOrigin.INTEREST
        ? [parties.enterprise.id]
        : [];
    if (organizationIds.length === 0) return;
    await this.notifications.emit(manager, NotificationEventType.MATCH_CLOSED, {
      ...matchPayload(match, parties, { organizationIds, userIds: [], coordinators: false }),
      reason,
      ...(closedWithNeed ? { closedWithNeed } : {}),
    });
  }

  /**
   * Withdraws the matches of a need that no longer takes introductions: a MATCHED need's candidates still awaiting
   * review (introductions under way may still engage); every match short of ENGAGED of a CLOSED or WITHDRAWN need.
   * Whoever knew of a match is told why (MATCH_CLOSED, as for a coordinator's withdrawal); the audit entry has no
   * actor; the reason is `reason`, else names the need's move. Returns how many it withdrew.
   */
  closeForNeed(needId: string, reason?: string): Promise<number> {
    return this.transaction(async (manager) => {
      // The need first, then its matches: the lock order of every move (lockAt).
      const need = await manager.findOne(NeedEntity, { where: { id: needId }, lock: { mode: 'for_no_key_update' } });
      if (!need || RECRUITING_NEED_STATUSES.includes(need.status)) return 0;
      const open =
        need.status === NeedStatus.MATCHED ? AWAITING_REVIEW : [...AWAITING_REVIEW, MatchStatus.APPROVED, MatchStatus.INTRODUCED];
      const why = reason ?? NEED_MOVE_REASONS[need.status] ?? `The need is ${need.status}`;
      const matches = await manager.find(MatchEntity, {
        where: { needId, status: In(open) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      for (const match of matches) {
        const parties = await loadParties(manager, match);
        const from = match.status;
        match.reason = why;
        const saved = await this.changeStatus(manager, null, match, MatchStatus.WITHDRAWN, 'withdraw', why);
        await this.tellClosed(manager, saved, parties, from, why, true);
      }
      return matches.length;
    });
  }

  /** Each side accepts or declines for itself; when both accepted they are ENGAGED and get each other's contacts. */
  respond(actor: Actor, input: RespondToMatchInput): Promise<MatchModel> {
    return this.move(actor, input, async (manager, match, parties) => {
      const side = sideOf(actor, parties);
      if (!side) throw DomainError.notFound('Match', match.id);
      if (match.status !== MatchStatus.INTRODUCED)
        throw DomainError.conflict(`Only an introduced match can be answered; this one is ${match.status}`);
      const field = side === 'AGENCY' ? 'agencyResponse' : 'enterpriseResponse';
      if (match[field] !== SideResponse.PENDING) throw DomainError.conflict(`Your side already answered (${match[field]})`);
      const answer = input.accept ? SideResponse.ACCEPTED : SideResponse.DECLINED;
      const answered = changeEntry(match, { ...match, [field]: answer }, [field]);
      match[field] = answer;
      const otherSide = side === 'AGENCY' ? parties.enterprise.id : parties.agency.id;
      const coordinator = match.approvedByUserId ? [match.approvedByUserId] : [];
      const action = input.accept ? 'accept' : 'decline';

      if (!input.accept) {
        match.reason = input.reason ?? null;
        const saved = await this.changeStatus(manager, actor, match, MatchStatus.DECLINED, action, input.reason, answered);
        await this.notifications.emit(manager, NotificationEventType.MATCH_DECLINED, {
          ...matchPayload(saved, parties, { organizationIds: [otherSide], userIds: coordinator, coordinators: false }),
          side,
          reason: input.reason,
        });
        return saved;
      }
      if (match.agencyResponse === SideResponse.ACCEPTED && match.enterpriseResponse === SideResponse.ACCEPTED) {
        const saved = await this.changeStatus(manager, actor, match, MatchStatus.ENGAGED, action, null, answered);
        const members = await this.users.activeMembersOf([parties.agency.id, parties.enterprise.id], manager);
        const [agency, enterprise] = contactsOf([parties.agency, parties.enterprise], members);
        const contacts = { agency, enterprise };
        await this.notifications.emit(manager, NotificationEventType.MATCH_ENGAGED, {
          ...matchPayload(saved, parties, {
            organizationIds: [parties.agency.id, parties.enterprise.id],
            userIds: coordinator,
            coordinators: false,
          }),
          contacts,
        });
        await this.advanceNeed(manager, parties.need, NeedStatus.MATCHED);
        return saved;
      }
      const saved = await manager.save(match);
      await this.audit.record(manager, [entry(match.id, actor, action, match.status, match.status, input.reason, answered)]);
      await this.notifications.emit(manager, NotificationEventType.MATCH_ACCEPTED, {
        ...matchPayload(saved, parties, { organizationIds: [otherSide], userIds: coordinator, coordinators: false }),
        side,
      });
      return saved;
    });
  }

  /**
   * Adds one outcome to the match's dated series (MoU, pilot, contract, handover…): the first moves an ENGAGED match
   * to OUTCOME_RECORDED, the later ones are added there (the version moves on each time). Each is audited and told to
   * both sides with the stage the collaboration has reached.
   */
  recordOutcome(actor: Actor, input: RecordMatchOutcomeInput): Promise<MatchModel> {
    return this.move(actor, input, (manager, match, parties) => this.addOutcome(manager, actor, match, parties, input));
  }

  /**
   * `recordOutcome` inside the caller's transaction (a donation handed over, a course completed: the outcome and the
   * contribution's link to it commit together). The caller nudges the fan-out after commit (`nudge`).
   */
  async recordOutcomeIn(manager: EntityManager, actor: Actor, input: RecordMatchOutcomeInput): Promise<MatchEntity> {
    const [{ match, parties }] = await this.lockAt(manager, [input], actor);
    return this.addOutcome(manager, actor, match, parties, input);
  }

  /** Wakes the fan-out and the search sync for what a caller's transaction wrote through `recordOutcomeIn`. */
  nudge(): void {
    this.notifications.nudge();
    this.search.nudge();
  }

  private async addOutcome(
    manager: EntityManager,
    actor: Actor,
    match: MatchEntity,
    parties: MatchParties,
    input: RecordMatchOutcomeInput,
  ): Promise<MatchEntity> {
    const adding = match.status === MatchStatus.OUTCOME_RECORDED;
    if (!adding) assertMove(match.status, MatchStatus.OUTCOME_RECORDED, match.reason);
    const dateProblem = outcomeDateProblem(input.date, match.introducedAt, new Date());
    if (dateProblem) throw DomainError.badInput('date', dateProblem);
    const value = input.value ?? null;
    const currency = input.currency ?? null;
    if (value !== null && currency === null) throw DomainError.badInput('currency', 'currency is required when a value is given');
    if (currency !== null && value === null) throw DomainError.badInput('value', 'a currency needs a value');
    if (currency !== null) this.referenceData.assertCurrency('currency', currency);

    const outcome = await this.outcomes.add(manager, {
      matchId: match.id,
      kind: input.kind,
      date: input.date,
      value,
      currency,
      note: input.note ?? null,
      recordedBy: actor.userId,
    });
    const description = describeOutcome(outcome);
    // The entry's changes are the outcome's own fields, each from nothing to its value.
    const added = changeEntry(null, outcome, ['kind', 'date', 'value', 'currency', 'note']).map((c) => ({
      ...c,
      field: `outcome.${c.field}`,
    }));
    let saved: MatchEntity;
    if (adding) {
      // No status move, but a change all the same: whoever read the match before this outcome holds a stale version.
      await manager.increment(MatchEntity, { id: match.id }, 'version', 1);
      saved = match;
      await this.audit.record(manager, [entry(match.id, actor, 'record outcome', match.status, match.status, description, added)]);
    } else {
      saved = await this.changeStatus(manager, actor, match, MatchStatus.OUTCOME_RECORDED, 'record outcome', description, added);
    }
    const [series] = await this.outcomes.seriesOf([match.id], manager);
    await this.notifications.emit(manager, NotificationEventType.MATCH_OUTCOME_RECORDED, {
      ...matchPayload(saved, parties, { organizationIds: [parties.agency.id, parties.enterprise.id], userIds: [], coordinators: false }),
      outcome: {
        kind: outcome.kind,
        date: outcome.date,
        value,
        currency,
        note: outcome.note,
        stage: furthestStage(series.map((o) => o.kind)),
      },
    });
    return saved;
  }

  private async approveLocked(manager: EntityManager, actor: Actor, match: MatchEntity, parties: MatchParties): Promise<MatchEntity> {
    assertMove(match.status, MatchStatus.APPROVED, match.reason);
    if (!RECRUITING_NEED_STATUSES.includes(parties.need.status)) throw DomainError.conflict(needTakesNoIntroductions(parties.need.status));
    const from = match.status;
    const now = new Date();
    match.status = MatchStatus.INTRODUCED;
    match.statusChangedAt = now;
    match.introducedAt = now;
    match.approvedByUserId = actor.userId;
    const saved = await manager.save(match);
    await this.audit.record(manager, [
      entry(match.id, actor, 'approve', from, MatchStatus.APPROVED),
      entry(match.id, actor, 'introduce', MatchStatus.APPROVED, MatchStatus.INTRODUCED),
    ]);
    await this.notifications.emit(
      manager,
      NotificationEventType.MATCH_INTRODUCED,
      matchPayload(saved, parties, { organizationIds: [parties.agency.id, parties.enterprise.id], userIds: [], coordinators: false }),
    );
    await this.advanceNeed(manager, parties.need, NeedStatus.IN_REVIEW);
    return saved;
  }

  /** An introduced need is in review; an engaged one is matched. The need's search document follows. */
  private async advanceNeed(manager: EntityManager, need: NeedEntity, to: NeedStatus): Promise<void> {
    const from = to === NeedStatus.IN_REVIEW ? [NeedStatus.OPEN] : RECRUITING_NEED_STATUSES;
    const result = await manager
      .createQueryBuilder()
      .update(NeedEntity)
      .set({ status: to })
      .where('id = :id AND status IN (:...from)', { id: need.id, from })
      .execute();
    if ((result.affected ?? 0) === 0) return;
    await this.search.record(manager, IndexedKind.Need, [need.id]);
    // A matched need takes no more introductions: its candidates still awaiting review are withdrawn.
    if (to === NeedStatus.MATCHED) await this.jobs.insert([{ name: NEED_CLOSED_QUEUE, data: { needId: need.id } }], manager);
  }

  /**
   * An introduction nobody answered in time expires (the match-reminders job, in its transaction, with the match
   * locked): a move like the others — checked against the lifecycle, versioned (an answer based on the old state gets
   * CONFLICT), audited with no actor. Nobody is told. `at`: the job's clock.
   */
  async expireLocked(manager: EntityManager, match: MatchEntity, reason: string, at: Date): Promise<MatchEntity> {
    assertMove(match.status, MatchStatus.EXPIRED, match.reason);
    return this.changeStatus(manager, null, match, MatchStatus.EXPIRED, 'expire', reason, [], at);
  }

  /** `changes`: fields besides the status that the move changed (a side's answer). */
  private async changeStatus(
    manager: EntityManager,
    actor: Actor | null,
    match: MatchEntity,
    to: MatchStatus,
    action: string,
    reason?: string | null,
    changes: FieldChange[] = [],
    at = new Date(),
  ): Promise<MatchEntity> {
    const from = match.status;
    match.status = to;
    match.statusChangedAt = at;
    const saved = await manager.save(match);
    await this.audit.record(manager, [entry(match.id, actor, action, from, to, reason, changes)]);
    return saved;
  }

  /**
   * Locks the match, checks the caller may see it (before anything else, so a refusal tells nothing of a match the
   * caller cannot read) and that the version is current, then runs the move.
   */
  private async move(
    actor: Actor,
    input: MatchVersionInput,
    work: (manager: EntityManager, match: MatchEntity, parties: MatchParties) => Promise<MatchEntity>,
  ): Promise<MatchModel> {
    await this.transaction(async (manager) => {
      const [{ match, parties }] = await this.lockAt(manager, [input], actor);
      return work(manager, match, parties);
    });
    return this.matches.get(actor, input.id);
  }

  /**
   * The matches, row-locked, each with its need and sides, in id order, if the caller may see them all (NOT_FOUND
   * otherwise) and each `version` is current (CONFLICT).
   *
   * Every move takes its locks in one global order — the matches' needs by id, then the matches by id — so two
   * transactions over the same needs and matches never wait for each other in a cycle. (Locking a match and then its
   * need, as a move that advances the need does, deadlocked against a bulk approval that had moved the need first.)
   * A need is locked FOR NO KEY UPDATE, the lock its status update takes anyway: new matches may still point to it.
   */
  private async lockAt(
    manager: EntityManager,
    inputs: MatchVersionInput[],
    actor: Actor,
  ): Promise<Array<{ match: MatchEntity; parties: MatchParties }>> {
    const ids = inputs.map((i) => i.id);
    // A match's need never changes: reading it before the lock is safe.
    const needIds = (await manager.find(MatchEntity, { select: { needId: true }, where: { id: In(ids) } })).map((m) => m.needId);
    if (needIds.length > 0)
      await manager.find(NeedEntity, {
        select: { id: true },
        where: { id: In(needIds) },
        order: { id: 'ASC' },
        lock: { mode: 'for_no_key_update' },
      });
    const locked = await manager.find(MatchEntity, { where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const result: Array<{ match: MatchEntity; parties: MatchParties }> = [];
    for (const input of [...inputs].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const match = locked.find((m) => m.id === input.id);
      const parties = match ? await loadParties(manager, match) : undefined;
      if (!match || !parties || !MatchVisibility.canSee(actor, { ...match, need: parties.need }))
        throw DomainError.notFound('Match', input.id);
      if (match.version !== input.version) {
        throw DomainError.conflict(
          `Match ${match.id} changed since you read it (you had version ${input.version}, it is now ${match.version}, ${statusSeenBy(match, actor)}); reload and try again`,
        );
      }
      result.push({ match, parties });
    }
    return result;
  }

  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.nudge();
    return result;
  }
}

/** An outcome in the audit trail's reason: "CONTRACT on 2026-12-01, 1200000 USD: Signed in Colombo". */
function describeOutcome(o: Pick<MatchOutcomeEntity, 'kind' | 'date' | 'value' | 'currency' | 'note'>): string {
  const worth = o.value !== null && o.currency ? `, ${o.value} ${o.currency}` : '';
  return `${o.kind} on ${o.date}${worth}${o.note ? `: ${o.note}` : ''}`;
}

/** A match move's audit entry; AuditLogService adds the status change to `changes`. */
function entry(
  entityId: string,
  actor: Actor | null,
  action: string,
  fromStatus: MatchStatus | null,
  toStatus: MatchStatus,
  reason?: string | null,
  changes?: FieldChange[],
): AuditRecord {
  return { entityType: ENTITY, entityId, actor, action, fromStatus, toStatus, reason: reason ?? null, changes };
}

export function snapshot(ranked: RankedEnterprise): MatchExplanationSnapshot {
  return {
    summary: ranked.summary,
    factors: ranked.result.factors.map((f) => ({
      key: f.key,
      label: f.label,
      value: f.value,
      weight: f.weight,
      contribution: f.contribution,
      detail: f.detail,
    })),
    tradeFit: { value: ranked.result.tradeFit.value, detail: ranked.result.tradeFit.detail },
    evidence: ranked.evidence.map((e) => ({
      referenceProjectId: e.project.id,
      title: e.project.title,
      countryCode: e.project.countryCode,
      year: e.project.year,
      similarity: e.similarity,
      reasons: e.reasons,
    })),
  };
}

function emptyExplanation(): MatchExplanationSnapshot {
  return {
    summary: 'No verified track record or capability to score yet: the enterprise asked to be considered.',
    factors: [],
    tradeFit: { value: 1, detail: 'not scored' },
    evidence: [],
  };
}

/** An enterprise asks once: a match already past review, or its own earlier interest, is CONFLICT (nothing overwritten). */
function assertNoEarlierInterest(existing: MatchEntity): void {
  if (!AWAITING_REVIEW.includes(existing.status))
    throw DomainError.conflict(`Your enterprise is already matched with this need (status ${existing.status})`);
  if (existing.origin === MatchOrigin.INTEREST) {
    throw DomainError.conflict(
      `Your enterprise already expressed interest in this need (match ${existing.id}); withdraw it to send another message`,
    );
  }
}

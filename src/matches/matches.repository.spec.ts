import { TestDataSource, useTestDataSource } from '../../test/support/test-data-source';
import { AuditLogService } from '../audit-log/audit-log.service';
import { NeedStatus } from '../needs/need-status';
import { OrganizationKind } from '../organizations/organization.entity';
import { Role } from '../access/actor';
import { ReviewQueueOrder } from './dto/match.inputs';
import { MatchOutcomeRepository } from './match-outcome.repository';
import { MatchOrigin, MatchOutcomeKind, MatchStatus } from './match-status';
import { MatchesRepository } from './matches.repository';

const DAY = 24 * 3600_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

describe('MatchesRepository (real PostgreSQL)', () => {
  let t: TestDataSource;
  let repository: MatchesRepository;
  useTestDataSource((opened) => {
    t = opened;
    repository = new MatchesRepository(t.dataSource);
  });

  it('groups the review queue by need: only candidates awaiting review of needs still recruiting, filtered, ordered and paged', async () => {
    const f = t.factory;
    const agency = await f.organization({ kind: OrganizationKind.AGENCY });
    const enterprises = await Promise.all([1, 2, 3].map(() => f.organization({ kind: OrganizationKind.ENTERPRISE })));
    const waitingLong = await f.need(agency.id, { countryCode: 'LK' });
    const bestScored = await f.need(agency.id, { countryCode: 'KE', status: NeedStatus.IN_REVIEW });
    const withdrawn = await f.need(agency.id, { status: NeedStatus.WITHDRAWN });
    const introducedOnly = await f.need(agency.id);
    await f.match(waitingLong.id, enterprises[0].id, { score: 0.4, statusChangedAt: daysAgo(5) });
    await f.match(waitingLong.id, enterprises[1].id, { score: 0.6, status: MatchStatus.SHORTLISTED, statusChangedAt: daysAgo(3) });
    await f.match(bestScored.id, enterprises[0].id, { score: 0.9, origin: MatchOrigin.INTEREST, statusChangedAt: daysAgo(1) });
    await f.match(bestScored.id, enterprises[1].id, { score: 0.95, status: MatchStatus.INTRODUCED, introducedAt: daysAgo(1) });
    await f.match(withdrawn.id, enterprises[2].id, { score: 0.99, statusChangedAt: daysAgo(9) });
    await f.match(introducedOnly.id, enterprises[2].id, { status: MatchStatus.INTRODUCED, introducedAt: daysAgo(2) });

    const needs = (page: { groups: Array<{ need_id: string }> }) => page.groups.map((g) => g.need_id);
    const byWaiting = await repository.reviewQueueGroups({}, ReviewQueueOrder.WAITING_TIME, 10, 0);
    expect(byWaiting.total).toBe(2);
    expect(byWaiting.groups).toMatchObject([
      { need_id: waitingLong.id, best_score: 0.6, waiting: 2 },
      { need_id: bestScored.id, best_score: 0.9, waiting: 1 },
    ]);
    expect(byWaiting.groups[0].waiting_since.getTime()).toBeLessThan(byWaiting.groups[1].waiting_since.getTime());
    expect(needs(await repository.reviewQueueGroups({}, ReviewQueueOrder.SCORE, 10, 0))).toEqual([bestScored.id, waitingLong.id]);
    expect(await repository.reviewQueueGroups({}, ReviewQueueOrder.SCORE, 1, 1)).toMatchObject({
      total: 2,
      groups: [{ need_id: waitingLong.id }],
    });
    expect(needs(await repository.reviewQueueGroups({ countryCode: 'KE' }, ReviewQueueOrder.WAITING_TIME, 10, 0))).toEqual([bestScored.id]);
    expect(needs(await repository.reviewQueueGroups({ origin: MatchOrigin.INTEREST }, ReviewQueueOrder.WAITING_TIME, 10, 0))).toEqual([
      bestScored.id,
    ]);
    expect(await repository.reviewQueueGroups({ minScore: 0.5 }, ReviewQueueOrder.WAITING_TIME, 10, 0)).toMatchObject({
      total: 2,
      groups: [{ waiting: 1 }, { waiting: 1 }],
    });
  });

  it('finds the introductions with a reminder, an escalation or an expiry due, oldest first', async () => {
    const f = t.factory;
    const need = await f.need((await f.organization({ kind: OrganizationKind.AGENCY })).id);
    const introduced = async (days: number, overrides: Parameters<typeof f.match>[2] = {}) =>
      (await f.match(need.id, (await f.organization()).id, { status: MatchStatus.INTRODUCED, introducedAt: daysAgo(days), ...overrides }))
        .id;
    const expiring = await introduced(31, { sideRemindedAt: daysAgo(23), coordinatorRemindedAt: daysAgo(16) });
    const escalating = await introduced(15, { sideRemindedAt: daysAgo(7) });
    const reminding = await introduced(8);
    await introduced(15, { sideRemindedAt: daysAgo(7), coordinatorRemindedAt: daysAgo(1) });
    await introduced(8, { sideRemindedAt: daysAgo(1) });
    await introduced(2);
    await introduced(40, { status: MatchStatus.ENGAGED });
    expect(await repository.idsDueForReminder(daysAgo(7), daysAgo(14), daysAgo(30))).toEqual([expiring, escalating, reminding]);
  });

  it('counts the pipeline of a period: engagement from the audit trail, the furthest outcome stage, per country', async () => {
    const f = t.factory;
    const agency = await f.organization({ kind: OrganizationKind.AGENCY });
    const coordinator = await f.user(Role.COORDINATOR);
    const need = await f.need(agency.id, { countryCode: 'NP' });
    await f.match(need.id, (await f.organization()).id);
    const engaged = await f.match(need.id, (await f.organization()).id, {
      origin: MatchOrigin.INTEREST,
      status: MatchStatus.OUTCOME_RECORDED,
      introducedAt: new Date(),
    });
    await f.match((await f.need(agency.id, { countryCode: 'NP' })).id, (await f.organization()).id, { createdAt: daysAgo(400) });
    await t.dataSource.transaction(async (manager) => {
      await new AuditLogService().record(manager, [
        {
          entityType: 'match',
          entityId: engaged.id,
          actor: null,
          action: 'accept',
          fromStatus: MatchStatus.INTRODUCED,
          toStatus: MatchStatus.ENGAGED,
        },
      ]);
      for (const kind of [MatchOutcomeKind.CONTRACT, MatchOutcomeKind.MOU_SIGNED]) {
        await new MatchOutcomeRepository(t.dataSource).add(manager, {
          matchId: engaged.id,
          kind,
          date: '2026-11-01',
          value: null,
          currency: null,
          note: null,
          recordedBy: coordinator.id,
        });
      }
    });
    const figures = await repository.pipelineFigures(
      { since: daysAgo(30), until: new Date(Date.now() + DAY), countryCode: 'NP', region: null },
      20,
    );
    expect(figures.totals).toMatchObject({ suggested: 2, introduced: 1, engaged: 1, outcome_recorded: 1 });
    // Ties in the order of the enum types.
    expect(figures.byStatus).toEqual([
      { status: MatchStatus.SUGGESTED, count: 1 },
      { status: MatchStatus.OUTCOME_RECORDED, count: 1 },
    ]);
    expect(figures.byOrigin).toEqual([
      { origin: MatchOrigin.SUGGESTION, count: 1 },
      { origin: MatchOrigin.INTEREST, count: 1 },
    ]);
    expect(figures.outcomes).toEqual([
      { kind: MatchOutcomeKind.MOU_SIGNED, count: 1 },
      { kind: MatchOutcomeKind.CONTRACT, count: 1 },
    ]);
    expect(figures.stages).toEqual([{ stage: MatchOutcomeKind.CONTRACT, count: 1 }]);
    expect(figures.countries).toEqual([{ country_code: expect.stringMatching(/^NP\s*$/), matches: 2, introduced: 1, engaged: 1 }]);
  });
});

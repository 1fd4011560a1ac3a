import { MatchStatus } from '../../src/matches/match-status';
import { MatchingWeightsService } from '../../src/matching/weights/matching-weights.service';
import { WeightsStatus } from '../../src/matching/weights/matching-weights.entity';
import { WeightsLearningService } from '../../src/learning/weights-learning.service';
import { MatchingService } from '../../src/matching/matching.service';
import { NeedEntity } from '../../src/needs/need.entity';
import { OrganizationKind } from '../../src/organizations/organization.entity';
import { TestApp } from '../support/test-app';
import { useWorld, World } from '../support/world';

/**
 * The platform learns from its own decisions: a run of coordinators' decisions that always favour the enterprise
 * already working in the need's country moves the refit weights, and the ranking, that way; a refit that would rank
 * the track records' own projects worse than the weights in force is refused and never ranks.
 */
describe('matching weights learned from decisions', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)), { WORKERS_ENABLED: 'true' });

  // Country i: a local civil-works builder (no water work), and far away a water-treatment specialist.
  const LOCAL = ['KE', 'ET', 'TZ', 'UG', 'GH', 'ZM'];
  const FAR = ['VN', 'LA', 'KH', 'MM', 'TH', 'NP'];
  const locals: string[] = [];
  const specialists: string[] = [];
  const needs: NeedEntity[] = [];
  let giant: string;

  const countryWeight = (weights: Record<string, number>) =>
    weights.countryExperience + weights.countryRecency + (weights.countryActivity ?? 0) + (weights.groupInCountry ?? 0);

  beforeAll(async () => {
    const f = t.factory;
    for (const [i, country] of LOCAL.entries()) {
      const local = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: `Local Builders ${country}` });
      locals.push(local.id);
      for (const [j, work] of ['district road and bridges', 'market hall', 'secondary school'].entries()) {
        await f.referenceProject(local.id, {
          title: `${work} ${country} ${j}`,
          description: `Construction of a ${work} by a contractor long established in the country.`,
          countryCode: country,
          year: 2014 + j,
          sectorCode: null,
          sourceSector: 'TRANSPORT AND STORAGE',
        });
      }
      const specialist = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: `Membrane Specialists ${i}` });
      specialists.push(specialist.id);
      for (const j of [0, 1, 2]) {
        await f.referenceProject(specialist.id, {
          title: `Brackish water reverse osmosis plant ${FAR[i]} ${j}`,
          description: 'A reverse osmosis desalination plant with membranes, pre-treatment and a brine outfall.',
          countryCode: FAR[i],
          year: 2014 + j,
          sectorCode: '14021',
          technologyCategories: ['DESALINATION'],
        });
      }
      needs.push(
        await f.need(w.orgs.agencyOrg.id, {
          title: `Brackish water reverse osmosis plant for ${country} town ${i}`,
          description: 'A reverse osmosis plant for brackish groundwater, with membranes and brine disposal.',
          countryCode: country,
          sectorCode: '14021',
          technologyCategories: ['DESALINATION'],
          publishedAt: new Date('2016-06-01'),
        }),
      );
    }
    // The largest record, in another trade but present in every country: a candidate everywhere, right nowhere.
    const big = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Giant Holdings' });
    giant = big.id;
    for (const [j, country] of [...LOCAL, ...FAR, ...LOCAL, ...FAR].entries()) {
      await f.referenceProject(big.id, {
        title: `Stadium and conference centre ${j}`,
        description: 'A sports stadium with seating for 40,000 and a conference centre.',
        countryCode: country,
        year: 2010 + (j % 8),
        sectorCode: null,
        sourceSector: 'OTHER SOCIAL INFRASTRUCTURE AND SERVICES',
      });
    }
    await t.indexEverything();
  });

  const rankOf = async (need: NeedEntity, organizationId: string) =>
    (await t.app.get(MatchingService).rankEnterprises(need, 50)).findIndex((r) => r.organizationId === organizationId) + 1;

  it('moves towards the factor the decisions favour, and the ranking with it', async () => {
    const learning = t.app.get(WeightsLearningService);
    const weights = t.app.get(MatchingWeightsService);
    const before = await weights.current();
    expect(before.version).toBeNull();
    // With the defaults, the specialists' words win: the local builder comes later.
    expect(await rankOf(needs[0], specialists[0])).toBeLessThan(await rankOf(needs[0], locals[0]));

    // Six needs: each time the coordinators approved the local builder and rejected the specialist.
    for (const [i, need] of needs.entries()) {
      await t.factory.match(need.id, locals[i], { status: MatchStatus.APPROVED });
      await t.factory.match(need.id, specialists[i], { status: MatchStatus.REJECTED, reason: 'No presence in the country' });
    }
    const record = await learning.learn({ learnedBy: 'test' });
    expect(record.decisions).toBe(12);
    expect(record.status).toBe(WeightsStatus.ACTIVE);
    const after = await weights.current();
    expect(after.version).toBe(record.version);
    expect(countryWeight(after.weights)).toBeGreaterThan(countryWeight(before.weights));
    expect(after.weights.text).toBeLessThan(before.weights.text);
    // The same question now puts the local builder first, and says which weights ranked it.
    const ranked = await t.app.get(MatchingService).rankEnterprises(needs[0], 10);
    expect(ranked[0].organizationId).toBe(locals[0]);
    expect(ranked[0].weightsVersion).toBe(record.version);

    // Coordinators read the version in force, when and from what it was learned, and its figures.
    const answer = await t.gql<{
      matchingWeights: {
        version: number;
        record: { learnedBy: string; decisions: number; evaluatedCases: number; mrr: { value: number } };
      };
    }>(
      '{ matchingWeights { version record { learnedBy decisions evaluatedCases mrr { value } } } }',
      {},
      t.tokenFor(w.users.coordinator.id),
    );
    expect(answer.data?.matchingWeights).toMatchObject({ version: record.version, record: { learnedBy: 'test', decisions: 12 } });
    expect(answer.data?.matchingWeights.record.evaluatedCases).toBeGreaterThan(10);
    const refused = await t.gql('{ matchingWeights { version } }', {}, t.tokenFor(w.users.enterprise.id));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a refit that would rank the track records worse than the weights in force', async () => {
    const learning = t.app.get(WeightsLearningService);
    const weights = t.app.get(MatchingWeightsService);
    const inForce = await weights.current();
    // Decisions now approve the largest record, far away and in another trade, for every need, over both others.
    for (const [i, need] of needs.entries()) {
      await t.dataSource.query(`UPDATE match SET status = 'REJECTED' WHERE need_id = $1 AND enterprise_id = $2`, [need.id, locals[i]]);
      await t.factory.match(need.id, giant, { status: MatchStatus.ENGAGED });
    }
    const record = await learning.learn({ learnedBy: 'test' });
    expect(record.status).toBe(WeightsStatus.REFUSED);
    expect(record.figures.gain!.value).toBeLessThan(0);
    expect(record.reason).toMatch(/^Refused/);
    expect(await weights.current()).toEqual(inForce);
    const history = await t.gql<{ matchingWeightsHistory: Array<{ version: number; status: string }> }>(
      '{ matchingWeightsHistory { version status } }',
      {},
      t.tokenFor(w.users.admin.id),
    );
    expect(history.data?.matchingWeightsHistory.map((h) => h.status)).toEqual(['REFUSED', 'ACTIVE']);
  });

  it('is reproducible: the same data give the same weights', async () => {
    const learning = t.app.get(WeightsLearningService);
    const first = await learning.learn({ learnedBy: 'test' });
    const second = await learning.learn({ learnedBy: 'test' });
    expect(second.weights).toEqual(first.weights);
    expect(second.figures.mrr).toEqual(first.figures.mrr);
  });
});

import { ActivityEntity } from '../../src/activities/activity.entity';
import { ActivityKind, ActivityStatus } from '../../src/activities/activity-status';
import { NeedEntity } from '../../src/needs/need.entity';
import { NeedStatus } from '../../src/needs/need-status';
import { OrganizationKind } from '../../src/organizations/organization.entity';
import { Role } from '../../src/access/actor';
import { ALL_TABLES, databaseFingerprint } from '../support/fingerprint';
import { errorCode, TestApp } from '../support/test-app';
import { engageWorldMatch, useWorld, World } from '../support/world';

interface Course {
  id: string;
  status: string;
  version: number;
  trainees: number;
  hours: number;
  certificatesIssued: number;
}
const COURSE = 'id status version trainees hours certificatesIssued';

describe('technical training: pledge, approval, completion with trainees, hours and certificates', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)));

  const pledge = (token: string | undefined, fields: Record<string, unknown> = {}) =>
    t.gql<{ pledgeTraining: Course }>(
      `mutation($input: PledgeTrainingInput!) { pledgeTraining(input: $input) { ${COURSE} } }`,
      {
        input: {
          recipientId: w.orgs.agencyOrg.id,
          needId: w.openNeed.id,
          title: 'Operating small reverse-osmosis units',
          startsOn: '2026-09-01',
          endsOn: '2026-09-12',
          hours: 60,
          trainees: 20,
          ...fields,
        },
      },
      token,
    );
  const move = (c: Pick<Course, 'id' | 'version'>, to: string, token: string | undefined, extra: Record<string, unknown> = {}) =>
    t.gql<{ moveTraining: Course }>(
      `mutation($input: MoveTrainingInput!) { moveTraining(input: $input) { ${COURSE} } }`,
      { input: { id: c.id, version: c.version, to, ...extra } },
      token,
    );

  const engagedMatch = () => engageWorldMatch(t, w);
  const outcomesOf = (matchId: string) =>
    t.dataSource.query(`SELECT kind, date::text, value::float, currency, note FROM match_outcome WHERE match_id = $1`, [matchId]);
  const yesterday = new Date(Date.now() - 86400_000).toISOString().slice(0, 10);

  it('is pledged by an enterprise or a joint centre, approved, and completed with the figures as given', async () => {
    const pledged = (await pledge(w.token('enterprise'))).data!.pledgeTraining;
    expect(pledged).toMatchObject({ status: 'PLEDGED', trainees: 20, hours: 60, certificatesIssued: 0 });
    const approved = (await move(pledged, 'APPROVED', w.token('coordinator'))).data!.moveTraining;
    const completed = await move(approved, 'COMPLETED', w.token('enterprise'), { trainees: 18, hours: 56, certificatesIssued: 17 });
    expect(completed.data?.moveTraining).toMatchObject({ status: 'COMPLETED', trainees: 18, hours: 56, certificatesIssued: 17 });
    // The recipient heard of each move it did not make; the pledge also reached the coordinators.
    const told = await t.dataSource.query(
      `SELECT payload->>'status' AS status, payload->'audience' AS audience, payload->>'trainees' AS trainees FROM notification_event
        WHERE type = 'CONTRIBUTION_CHANGED' AND payload->>'contributionId' = $1 ORDER BY created_at, id`,
      [pledged.id],
    );
    const { agencyOrg, enterpriseOrg } = w.orgs;
    expect(
      told.map((e: { status: string; trainees: string; audience: { organizationIds: string[]; coordinators: boolean } }) => [
        e.status,
        [...e.audience.organizationIds].sort(),
        e.audience.coordinators,
        e.trainees,
      ]),
    ).toEqual([
      ['PLEDGED', [agencyOrg.id], true, '20'],
      ['APPROVED', [agencyOrg.id, enterpriseOrg.id].sort(), false, '20'],
      ['COMPLETED', [agencyOrg.id], false, '18'],
    ]);

    // A joint centre trains too (its staff are agency members).
    const centre = await t.factory.organization({
      kind: OrganizationKind.RESEARCH_CENTRE,
      nameEn: 'China–Sri Lanka Joint Center',
      countryCode: 'LK',
    });
    const centreMember = await t.factory.user(Role.AGENCY_MEMBER, { organizationId: centre.id });
    const byCentre = await pledge(t.tokenFor(centreMember.id), { needId: null, title: 'Water-quality monitoring methods' });
    expect(byCentre.data?.pledgeTraining.status).toBe('PLEDGED');
    const read = await t.gql<{ trainingCourse: { trainer: { kind: string }; recipient: { nameEn: string } } }>(
      'query($id: ID!) { trainingCourse(id: $id) { trainer { kind } recipient { nameEn } } }',
      { id: byCentre.data!.pledgeTraining.id },
      w.token('agency'),
    );
    expect(read.data?.trainingCourse).toEqual({ trainer: { kind: 'RESEARCH_CENTRE' }, recipient: { nameEn: w.orgs.agencyOrg.nameEn } });
  });

  it('refuses illegal moves (CONFLICT), the wrong party (FORBIDDEN) and impossible figures (BAD_USER_INPUT), writing nothing', async () => {
    const pledged = (await pledge(w.token('enterprise'))).data!.pledgeTraining;
    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    expect(errorCode(await move(pledged, 'COMPLETED', w.token('enterprise'), { trainees: 5, hours: 10 }))).toBe('CONFLICT');
    expect(errorCode(await move(pledged, 'APPROVED', w.token('enterprise')))).toBe('FORBIDDEN');
    expect(errorCode(await move(pledged, 'APPROVED', w.token('agency')))).toBe('FORBIDDEN');
    expect(errorCode(await move(pledged, 'APPROVED', w.token('otherAgency')))).toBe('NOT_FOUND');
    expect(errorCode(await move({ ...pledged, version: 9 }, 'APPROVED', w.token('coordinator')))).toBe('CONFLICT');
    // A refusal says why: without a reason, or a blank one, it is refused on `reason`.
    for (const extra of [{}, { reason: '  ' }]) {
      const res = await move(pledged, 'REFUSED', w.token('coordinator'), extra);
      expect({ extra, code: errorCode(res), field: res.errors?.[0].extensions?.field }).toEqual({
        extra,
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
    }
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);

    const approved = (await move(pledged, 'APPROVED', w.token('coordinator'))).data!.moveTraining;
    const snapshot = await databaseFingerprint(t.dataSource, ALL_TABLES);
    for (const [extra, field] of [
      [{ hours: 10 }, 'trainees'],
      [{ trainees: 10 }, 'hours'],
      [{ trainees: 10, hours: 10, certificatesIssued: 11 }, 'certificatesIssued'],
    ] as const) {
      const res = await move(approved, 'COMPLETED', w.token('enterprise'), extra);
      expect({ code: errorCode(res), field: res.errors?.[0].extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    const bad = await pledge(w.token('enterprise'), { startsOn: '2026-09-12', endsOn: '2026-09-01' });
    expect(bad.errors?.[0].extensions?.field).toBe('endsOn');
    const notCourse = await pledge(w.token('enterprise'), { activityId: (await t.factory.activity({ status: ActivityStatus.OPEN })).id });
    expect(notCourse.errors?.[0].extensions?.field).toBe('activityId');
    await t.dataSource.query(`DELETE FROM activity WHERE title LIKE 'Seminar %'`);
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(snapshot);
    // Withdrawing is the trainer's own decision: the secretariat, which records a completion for it, may not.
    expect(errorCode(await move(approved, 'WITHDRAWN', w.token('coordinator'), { reason: 'Trainer unreachable' }))).toBe('FORBIDDEN');
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(snapshot);
    expect((await move(approved, 'WITHDRAWN', w.token('enterprise'), { reason: 'Trainer fell ill' })).data?.moveTraining.status).toBe(
      'WITHDRAWN',
    );
  });

  it('lets a coordinator refuse an approved course whose trainer stopped answering, with the reason; not once it was given', async () => {
    const approved = (await move((await pledge(w.token('enterprise'))).data!.pledgeTraining, 'APPROVED', w.token('coordinator'))).data!
      .moveTraining;
    expect(errorCode(await move(approved, 'REFUSED', w.token('enterprise'), { reason: 'Busy' }))).toBe('FORBIDDEN');
    const refused = await move(approved, 'REFUSED', w.token('coordinator'), { reason: 'The trainer has not answered since March' });
    expect(refused.data?.moveTraining.status).toBe('REFUSED');

    const other = (await move((await pledge(w.token('enterprise'))).data!.pledgeTraining, 'APPROVED', w.token('coordinator'))).data!
      .moveTraining;
    const given = (await move(other, 'COMPLETED', w.token('enterprise'), { trainees: 12, hours: 30 })).data!.moveTraining;
    expect(errorCode(await move(given, 'REFUSED', w.token('coordinator'), { reason: 'Too late' }))).toBe('CONFLICT');
  });

  it('is not pledged at an activity the member may not see: a draft is NOT_FOUND, as one that does not exist, and writes nothing', async () => {
    const draft = await t.factory.activity({ kind: ActivityKind.TRAINING_COURSE, title: 'Draft: membrane cleaning course' });
    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    for (const activityId of [draft.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await pledge(w.token('enterprise'), { activityId });
      expect({ activityId, code: errorCode(res), data: res.data }).toEqual({ activityId, code: 'NOT_FOUND', data: null });
    }
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);
    // The secretariat sees its drafts, and pledges there for the trainer; once published, the trainer's members do too.
    const byCoordinator = await pledge(w.token('coordinator'), { activityId: draft.id, trainerId: w.orgs.enterpriseOrg.id });
    expect(byCoordinator.data?.pledgeTraining.status).toBe('PLEDGED');
    await t.dataSource.getRepository(ActivityEntity).update(draft.id, { status: ActivityStatus.OPEN });
    expect((await pledge(w.token('enterprise'), { activityId: draft.id })).data?.pledgeTraining.status).toBe('PLEDGED');
  });

  it('records a completed course as the TRAINING_DELIVERED outcome of the match it served, dated its last day', async () => {
    const match = await engagedMatch();
    const pledged = (await pledge(w.token('enterprise'), { startsOn: yesterday, endsOn: yesterday, hours: 16, trainees: 12 })).data!
      .pledgeTraining;
    const record = (version: number) =>
      t.gql<{ recordTrainingAsOutcome: { matchId: string | null } }>(
        'mutation($input: RecordContributionOutcomeInput!) { recordTrainingAsOutcome(input: $input) { matchId } }',
        { input: { id: pledged.id, matchId: match.id, matchVersion: version } },
        w.token('coordinator'),
      );
    expect(errorCode(await record(match.version))).toBe('CONFLICT');
    const approved = (await move(pledged, 'APPROVED', w.token('coordinator'))).data!.moveTraining;
    await move(approved, 'COMPLETED', w.token('enterprise'), { trainees: 12, hours: 16, certificatesIssued: 11 });
    expect((await record(match.version)).data?.recordTrainingAsOutcome.matchId).toBe(match.id);
    expect(await outcomesOf(match.id)).toEqual([
      {
        kind: 'TRAINING_DELIVERED',
        date: yesterday,
        value: null,
        currency: null,
        note: 'Training: Operating small reverse-osmosis units (12 trainees, 16 hours, 11 certificates)',
      },
    ]);
  });
  it('shows what it was pledged against (need, programme, activity, match) as far as the reader may see each: null, not an error', async () => {
    const programme = await t.factory.programme();
    const activity = await t.factory.activity({ kind: ActivityKind.TRAINING_COURSE });
    // The secretariat pledges for the trainer at its draft activity (members may not see drafts, so may not pledge there).
    const pledged = (
      await pledge(w.token('coordinator'), {
        trainerId: w.orgs.enterpriseOrg.id,
        programmeId: programme.id,
        activityId: activity.id,
        startsOn: yesterday,
        endsOn: yesterday,
        hours: 8,
        trainees: 5,
      })
    ).data!.pledgeTraining;
    type Links = { need: { id: string } | null; programme: { id: string } | null; activity: { id: string } | null; match: unknown };
    const links = async (who: 'enterprise' | 'agency' | 'coordinator') => {
      const res = await t.gql<{ trainingCourse: Links }>(
        'query($id: ID!) { trainingCourse(id: $id) { need { id } programme { id } activity { id } match { id status } } }',
        { id: pledged.id },
        w.token(who),
      );
      expect(res.errors).toBeUndefined();
      return res.data!.trainingCourse;
    };
    const need = { id: w.openNeed.id };
    expect(await links('coordinator')).toEqual({ need, programme: { id: programme.id }, activity: { id: activity.id }, match: null });
    // The activity is still a draft: the secretariat's alone until it is published.
    expect(await links('enterprise')).toEqual({ need, programme: { id: programme.id }, activity: null, match: null });
    await t.dataSource.getRepository(ActivityEntity).update(activity.id, { status: ActivityStatus.OPEN });
    expect((await links('agency')).activity).toEqual({ id: activity.id });

    // Recorded as the outcome of the match it served: both sides and the secretariat read the match.
    const match = await engagedMatch();
    const approved = (await move(pledged, 'APPROVED', w.token('coordinator'))).data!.moveTraining;
    await move(approved, 'COMPLETED', w.token('enterprise'), { trainees: 5, hours: 8, certificatesIssued: 5 });
    await t.gql(
      'mutation($input: RecordContributionOutcomeInput!) { recordTrainingAsOutcome(input: $input) { id } }',
      { input: { id: pledged.id, matchId: match.id, matchVersion: match.version } },
      w.token('coordinator'),
    );
    for (const who of ['enterprise', 'agency', 'coordinator'] as const)
      expect({ who, match: (await links(who)).match }).toEqual({ who, match: { id: match.id, status: 'OUTCOME_RECORDED' } });

    // The need withdrawn since: the trainer no longer sees it; its agency and the secretariat still do.
    const needs = t.dataSource.getRepository(NeedEntity);
    await needs.update(w.openNeed.id, { status: NeedStatus.WITHDRAWN });
    try {
      expect((await links('enterprise')).need).toBeNull();
      expect((await links('agency')).need).toEqual(need);
      expect((await links('coordinator')).need).toEqual(need);
    } finally {
      await needs.update(w.openNeed.id, { status: NeedStatus.OPEN });
    }
  });
});

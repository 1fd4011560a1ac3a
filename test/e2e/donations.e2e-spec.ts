import { OrganizationKind, VerificationStatus } from '../../src/organizations/organization.entity';
import { Role } from '../../src/access/actor';
import { MatchStatus } from '../../src/matches/match-status';
import { NotificationFanoutJob } from '../../src/notifications/notification-fanout.job';
import { ALL_TABLES, databaseFingerprint } from '../support/fingerprint';
import { errorCode, TestApp } from '../support/test-app';
import { engageWorldMatch, useWorld, World } from '../support/world';

interface Donation {
  id: string;
  status: string;
  version: number;
  value: number | null;
  handedOverOn: string | null;
}
const DONATION = 'id status version value handedOverOn';

describe('equipment donations: pledge, approval, and the way to operation', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)));

  const pledge = async (token = w.token('enterprise'), fields: Record<string, unknown> = {}) =>
    t.gql<{ pledgeDonation: Donation }>(
      `mutation($input: PledgeDonationInput!) { pledgeDonation(input: $input) { ${DONATION} } }`,
      {
        input: {
          recipientId: w.orgs.agencyOrg.id,
          needId: w.openNeed.id,
          title: 'Water-quality laboratory for the district',
          items: [
            { name: 'Portable water-quality laboratory', quantity: 2, unitValue: 18000 },
            { name: 'Turbidity meter', quantity: 5, unitValue: 900 },
          ],
          currency: 'usd',
          ...fields,
        },
      },
      token,
    );
  const move = (d: Pick<Donation, 'id' | 'version'>, to: string, token: string | undefined, extra: Record<string, unknown> = {}) =>
    t.gql<{ moveDonation: Donation }>(
      `mutation($input: MoveDonationInput!) { moveDonation(input: $input) { ${DONATION} } }`,
      { input: { id: d.id, version: d.version, to, ...extra } },
      token,
    );

  const engagedMatch = () => engageWorldMatch(t, w);
  const outcomesOf = (matchId: string) =>
    t.dataSource.query(`SELECT kind, date::text, value::float, currency, note FROM match_outcome WHERE match_id = $1`, [matchId]);
  const yesterday = new Date(Date.now() - 86400_000).toISOString().slice(0, 10);

  it('goes PLEDGED → APPROVED → SHIPPED → HANDED_OVER → IN_OPERATION, each step by its party, the value summed from the items', async () => {
    const pledged = (await pledge()).data!.pledgeDonation;
    expect(pledged).toMatchObject({ status: 'PLEDGED', value: 40500 });
    const approved = (await move(pledged, 'APPROVED', w.token('coordinator'))).data!.moveDonation;
    const shipped = (await move(approved, 'SHIPPED', w.token('enterprise'))).data!.moveDonation;
    const handedOver = (await move(shipped, 'HANDED_OVER', w.token('agency'), { handedOverOn: '2026-01-15' })).data!.moveDonation;
    expect(handedOver).toMatchObject({ status: 'HANDED_OVER', handedOverOn: '2026-01-15' });
    const running = (await move(handedOver, 'IN_OPERATION', w.token('agency'))).data!.moveDonation;
    expect(running.status).toBe('IN_OPERATION');
    const read = await t.gql<{ donation: { donor: { nameEn: string }; recipient: { nameEn: string }; items: Array<{ name: string }> } }>(
      'query($id: ID!) { donation(id: $id) { donor { nameEn } recipient { nameEn } items { name } } }',
      { id: pledged.id },
      w.token('agency'),
    );
    expect(read.data?.donation).toEqual({
      donor: { nameEn: w.orgs.enterpriseOrg.nameEn },
      recipient: { nameEn: w.orgs.agencyOrg.nameEn },
      items: [{ name: 'Portable water-quality laboratory' }, { name: 'Turbidity meter' }],
    });
    const trail = await t.dataSource.query(`SELECT action, to_status FROM audit_entry WHERE entity_id = $1 ORDER BY created_at, id`, [
      pledged.id,
    ]);
    expect(trail.map((e: { action: string; to_status: string }) => e.to_status)).toEqual([
      'PLEDGED',
      'APPROVED',
      'SHIPPED',
      'HANDED_OVER',
      'IN_OPERATION',
    ]);
    // Each move told the other side (both, for the secretariat's); the pledge also the coordinators, who approve it.
    const told = await t.dataSource.query(
      `SELECT payload->>'status' AS status, payload->'audience' AS audience FROM notification_event
        WHERE type = 'CONTRIBUTION_CHANGED' AND payload->>'contributionId' = $1 ORDER BY created_at, id`,
      [pledged.id],
    );
    const { agencyOrg, enterpriseOrg } = w.orgs;
    expect(
      told.map((e: { status: string; audience: { organizationIds: string[]; coordinators: boolean } }) => [
        e.status,
        [...e.audience.organizationIds].sort(),
        e.audience.coordinators,
      ]),
    ).toEqual([
      ['PLEDGED', [agencyOrg.id], true],
      ['APPROVED', [agencyOrg.id, enterpriseOrg.id].sort(), false],
      ['SHIPPED', [agencyOrg.id], false],
      ['HANDED_OVER', [enterpriseOrg.id], false],
      ['IN_OPERATION', [enterpriseOrg.id], false],
    ]);
  });

  it('refuses illegal moves with CONFLICT, wrong parties with FORBIDDEN, stale versions with CONFLICT — writing nothing', async () => {
    const pledged = (await pledge()).data!.pledgeDonation;
    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    const cases: Array<[string, string | undefined, Record<string, unknown>, string]> = [
      ['SHIPPED', w.token('enterprise'), {}, 'CONFLICT'], // not approved yet
      ['IN_OPERATION', w.token('coordinator'), {}, 'CONFLICT'],
      ['APPROVED', w.token('enterprise'), {}, 'FORBIDDEN'], // the donor does not approve its own pledge
      ['HANDED_OVER', w.token('enterprise'), {}, 'FORBIDDEN'], // the recipient confirms the handover
      ['REFUSED', w.token('coordinator'), {}, 'BAD_USER_INPUT'], // a refusal says why
      ['REFUSED', w.token('coordinator'), { reason: '   ' }, 'BAD_USER_INPUT'], // and not in blanks
    ];
    for (const [to, token, extra, code] of cases)
      expect({ to, code: errorCode(await move(pledged, to, token, extra)) }).toEqual({ to, code });
    expect(errorCode(await move({ ...pledged, version: pledged.version + 1 }, 'APPROVED', w.token('coordinator')))).toBe('CONFLICT');
    // Other organisations are told it does not exist.
    expect(errorCode(await move(pledged, 'WITHDRAWN', w.token('otherEnterprise')))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql('query($id: ID!) { donation(id: $id) { id } }', { id: pledged.id }, w.token('otherAgency')))).toBe(
      'NOT_FOUND',
    );
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);

    const refused = (await move(pledged, 'REFUSED', w.token('coordinator'), { reason: 'Outside the programme’s scope' })).data!
      .moveDonation;
    expect(refused.status).toBe('REFUSED');
    expect(errorCode(await move(refused, 'APPROVED', w.token('coordinator')))).toBe('CONFLICT');
  });

  it('lets a coordinator record the shipment for the donor (audited as the coordinator), but not withdraw the pledge', async () => {
    const pledged = (await pledge()).data!.pledgeDonation;
    // Withdrawing is the donor's own decision, before approval as after: FORBIDDEN to the secretariat, writing nothing.
    const approved = (await move(pledged, 'APPROVED', w.token('coordinator'))).data!.moveDonation;
    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    for (const who of ['coordinator', 'agency'] as const) {
      const res = await move(approved, 'WITHDRAWN', w.token(who), { reason: 'Donor unreachable' });
      expect({ who, code: errorCode(res) }).toEqual({ who, code: 'FORBIDDEN' });
    }
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);

    const shipped = await move(approved, 'SHIPPED', w.token('coordinator'));
    expect(shipped.data?.moveDonation.status).toBe('SHIPPED');
    const [entry] = await t.dataSource.query(
      `SELECT actor_user_id AS actor FROM audit_entry WHERE entity_id = $1 AND to_status = 'SHIPPED'`,
      [pledged.id],
    );
    expect(entry.actor).toBe(w.users.coordinator.id);
  });

  it('lets a coordinator refuse an approved donation whose donor stopped answering, with the reason, telling both sides; not once it shipped', async () => {
    const approved = (await move((await pledge()).data!.pledgeDonation, 'APPROVED', w.token('coordinator'))).data!.moveDonation;
    expect(errorCode(await move(approved, 'REFUSED', w.token('coordinator')))).toBe('BAD_USER_INPUT'); // says why
    expect(errorCode(await move(approved, 'REFUSED', w.token('agency'), { reason: 'No news' }))).toBe('FORBIDDEN');
    const refused = (await move(approved, 'REFUSED', w.token('coordinator'), { reason: 'No answer from the donor since March' })).data!
      .moveDonation;
    expect(refused.status).toBe('REFUSED');
    const [told] = await t.dataSource.query(
      `SELECT payload->>'reason' AS reason, payload->'audience'->'organizationIds' AS audience FROM notification_event
        WHERE type = 'CONTRIBUTION_CHANGED' AND payload->>'contributionId' = $1 AND payload->>'status' = 'REFUSED'`,
      [refused.id],
    );
    expect({ ...told, audience: [...told.audience].sort() }).toEqual({
      reason: 'No answer from the donor since March',
      audience: [w.orgs.agencyOrg.id, w.orgs.enterpriseOrg.id].sort(),
    });

    const other = (await move((await pledge()).data!.pledgeDonation, 'APPROVED', w.token('coordinator'))).data!.moveDonation;
    const shipped = (await move(other, 'SHIPPED', w.token('enterprise'))).data!.moveDonation;
    expect(errorCode(await move(shipped, 'REFUSED', w.token('coordinator'), { reason: 'Too late' }))).toBe('CONFLICT');
  });

  it('lets the donor withdraw before shipping, and refuses bad pledges with the offending field', async () => {
    const pledged = (await pledge()).data!.pledgeDonation;
    expect((await move(pledged, 'WITHDRAWN', w.token('enterprise'), { reason: 'Stock sold out' })).data?.moveDonation.status).toBe(
      'WITHDRAWN',
    );
    const centre = await t.factory.organization({
      kind: OrganizationKind.RESEARCH_CENTRE,
      nameEn: 'China–Cambodia Joint Lab',
      countryCode: 'KH',
    });
    const toCentre = await pledge(w.token('enterprise'), {
      recipientId: centre.id,
      needId: null,
      items: [{ name: 'Spectrophotometer', quantity: 1 }],
      currency: null,
    });
    expect(toCentre.data?.pledgeDonation).toMatchObject({ status: 'PLEDGED', value: null });

    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ recipientId: w.orgs.otherEnterpriseOrg.id }, 'recipientId'],
      [{ needId: w.draftNeed.id }, 'needId'],
      [{ recipientId: w.orgs.otherAgencyOrg.id }, 'needId'], // the need is not the recipient's
      [{ currency: null }, 'currency'],
      [{ items: [] }, 'items'],
    ];
    for (const [fields, field] of cases) {
      const res = await pledge(w.token('enterprise'), fields);
      expect({ fields, code: errorCode(res), field: res.errors?.[0].extensions?.field }).toEqual({ fields, code: 'BAD_USER_INPUT', field });
    }
    const unverified = await t.factory.user(Role.ENTERPRISE_MEMBER, {
      organizationId: (await t.factory.organization({ verificationStatus: VerificationStatus.PENDING })).id,
    });
    expect(errorCode(await pledge(t.tokenFor(unverified.id)))).toBe('FORBIDDEN');
    await t.dataSource.query(`DELETE FROM app_user WHERE id = $1`, [unverified.id]);
    await t.dataSource.query(`DELETE FROM organization WHERE id = $1`, [unverified.organizationId]);
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);
  });

  it('links the in-app notification of a donation to the donation, and of a course to the course', async () => {
    const donation = (await pledge()).data!.pledgeDonation;
    const course = await t.gql<{ pledgeTraining: { id: string } }>(
      `mutation($input: PledgeTrainingInput!) { pledgeTraining(input: $input) { id } }`,
      {
        input: { recipientId: w.orgs.agencyOrg.id, title: 'Operating the laboratory', startsOn: '2026-09-01', hours: 16, trainees: 8 },
      },
      w.token('enterprise'),
    );
    expect(course.errors).toBeUndefined();
    await t.app.get(NotificationFanoutJob).drain();
    type Note = { type: string; donationId: string | null; trainingCourseId: string | null; activityId: string | null };
    const inbox = await t.gql<{ notifications: { edges: Array<{ node: Note }> } }>(
      '{ notifications(first: 50) { edges { node { type donationId trainingCourseId activityId } } } }',
      {},
      w.token('agency'),
    );
    const notes = inbox.data!.notifications.edges.map((e) => e.node).filter((n) => n.type === 'CONTRIBUTION_CHANGED');
    expect(notes).toContainEqual({ type: 'CONTRIBUTION_CHANGED', donationId: donation.id, trainingCourseId: null, activityId: null });
    expect(notes).toContainEqual({
      type: 'CONTRIBUTION_CHANGED',
      donationId: null,
      trainingCourseId: course.data!.pledgeTraining.id,
      activityId: null,
    });
  });

  it('records a donation handed over as the HANDOVER outcome of the match it served, once, by a coordinator', async () => {
    const match = await engagedMatch();
    const pledged = (await pledge()).data!.pledgeDonation;
    const record = (id: string, matchId: string, version: number, token = w.token('coordinator')) =>
      t.gql<{ recordDonationAsOutcome: { matchId: string | null } }>(
        'mutation($input: RecordContributionOutcomeInput!) { recordDonationAsOutcome(input: $input) { matchId } }',
        { input: { id, matchId, matchVersion: version } },
        token,
      );
    // Not yet handed over: CONFLICT, and nothing written.
    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    expect(errorCode(await record(pledged.id, match.id, match.version))).toBe('CONFLICT');
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);

    const approved = (await move(pledged, 'APPROVED', w.token('coordinator'))).data!.moveDonation;
    const shipped = (await move(approved, 'SHIPPED', w.token('enterprise'))).data!.moveDonation;
    const handedOver = (await move(shipped, 'HANDED_OVER', w.token('agency'), { handedOverOn: yesterday })).data!.moveDonation;
    expect(handedOver.status).toBe('HANDED_OVER');

    // A match of other parties is refused with the field; the donor may not record it; nothing written.
    const otherMatch = await t.factory.match(w.openNeed.id, w.orgs.otherEnterpriseOrg.id, { status: MatchStatus.ENGAGED, rank: 3 });
    const unchanged = await databaseFingerprint(t.dataSource, ALL_TABLES);
    const wrongParties = await record(pledged.id, otherMatch.id, otherMatch.version);
    expect([errorCode(wrongParties), wrongParties.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'matchId']);
    expect(errorCode(await record(pledged.id, match.id, match.version, w.token('enterprise')))).toBe('FORBIDDEN');
    expect(errorCode(await record(pledged.id, match.id, match.version + 5))).toBe('CONFLICT');
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(unchanged);

    expect((await record(pledged.id, match.id, match.version)).data?.recordDonationAsOutcome.matchId).toBe(match.id);
    // The donation leads to the need it answered and the match it was recorded for, for each side.
    for (const who of ['enterprise', 'agency'] as const) {
      const read = await t.gql<{ donation: unknown }>(
        'query($id: ID!) { donation(id: $id) { need { id } programme { id } match { id } } }',
        { id: pledged.id },
        w.token(who),
      );
      expect({ who, donation: read.data?.donation }).toEqual({
        who,
        donation: { need: { id: w.openNeed.id }, programme: null, match: { id: match.id } },
      });
    }
    expect(await outcomesOf(match.id)).toEqual([
      {
        kind: 'HANDOVER',
        date: yesterday,
        value: 40500,
        currency: 'USD',
        note: 'Equipment donation: Water-quality laboratory for the district',
      },
    ]);
    const [{ status }] = await t.dataSource.query(`SELECT status FROM match WHERE id = $1`, [match.id]);
    expect(status).toBe('OUTCOME_RECORDED');
    const [told] = await t.dataSource.query(
      `SELECT payload FROM notification_event WHERE type = 'MATCH_OUTCOME_RECORDED' AND payload->>'matchId' = $1`,
      [match.id],
    );
    expect(told.payload.outcome).toMatchObject({ kind: 'HANDOVER', value: 40500, currency: 'USD' });
    // Once only.
    const [{ version }] = await t.dataSource.query(`SELECT version FROM match WHERE id = $1`, [match.id]);
    expect(errorCode(await record(pledged.id, match.id, version))).toBe('CONFLICT');
  });
});

import { OrganizationKind } from '../../src/organizations/organization.entity';
import { Role } from '../../src/access/actor';
import { ALL_TABLES, databaseFingerprint } from '../support/fingerprint';
import { errorCode, TestApp } from '../support/test-app';
import { useWorld, World } from '../support/world';

const PROGRAMME = `id nameEn nameZh sponsor startsOn endsOn budget currency version
  sdgTargets { code } members { nameEn kind hostInstitutions { name country { code } } }`;

describe('joint research centres and programmes', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)));

  const createCentre = (token: string | undefined) =>
    t.gql<{ createOrganization: { id: string; kind: string; hostInstitutions: Array<{ name: string; country: { code: string } }> } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id kind hostInstitutions { name country { code } } } }`,
      {
        input: {
          kind: 'RESEARCH_CENTRE',
          nameEn: 'China–Sri Lanka Joint Center for Water Technology Research and Demonstration',
          nameZh: '中国—斯里兰卡水技术研究与示范联合中心',
          countryCode: 'LK',
          verificationStatus: 'VERIFIED',
          hostInstitutions: [
            { name: 'Research Center for Eco-Environmental Sciences, CAS', countryCode: 'cn' },
            { name: 'Ministry of Water Supply, Sri Lanka', countryCode: 'LK' },
          ],
        },
      },
      token,
    );

  it('registers a joint centre with its host institutions on both sides, whose staff post needs like an agency', async () => {
    const res = await createCentre(w.token('admin'));
    expect(res.errors).toBeUndefined();
    const centre = res.data!.createOrganization;
    expect(centre.kind).toBe('RESEARCH_CENTRE');
    expect(centre.hostInstitutions).toEqual([
      { name: 'Research Center for Eco-Environmental Sciences, CAS', country: { code: 'CN' } },
      { name: 'Ministry of Water Supply, Sri Lanka', country: { code: 'LK' } },
    ]);
    // A centre member is an AGENCY_MEMBER of the centre: it writes and publishes a need in the centre's country.
    const member = await t.factory.user(Role.AGENCY_MEMBER, { organizationId: centre.id });
    const created = await t.gql<{ createNeed: { id: string; organization: { kind: string } } }>(
      `mutation { createNeed(input: { title: "Pilot brackish-water RO plant for the demonstration site", description: "A 50 m³/day pilot unit.",
         countryCode: "LK", sectorCode: "14021" }) { id organization { kind } } }`,
      {},
      t.tokenFor(member.id),
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createNeed.organization.kind).toBe('RESEARCH_CENTRE');
    const published = await t.gql<{ publishNeed: { status: string } }>(
      'mutation($id: ID!) { publishNeed(id: $id) { status } }',
      { id: created.data!.createNeed.id },
      t.tokenFor(member.id),
    );
    expect(published.data?.publishNeed.status).toBe('OPEN');
  });

  it('refuses host institutions on other kinds, and an enterprise role in a centre', async () => {
    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    const res = await t.gql(
      `mutation { createOrganization(input: { kind: AGENCY, nameEn: "Basin Board", countryCode: "KE",
         hostInstitutions: [{ name: "University of Nairobi", countryCode: "KE" }] }) { id } }`,
      {},
      w.token('admin'),
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/only research centres have host institutions/);
    const centre = await t.factory.organization({ kind: OrganizationKind.RESEARCH_CENTRE, nameEn: 'Joint Lab' });
    const wrongRole = await t.gql(
      `mutation($org: ID!) { createUser(input: { email: "lab@example.org", displayName: "Lab", role: ENTERPRISE_MEMBER, organizationId: $org, password: "long enough password" }) { id } }`,
      { org: centre.id },
      w.token('admin'),
    );
    expect(errorCode(wrongRole)).toBe('BAD_USER_INPUT');
    expect(wrongRole.errors?.[0].message).toMatch(/ENTERPRISE_MEMBER belongs in a ENTERPRISE organisation, not a RESEARCH_CENTRE/);
    await t.dataSource.query('DELETE FROM organization WHERE id = $1', [centre.id]);
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);
  });

  it('lets a coordinator run a programme: create, change, add and remove members; everyone reads it', async () => {
    const centre = await t.factory.organization({
      kind: OrganizationKind.RESEARCH_CENTRE,
      nameEn: 'China–Iran Joint Research Center',
      countryCode: 'IR',
    });
    const created = await t.gql<{ createProgramme: { id: string } }>(
      `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { ${PROGRAMME} } }`,
      {
        input: {
          nameEn: 'Water technology for Belt and Road countries',
          nameZh: '“一带一路”水技术合作',
          sponsor: 'Alliance of International Science Organizations (ANSO)',
          startsOn: '2024-01-01',
          endsOn: '2026-12-31',
          budget: 3_000_000,
          currency: 'cny',
          sdgTargets: ['6.1', '6.3'],
        },
      },
      w.token('coordinator'),
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createProgramme.id;
    const added = await t.gql<{ addProgrammeMembers: { members: Array<{ nameEn: string; kind: string }> } }>(
      'mutation($p: ID!, $o: [ID!]!) { addProgrammeMembers(programmeId: $p, organizationIds: $o) { members { nameEn kind } } }',
      { p: id, o: [centre.id, w.orgs.enterpriseOrg.id, centre.id] },
      w.token('coordinator'),
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addProgrammeMembers.members).toEqual([
      { nameEn: 'China–Iran Joint Research Center', kind: 'RESEARCH_CENTRE' },
      { nameEn: w.orgs.enterpriseOrg.nameEn, kind: 'ENTERPRISE' },
    ]);
    const updated = await t.gql<{ updateProgramme: { endsOn: string; currency: string; version: number } }>(
      'mutation($id: ID!) { updateProgramme(input: { id: $id, endsOn: "2027-06-30" }) { endsOn currency version } }',
      { id },
      w.token('coordinator'),
    );
    expect(updated.data?.updateProgramme).toEqual({ endsOn: '2027-06-30', currency: 'CNY', version: 2 });
    await t.gql(
      'mutation($p: ID!, $o: ID!) { removeProgrammeMember(programmeId: $p, organizationId: $o) { id } }',
      {
        p: id,
        o: w.orgs.enterpriseOrg.id,
      },
      w.token('coordinator'),
    );

    // Anyone reads it, members included; the list filters by member.
    const read = await t.gql<{
      programme: { sponsor: string; budget: number; sdgTargets: Array<{ code: string }>; members: Array<{ nameEn: string }> };
    }>('query($id: ID!) { programme(id: $id) { sponsor budget sdgTargets { code } members { nameEn } } }', { id });
    expect(read.data?.programme).toEqual({
      sponsor: 'Alliance of International Science Organizations (ANSO)',
      budget: 3_000_000,
      sdgTargets: [{ code: '6.1' }, { code: '6.3' }],
      members: [{ nameEn: 'China–Iran Joint Research Center' }],
    });
    const ofCentre = await t.gql<{ programmes: { edges: Array<{ node: { id: string } }> } }>(
      'query($o: ID!) { programmes(first: 10, organizationId: $o) { edges { node { id } } } }',
      { o: centre.id },
    );
    expect(ofCentre.data?.programmes.edges.map((e) => e.node.id)).toEqual([id]);

    // The trail names each change.
    const trail = await t.dataSource.query(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY created_at, id`, [id]);
    expect(trail.map((r: { action: string }) => r.action).sort()).toEqual(
      ['add_member', 'add_member', 'create', 'remove_member', 'update'].sort(),
    );
  });

  it('refuses a bad programme with the offending field, writing nothing', async () => {
    const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ startsOn: '2025-01-01', endsOn: '2024-12-31' }, 'endsOn'],
      [{ startsOn: '2025-02-30' }, 'startsOn'],
      [{ startsOn: '2025-01-01', budget: 100 }, 'currency'],
      [{ startsOn: '2025-01-01', sdgTargets: ['6.9'] }, 'sdgTargets'],
      [{ startsOn: '2025-01-01', sponsor: '  ' }, 'sponsor'],
    ];
    for (const [fields, field] of cases) {
      const res = await t.gql(
        'mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }',
        { input: { nameEn: 'Bad', sponsor: 'ANSO', ...fields } },
        w.token('coordinator'),
      );
      expect({ fields, code: errorCode(res), field: res.errors?.[0].extensions?.field }).toEqual({ fields, code: 'BAD_USER_INPUT', field });
    }
    const programme = await t.factory.programme();
    const unverified = await t.gql(
      'mutation($p: ID!, $o: [ID!]!) { addProgrammeMembers(programmeId: $p, organizationIds: $o) { id } }',
      { p: programme.id, o: [w.orgs.unverifiedAgencyOrg.id] },
      w.token('coordinator'),
    );
    expect(errorCode(unverified)).toBe('BAD_USER_INPUT');
    const secretariat = await t.gql(
      'mutation($p: ID!, $o: [ID!]!) { addProgrammeMembers(programmeId: $p, organizationIds: $o) { id } }',
      { p: programme.id, o: [w.orgs.secretariat.id] },
      w.token('coordinator'),
    );
    expect(secretariat.errors?.[0].message).toMatch(/programmes take centres, enterprises and agencies/);
    await t.dataSource.query('DELETE FROM programme WHERE id = $1', [programme.id]);
    expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);
  });
});

import { errorCode, TestApp } from '../support/test-app';
import { TEST_PASSWORD } from '../support/factory';
import { useWorld, World } from '../support/world';

describe('organisations, users, capabilities and track records', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)));

  const names = async (token?: string) => {
    const res = await t.gql<{ organizations: { edges: Array<{ node: { nameEn: string } }> } }>(
      '{ organizations(first: 100) { edges { node { nameEn } } } }',
      {},
      token,
    );
    return res.data!.organizations.edges.map((e) => e.node.nameEn);
  };

  describe('organisations', () => {
    it('shows unverified organisations only to their members and the secretariat', async () => {
      const unverified = w.orgs.unverifiedAgencyOrg.nameEn;
      expect(await names()).not.toContain(unverified);
      expect(await names(w.token('enterprise'))).not.toContain(unverified);
      expect(await names(t.tokenFor(w.unverifiedAgencyMember.id))).toContain(unverified);
      expect(await names(w.token('coordinator'))).toContain(unverified);
      expect(await names()).toContain(w.orgs.enterpriseOrg.nameEn);
      expect(errorCode(await t.gql('query($id: ID!) { organization(id: $id) { id } }', { id: w.orgs.unverifiedAgencyOrg.id }))).toBe(
        'NOT_FOUND',
      );
    });

    it('keeps contact details for the organisation itself and the secretariat', async () => {
      const contact = async (token?: string) =>
        (
          await t.gql<{ organization: { contactEmail: string | null } }>(
            'query($id: ID!) { organization(id: $id) { contactEmail } }',
            { id: w.orgs.enterpriseOrg.id },
            token,
          )
        ).data!.organization.contactEmail;
      expect(await contact()).toBeNull();
      expect(await contact(w.token('agency'))).toBeNull();
      expect(await contact(w.token('otherEnterprise'))).toBeNull();
      expect(await contact(w.token('enterprise'))).toBe(w.orgs.enterpriseOrg.contactEmail);
      expect(await contact(w.token('coordinator'))).toBe(w.orgs.enterpriseOrg.contactEmail);
    });

    it('lets a member edit the profile of their own organisation', async () => {
      const res = await t.gql<{ updateOrganization: { nameZh: string; website: string; parentGroup: string; country: { code: string } } }>(
        'mutation($id: ID!) { updateOrganization(input: { id: $id, nameZh: "蓝河水务工程", website: "https://blue-river.example.cn", parentGroup: "BLUE GROUP" }) { nameZh website parentGroup country { code } } }',
        { id: w.orgs.enterpriseOrg.id },
        w.token('enterprise'),
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateOrganization).toEqual({
        nameZh: '蓝河水务工程',
        website: 'https://blue-river.example.cn',
        parentGroup: 'BLUE GROUP',
        country: { code: 'CN' },
      });
    });

    it('filters by kind, country, parent group and name', async () => {
      const q = async (args: string) =>
        (
          await t.gql<{ organizations: { edges: Array<{ node: { nameEn: string } }> } }>(
            `{ organizations(first: 100, ${args}) { edges { node { nameEn } } } }`,
          )
        ).data!.organizations.edges.map((e) => e.node.nameEn);
      expect(await q('kind: AGENCY, countryCode: "KE"')).toEqual(['Kenya Water Authority']);
      expect(await q('parentGroup: "BLUE GROUP"')).toEqual(['Blue River Water Engineering']);
      expect(await q('nameContains: "membranes"')).toEqual(['Delta Membranes']);
      expect(await q('nameContains: "%"')).toEqual([]);
    });
  });

  describe('users and sign-in', () => {
    it('signs in a user an admin created, with the e-mail in any case', async () => {
      const created = await t.gql<{ createUser: { id: string; email: string; preferredLanguage: string } }>(
        'mutation($org: ID!) { createUser(input: { email: "  Amara.Perera@Water.LK ", displayName: "Amara Perera", password: "a long enough password", organizationId: $org, role: AGENCY_MEMBER }) { id email preferredLanguage } }',
        { org: w.orgs.agencyOrg.id },
        w.token('admin'),
      );
      expect(created.data?.createUser).toMatchObject({ email: 'amara.perera@water.lk', preferredLanguage: 'EN' });
      const login = await t.gql<{ login: { token: string; user: { email: string; organization: { nameEn: string } } } }>(
        'mutation { login(email: "AMARA.PERERA@water.lk", password: "a long enough password") { token user { email organization { nameEn } } } }',
      );
      expect(login.data?.login.user).toEqual({ email: 'amara.perera@water.lk', organization: { nameEn: 'Lanka Water Board' } });
      const me = await t.gql<{ me: { displayName: string } }>('{ me { displayName } }', {}, login.data!.login.token);
      expect(me.data?.me.displayName).toBe('Amara Perera');
    });

    it('answers a wrong password and an unknown e-mail the same way', async () => {
      const wrong = await t.gql('mutation($e: String!) { login(email: $e, password: "not the password") { token } }', {
        e: w.users.agency.email,
      });
      const unknown = await t.gql('mutation { login(email: "nobody@nowhere.org", password: "not the password") { token } }');
      expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
      expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
    });

    it('changes a password: the old one stops working, the new one works', async () => {
      const user = await t.factory.user(w.users.agency.role, { organizationId: w.orgs.agencyOrg.id });
      const token = t.tokenFor(user.id);
      const changed = await t.gql(
        'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "my new pass phrase") }',
        { c: TEST_PASSWORD },
        token,
      );
      expect(changed.data).toEqual({ changePassword: true });
      expect(
        errorCode(
          await t.gql('mutation($e: String!) { login(email: $e, password: $p) { token } }'.replace('$p', `"${TEST_PASSWORD}"`), {
            e: user.email,
          }),
        ),
      ).toBe('UNAUTHENTICATED');
      expect(
        (
          await t.gql<{ login: { token: string } }>(
            'mutation($e: String!) { login(email: $e, password: "my new pass phrase") { token } }',
            { e: user.email },
          )
        ).data?.login.token,
      ).toEqual(expect.any(String));
    });

    it('lets users set their own name and language', async () => {
      const res = await t.gql<{ updateMyProfile: { displayName: string; preferredLanguage: string } }>(
        'mutation { updateMyProfile(input: { displayName: "王工", preferredLanguage: ZH }) { displayName preferredLanguage } }',
        {},
        w.token('enterprise'),
      );
      expect(res.data?.updateMyProfile).toEqual({ displayName: '王工', preferredLanguage: 'ZH' });
    });
  });

  describe('capabilities', () => {
    it('are created, listed publicly, changed and removed by their enterprise', async () => {
      const created = await t.gql<{
        createCapability: { id: string; technologyCategory: { code: string; labelZh: string }; countriesServed: Array<{ code: string }> };
      }>(
        'mutation { createCapability(input: { technologyCategory: "MEMBRANE_TECHNOLOGY", description: "UF and RO membranes", trl: 9, capacityMin: 1000, capacityMax: 200000, capacityUnit: M3_PER_DAY, cooperationModes: ["EQUIPMENT_SUPPLY", "TECHNICAL_TRAINING"], countriesServed: ["lk", "pk"], regionsServed: ["Asia"], certifications: ["ISO 9001"], languages: ["en", "zh"] }) { id technologyCategory { code labelZh } countriesServed { code } } }',
        {},
        w.token('enterprise'),
      );
      expect(created.data?.createCapability).toMatchObject({
        technologyCategory: { code: 'MEMBRANE_TECHNOLOGY', labelZh: '膜技术（反渗透、超滤、膜生物反应器）' },
        countriesServed: [{ code: 'LK' }, { code: 'PK' }],
      });
      const id = created.data!.createCapability.id;

      const listed = await t.gql<{ capabilities: { edges: Array<{ node: { id: string; organization: { nameEn: string } } }> } }>(
        '{ capabilities(first: 10, technologyCategory: "MEMBRANE_TECHNOLOGY", countryServed: "PK") { edges { node { id organization { nameEn } } } } }',
      );
      expect(listed.data?.capabilities.edges).toEqual([{ node: { id, organization: { nameEn: 'Blue River Water Engineering' } } }]);

      const updated = await t.gql<{ updateCapability: { trl: number; capacityMax: number } }>(
        'mutation($id: ID!) { updateCapability(input: { id: $id, trl: 8, capacityMax: 250000 }) { trl capacityMax } }',
        { id },
        w.token('enterprise'),
      );
      expect(updated.data?.updateCapability).toEqual({ trl: 8, capacityMax: 250000 });

      expect((await t.gql('mutation($id: ID!) { deleteCapability(id: $id) }', { id }, w.token('enterprise'))).data).toEqual({
        deleteCapability: true,
      });
      expect(errorCode(await t.gql('query($id: ID!) { capability(id: $id) { id } }', { id }))).toBe('NOT_FOUND');
    });

    it('of unverified enterprises stay private', async () => {
      const hidden = await t.factory.organization({ nameEn: 'Unverified Pumps', verificationStatus: 'PENDING' as never });
      const capability = await t.factory.capability(hidden.id, { technologyCategory: 'PUMPING_STATIONS' });
      const anonymous = await t.gql<{ capabilities: { totalCount: number } }>(
        '{ capabilities(first: 10, technologyCategory: "PUMPING_STATIONS") { totalCount } }',
      );
      expect(anonymous.data?.capabilities.totalCount).toBe(0);
      expect(errorCode(await t.gql('query($id: ID!) { capability(id: $id) { id } }', { id: capability.id }, w.token('agency')))).toBe(
        'NOT_FOUND',
      );
      const staff = await t.gql<{ capability: { id: string } }>(
        'query($id: ID!) { capability(id: $id) { id } }',
        { id: capability.id },
        w.token('coordinator'),
      );
      expect(staff.data?.capability.id).toBe(capability.id);
    });
  });

  describe('reference projects', () => {
    it('build the track record an enterprise shows, filterable by country, sector and years', async () => {
      for (const [title, country, year, sector] of [
        ['Wad Medani water treatment plant', 'SD', 2006, '14021'],
        ['Port Sudan desalination', 'SD', 2016, '14021'],
        ['Kigali sewerage', 'RW', 2019, '14022'],
      ] as const) {
        const res = await t.gql(
          'mutation($input: CreateReferenceProjectInput!) { createReferenceProject(input: $input) { id } }',
          {
            input: {
              title,
              countryCode: country,
              year,
              sectorCode: sector,
              role: 'EPC_CONTRACTOR',
              value: 2.89e7,
              currency: 'USD',
              technologyCategories: ['DRINKING_WATER_TREATMENT'],
            },
          },
          w.token('otherEnterprise'),
        );
        expect(res.errors).toBeUndefined();
      }
      const q = async (args: string) =>
        (
          await t.gql<{ referenceProjects: { edges: Array<{ node: { title: string } }> } }>(
            `query($org: ID!) { referenceProjects(first: 10, organizationId: $org, ${args}) { edges { node { title } } } }`,
            { org: w.orgs.otherEnterpriseOrg.id },
          )
        ).data!.referenceProjects.edges.map((e) => e.node.title);
      expect(await q('countryCode: "SD"')).toEqual(['Port Sudan desalination', 'Wad Medani water treatment plant']);
      expect(await q('sectorCode: "14022"')).toEqual(['Kigali sewerage']);
      expect(await q('yearFrom: 2010, yearTo: 2017')).toEqual(['Port Sudan desalination']);
      expect(await q('technologyCategory: "DRINKING_WATER_TREATMENT"')).toHaveLength(3);

      const project = await t.gql<{
        referenceProject: { country: { nameZh: string }; sector: { code: string }; value: number; currency: string };
      }>('query($id: ID!) { referenceProject(id: $id) { country { nameZh } sector { code } value currency } }', {
        id: w.referenceProject.id,
      });
      expect(project.data?.referenceProject).toEqual({
        country: { nameZh: '苏丹' },
        sector: { code: '14021' },
        value: null,
        currency: null,
      });
    });

    it('record who financed a project and how; an update changes them and null clears them', async () => {
      const FIELDS = 'financier financingInstrument';
      const created = await t.gql<{ createReferenceProject: { id: string; financier: string; financingInstrument: string } }>(
        `mutation($input: CreateReferenceProjectInput!) { createReferenceProject(input: $input) { id ${FIELDS} } }`,
        {
          input: {
            title: 'Zinder water supply',
            countryCode: 'NE',
            year: 2003,
            financier: '  Ministry of Commerce of China (MOFCOM) ',
            financingInstrument: 'GRANT',
          },
        },
        w.token('otherEnterprise'),
      );
      expect(created.errors).toBeUndefined();
      const { id, ...financing } = created.data!.createReferenceProject;
      expect(financing).toEqual({ financier: 'Ministry of Commerce of China (MOFCOM)', financingInstrument: 'GRANT' });
      const update = async (input: string) =>
        (
          await t.gql<{ updateReferenceProject: Record<string, unknown> }>(
            `mutation($id: ID!) { updateReferenceProject(input: { id: $id, ${input} }) { ${FIELDS} } }`,
            { id },
            w.token('otherEnterprise'),
          )
        ).data?.updateReferenceProject;
      expect(await update('financingInstrument: INTEREST_FREE_LOAN')).toEqual({
        financier: 'Ministry of Commerce of China (MOFCOM)',
        financingInstrument: 'INTEREST_FREE_LOAN',
      });
      expect(await update('financier: null, financingInstrument: null')).toEqual({ financier: null, financingInstrument: null });
      const [row] = await t.dataSource.query(`SELECT financier, financing_instrument FROM reference_project WHERE id = $1`, [id]);
      expect(row).toEqual({ financier: null, financing_instrument: null });
    });
  });
});

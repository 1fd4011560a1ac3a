import { errorCode, TestApp } from '../support/test-app';
import { useWorld, World } from '../support/world';

const NEED_FIELDS =
  'id title status publishedAt country { code nameZh region } sector { code labelEn } sdgTargets { code } cooperationModes { code labelZh } organization { id nameEn contactEmail }';

describe('needs', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)));

  const titles = async (query: string, token?: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql<{ needs: { edges: Array<{ node: { title: string } }> } }>(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data!.needs.edges.map((e) => e.node.title);
  };

  it('walks an agency need through its lifecycle: draft, publish, close', async () => {
    const created = await t.gql<{ createNeed: { id: string; status: string } }>(
      `mutation($input: CreateNeedInput!) { createNeed(input: $input) { id status } }`,
      {
        input: {
          title: 'Desalination for Hambantota',
          description: 'Seawater RO, 10,000 m³/day, with operator training.',
          countryCode: 'lk',
          sectorCode: '14021',
          sdgTargets: ['6.1', '6.a'],
          cooperationModes: ['EPC', 'TECHNICAL_TRAINING'],
          technologyCategories: ['DESALINATION'],
          deadline: '2099-06-30',
        },
      },
      w.token('agency'),
    );
    expect(created.data?.createNeed.status).toBe('DRAFT');
    const id = created.data!.createNeed.id;

    // Fields left out of an update keep their values.
    const edited = await t.gql<{ updateNeed: Record<string, unknown> }>(
      'mutation($id: ID!) { updateNeed(input: { id: $id, title: "Desalination for Hambantota port" }) { title description deadline country { code } technologyCategories { code } } }',
      { id },
      w.token('agency'),
    );
    expect(edited.data?.updateNeed).toEqual({
      title: 'Desalination for Hambantota port',
      description: 'Seawater RO, 10,000 m³/day, with operator training.',
      deadline: '2099-06-30',
      country: { code: 'LK' },
      technologyCategories: [{ code: 'DESALINATION' }],
    });

    const published = await t.gql<{ publishNeed: Record<string, unknown> }>(
      `mutation($id: ID!) { publishNeed(id: $id) { ${NEED_FIELDS} } }`,
      { id },
      w.token('agency'),
    );
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishNeed).toMatchObject({
      status: 'OPEN',
      country: { code: 'LK', nameZh: '斯里兰卡', region: 'Asia' },
      sector: { code: '14021', labelEn: 'Water supply – large systems' },
      sdgTargets: [{ code: '6.1' }, { code: '6.a' }],
      cooperationModes: [
        { code: 'EPC', labelZh: '工程总承包（EPC）/施工' },
        { code: 'TECHNICAL_TRAINING', labelZh: '技术培训' },
      ],
      organization: { id: w.orgs.agencyOrg.id, nameEn: 'Lanka Water Board' },
    });
    expect(published.data?.publishNeed.publishedAt).toEqual(expect.any(String));

    // Publishing twice is not a transition.
    expect(errorCode(await t.gql('mutation($id: ID!) { publishNeed(id: $id) { id } }', { id }, w.token('agency')))).toBe('CONFLICT');

    const closed = await t.gql<{ closeNeed: { status: string } }>(
      'mutation($id: ID!) { closeNeed(id: $id) { status } }',
      { id },
      w.token('coordinator'),
    );
    expect(closed.data?.closeNeed.status).toBe('CLOSED');
    // A closed need is final: it can neither be withdrawn nor edited.
    expect(errorCode(await t.gql('mutation($id: ID!) { withdrawNeed(id: $id) { id } }', { id }, w.token('agency')))).toBe('CONFLICT');
    expect(
      errorCode(await t.gql('mutation($id: ID!) { updateNeed(input: { id: $id, title: "Late edit" }) { id } }', { id }, w.token('agency'))),
    ).toBe('CONFLICT');
  });

  it('records who finances a need and how, changes both and clears them with null, in the audit trail', async () => {
    const FIELDS = 'id financier financingInstrument';
    const created = await t.gql<{ createNeed: { id: string; financier: string | null; financingInstrument: string | null } }>(
      `mutation($input: CreateNeedInput!) { createNeed(input: $input) { ${FIELDS} } }`,
      {
        input: {
          title: 'Chico River pump irrigation',
          description: 'Pumping station and 20 km of canals.',
          countryCode: 'LK',
          sectorCode: '31140',
          financier: 'Export-Import Bank of China',
          financingInstrument: 'PREFERENTIAL_BUYERS_CREDIT',
        },
      },
      w.token('agency'),
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createNeed.id;
    expect(created.data?.createNeed).toEqual({
      id,
      financier: 'Export-Import Bank of China',
      financingInstrument: 'PREFERENTIAL_BUYERS_CREDIT',
    });
    const update = (input: string) =>
      t.gql<{ updateNeed: Record<string, unknown> }>(
        `mutation($id: ID!) { updateNeed(input: { id: $id, ${input} }) { ${FIELDS} } }`,
        { id },
        w.token('agency'),
      );
    // The instrument alone changes; the financier stays.
    expect((await update('financingInstrument: GRANT')).data?.updateNeed).toEqual({
      id,
      financier: 'Export-Import Bank of China',
      financingInstrument: 'GRANT',
    });
    expect((await update('financier: null, financingInstrument: null')).data?.updateNeed).toEqual({
      id,
      financier: null,
      financingInstrument: null,
    });
    const read = await t.gql<{ need: Record<string, unknown> }>(
      `query($id: ID!) { need(id: $id) { ${FIELDS} } }`,
      { id },
      w.token('agency'),
    );
    expect(read.data?.need).toEqual({ id, financier: null, financingInstrument: null });
    // Each change is in the audit trail, field by field.
    const changes = (
      await t.dataSource.query(
        `SELECT c->>'field' AS field, c->>'before' AS before, c->>'after' AS after FROM audit_entry a, jsonb_array_elements(a.changes) c
          WHERE a.entity_id = $1 AND a.action = 'update' AND c->>'field' = 'financingInstrument' ORDER BY a.created_at`,
        [id],
      )
    ).map((r: { before: string | null; after: string | null }) => [r.before, r.after]);
    expect(changes).toEqual([
      ['PREFERENTIAL_BUYERS_CREDIT', 'GRANT'],
      ['GRANT', null],
    ]);
  });

  it("keeps an agency's needs to its own country and the countries the secretariat lets it serve", async () => {
    const gql = <T = Record<string, unknown>>(document: string, variables: Record<string, unknown>, as: 'admin' | 'otherAgency') =>
      t.gql<T>(document, variables, w.token(as));
    const serve = (countriesServed: string[]) =>
      gql<{ updateOrganization: { countriesServed: Array<{ code: string }> } }>(
        'mutation($id: ID!, $c: [String!]) { updateOrganization(input: { id: $id, countriesServed: $c }) { countriesServed { code } } }',
        { id: w.orgs.otherAgencyOrg.id, c: countriesServed },
        'admin',
      );
    // A basin authority in Kenya that also works upstream: the home country is implied, codes are normalised.
    expect((await serve(['ug', 'TZ', 'KE', 'UG'])).data?.updateOrganization.countriesServed).toEqual([{ code: 'TZ' }, { code: 'UG' }]);
    const created = await gql<{ createNeed: { id: string; country: { code: string } } }>(
      'mutation { createNeed(input: { title: "Intake rehabilitation at Jinja", description: "New intake screens and pumps.", countryCode: "UG", sectorCode: "14021" }) { id country { code } } }',
      {},
      'otherAgency',
    );
    expect(created.data?.createNeed.country.code).toBe('UG');
    // The secretariat narrows the profile before the draft is published: publishing is refused, the need stays a draft.
    await serve([]);
    const published = await gql('mutation($id: ID!) { publishNeed(id: $id) { id } }', { id: created.data!.createNeed.id }, 'otherAgency');
    expect(errorCode(published)).toBe('BAD_USER_INPUT');
    expect(published.errors?.[0].extensions?.field).toBe('countryCode');
    expect(published.errors?.[0].message).toMatch(/posts needs for KE, not for UG/);
    const [{ status }] = await t.dataSource.query(`SELECT status FROM need WHERE id = $1`, [created.data!.createNeed.id]);
    expect(status).toBe('DRAFT');
    // An agency still applying for verification states where it works itself.
    const applying = await t.gql<{ updateOrganization: { countriesServed: Array<{ code: string }> } }>(
      'mutation($id: ID!) { updateOrganization(input: { id: $id, countriesServed: ["KZ"] }) { countriesServed { code } } }',
      { id: w.orgs.unverifiedAgencyOrg.id },
      t.tokenFor(w.unverifiedAgencyMember.id),
    );
    expect(applying.data?.updateOrganization.countriesServed).toEqual([{ code: 'KZ' }]);
  });

  it('lets only verified agencies publish', async () => {
    const token = t.tokenFor(w.unverifiedAgencyMember.id);
    const created = await t.gql<{ createNeed: { id: string } }>(
      'mutation { createNeed(input: { title: "Irrigation canal", description: "Lining 40 km of canal.", countryCode: "UZ", sectorCode: "31140" }) { id } }',
      {},
      token,
    );
    const id = created.data!.createNeed.id;
    const res = await t.gql('mutation($id: ID!) { publishNeed(id: $id) { id } }', { id }, token);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(/verified/);
    const after = await t.gql<{ need: { status: string } }>('query($id: ID!) { need(id: $id) { status } }', { id }, token);
    expect(after.data?.need.status).toBe('DRAFT');

    await t.gql(
      'mutation($id: ID!) { setOrganizationVerification(id: $id, status: VERIFIED) { id } }',
      { id: w.orgs.unverifiedAgencyOrg.id },
      w.token('coordinator'),
    );
    const retry = await t.gql<{ publishNeed: { status: string } }>('mutation($id: ID!) { publishNeed(id: $id) { status } }', { id }, token);
    expect(retry.data?.publishNeed.status).toBe('OPEN');
  });

  it('shows drafts only to their agency and the secretariat', async () => {
    const query = '{ needs(first: 100) { edges { node { title } } } }';
    const draft = w.draftNeed.title;
    expect(await titles(query)).not.toContain(draft);
    expect(await titles(query, w.token('enterprise'))).not.toContain(draft);
    expect(await titles(query, w.token('otherAgency'))).not.toContain(draft);
    expect(await titles(query, w.token('agency'))).toContain(draft);
    expect(await titles(query, w.token('coordinator'))).toContain(draft);
    expect(await titles(query)).toContain(w.openNeed.title);

    // Asking by id or by status reveals nothing either.
    expect(errorCode(await t.gql('query($id: ID!) { need(id: $id) { id } }', { id: w.draftNeed.id }))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql('query($id: ID!) { need(id: $id) { id } }', { id: w.draftNeed.id }, w.token('otherAgency')))).toBe(
      'NOT_FOUND',
    );
    expect(await titles('{ needs(first: 100, status: DRAFT) { edges { node { title } } } }', w.token('enterprise'))).toEqual([]);
  });

  it('filters by country, region, sector, SDG target, cooperation mode, category and organisation', async () => {
    const kenya = await t.factory.need(w.orgs.otherAgencyOrg.id, {
      title: 'Flood control on the Tana',
      countryCode: 'KE',
      sectorCode: '41050',
      sdgTargets: ['6.5'],
      cooperationModes: ['DESIGN_CONSULTING'],
      technologyCategories: ['FLOOD_CONTROL_DRAINAGE'],
    });
    const q = (args: string) => titles(`{ needs(first: 100, ${args}) { edges { node { title } } } }`);
    expect(await q('countryCode: "KE"')).toEqual([kenya.title]);
    expect(await q('region: "Africa"')).toEqual([kenya.title]);
    expect(await q('sectorCode: "41050"')).toEqual([kenya.title]);
    expect(await q('sdgTarget: "6.5"')).toEqual([kenya.title]);
    expect(await q('cooperationMode: "DESIGN_CONSULTING"')).toEqual([kenya.title]);
    expect(await q('technologyCategory: "FLOOD_CONTROL_DRAINAGE"')).toEqual([kenya.title]);
    expect(await q(`organizationId: "${w.orgs.otherAgencyOrg.id}"`)).toEqual([kenya.title]);
    expect(await q('countryCode: "LK"')).not.toContain(kenya.title);
  });

  it('pages through a list with cursors, newest first, without gaps or repeats', async () => {
    const org = await t.factory.organization({ kind: w.orgs.agencyOrg.kind, countryCode: 'NP' });
    const made: string[] = [];
    // Two of them share a creation time: the id breaks the tie, and no row is skipped or repeated.
    const base = Date.now() - 60_000;
    const times = [0, 1000, 2000, 2000, 3000, 4000, 5000];
    for (let i = 0; i < 7; i++)
      made.push(
        (await t.factory.need(org.id, { title: `Nepal need ${i}`, countryCode: 'NP', createdAt: new Date(base + times[i]) })).title,
      );
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: {
        data?: {
          needs: { totalCount: number; edges: Array<{ node: { title: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
        } | null;
      } = await t.gql(
        'query($after: String) { needs(first: 3, after: $after, countryCode: "NP") { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      const page = res.data!.needs;
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((e) => e.node.title));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(made));
    expect(seen.slice(0, 2)).toEqual(['Nepal need 6', 'Nepal need 5']);
    expect(seen.slice(-2)).toEqual(['Nepal need 1', 'Nepal need 0']);
  });

  it("keeps an agency's contact details private from enterprises", async () => {
    const asEnterprise = await t.gql<{ need: { organization: { contactEmail: string | null } } }>(
      'query($id: ID!) { need(id: $id) { organization { contactEmail } } }',
      { id: w.openNeed.id },
      w.token('enterprise'),
    );
    expect(asEnterprise.data?.need.organization.contactEmail).toBeNull();
    const asOwner = await t.gql<{ need: { organization: { contactEmail: string | null } } }>(
      'query($id: ID!) { need(id: $id) { organization { contactEmail } } }',
      { id: w.openNeed.id },
      w.token('agency'),
    );
    expect(asOwner.data?.need.organization.contactEmail).toBe(w.orgs.agencyOrg.contactEmail);
  });

  it('serialises concurrent transitions: withdraw and close race, exactly one wins', async () => {
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Race' });
    const [a, b] = await Promise.all([
      t.gql('mutation($id: ID!) { withdrawNeed(id: $id) { status } }', { id: need.id }, w.token('agency')),
      t.gql('mutation($id: ID!) { closeNeed(id: $id) { status } }', { id: need.id }, w.token('coordinator')),
    ]);
    const codes = [errorCode(a), errorCode(b)].sort();
    expect(codes).toEqual(['CONFLICT', undefined].sort());
  });
});

import { MatchOrigin, MatchStatus, SideResponse } from '../../src/matches/match-status';
import { NeedStatus } from '../../src/needs/need-status';
import { ALL_TABLES, databaseFingerprint } from '../support/fingerprint';
import { errorCode, startTestApp, TestApp } from '../support/test-app';
import { useWorld, Principal, World } from '../support/world';

interface BadInput {
  name: string;
  as: Principal;
  document: string;
  variables: (w: World) => Record<string, unknown>;
  code?: string;
  /** The input field the error must name. */
  field?: string;
}

const createNeed = 'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }';
const updateNeed = 'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { id } }';
const need = {
  title: 'Wastewater plant for Kandy',
  description: 'Secondary treatment, 20,000 m³/day.',
  countryCode: 'LK',
  sectorCode: '14022',
};
const withNeed = (changes: Record<string, unknown>) => () => ({ input: { ...need, ...changes } });

const createOrganization = 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }';
const organization = { kind: 'AGENCY', nameEn: 'Nile Basin Office', countryCode: 'EG' };
const withOrganization = (changes: Record<string, unknown>) => () => ({ input: { ...organization, ...changes } });

const createUser = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
const withUser = (changes: Record<string, unknown>) => (w: World) => ({
  input: {
    email: 'new.member@example.org',
    displayName: 'New Member',
    password: 'long enough password',
    organizationId: w.orgs.agencyOrg.id,
    role: 'AGENCY_MEMBER',
    ...changes,
  },
});

const createCapability = 'mutation($input: CreateCapabilityInput!) { createCapability(input: $input) { id } }';
const withCapability = (changes: Record<string, unknown>) => () => ({
  input: { technologyCategory: 'DESALINATION', description: 'SWRO plants', ...changes },
});

const createReferenceProject = 'mutation($input: CreateReferenceProjectInput!) { createReferenceProject(input: $input) { id } }';
const withProject = (changes: Record<string, unknown>) => () => ({
  input: { title: 'Pumping station', countryCode: 'SD', year: 2012, ...changes },
});

const CASES: BadInput[] = [
  // Needs
  {
    name: 'title over 200 characters',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ title: 'x'.repeat(201) }),
    field: 'title',
  },
  { name: 'blank title', as: 'agency', document: createNeed, variables: withNeed({ title: '   ' }), field: 'title' },
  {
    name: 'description over 20,000 characters',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ description: '水'.repeat(20_001) }),
    field: 'description',
  },
  { name: 'unknown country', as: 'agency', document: createNeed, variables: withNeed({ countryCode: 'XX' }), field: 'countryCode' },
  { name: 'unknown sector code', as: 'agency', document: createNeed, variables: withNeed({ sectorCode: '99999' }), field: 'sectorCode' },
  {
    name: 'unknown SDG target',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ sdgTargets: ['6.1', '6.9'] }),
    field: 'sdgTargets',
  },
  {
    name: 'unknown cooperation mode',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ cooperationModes: ['TELEPORTATION'] }),
    field: 'cooperationModes',
  },
  {
    name: 'unknown technology category',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ technologyCategories: ['COLD_FUSION'] }),
    field: 'technologyCategories',
  },
  {
    name: 'budget min above max',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ budgetMin: 5e6, budgetMax: 1e6, currency: 'USD' }),
    field: 'budgetMin',
  },
  { name: 'budget without currency', as: 'agency', document: createNeed, variables: withNeed({ budgetMax: 1e6 }), field: 'currency' },
  {
    name: 'unknown currency',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ budgetMax: 1e6, currency: 'ABC' }),
    field: 'currency',
  },
  {
    name: 'negative budget',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ budgetMin: -1, currency: 'USD' }),
    field: 'budgetMin',
  },
  { name: 'impossible deadline', as: 'agency', document: createNeed, variables: withNeed({ deadline: '2027-02-30' }), field: 'deadline' },
  { name: 'deadline not a date', as: 'agency', document: createNeed, variables: withNeed({ deadline: 'next spring' }), field: 'deadline' },
  {
    name: 'language not ISO 639-1',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ languages: ['english'] }),
    field: 'languages',
  },
  {
    name: 'financing instrument outside the enum',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ financingInstrument: 'MORTGAGE' }),
  },
  {
    name: 'financing instrument outside the enum, in an update',
    as: 'agency',
    document: updateNeed,
    variables: (w) => ({ input: { id: w.openNeed.id, financingInstrument: 'grant' } }),
  },
  {
    name: 'negative population',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ populationServed: -5 }),
    field: 'populationServed',
  },
  { name: 'blank financier', as: 'agency', document: createNeed, variables: withNeed({ financier: '   ' }), field: 'financier' },
  {
    name: 'financier over 200 characters',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ financier: 'B'.repeat(201) }),
    field: 'financier',
  },
  { name: 'unknown input field', as: 'agency', document: createNeed, variables: withNeed({ status: 'OPEN' }) },
  {
    name: 'clearing a required field',
    as: 'agency',
    document: updateNeed,
    variables: (w) => ({ input: { id: w.openNeed.id, title: null } }),
    field: 'title',
  },
  {
    name: 'budget min above an existing max',
    as: 'agency',
    document: updateNeed,
    variables: (w) => ({ input: { id: w.openNeed.id, budgetMin: 10, budgetMax: 5, currency: 'USD' } }),
    field: 'budgetMin',
  },
  {
    name: 'a past deadline on a new need',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ deadline: '2001-01-01' }),
    field: 'deadline',
  },
  {
    name: 'a past deadline on a draft',
    as: 'agency',
    document: updateNeed,
    variables: (w) => ({ input: { id: w.draftNeed.id, deadline: '2001-01-01' } }),
    field: 'deadline',
  },
  {
    name: 'a past deadline on an open need',
    as: 'agency',
    document: updateNeed,
    variables: (w) => ({ input: { id: w.openNeed.id, deadline: '2001-01-01' } }),
    field: 'deadline',
  },
  {
    name: 'a need outside the countries of its agency',
    as: 'agency',
    document: createNeed,
    variables: withNeed({ countryCode: 'KE' }),
    field: 'countryCode',
  },
  {
    name: 'a draft moved to a country its agency does not serve',
    as: 'agency',
    document: updateNeed,
    variables: (w) => ({ input: { id: w.draftNeed.id, countryCode: 'KE' } }),
    field: 'countryCode',
  },
  {
    name: 'a malformed id',
    as: 'agency',
    document: 'mutation { publishNeed(id: "not-a-uuid") { id } }',
    variables: () => ({}),
    field: 'id',
  },
  {
    name: 'a need that does not exist',
    as: 'agency',
    document: 'mutation { publishNeed(id: "8d1b0c1e-8f7e-4d2a-9d55-6c1f6f2f4a10") { id } }',
    variables: () => ({}),
    code: 'NOT_FOUND',
  },
  // Organisations
  {
    name: 'organisation without a name',
    as: 'admin',
    document: createOrganization,
    variables: withOrganization({ nameEn: '' }),
    field: 'nameEn',
  },
  {
    name: 'organisation in an unknown country',
    as: 'admin',
    document: createOrganization,
    variables: withOrganization({ countryCode: 'ZZ' }),
    field: 'countryCode',
  },
  {
    name: 'organisation with a non-web URL',
    as: 'admin',
    document: createOrganization,
    variables: withOrganization({ website: 'ftp://files.example.org' }),
    field: 'website',
  },
  {
    name: 'organisation with a bad e-mail',
    as: 'admin',
    document: createOrganization,
    variables: withOrganization({ contactEmail: 'not an e-mail' }),
    field: 'contactEmail',
  },
  {
    name: 'parent group on an agency',
    as: 'admin',
    document: createOrganization,
    variables: withOrganization({ parentGroup: 'POWERCHINA' }),
    field: 'parentGroup',
  },
  {
    name: 'an unknown country served by an agency',
    as: 'admin',
    document: createOrganization,
    variables: withOrganization({ countriesServed: ['SD', 'XX'] }),
    field: 'countriesServed',
  },
  {
    name: 'countries served on an enterprise',
    as: 'admin',
    document: createOrganization,
    variables: withOrganization({ kind: 'ENTERPRISE', countryCode: 'CN', countriesServed: ['LK'] }),
    field: 'countriesServed',
  },
  {
    name: 'a verified agency widening its own countries',
    as: 'agency',
    document: 'mutation($id: ID!) { updateOrganization(input: { id: $id, countriesServed: ["KE"] }) { id } }',
    variables: (w) => ({ id: w.orgs.agencyOrg.id }),
    code: 'FORBIDDEN',
  },
  {
    name: 'a verified agency moving its own country',
    as: 'agency',
    document: 'mutation($id: ID!) { updateOrganization(input: { id: $id, countryCode: "KE" }) { id } }',
    variables: (w) => ({ id: w.orgs.agencyOrg.id }),
    code: 'FORBIDDEN',
  },
  {
    name: 'organisation kind outside the enum',
    as: 'admin',
    document: createOrganization,
    variables: withOrganization({ kind: 'CHARITY' }),
    code: 'BAD_USER_INPUT',
  },
  // Users
  { name: 'user with a bad e-mail', as: 'admin', document: createUser, variables: withUser({ email: 'nobody' }), field: 'email' },
  { name: 'user with a short password', as: 'admin', document: createUser, variables: withUser({ password: 'short' }), field: 'password' },
  {
    name: 'role that does not fit the organisation',
    as: 'admin',
    document: createUser,
    variables: withUser({ role: 'ENTERPRISE_MEMBER' }),
    field: 'role',
  },
  {
    name: 'user in an unknown organisation',
    as: 'admin',
    document: createUser,
    variables: withUser({ organizationId: '8d1b0c1e-8f7e-4d2a-9d55-6c1f6f2f4a10' }),
    field: 'organizationId',
  },
  {
    name: 'an e-mail already taken (any case)',
    as: 'admin',
    document: createUser,
    variables: (w) => withUser({ email: w.users.agency.email.toUpperCase() })(w),
    code: 'CONFLICT',
  },
  {
    name: 'role change that does not fit',
    as: 'admin',
    document: 'mutation($id: ID!) { updateUser(input: { id: $id, role: COORDINATOR }) { id } }',
    variables: (w) => ({ id: w.users.agency.id }),
    field: 'role',
  },
  {
    name: 'wrong current password',
    as: 'agency',
    document: 'mutation { changePassword(currentPassword: "wrong password!", newPassword: "another long one") }',
    variables: () => ({}),
    field: 'currentPassword',
  },
  {
    name: 'new password too short',
    as: 'agency',
    document: 'mutation { changePassword(currentPassword: "correct horse battery staple", newPassword: "short") }',
    variables: () => ({}),
    field: 'newPassword',
  },
  // Capabilities and reference projects
  { name: 'TRL above 9', as: 'enterprise', document: createCapability, variables: withCapability({ trl: 10 }), field: 'trl' },
  {
    name: 'unknown capability category',
    as: 'enterprise',
    document: createCapability,
    variables: withCapability({ technologyCategory: 'TIME_TRAVEL' }),
    field: 'technologyCategory',
  },
  {
    name: 'capacity without unit',
    as: 'enterprise',
    document: createCapability,
    variables: withCapability({ capacityMax: 5000 }),
    field: 'capacityUnit',
  },
  {
    name: 'capacity min above max',
    as: 'enterprise',
    document: createCapability,
    variables: withCapability({ capacityMin: 9, capacityMax: 1, capacityUnit: 'M3_PER_DAY' }),
    field: 'capacityMin',
  },
  {
    name: 'unknown country served',
    as: 'enterprise',
    document: createCapability,
    variables: withCapability({ countriesServed: ['LK', 'XX'] }),
    field: 'countriesServed',
  },
  {
    name: 'project in the future',
    as: 'enterprise',
    document: createReferenceProject,
    variables: withProject({ year: new Date().getUTCFullYear() + 3 }),
    field: 'year',
  },
  {
    name: 'project before 1949',
    as: 'enterprise',
    document: createReferenceProject,
    variables: withProject({ year: 1800 }),
    field: 'year',
  },
  {
    name: 'project value without currency',
    as: 'enterprise',
    document: createReferenceProject,
    variables: withProject({ value: 1e6 }),
    field: 'currency',
  },
  {
    name: 'project financing instrument outside the enum',
    as: 'enterprise',
    document: createReferenceProject,
    variables: withProject({ financingInstrument: 'BOND' }),
  },
  {
    name: 'project financier over 200 characters',
    as: 'enterprise',
    document: createReferenceProject,
    variables: withProject({ financier: 'B'.repeat(201) }),
    field: 'financier',
  },
  // Lists
  { name: 'page size above 100', as: 'anonymous', document: '{ needs(first: 101) { totalCount } }', variables: () => ({}), field: 'first' },
  { name: 'page size of zero', as: 'anonymous', document: '{ needs(first: 0) { totalCount } }', variables: () => ({}), field: 'first' },
  {
    name: 'a cursor not from the list',
    as: 'anonymous',
    document: '{ needs(first: 5, after: "bm9wZQ") { totalCount } }',
    variables: () => ({}),
    field: 'after',
  },
];

describe('bad input', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)));

  it.each(CASES)('refuses $name and changes nothing', async ({ as, document, variables, code, field }) => {
    const before = await databaseFingerprint(t.dataSource);
    const res = await t.gql(document, variables(w), w.token(as));
    expect(errorCode(res)).toBe(code ?? 'BAD_USER_INPUT');
    if (field) expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(res.errors?.[0].message).not.toMatch(/Error:|at .*\.ts|SELECT|INSERT/);
    expect(await databaseFingerprint(t.dataSource)).toEqual(before);
  });

  it('accepts the same inputs once corrected (the cases above fail for the reason they name)', async () => {
    const res = await t.gql(
      createNeed,
      {
        input: {
          ...need,
          budgetMin: 1e6,
          budgetMax: 5e6,
          currency: 'usd',
          deadline: '2099-12-31',
          languages: ['en', 'si'],
          sdgTargets: ['6.3'],
          populationServed: 120000,
          financier: '  Export-Import Bank of China ',
          financingInstrument: 'GOVERNMENT_CONCESSIONAL_LOAN',
        },
      },
      w.token('agency'),
    );
    expect(res.errors).toBeUndefined();
    const created = await t.gql<{
      need: { currency: string; budgetMax: number; status: string; financier: string; financingInstrument: string };
    }>(
      'query($id: ID!) { need(id: $id) { currency budgetMax status financier financingInstrument } }',
      { id: (res.data as { createNeed: { id: string } }).createNeed.id },
      w.token('agency'),
    );
    // The financier is read back as written, trimmed.
    expect(created.data?.need).toEqual({
      currency: 'USD',
      budgetMax: 5e6,
      status: 'DRAFT',
      financier: 'Export-Import Bank of China',
      financingInstrument: 'GOVERNMENT_CONCESSIONAL_LOAN',
    });
  });

  describe('expressions of interest that say what happened', () => {
    const expressInterest =
      'mutation($needId: ID!, $message: String!) { expressInterest(input: { needId: $needId, message: $message }) { id status } }';
    /** The refusal, with proof that it wrote nothing. */
    const refusal = async (needId: string, message: string) => {
      const before = await databaseFingerprint(t.dataSource);
      const res = await t.gql(expressInterest, { needId, message }, w.token('otherEnterprise'));
      expect(await databaseFingerprint(t.dataSource)).toEqual(before);
      return { code: errorCode(res), message: res.errors?.[0].message };
    };

    it('answers CONFLICT, naming the status, for a need anyone can read that no longer recruits; NOT_FOUND for one the caller cannot see', async () => {
      const closed = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Closed: sludge drying beds', status: NeedStatus.CLOSED });
      expect(await refusal(closed.id, 'We built sludge beds in Kandy')).toEqual({
        code: 'CONFLICT',
        message: 'This need is CLOSED and no longer takes expressions of interest',
      });
      const withdrawnDraft = await t.factory.need(w.orgs.agencyOrg.id, {
        title: 'Withdrawn: intake screens',
        status: NeedStatus.WITHDRAWN,
      });
      expect((await refusal(withdrawnDraft.id, 'We make intake screens')).code).toBe('NOT_FOUND');
    });

    it('answers CONFLICT to a second expression of interest instead of overwriting the first message', async () => {
      const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Open: leak detection for Galle' });
      await t.factory.match(need.id, w.orgs.otherEnterpriseOrg.id, { origin: MatchOrigin.INTEREST, interestMessage: 'Our first message' });
      const second = await refusal(need.id, 'A second message');
      expect(second.code).toBe('CONFLICT');
      expect(second.message).toMatch(
        /^Your enterprise already expressed interest in this need \(match [0-9a-f-]{36}\); withdraw it to send another message$/,
      );
      const [{ interest_message }] = await t.dataSource.query(`SELECT interest_message FROM match WHERE need_id = $1`, [need.id]);
      expect(interest_message).toBe('Our first message');
    });
  });

  describe('outcomes of a match', () => {
    const record = 'mutation($input: RecordMatchOutcomeInput!) { recordMatchOutcome(input: $input) { id } }';
    const day = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString().slice(0, 10);
    /** An engaged match introduced ten days ago, and the outcome fields a case changes. */
    let engaged: { id: string; version: number };
    beforeAll(async () => {
      const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Engaged: water safety plan for Kurunegala' });
      engaged = await t.factory.match(need.id, w.orgs.enterpriseOrg.id, {
        status: MatchStatus.ENGAGED,
        introducedAt: new Date(Date.now() - 10 * 24 * 3600_000),
        agencyResponse: SideResponse.ACCEPTED,
        enterpriseResponse: SideResponse.ACCEPTED,
      });
    });
    const outcome = (changes: Record<string, unknown>) => ({
      input: { id: engaged.id, version: engaged.version, kind: 'CONTRACT', date: day(-1), ...changes },
    });

    it.each([
      { name: 'an outcome dated in the future', changes: { date: '2099-01-01' }, field: 'date' },
      { name: 'an outcome dated before the introduction', changes: { date: day(-12) }, field: 'date' },
      { name: 'an outcome date that is not a day', changes: { date: '2026-02-30' }, field: 'date' },
      { name: 'a negative outcome value', changes: { value: -1, currency: 'USD' }, field: 'value' },
      { name: 'an outcome value without a currency', changes: { value: 250_000 }, field: 'currency' },
      { name: 'an outcome currency not shaped as ISO 4217', changes: { value: 250_000, currency: 'US$' }, field: 'currency' },
      { name: 'an outcome currency ISO 4217 does not have', changes: { value: 250_000, currency: 'XYZ' }, field: 'currency' },
      { name: 'an outcome currency without a value', changes: { currency: 'USD' }, field: 'value' },
      { name: 'an outcome note over 2,000 characters', changes: { note: '水'.repeat(2_001) }, field: 'note' },
    ])('refuses $name, naming $field, and changes nothing', async ({ changes, field }) => {
      const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
      const res = await t.gql(record, outcome(changes), w.token('coordinator'));
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);
    });

    it('accepts the same outcome once corrected', async () => {
      const res = await t.gql<{ recordMatchOutcome: { status: string } }>(
        'mutation($input: RecordMatchOutcomeInput!) { recordMatchOutcome(input: $input) { status } }',
        outcome({ value: 250_000, currency: 'USD', note: '水'.repeat(2_000) }),
        w.token('coordinator'),
      );
      expect(res.data).toEqual({ recordMatchOutcome: { status: 'OUTCOME_RECORDED' } });
    });
  });

  it('hides internals of unexpected failures behind a correlation id', async () => {
    // A broken database is the simplest honest way to provoke an error the code does not expect.
    const broken = await startTestApp();
    try {
      await broken.dataSource.query('DROP TABLE capability');
      const res = await broken.gql('{ capabilities(first: 5) { totalCount } }');
      expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
      expect(res.errors?.[0].extensions?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(res.errors)).not.toMatch(/\brelation\b|does not exist|SELECT|QueryFailed|stack/i);
    } finally {
      await broken.close();
    }
  });
});

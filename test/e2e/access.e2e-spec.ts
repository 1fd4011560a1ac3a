import { GraphQLSchemaHost } from '@nestjs/graphql';
import { databaseFingerprint } from '../support/fingerprint';
import { errorCode, TestApp } from '../support/test-app';
import { useWorld, Principal, PRINCIPALS, World } from '../support/world';

interface Rule {
  /** The GraphQL operation to call. */
  document: string;
  variables: (w: World) => Record<string, unknown>;
  /** Who may call it; everyone else must be refused. */
  allowed: Principal[];
  /** Expected refusal codes that differ from the default (UNAUTHENTICATED for anonymous, FORBIDDEN otherwise). */
  refusedWith?: Partial<Record<Principal, string>>;
}

/** Members of other organisations are told a webhook does not exist, rather than that they may not touch it. */
const OTHER_ORGANIZATIONS_NOT_FOUND: Partial<Record<Principal, string>> = { otherEnterprise: 'NOT_FOUND', agency: 'NOT_FOUND', otherAgency: 'NOT_FOUND' };

/** A match move: the world's suggested match at its current version, plus the move's own fields. */
const MOVE = (mutation: string, fields = '') => `mutation($id: ID!, $v: Int!) { ${mutation}(input: { id: $id, version: $v${fields ? `, ${fields}` : ''} }) { id } }`;
const matchAt = (w: World) => ({ id: w.match.id, v: w.match.version });

const needInput = { title: 'Wastewater plant for Kandy', description: 'Secondary treatment, 20,000 m³/day.', countryCode: 'LK', sectorCode: '14022' };

/** Every mutation and the signed-in-only queries, with who may call them. */
const RULES: Record<string, Rule> = {
  login: { document: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: (w) => ({ e: w.users.agency.email, p: 'correct horse battery staple' }), allowed: PRINCIPALS },
  me: { document: '{ me { id } }', variables: () => ({}), allowed: PRINCIPALS.filter((p) => p !== 'anonymous') },
  updateMyProfile: { document: 'mutation { updateMyProfile(input: { displayName: "Renamed" }) { id } }', variables: () => ({}), allowed: PRINCIPALS.filter((p) => p !== 'anonymous') },
  changePassword: {
    document: 'mutation { changePassword(currentPassword: "correct horse battery staple", newPassword: "a brand new passphrase") }',
    variables: () => ({}),
    allowed: PRINCIPALS.filter((p) => p !== 'anonymous'),
  },
  createOrganization: {
    document: 'mutation { createOrganization(input: { kind: AGENCY, nameEn: "Nile Basin Office", countryCode: "EG" }) { id } }',
    variables: () => ({}),
    allowed: ['admin'],
  },
  updateOrganization: {
    document: 'mutation($id: ID!) { updateOrganization(input: { id: $id, description: "Changed" }) { id } }',
    variables: (w) => ({ id: w.orgs.enterpriseOrg.id }),
    allowed: ['enterprise', 'admin'],
  },
  setOrganizationVerification: {
    document: 'mutation($id: ID!) { setOrganizationVerification(id: $id, status: REJECTED) { id } }',
    variables: (w) => ({ id: w.orgs.enterpriseOrg.id }),
    allowed: ['coordinator', 'admin'],
  },
  users: { document: '{ users(first: 5) { totalCount } }', variables: () => ({}), allowed: ['admin'] },
  user: { document: 'query($id: ID!) { user(id: $id) { id } }', variables: (w) => ({ id: w.users.agency.id }), allowed: ['admin'] },
  createUser: {
    document: 'mutation($org: ID!) { createUser(input: { email: "new.member@example.org", displayName: "New", password: "long enough password", organizationId: $org, role: AGENCY_MEMBER }) { id } }',
    variables: (w) => ({ org: w.orgs.agencyOrg.id }),
    allowed: ['admin'],
  },
  updateUser: {
    document: 'mutation($id: ID!) { updateUser(input: { id: $id, active: false }) { id } }',
    variables: (w) => ({ id: w.users.agency.id }),
    allowed: ['admin'],
  },
  createNeed: {
    document: 'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
    variables: () => ({ input: needInput }),
    allowed: ['agency', 'otherAgency'],
  },
  updateNeed: {
    document: 'mutation($id: ID!) { updateNeed(input: { id: $id, title: "Changed" }) { id } }',
    variables: (w) => ({ id: w.openNeed.id }),
    allowed: ['agency'],
  },
  publishNeed: {
    document: 'mutation($id: ID!) { publishNeed(id: $id) { id } }',
    variables: (w) => ({ id: w.draftNeed.id }),
    allowed: ['agency'],
    // Another agency cannot even see the draft.
    refusedWith: { otherAgency: 'NOT_FOUND' },
  },
  withdrawNeed: { document: 'mutation($id: ID!) { withdrawNeed(id: $id) { id } }', variables: (w) => ({ id: w.openNeed.id }), allowed: ['agency'] },
  closeNeed: { document: 'mutation($id: ID!) { closeNeed(id: $id) { id } }', variables: (w) => ({ id: w.openNeed.id }), allowed: ['agency', 'coordinator'] },
  createCapability: {
    document: 'mutation { createCapability(input: { technologyCategory: "IRRIGATION", description: "Drip irrigation" }) { id } }',
    variables: () => ({}),
    allowed: ['enterprise', 'otherEnterprise'],
  },
  updateCapability: {
    document: 'mutation($id: ID!) { updateCapability(input: { id: $id, trl: 7 }) { id } }',
    variables: (w) => ({ id: w.capability.id }),
    allowed: ['enterprise'],
  },
  deleteCapability: { document: 'mutation($id: ID!) { deleteCapability(id: $id) }', variables: (w) => ({ id: w.capability.id }), allowed: ['enterprise'] },
  createReferenceProject: {
    document: 'mutation { createReferenceProject(input: { title: "Khartoum pumping station", countryCode: "SD", year: 2012 }) { id } }',
    variables: () => ({}),
    allowed: ['enterprise', 'otherEnterprise'],
  },
  updateReferenceProject: {
    document: 'mutation($id: ID!) { updateReferenceProject(input: { id: $id, year: 2011 }) { id } }',
    variables: (w) => ({ id: w.referenceProject.id }),
    allowed: ['enterprise'],
  },
  deleteReferenceProject: {
    document: 'mutation($id: ID!) { deleteReferenceProject(id: $id) }',
    variables: (w) => ({ id: w.referenceProject.id }),
    allowed: ['enterprise'],
  },
  createWebhook: {
    document: 'mutation($org: ID!) { createWebhook(input: { organizationId: $org, url: "https://hooks.example.org/new", events: [MATCH_ENGAGED] }) { secret } }',
    variables: (w) => ({ org: w.orgs.enterpriseOrg.id }),
    allowed: ['enterprise', 'admin'],
    refusedWith: OTHER_ORGANIZATIONS_NOT_FOUND,
  },
  updateWebhook: {
    document: 'mutation($id: ID!) { updateWebhook(input: { id: $id, active: false }) { id } }',
    variables: (w) => ({ id: w.webhook.id }),
    allowed: ['enterprise', 'admin'],
    refusedWith: OTHER_ORGANIZATIONS_NOT_FOUND,
  },
  deleteWebhook: { document: 'mutation($id: ID!) { deleteWebhook(id: $id) }', variables: (w) => ({ id: w.webhook.id }), allowed: ['enterprise', 'admin'], refusedWith: OTHER_ORGANIZATIONS_NOT_FOUND },
  rotateWebhookSecret: {
    document: 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }',
    variables: (w) => ({ id: w.webhook.id }),
    allowed: ['enterprise', 'admin'],
    refusedWith: OTHER_ORGANIZATIONS_NOT_FOUND,
  },
  testWebhook: { document: 'mutation($id: ID!) { testWebhook(id: $id) { ok } }', variables: (w) => ({ id: w.webhook.id }), allowed: ['enterprise', 'admin'], refusedWith: OTHER_ORGANIZATIONS_NOT_FOUND },
  markNotificationsRead: { document: 'mutation { markNotificationsRead }', variables: () => ({}), allowed: PRINCIPALS.filter((p) => p !== 'anonymous') },
  setNotificationPreferences: {
    document: 'mutation { setNotificationPreferences(input: [{ eventType: OPPORTUNITY_ALERT, channel: EMAIL, enabled: true, frequency: WEEKLY }]) { eventType } }',
    variables: () => ({}),
    allowed: PRINCIPALS.filter((p) => p !== 'anonymous'),
  },
  retryNotificationDelivery: {
    document: 'mutation($id: ID!) { retryNotificationDelivery(id: $id) { id } }',
    variables: (w) => ({ id: w.match.id }),
    allowed: ['admin'],
  },
  suggestMatches: { document: 'mutation($id: ID!) { suggestMatches(needId: $id) { id } }', variables: (w) => ({ id: w.openNeed.id }), allowed: ['coordinator', 'admin'] },
  expressInterest: {
    document: 'mutation($id: ID!) { expressInterest(input: { needId: $id, message: "We built twelve such plants." }) { id } }',
    variables: (w) => ({ id: w.openNeed.id }),
    allowed: ['enterprise', 'otherEnterprise'],
  },
  shortlistMatch: { document: MOVE('shortlistMatch'), variables: matchAt, allowed: ['coordinator', 'admin'] },
  approveMatch: { document: MOVE('approveMatch'), variables: matchAt, allowed: ['coordinator', 'admin'] },
  approveMatches: {
    document: 'mutation($id: ID!, $v: Int!) { approveMatches(input: [{ id: $id, version: $v }]) { id } }',
    variables: matchAt,
    allowed: ['coordinator', 'admin'],
  },
  rejectMatch: { document: MOVE('rejectMatch', 'reason: "Not a fit"'), variables: matchAt, allowed: ['coordinator', 'admin'] },
  withdrawMatch: {
    document: MOVE('withdrawMatch', 'reason: "Need changed"'),
    variables: matchAt,
    // Enterprises withdraw only their own expressed interest; another enterprise does not see this match at all.
    allowed: ['coordinator', 'admin', 'enterprise'],
    refusedWith: { otherEnterprise: 'NOT_FOUND' },
  },
  respondToMatch: {
    document: MOVE('respondToMatch', 'accept: true'),
    variables: matchAt,
    allowed: ['agency', 'enterprise'],
    refusedWith: { otherAgency: 'NOT_FOUND', otherEnterprise: 'NOT_FOUND' },
  },
  recordMatchOutcome: { document: MOVE('recordMatchOutcome', 'kind: MOU_SIGNED, date: "2026-11-01"'), variables: matchAt, allowed: ['coordinator', 'admin'] },
};

describe('access rules', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)));

  it('covers every mutation of the schema', () => {
    const mutations = Object.keys(t.app.get(GraphQLSchemaHost).schema.getMutationType()?.getFields() ?? {});
    expect(mutations.filter((m) => !(m in RULES))).toEqual([]);
  });

  const cases = Object.entries(RULES).flatMap(([operation, rule]) =>
    PRINCIPALS.filter((p) => !rule.allowed.includes(p)).map((principal) => ({
      operation,
      principal,
      rule,
      expected: rule.refusedWith?.[principal] ?? (principal === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'),
    })),
  );

  it.each(cases)('$operation refuses $principal with $expected and changes nothing', async ({ rule, principal, expected }) => {
    const before = await databaseFingerprint(t.dataSource);
    const res = await t.gql(rule.document, rule.variables(w), w.token(principal));
    expect(errorCode(res)).toBe(expected);
    expect(res.data ?? null).toBeNull();
    expect(await databaseFingerprint(t.dataSource)).toEqual(before);
  });

  it('lets the allowed callers through (the refusals above are not a broken operation)', async () => {
    // One allowed caller per rule, on operations whose success does not disturb the others.
    for (const operation of ['me', 'users', 'user', 'createOrganization', 'createNeed', 'createCapability', 'createReferenceProject', 'updateOrganization', 'updateNeed', 'updateCapability', 'updateReferenceProject']) {
      const rule = RULES[operation];
      const res = await t.gql(rule.document, rule.variables(w), w.token(rule.allowed[0]));
      expect({ operation, errors: res.errors }).toEqual({ operation, errors: undefined });
    }
  });

  it('rejects forged, expired and malformed tokens', async () => {
    const jwt = await import('jsonwebtoken');
    const forged = jwt.sign({}, 'another-secret-another-secret-another', { subject: w.users.admin.id, issuer: 'waterbridge', expiresIn: 600 });
    const expired = jwt.sign({ exp: Math.floor(Date.now() / 1000) - 10 }, 'test-secret-that-is-long-enough-0123456789', { subject: w.users.admin.id, issuer: 'waterbridge' });
    for (const token of [forged, expired, 'not-a-jwt']) {
      const res = await t.gql('{ me { id } }', {}, token);
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
    }
    const res = await t.gql('{ me { id } }', {}, forged);
    expect(res.errors?.[0].message).toMatch(/not valid/);
  });

  it('refuses the token of a deactivated user', async () => {
    const user = await t.factory.user(w.users.enterprise.role, { organizationId: w.orgs.enterpriseOrg.id });
    const token = t.tokenFor(user.id);
    expect((await t.gql('{ me { id } }', {}, token)).data).toEqual({ me: { id: user.id } });
    await t.gql('mutation($id: ID!) { updateUser(input: { id: $id, active: false }) { id } }', { id: user.id }, w.token('admin'));
    expect(errorCode(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
  });
});

import fc from 'fast-check';
import request from 'supertest';
import { MatchStatus } from '../../src/matches/match-status';
import { Role } from '../../src/access/actor';
import { TEST_PASSWORD } from '../support/factory';
import { ALL_TABLES, databaseFingerprint } from '../support/fingerprint';
import { GraphQLResponse, TestApp } from '../support/test-app';
import { useWorld, Principal, World } from '../support/world';

/**
 * Input fuzzing of the main mutations: valid values mixed with random text (any Unicode, control characters, NUL),
 * injection-looking payloads, huge strings, odd numbers and wrong types, sent as GraphQL variables. Whatever comes in,
 * the answer is never a 5xx or INTERNAL_SERVER_ERROR; a refused request writes nothing; an accepted one stores what
 * was sent. Runs are reproducible: a failure prints its seed and path; FUZZ_SEED=<seed> replays a run, FUZZ_RUNS=<n>
 * changes its length, FUZZ_SHRINK=1 shrinks a failing input (slow: each step is a request), FUZZ_VERBOSE=1 prints how
 * the runs ended per mutation.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_501);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

// ---- Arbitraries ----------------------------------------------------------------------------------------------------

/** Strings that broke or fooled some system once. */
const NASTY = [
  '',
  '   ',
  '\t\r\n',
  "'; DROP TABLE need; --",
  "' OR '1'='1",
  'Robert"); DELETE FROM app_user; --',
  '$1',
  '%s%s%s%n',
  '\\',
  '\\x00',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '{"$gt": ""}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '\u0000',
  'nul\u0000inside',
  '\u0000\u0000\u0000',
  '\uFEFFbom',
  '\u202Eright-to-left',
  '\u200B',
  '\uD800',
  'a\uDC00b',
  '😀💧🚰',
  '水处理 desalination 淡化',
  'e\u0301\u0301\u0301',
  '\u0007\u0008\u001B[31mred',
];

/** Big strings, made once: 100 kB to a few MB of JSON (above 1 MB the body parser refuses the request). */
const HUGE = [
  'x'.repeat(100_000),
  '水'.repeat(120_000),
  'a '.repeat(250_000),
  '😀'.repeat(200_000),
  'y'.repeat(1_050_000),
  '\u0000'.repeat(150_000),
];

const withNul = fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([a, b]) => `${a}\u0000${b}`);

/** Any text at all: random graphemes, any code point, control characters, NUL, nasty and huge strings. */
const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 60 }) },
  { weight: 2, arbitrary: withNul },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
);

/** Numbers JSON can carry (NaN and the infinities become null on the way) and a few that break naive code. */
const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e13 + 0.5, 0.1, -1, -0, 5e-324),
);

/** Values of the wrong type for whatever field they land in. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  anyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.constant([[[]]]),
);

/** Hostile values for any field: mostly text, sometimes numbers or other types. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: anyText },
  { weight: 2, arbitrary: anyNumber },
  { weight: 2, arbitrary: wrongType },
);

/** Readable text that the API should take and give back as it is (any script, emoji, punctuation). */
const fineText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength }),
    fc.constantFrom('Desalination for Jaffna', '反渗透海水淡化', "O'Brien & Sons <b>", 'Ouagadougou – forages', 'مياه الشرب'),
  );

const OMIT = Symbol('omit');

/**
 * A valid input with some fields replaced by hostile values or left out: often none (so that successes are common
 * enough to check what is stored), often one (so that each refusal has one cause), sometimes several. `valid` gives
 * each field's valid arbitrary; `hostileFor` may give a field more pointed hostile values.
 */
function fuzzed(
  valid: Record<string, fc.Arbitrary<unknown>>,
  hostileFor: Record<string, fc.Arbitrary<unknown>> = {},
): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(valid);
  const broken = fc.oneof(
    { weight: 3, arbitrary: fc.constant<string[]>([]) },
    { weight: 4, arbitrary: fc.subarray(keys, { minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.subarray(keys, { minLength: 1 }) },
  );
  const replacement = (key: string) =>
    fc.oneof(
      { weight: 3, arbitrary: hostileFor[key] ?? hostile },
      { weight: 2, arbitrary: hostile },
      { weight: 1, arbitrary: fc.constant<typeof OMIT>(OMIT) },
    );
  return fc
    .tuple(fc.record(valid), broken)
    .chain(([base, keysBroken]) =>
      fc.record(Object.fromEntries(keysBroken.map((key) => [key, replacement(key)]))).map((replaced) => ({ base, replaced })),
    )
    .map(({ base, replaced }) => {
      const input: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(base)) {
        const next = key in replaced ? replaced[key] : value;
        if (next !== OMIT) input[key] = next;
      }
      return input;
    });
}

const some = <T>(values: readonly T[], max = 3) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: max });
const uuid = fc.uuid();
const isoDate = fc
  .date({ min: new Date('2027-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

// ---- The property ---------------------------------------------------------------------------------------------------

interface Sent {
  status: number;
  body: GraphQLResponse;
}

/** POST as a client would, keeping the HTTP status (a huge body is refused before GraphQL sees it). */
async function send(t: TestApp, query: string, variables: Record<string, unknown>, token?: string): Promise<Sent> {
  const req = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req.send({ query, variables });
  return { status: res.status, body: res.body ?? {} };
}

/** A short, printable account of a value for failure messages (huge strings are summarised). */
function summary(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' && v.length > 120 ? `${JSON.stringify(v.slice(0, 40)).slice(1, -1)}… (${v.length} chars)` : v,
  );
}

interface FuzzCase<C> {
  /** The mutation, as the test's name. */
  name: string;
  as: Principal;
  document: string;
  /** Random variables for one run. */
  variables: (w: World) => fc.Arbitrary<Record<string, unknown>>;
  /** Per run, before the request: fresh objects to act on (a match to reject …), merged into the variables. */
  setup?: (t: TestApp, w: World) => Promise<C>;
  bind?: (variables: Record<string, unknown>, context: C) => Record<string, unknown>;
  /** After a success: read back what was stored and compare with what was sent. */
  readBack?: (t: TestApp, w: World, sent: Record<string, unknown>, data: Record<string, unknown>, context: C) => Promise<void>;
  /** The tables a refusal must leave alone (all of them unless said). */
  tables?: readonly string[];
  runs?: number;
}

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** Reads one field set of one object back through the API, as `who`. */
async function read<T = Record<string, unknown>>(
  t: TestApp,
  w: World,
  who: Principal,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const res = await t.gql<Record<string, T>>(query, variables, w.token(who));
  expect(res.errors).toBeUndefined();
  return Object.values(res.data ?? {})[0];
}

/** The fields of `sent` that `stored` must echo: text as sent (trimmed where the input trims), lists as sent, money to the cent. */
function expectStored(
  stored: Record<string, unknown>,
  sent: Record<string, unknown>,
  fields: Record<string, 'trim' | 'exact' | 'list' | 'orEmpty' | 'cents'>,
): void {
  const expected: Record<string, unknown> = {};
  const actual: Record<string, unknown> = {};
  for (const [field, how] of Object.entries(fields)) {
    if (!(field in sent)) continue;
    const value = sent[field];
    if (how === 'trim') expected[field] = trimmed(value);
    // GraphQL takes a single value where a list goes as a list of one; a cleared list is an empty one.
    else if (how === 'list') expected[field] = value === null ? [] : Array.isArray(value) ? value : [value];
    // A description sent as null is stored as no text.
    else if (how === 'orEmpty') expected[field] = value ?? '';
    // Money is kept to the cent (numeric(16,2)): what comes back is what was sent, rounded.
    else if (how === 'cents' && typeof value === 'number' && typeof stored[field] === 'number')
      expected[field] = Math.abs(stored[field] - value) <= 0.005 * (1 + 1e-9) ? stored[field] : value;
    else expected[field] = value;
    actual[field] = stored[field];
  }
  expect(actual).toEqual(expected);
}

const CASES: Array<FuzzCase<unknown>> = [];
/** Adds a case; its context type is its own business (the runner only passes the context from setup to bind and readBack). */
const fuzz = <C = undefined>(c: FuzzCase<C>) => void CASES.push(c as unknown as FuzzCase<unknown>);

// ---- Needs ----------------------------------------------------------------------------------------------------------

const NEED_FIELDS = {
  title: fineText(120),
  description: fineText(400),
  // The agency (Sri Lankan) also serves the Maldives: both, in any case and spacing.
  countryCode: fc.constantFrom('LK', 'mv', ' MV ', ' lk'),
  sectorCode: fc.constantFrom('14021', '14022', '14031'),
  site: fineText(80),
  sdgTargets: some(['6.1', '6.3', '6.a']),
  cooperationModes: some(['EPC', 'TECHNICAL_TRAINING']),
  technologyCategories: some(['DESALINATION', 'IRRIGATION', 'GROUNDWATER_WELLS']),
  populationServed: fc.integer({ min: 0, max: 2_000_000_000 }),
  deadline: isoDate,
  languages: some(['en', 'fr', 'si', 'zh']),
  budgetMin: fc.constantFrom(0, 250_000.5),
  budgetMax: fc.constantFrom(1e6, 9.99e12),
  currency: fc.constantFrom('USD', 'cny', 'XOF'),
};
const NEED_HOSTILE = {
  budgetMin: anyNumber,
  budgetMax: anyNumber,
  currency: fc.oneof(anyText, fc.constantFrom('ABC', 'usd ', 'US')),
  populationServed: anyNumber,
  deadline: fc.oneof(anyText, fc.constantFrom('2027-02-30', '9999-99-99', '2027-1-1', '0000-00-00')),
  sdgTargets: fc.array(anyText, { maxLength: 60 }),
};
const needBack = 'query($id: ID!) { need(id: $id) { title description site populationServed deadline budgetMin budgetMax } }';
const NEED_STORED = {
  title: 'trim',
  description: 'exact',
  site: 'trim',
  populationServed: 'exact',
  deadline: 'exact',
  budgetMin: 'cents',
  budgetMax: 'cents',
} as const;

fuzz({
  name: 'createNeed',
  as: 'agency',
  document: 'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
  variables: () => fuzzed(NEED_FIELDS, NEED_HOSTILE).map((input) => ({ input })),
  readBack: async (t, w, sent, data) => {
    const stored = await read(t, w, 'agency', needBack, { id: (data.createNeed as { id: string }).id });
    expectStored(stored, sent.input as Record<string, unknown>, NEED_STORED);
  },
});

fuzz({
  name: 'updateNeed',
  as: 'agency',
  document: 'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { id } }',
  variables: (w) =>
    fuzzed({ id: fc.constant(w.draftNeed.id), ...NEED_FIELDS }, { ...NEED_HOSTILE, id: fc.oneof(uuid, anyText) }).map((input) => ({
      input,
    })),
  readBack: async (t, w, sent) => {
    const stored = await read(t, w, 'agency', needBack, { id: w.draftNeed.id });
    expectStored(stored, sent.input as Record<string, unknown>, NEED_STORED);
  },
});

// ---- Capabilities and reference projects ----------------------------------------------------------------------------

const CAPABILITY_FIELDS = {
  technologyCategory: fc.constantFrom('DESALINATION', 'IRRIGATION'),
  description: fineText(400),
  trl: fc.integer({ min: 1, max: 9 }),
  certifications: fc.array(fineText(40), { maxLength: 3 }),
  countriesServed: some(['LK', 'KE', 'SD']),
  regionsServed: some(['Africa', 'Asia']),
};
const CAPABILITY_HOSTILE = {
  trl: anyNumber,
  capacityMin: anyNumber,
  certifications: fc.array(anyText, { maxLength: 5 }),
  countriesServed: fc.array(anyText, { maxLength: 5 }),
};
const capabilityBack = 'query($id: ID!) { capability(id: $id) { description trl certifications } }';
const CAPABILITY_STORED = { description: 'exact', trl: 'exact', certifications: 'list' } as const;

fuzz({
  name: 'createCapability',
  as: 'enterprise',
  document: 'mutation($input: CreateCapabilityInput!) { createCapability(input: $input) { id } }',
  variables: () =>
    fuzzed(
      { ...CAPABILITY_FIELDS, capacityMin: fc.constant(10), capacityMax: fc.constant(5000), capacityUnit: fc.constant('M3_PER_DAY') },
      CAPABILITY_HOSTILE,
    ).map((input) => ({ input })),
  readBack: async (t, w, sent, data) => {
    const stored = await read(t, w, 'enterprise', capabilityBack, { id: (data.createCapability as { id: string }).id });
    expectStored(stored, sent.input as Record<string, unknown>, CAPABILITY_STORED);
  },
});

fuzz({
  name: 'updateCapability',
  as: 'enterprise',
  document: 'mutation($input: UpdateCapabilityInput!) { updateCapability(input: $input) { id } }',
  variables: (w) =>
    fuzzed({ id: fc.constant(w.capability.id), ...CAPABILITY_FIELDS }, { ...CAPABILITY_HOSTILE, id: fc.oneof(uuid, anyText) }).map(
      (input) => ({ input }),
    ),
  readBack: async (t, w, sent) => {
    const stored = await read(t, w, 'enterprise', capabilityBack, { id: w.capability.id });
    expectStored(stored, sent.input as Record<string, unknown>, CAPABILITY_STORED);
  },
});

fuzz({
  name: 'createReferenceProject',
  as: 'enterprise',
  document: 'mutation($input: CreateReferenceProjectInput!) { createReferenceProject(input: $input) { id } }',
  variables: () =>
    fuzzed(
      {
        title: fineText(120),
        description: fineText(400),
        countryCode: fc.constantFrom('SD', 'LK', null),
        year: fc.integer({ min: 1949, max: 2024 }),
        sectorCode: fc.constantFrom('14021', null),
        role: fc.constantFrom('EPC_CONTRACTOR', 'OPERATOR'),
        value: fc.constantFrom(1e6, 123456.78),
        currency: fc.constantFrom('USD', 'cny'),
      },
      { year: anyNumber, value: anyNumber, role: anyText },
    ).map((input) => ({ input })),
  readBack: async (t, w, sent, data) => {
    const stored = await read(t, w, 'enterprise', 'query($id: ID!) { referenceProject(id: $id) { title description year } }', {
      id: (data.createReferenceProject as { id: string }).id,
    });
    expectStored(stored, sent.input as Record<string, unknown>, { title: 'trim', description: 'orEmpty', year: 'exact' });
  },
});

// ---- Organisations and your profile ---------------------------------------------------------------------------------

const ORGANIZATION_FIELDS = {
  nameEn: fineText(100),
  nameZh: fineText(50),
  countryCode: fc.constantFrom('CN', 'eg', 'KE'),
  website: fc.constantFrom('https://water.example.org', 'http://例子.测试/水'),
  description: fineText(400),
  contactEmail: fc.constantFrom('office@example.org', 'zhang.wei@水务.cn'),
  contactPhone: fc.constantFrom('+86 10 1234 5678', '(020) 555-0101'),
};
const ORGANIZATION_HOSTILE = {
  contactPhone: anyText,
  website: anyText,
  contactEmail: anyText,
  kind: fc.oneof(anyText, fc.constantFrom('CHARITY', 'enterprise')),
};
const organizationBack = 'query($id: ID!) { organization(id: $id) { nameEn nameZh description contactPhone } }';
const ORGANIZATION_STORED = { nameEn: 'trim', nameZh: 'trim', description: 'orEmpty', contactPhone: 'trim' } as const;

fuzz({
  name: 'createOrganization',
  as: 'admin',
  document: 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
  variables: () =>
    fuzzed(
      { kind: fc.constantFrom('AGENCY', 'ENTERPRISE'), ...ORGANIZATION_FIELDS, verificationStatus: fc.constantFrom('PENDING', 'VERIFIED') },
      ORGANIZATION_HOSTILE,
    ).map((input) => ({ input })),
  readBack: async (t, w, sent, data) => {
    const stored = await read(t, w, 'admin', organizationBack, { id: (data.createOrganization as { id: string }).id });
    expectStored(stored, sent.input as Record<string, unknown>, ORGANIZATION_STORED);
  },
});

fuzz({
  name: 'updateOrganization',
  as: 'enterprise',
  document: 'mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }',
  variables: (w) =>
    fuzzed(
      { id: fc.constant(w.orgs.enterpriseOrg.id), ...ORGANIZATION_FIELDS, parentGroup: fineText(40) },
      { ...ORGANIZATION_HOSTILE, id: fc.oneof(uuid, anyText) },
    ).map((input) => ({ input })),
  readBack: async (t, w, sent) => {
    const stored = await read(t, w, 'enterprise', organizationBack, { id: w.orgs.enterpriseOrg.id });
    expectStored(stored, sent.input as Record<string, unknown>, ORGANIZATION_STORED);
  },
});

fuzz({
  name: 'updateMyProfile',
  as: 'coordinator',
  document: 'mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { id } }',
  variables: () =>
    fuzzed({ displayName: fineText(80), preferredLanguage: fc.constantFrom('EN', 'ZH') }, { preferredLanguage: anyText }).map((input) => ({
      input,
    })),
  readBack: async (t, w, sent) => {
    const stored = await read(t, w, 'coordinator', '{ me { displayName preferredLanguage } }', {});
    expectStored(stored, sent.input as Record<string, unknown>, { displayName: 'trim', preferredLanguage: 'exact' });
  },
});

// ---- Matches --------------------------------------------------------------------------------------------------------

const matchBack = 'query($id: ID!) { match(id: $id) { status reason interestMessage } }';

fuzz({
  name: 'expressInterest',
  as: 'enterprise',
  document: 'mutation($input: ExpressInterestInput!) { expressInterest(input: $input) { id } }',
  variables: (w) =>
    fuzzed(
      { needId: fc.constant(w.openNeed.id), message: fineText(300) },
      { needId: fc.oneof(uuid, anyText), message: fc.oneof(anyText, fc.constant('m'.repeat(5001))) },
    ).map((input) => ({ input })),
  readBack: async (t, w, sent, data) => {
    const stored = await read(t, w, 'enterprise', matchBack, { id: (data.expressInterest as { id: string }).id });
    expectStored(stored, { interestMessage: (sent.input as { message: string }).message }, { interestMessage: 'trim' });
  },
});

/** A fresh match in `status` on a need of its own, so every run has something to act on. */
const freshMatch = (status: MatchStatus) => async (t: TestApp, w: World) => {
  const need = await t.factory.need(w.orgs.agencyOrg.id);
  const match = await t.factory.match(need.id, w.orgs.enterpriseOrg.id, {
    status,
    introducedAt: status === MatchStatus.INTRODUCED ? new Date() : null,
  });
  return { id: match.id, version: match.version };
};
/** The fresh match's id and version go in where the run kept the valid placeholders. */
const bindMatch = (variables: Record<string, unknown>, match: { id: string; version: number }) => {
  const input = { ...(variables.input as Record<string, unknown>) };
  if (input.id === 'MATCH') input.id = match.id;
  if (input.version === 'VERSION') input.version = match.version;
  return { input };
};

fuzz({
  name: 'rejectMatch',
  as: 'coordinator',
  document: 'mutation($input: MatchReasonInput!) { rejectMatch(input: $input) { id } }',
  variables: () =>
    fuzzed(
      { id: fc.constant('MATCH'), version: fc.constant('VERSION'), reason: fineText(200) },
      { id: fc.oneof(uuid, anyText), version: anyNumber },
    ).map((input) => ({ input })),
  setup: freshMatch(MatchStatus.SUGGESTED),
  bind: bindMatch,
  readBack: async (t, w, sent) => {
    const input = sent.input as { id: string; reason: string };
    const stored = await read<Record<string, unknown>>(t, w, 'coordinator', matchBack, { id: input.id });
    expect(stored.status).toBe('REJECTED');
    expectStored(stored, input, { reason: 'trim' });
  },
});

fuzz({
  name: 'respondToMatch',
  as: 'agency',
  document: 'mutation($input: RespondToMatchInput!) { respondToMatch(input: $input) { id status } }',
  variables: () =>
    fuzzed(
      { id: fc.constant('MATCH'), version: fc.constant('VERSION'), accept: fc.boolean(), reason: fineText(200) },
      { id: fc.oneof(uuid, anyText), version: anyNumber, accept: wrongType },
    ).map((input) => ({ input })),
  setup: freshMatch(MatchStatus.INTRODUCED),
  bind: bindMatch,
  readBack: async (t, w, sent) => {
    const input = sent.input as { id: string; accept: boolean; reason?: string };
    const stored = await read<Record<string, unknown>>(t, w, 'agency', matchBack, { id: input.id });
    expect(stored.status).toBe(input.accept ? 'INTRODUCED' : 'DECLINED');
    if (!input.accept) expectStored(stored, input, { reason: 'trim' });
  },
});

// ---- Notifications and webhooks -------------------------------------------------------------------------------------

const EVENT_TYPES = ['MATCH_INTRODUCED', 'MATCH_ACCEPTED', 'MATCH_DECLINED', 'MATCH_ENGAGED', 'MATCH_CLOSED', 'OPPORTUNITY_ALERT'];

fuzz({
  name: 'createWebhook',
  as: 'enterprise',
  document: 'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id url events } } }',
  variables: (w) =>
    fuzzed(
      {
        url: fc.oneof(
          fc.webUrl({ validSchemes: ['https'] }),
          fc.constantFrom('https://hooks.example.org/水', ' https://hooks.example.org/padded '),
        ),
        events: fc.uniqueArray(fc.constantFrom(...EVENT_TYPES), { minLength: 1, maxLength: 4 }),
        organizationId: fc.constant(w.orgs.enterpriseOrg.id),
      },
      {
        url: fc.oneof(
          anyText,
          fc.constantFrom(
            'http://hooks.example.org/',
            'https://user:pw@hooks.example.org/',
            'ftp://x.org',
            'https://',
            `https://x.org/${'p'.repeat(2000)}`,
          ),
        ),
        events: fc.oneof(fc.array(anyText, { maxLength: 3 }), fc.constant([]), fc.constant(['MATCH_ENGAGED', 'MATCH_ENGAGED'])),
        organizationId: fc.oneof(uuid, anyText, fc.constant(null)),
      },
    ).map((input) => ({ input })),
  readBack: async (t, w, sent, data) => {
    const created = (data.createWebhook as { webhook: { id: string } }).webhook;
    const stored = await read<Array<{ id: string; url: string; events: string[] }>>(
      t,
      w,
      'enterprise',
      '{ webhooks { id url events } }',
      {},
    );
    const input = sent.input as { url: string; events: string[] };
    expect(stored.find((h) => h.id === created.id)).toEqual({ id: created.id, url: input.url.trim(), events: input.events });
    // An organisation may keep ten webhooks: make room for the next run.
    await t.dataSource.query('DELETE FROM webhook_endpoint WHERE id = $1', [created.id]);
  },
});

fuzz({
  name: 'setNotificationPreferences',
  as: 'enterprise',
  document:
    'mutation($input: [NotificationPreferenceInput!]!) { setNotificationPreferences(input: $input) { eventType channel enabled frequency } }',
  variables: () =>
    fuzzed(
      {
        input: fc.uniqueArray(
          fc.record(
            {
              eventType: fc.constantFrom(...EVENT_TYPES),
              channel: fc.constantFrom('IN_APP', 'EMAIL'),
              enabled: fc.boolean(),
              frequency: fc.constant('IMMEDIATE'),
            },
            { requiredKeys: ['eventType', 'channel', 'enabled'] },
          ),
          { minLength: 1, maxLength: 6, selector: (p) => `${p.eventType}:${p.channel}` },
        ),
      },
      {
        input: fc.oneof(
          fc.array(
            fuzzed({
              eventType: fc.constantFrom(...EVENT_TYPES),
              channel: fc.constantFrom('IN_APP', 'EMAIL'),
              enabled: fc.boolean(),
              frequency: fc.constantFrom('DAILY', 'WEEKLY'),
            }),
            { maxLength: 4 },
          ),
          fc.constant([]),
          fc.constant([{ eventType: 'MATCH_CLOSED', channel: 'WEBHOOK', enabled: true }]),
          fc.constant(Array.from({ length: 101 }, () => ({ eventType: 'MATCH_CLOSED', channel: 'EMAIL', enabled: true }))),
        ),
      },
    ),
  readBack: async (t, w, sent) => {
    const stored = await read<Array<{ eventType: string; channel: string; enabled: boolean; frequency: string }>>(
      t,
      w,
      'enterprise',
      '{ notificationPreferences { eventType channel enabled frequency } }',
      {},
    );
    for (const choice of sent.input as Array<{ eventType: string; channel: string; enabled: boolean; frequency?: string }>) {
      expect(stored.find((p) => p.eventType === choice.eventType && p.channel === choice.channel)).toEqual({
        ...choice,
        frequency: choice.frequency ?? 'IMMEDIATE',
      });
    }
  },
});

// ---- Signing in -----------------------------------------------------------------------------------------------------

const LOGIN_EMAIL = 'fuzz.login@example.org';
fuzz({
  name: 'login',
  as: 'anonymous',
  document: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { email } } }',
  variables: () =>
    fuzzed(
      { email: fc.constantFrom(LOGIN_EMAIL, ` ${LOGIN_EMAIL} `, LOGIN_EMAIL.toUpperCase()), password: fc.constant(TEST_PASSWORD) },
      { email: fc.oneof(anyText, fc.constant(`${LOGIN_EMAIL}\u0000`)), password: fc.oneof(anyText, fc.constant(`${TEST_PASSWORD}\u0000`)) },
    ),
  // Nothing to read from the database: the answer and what was sent say it all (readBack must still return a Promise).
  readBack: (_t, _w, sent, data) => {
    expect((data.login as { user: { email: string } }).user.email).toBe(LOGIN_EMAIL);
    expect(sent.password).toBe(TEST_PASSWORD);
    return Promise.resolve();
  },
  // A failed sign-in may count against the account (throttling): only the other tables must stay as they were.
  tables: ALL_TABLES.filter((table) => table !== 'app_user'),
  runs: 25,
});

// ---- Null in every field --------------------------------------------------------------------------------------------

/** A valid input of a mutation: each of its fields is sent as null in turn (clearing is allowed or refused, never a crash). */
interface NullSweep {
  name: string;
  as: Principal;
  document: string;
  input: (w: World) => Record<string, unknown>;
}
const byInput = (mutation: string, type: string, selection = '{ id }') =>
  `mutation($input: ${type}!) { ${mutation}(input: $input) ${selection} }`;
const NEED = {
  title: 'Kiosks',
  description: 'Water kiosks',
  countryCode: 'LK',
  sectorCode: '14031',
  site: 'Batticaloa',
  sdgTargets: ['6.1'],
  cooperationModes: ['EPC'],
  technologyCategories: ['DESALINATION'],
  budgetMin: 1,
  budgetMax: 2,
  currency: 'USD',
  fundingStatus: 'SEEKING',
  populationServed: 5,
  deadline: '2099-01-01',
  languages: ['en'],
};
const CAPABILITY = {
  technologyCategory: 'IRRIGATION',
  description: 'Drip',
  trl: 5,
  capacityMin: 1,
  capacityMax: 2,
  capacityUnit: 'HECTARES',
  cooperationModes: ['EPC'],
  certifications: ['ISO 9001'],
  countriesServed: ['KE'],
  regionsServed: ['Africa'],
  languages: ['en'],
};
const PROJECT = {
  title: 'Pumping station',
  description: 'Pumps',
  countryCode: 'SD',
  year: 2012,
  sectorCode: '14021',
  role: 'SUPPLIER',
  technologyCategories: ['IRRIGATION'],
  value: 5,
  currency: 'USD',
};
const ORGANIZATION = {
  nameEn: 'Basin Office',
  nameZh: '流域办公室',
  nameLocal: 'Basin',
  countryCode: 'EG',
  website: 'https://basin.example.org',
  description: 'Basin',
  parentGroup: 'GROUP',
  contactEmail: 'basin@example.org',
  contactPhone: '+20 2 555 0101',
};
const NULL_SWEEPS: NullSweep[] = [
  { name: 'createNeed', as: 'agency', document: byInput('createNeed', 'CreateNeedInput'), input: () => NEED },
  { name: 'updateNeed', as: 'agency', document: byInput('updateNeed', 'UpdateNeedInput'), input: (w) => ({ id: w.draftNeed.id, ...NEED }) },
  { name: 'createCapability', as: 'enterprise', document: byInput('createCapability', 'CreateCapabilityInput'), input: () => CAPABILITY },
  {
    name: 'updateCapability',
    as: 'enterprise',
    document: byInput('updateCapability', 'UpdateCapabilityInput'),
    input: (w) => ({ id: w.capability.id, ...CAPABILITY }),
  },
  {
    name: 'createReferenceProject',
    as: 'enterprise',
    document: byInput('createReferenceProject', 'CreateReferenceProjectInput'),
    input: () => PROJECT,
  },
  {
    name: 'updateReferenceProject',
    as: 'enterprise',
    document: byInput('updateReferenceProject', 'UpdateReferenceProjectInput'),
    input: (w) => ({ id: w.referenceProject.id, ...PROJECT }),
  },
  {
    name: 'createOrganization',
    as: 'admin',
    document: byInput('createOrganization', 'CreateOrganizationInput'),
    input: () => ({ kind: 'ENTERPRISE', ...ORGANIZATION, verificationStatus: 'PENDING' }),
  },
  {
    name: 'updateOrganization',
    as: 'enterprise',
    document: byInput('updateOrganization', 'UpdateOrganizationInput'),
    input: (w) => ({ id: w.orgs.enterpriseOrg.id, ...ORGANIZATION }),
  },
  {
    name: 'updateMyProfile',
    as: 'agency',
    document: byInput('updateMyProfile', 'UpdateMyProfileInput'),
    input: () => ({ displayName: 'Renamed', preferredLanguage: 'ZH' }),
  },
  {
    name: 'expressInterest',
    as: 'otherEnterprise',
    document: byInput('expressInterest', 'ExpressInterestInput'),
    input: (w) => ({ needId: w.openNeed.id, message: 'We fit' }),
  },
  {
    name: 'createWebhook',
    as: 'agency',
    document: byInput('createWebhook', 'CreateWebhookInput', '{ secret }'),
    input: (w) => ({ organizationId: w.orgs.agencyOrg.id, url: 'https://hooks.example.org/x', events: ['MATCH_CLOSED'] }),
  },
  {
    name: 'updateWebhook',
    as: 'enterprise',
    document: byInput('updateWebhook', 'UpdateWebhookInput'),
    input: (w) => ({ id: w.webhook.id, url: 'https://hooks.example.org/y', events: ['MATCH_CLOSED'], active: true }),
  },
];

// ---- The test -------------------------------------------------------------------------------------------------------

describe('input fuzzing of the main mutations', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)));
  beforeAll(async () => {
    await t.factory.user(Role.AGENCY_MEMBER, { organizationId: w.orgs.agencyOrg.id, email: LOGIN_EMAIL });
    await t.dataSource.query(`UPDATE organization SET countries_served = '{MV}' WHERE id = $1`, [w.orgs.agencyOrg.id]);
    // expressInterest ranks the enterprise against the need through the search indexes.
    await t.indexEverything();
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: never a 500, never a partial write', async (name, c) => {
    /** How the runs ended ('ok', an error code, or an HTTP status without a GraphQL answer). */
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(c.variables(w), async (generated) => {
        const context = c.setup ? await c.setup(t, w) : undefined;
        // What the server receives: JSON turns NaN and the infinities into null, and drops undefined.
        const variables = JSON.parse(JSON.stringify(c.bind ? c.bind(generated, context) : generated)) as Record<string, unknown>;
        const tables = c.tables ?? ALL_TABLES;
        const before = await databaseFingerprint(t.dataSource, tables);
        const { status, body } = await send(t, c.document, variables, w.token(c.as));
        const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
        const outcome = status !== 200 && !body.errors ? `HTTP ${status}` : (codes[0] ?? 'ok');
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;

        const call = `${name} as ${c.as} with ${summary(variables)} → HTTP ${status} ${summary(body.errors ?? body.data)}`;
        expect({ call, serverError: status >= 500 || codes.includes('INTERNAL_SERVER_ERROR') }).toEqual({ call, serverError: false });
        if (body.errors || status !== 200) {
          expect({ call, fingerprint: await databaseFingerprint(t.dataSource, tables) }).toEqual({ call, fingerprint: before });
        } else {
          await c.readBack?.(t, w, variables, body.data as Record<string, unknown>, context);
        }
      }),
      // No shrinking by default: each run is a request, and the failing call is printed whole already.
      { seed: SEED, numRuns: c.runs ?? RUNS, endOnFailure: process.env.FUZZ_SHRINK !== '1' },
    );
    if (process.env.FUZZ_VERBOSE) console.log(`${name} (seed ${SEED}): ${JSON.stringify(outcomes)}`);
    // Runs that were all refused (or all accepted) would test half the property.
    expect({ name, accepted: 'ok' in outcomes, refused: Object.keys(outcomes).some((o) => o !== 'ok') }).toEqual({
      name,
      accepted: true,
      refused: true,
    });
  });

  it.each(NULL_SWEEPS.map((sweep) => [sweep.name, sweep] as const))(
    '%s: null in any field is stored or refused, never a 500',
    async (name, sweep) => {
      const input = sweep.input(w);
      const results: Record<string, string> = {};
      for (const field of Object.keys(input)) {
        const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
        const { status, body } = await send(t, sweep.document, { input: { ...input, [field]: null } }, w.token(sweep.as));
        const code = body.errors?.[0]?.extensions?.code;
        results[field] = status >= 500 ? `HTTP ${status}` : (code ?? 'ok');
        if (body.errors)
          expect({ field, fingerprint: await databaseFingerprint(t.dataSource, ALL_TABLES) }).toEqual({ field, fingerprint: before });
      }
      const crashes = Object.entries(results).filter(([, outcome]) => outcome.startsWith('HTTP') || outcome === 'INTERNAL_SERVER_ERROR');
      expect({ name, crashes }).toEqual({ name, crashes: [] });
    },
  );

  describe('what the fuzzer found', () => {
    const createNeed = byInput('createNeed', 'CreateNeedInput');

    it('refuses text PostgreSQL cannot store as sent (NUL, half a surrogate pair), naming the field, and writes nothing', async () => {
      for (const [document, variables, as, field] of [
        [createNeed, { input: { ...NEED, title: 'Water\u0000plant' } }, 'agency', 'title'],
        [createNeed, { input: { ...NEED, languages: ['en', 'f\uD800'] } }, 'agency', 'languages.1'],
        [
          byInput('expressInterest', 'ExpressInterestInput'),
          { input: { needId: w.openNeed.id, message: 'a\uDC00b' } },
          'otherEnterprise',
          'message',
        ],
        [
          byInput('rejectMatch', 'MatchReasonInput'),
          { input: { id: w.match.id, version: w.match.version, reason: 'no\u0000' } },
          'coordinator',
          'reason',
        ],
        [byInput('updateMyProfile', 'UpdateMyProfileInput'), { input: { displayName: 'Zhang\u0000' } }, 'agency', 'displayName'],
        [
          'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          { e: `${LOGIN_EMAIL}\u0000`, p: TEST_PASSWORD },
          'anonymous',
          'email',
        ],
      ] as const) {
        const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
        const res = (await send(t, document, variables, w.token(as))).body;
        expect({ field, code: res.errors?.[0]?.extensions?.code, named: res.errors?.[0]?.extensions?.field }).toEqual({
          field,
          code: 'BAD_USER_INPUT',
          named: field,
        });
        expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);
      }
    });

    it('does not take a password with a NUL appended for the password (HMAC would pad it to the same key)', async () => {
      const res = (
        await send(t, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
          e: LOGIN_EMAIL,
          p: `${TEST_PASSWORD}\u0000`,
        })
      ).body;
      expect(res.data?.login ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('answers an enterprise that expresses interest in a need it was suggested for with its match (the write and the answer agree)', async () => {
      const need = await t.factory.need(w.orgs.agencyOrg.id);
      const suggestion = await t.factory.match(need.id, w.orgs.otherEnterpriseOrg.id);
      const res = await t.gql<{ expressInterest: { id: string; origin: string; interestMessage: string } }>(
        'mutation($id: ID!) { expressInterest(input: { needId: $id, message: " We built twelve. " }) { id origin interestMessage } }',
        { id: need.id },
        w.token('otherEnterprise'),
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.expressInterest).toEqual({ id: suggestion.id, origin: 'INTEREST', interestMessage: 'We built twelve.' });
    });

    it('takes a reference project role sent as null as left out, and refuses clearing a required field on update', async () => {
      const created = await t.gql<{ createReferenceProject: { role: string } }>(
        byInput('createReferenceProject', 'CreateReferenceProjectInput', '{ role }'),
        { input: { title: 'Weir', role: null } },
        w.token('enterprise'),
      );
      expect(created.data?.createReferenceProject).toEqual({ role: 'EPC_CONTRACTOR' });
      for (const [document, input, as, field] of [
        [byInput('updateReferenceProject', 'UpdateReferenceProjectInput'), { id: w.referenceProject.id, role: null }, 'enterprise', 'role'],
        [
          byInput('updateOrganization', 'UpdateOrganizationInput'),
          { id: w.orgs.enterpriseOrg.id, countryCode: null },
          'enterprise',
          'countryCode',
        ],
      ] as const) {
        const res = await t.gql(document, { input }, w.token(as));
        expect({ code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field }).toEqual({
          code: 'BAD_USER_INPUT',
          field,
        });
      }
    });
  });
});

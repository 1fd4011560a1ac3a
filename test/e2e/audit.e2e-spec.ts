import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { UNAUDITED_MUTATIONS } from '../../src/audit/audit-exemptions';
import { ActivityStatus, RegistrationStatus } from '../../src/activities/activity-status';
import { ActivityEntity, ActivityRegistrationEntity } from '../../src/activities/activity.entity';
import { MatchEntity } from '../../src/matches/match.entity';
import { MatchOrigin, MatchStatus } from '../../src/matches/match-status';
import { NeedEntity } from '../../src/needs/need.entity';
import { NeedStatus } from '../../src/needs/need-status';
import { OrganizationKind } from '../../src/organizations/organization.entity';
import { UserEntity } from '../../src/users/user.entity';
import { Role } from '../../src/access/actor';
import { TEST_PASSWORD } from '../support/factory';
import { errorCode, TestApp } from '../support/test-app';
import { Principal, useWorld, World } from '../support/world';

/** What the audit trail shows of an entry (the fields a reader of auditTrail gets). */
interface Entry {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  actorUserId: string | null;
  actor: {
    userId: string;
    name: string | null;
    email: string | null;
    role: Role | null;
    organizationId: string | null;
    organizationName: string | null;
  } | null;
  changes: Array<{ field: string; before: string | null; after: string | null; secret: boolean }>;
}
const ENTRY =
  'id entityType entityId action fromStatus toStatus reason actorUserId actor { userId name email role organizationId organizationName } changes { field before after secret }';

/** A field's expected change: its values (JSON-decoded; `before` unchecked when left out), or 'secret' (changed, no values). */
type ExpectedChange = { before?: unknown; after: unknown } | 'secret';

interface ExpectedEntry {
  entityType: string;
  entityId: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string;
  /** Some of the fields that changed (each must be listed, with these values). */
  changes: Record<string, ExpectedChange>;
}

/** Who runs a scenario: a principal of the world, or a user of its own (a password change ends the user's sessions). */
type Caller = Principal | ((s: State) => UserEntity);

interface Scenario {
  mutation: string;
  as: Caller;
  document: string;
  variables?: (s: State) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The entries the mutation must have written (among possibly more), given its answer. */
  expect: (s: State, data: Record<string, unknown>) => ExpectedEntry[];
}

/** The world, plus what the scenarios create and hand on to later ones. */
type State = World & { t: TestApp; made: Record<string, string>; users: World['users'] & { ownPassword?: UserEntity } };

const id = (data: Record<string, unknown>, field: string) => (data[field] as { id: string }).id;
const needInput = {
  title: 'Wastewater plant for Kandy',
  description: 'Secondary treatment, 20,000 m³/day.',
  countryCode: 'LK',
  sectorCode: '14022',
};
const TODAY = new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();
const MOVE = (mutation: string, fields = '') =>
  `mutation($id: ID!, $v: Int!) { ${mutation}(input: { id: $id, version: $v${fields ? `, ${fields}` : ''} }) { id version status } }`;
const versionOf = async (s: State, matchId: string) => ({
  id: matchId,
  v: (await s.t.dataSource.getRepository(MatchEntity).findOneByOrFail({ id: matchId })).version,
});

/**
 * Scenarios in order, on one world: each runs a mutation as a real caller would and names the audit entries it must
 * have written. Later scenarios use what earlier ones made (`made`).
 */
const SCENARIOS: Scenario[] = [
  // Needs: create → update → publish → withdraw; close by a coordinator
  {
    mutation: 'createNeed',
    as: 'agency',
    document: 'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
    variables: () => ({ input: needInput }),
    expect: (s, d) => (
      (s.made.need = id(d, 'createNeed')),
      [
        {
          entityType: 'need',
          entityId: s.made.need,
          action: 'create',
          toStatus: 'DRAFT',
          changes: { title: { before: null, after: needInput.title }, status: { after: 'DRAFT' }, countryCode: { after: 'LK' } },
        },
      ]
    ),
  },
  {
    mutation: 'updateNeed',
    as: 'agency',
    document:
      'mutation($id: ID!) { updateNeed(input: { id: $id, title: "Wastewater plant and sewers for Kandy", populationServed: 120000 }) { id } }',
    variables: (s) => ({ id: s.made.need }),
    expect: (s) => [
      {
        entityType: 'need',
        entityId: s.made.need,
        action: 'update',
        changes: {
          title: { before: needInput.title, after: 'Wastewater plant and sewers for Kandy' },
          populationServed: { before: null, after: 120000 },
        },
      },
    ],
  },
  {
    mutation: 'publishNeed',
    as: 'agency',
    document: 'mutation($id: ID!) { publishNeed(id: $id) { id } }',
    variables: (s) => ({ id: s.made.need }),
    expect: (s) => [
      {
        entityType: 'need',
        entityId: s.made.need,
        action: 'publish',
        fromStatus: 'DRAFT',
        toStatus: 'OPEN',
        changes: { status: { before: 'DRAFT', after: 'OPEN' } },
      },
    ],
  },
  {
    mutation: 'withdrawNeed',
    as: 'agency',
    document: 'mutation($id: ID!) { withdrawNeed(id: $id) { id } }',
    variables: (s) => ({ id: s.made.need }),
    expect: (s) => [
      {
        entityType: 'need',
        entityId: s.made.need,
        action: 'withdraw',
        fromStatus: 'OPEN',
        toStatus: 'WITHDRAWN',
        changes: { status: { before: 'OPEN', after: 'WITHDRAWN' } },
      },
    ],
  },
  {
    mutation: 'closeNeed',
    as: 'coordinator',
    document: 'mutation($id: ID!) { closeNeed(id: $id) { id } }',
    variables: async (s) => ({
      id: (s.made.needToClose = (await s.t.factory.need(s.orgs.agencyOrg.id, { title: 'Open: drainage for Galle' })).id),
    }),
    expect: (s) => [
      {
        entityType: 'need',
        entityId: s.made.needToClose,
        action: 'close',
        fromStatus: 'OPEN',
        toStatus: 'CLOSED',
        changes: { status: { before: 'OPEN', after: 'CLOSED' } },
      },
    ],
  },

  // Organisations
  {
    mutation: 'createOrganization',
    as: 'admin',
    document: 'mutation { createOrganization(input: { kind: AGENCY, nameEn: "Nile Basin Office", countryCode: "EG" }) { id } }',
    expect: (s, d) => (
      (s.made.organization = id(d, 'createOrganization')),
      [
        {
          entityType: 'organization',
          entityId: s.made.organization,
          action: 'create',
          changes: { nameEn: { before: null, after: 'Nile Basin Office' }, verificationStatus: { before: null, after: 'PENDING' } },
        },
      ]
    ),
  },
  {
    mutation: 'updateOrganization',
    as: 'enterprise',
    document:
      'mutation($id: ID!) { updateOrganization(input: { id: $id, description: "Membranes and pumping stations since 1998." }) { id } }',
    variables: (s) => ({ id: s.orgs.enterpriseOrg.id }),
    expect: (s) => [
      {
        entityType: 'organization',
        entityId: s.orgs.enterpriseOrg.id,
        action: 'update',
        changes: { description: { before: 'Made by the test factory.', after: 'Membranes and pumping stations since 1998.' } },
      },
    ],
  },
  {
    mutation: 'setOrganizationVerification',
    as: 'coordinator',
    document: 'mutation($id: ID!) { setOrganizationVerification(id: $id, status: VERIFIED) { id } }',
    variables: (s) => ({ id: s.made.organization }),
    expect: (s) => [
      {
        entityType: 'organization',
        entityId: s.made.organization,
        action: 'set verification',
        changes: { verificationStatus: { before: 'PENDING', after: 'VERIFIED' } },
      },
    ],
  },

  // Users and roles; your own profile and password
  {
    mutation: 'createUser',
    as: 'admin',
    document:
      'mutation($org: ID!) { createUser(input: { email: "new.member@example.org", displayName: "New Member", password: "long enough password", organizationId: $org, role: COORDINATOR }) { id } }',
    variables: (s) => ({ org: s.orgs.secretariat.id }),
    expect: (s, d) => (
      (s.made.user = id(d, 'createUser')),
      [
        {
          entityType: 'user',
          entityId: s.made.user,
          action: 'create',
          changes: {
            email: { before: null, after: 'new.member@example.org' },
            role: { before: null, after: 'COORDINATOR' },
            passwordHash: 'secret',
          },
        },
      ]
    ),
  },
  {
    mutation: 'updateUser',
    as: 'admin',
    document: 'mutation($id: ID!) { updateUser(input: { id: $id, role: ADMIN, active: false }) { id } }',
    variables: (s) => ({ id: s.made.user }),
    expect: (s) => [
      {
        entityType: 'user',
        entityId: s.made.user,
        action: 'update',
        changes: { role: { before: 'COORDINATOR', after: 'ADMIN' }, active: { before: true, after: false } },
      },
    ],
  },
  {
    mutation: 'updateMyProfile',
    as: 'agency',
    document: 'mutation { updateMyProfile(input: { displayName: "Nimal Perera", preferredLanguage: ZH }) { id } }',
    expect: (s) => [
      {
        entityType: 'user',
        entityId: s.users.agency.id,
        action: 'update profile',
        changes: { displayName: { after: 'Nimal Perera' }, preferredLanguage: { before: 'EN', after: 'ZH' } },
      },
    ],
  },
  {
    mutation: 'changePassword',
    as: (s) => s.users.ownPassword!,
    document: `mutation { changePassword(currentPassword: "${TEST_PASSWORD}", newPassword: "a brand new passphrase") }`,
    expect: (s) => [
      { entityType: 'user', entityId: s.users.ownPassword!.id, action: 'change password', changes: { passwordHash: 'secret' } },
    ],
  },
  {
    mutation: 'setNotificationPreferences',
    as: 'enterprise',
    document:
      'mutation { setNotificationPreferences(input: [{ eventType: OPPORTUNITY_ALERT, channel: EMAIL, enabled: true, frequency: WEEKLY }]) { eventType } }',
    expect: (s) => [
      {
        entityType: 'user',
        entityId: s.users.enterprise.id,
        action: 'set notification preferences',
        changes: {
          'OPPORTUNITY_ALERT.EMAIL': { before: { enabled: true, frequency: 'DAILY' }, after: { enabled: true, frequency: 'WEEKLY' } },
        },
      },
    ],
  },
  {
    mutation: 'retryNotificationDelivery',
    as: 'admin',
    document: 'mutation($id: ID!) { retryNotificationDelivery(id: $id) { id } }',
    variables: async (s) => {
      const [dead] = await s.t.dataSource.query(
        `INSERT INTO notification_delivery (idempotency_key, channel, user_id, address, status, attempts, last_error) VALUES ('audit-dead', 'EMAIL', $1, $2, 'DEAD', 8, 'SMTP password was wrong') RETURNING id`,
        [s.users.admin.id, s.users.admin.email],
      );
      return { id: (s.made.delivery = dead.id) };
    },
    expect: (s) => [
      {
        entityType: 'notification_delivery',
        entityId: s.made.delivery,
        action: 'retry',
        fromStatus: 'DEAD',
        toStatus: 'PENDING',
        changes: { status: { before: 'DEAD', after: 'PENDING' }, attempts: { before: 8, after: 0 } },
      },
    ],
  },

  // Webhooks: create → update → rotate → delete
  {
    mutation: 'createWebhook',
    as: 'enterprise',
    document:
      'mutation($org: ID!) { createWebhook(input: { organizationId: $org, url: "https://hooks.example.org/audit", events: [MATCH_ENGAGED] }) { webhook { id } secret } }',
    variables: (s) => ({ org: s.orgs.enterpriseOrg.id }),
    expect: (s, d) => (
      (s.made.webhook = (d.createWebhook as { webhook: { id: string } }).webhook.id),
      [
        {
          entityType: 'webhook',
          entityId: s.made.webhook,
          action: 'create',
          changes: {
            url: { before: null, after: 'https://hooks.example.org/audit' },
            events: { before: null, after: ['MATCH_ENGAGED'] },
            secret: 'secret',
          },
        },
      ]
    ),
  },
  {
    mutation: 'updateWebhook',
    as: 'enterprise',
    document: 'mutation($id: ID!) { updateWebhook(input: { id: $id, active: false }) { id } }',
    variables: (s) => ({ id: s.made.webhook }),
    expect: (s) => [
      { entityType: 'webhook', entityId: s.made.webhook, action: 'update', changes: { active: { before: true, after: false } } },
    ],
  },
  {
    mutation: 'rotateWebhookSecret',
    as: 'admin',
    document: 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }',
    variables: (s) => ({ id: s.made.webhook }),
    expect: (s) => [{ entityType: 'webhook', entityId: s.made.webhook, action: 'rotate secret', changes: { secret: 'secret' } }],
  },
  {
    mutation: 'deleteWebhook',
    as: 'enterprise',
    document: 'mutation($id: ID!) { deleteWebhook(id: $id) }',
    variables: (s) => ({ id: s.made.webhook }),
    expect: (s) => [
      {
        entityType: 'webhook',
        entityId: s.made.webhook,
        action: 'delete',
        changes: { url: { before: 'https://hooks.example.org/audit', after: null }, secret: 'secret' },
      },
    ],
  },

  // Capabilities and reference projects: create → update → delete
  {
    mutation: 'createCapability',
    as: 'enterprise',
    document: 'mutation { createCapability(input: { technologyCategory: "IRRIGATION", description: "Drip irrigation" }) { id } }',
    expect: (s, d) => (
      (s.made.capability = id(d, 'createCapability')),
      [
        {
          entityType: 'capability',
          entityId: s.made.capability,
          action: 'create',
          changes: { technologyCategory: { before: null, after: 'IRRIGATION' } },
        },
      ]
    ),
  },
  {
    mutation: 'updateCapability',
    as: 'enterprise',
    document: 'mutation($id: ID!) { updateCapability(input: { id: $id, trl: 7 }) { id } }',
    variables: (s) => ({ id: s.made.capability }),
    expect: (s) => [{ entityType: 'capability', entityId: s.made.capability, action: 'update', changes: { trl: { after: 7 } } }],
  },
  {
    mutation: 'deleteCapability',
    as: 'enterprise',
    document: 'mutation($id: ID!) { deleteCapability(id: $id) }',
    variables: (s) => ({ id: s.made.capability }),
    expect: (s) => [
      {
        entityType: 'capability',
        entityId: s.made.capability,
        action: 'delete',
        changes: { description: { before: 'Drip irrigation', after: null }, trl: { before: 7, after: null } },
      },
    ],
  },
  {
    mutation: 'createReferenceProject',
    as: 'enterprise',
    document: 'mutation { createReferenceProject(input: { title: "Khartoum pumping station", countryCode: "SD", year: 2012 }) { id } }',
    expect: (s, d) => (
      (s.made.project = id(d, 'createReferenceProject')),
      [
        {
          entityType: 'reference_project',
          entityId: s.made.project,
          action: 'create',
          changes: { title: { before: null, after: 'Khartoum pumping station' }, year: { before: null, after: 2012 } },
        },
      ]
    ),
  },
  {
    mutation: 'updateReferenceProject',
    as: 'enterprise',
    document: 'mutation($id: ID!) { updateReferenceProject(input: { id: $id, year: 2011 }) { id } }',
    variables: (s) => ({ id: s.made.project }),
    expect: (s) => [
      { entityType: 'reference_project', entityId: s.made.project, action: 'update', changes: { year: { before: 2012, after: 2011 } } },
    ],
  },
  {
    mutation: 'deleteReferenceProject',
    as: 'enterprise',
    document: 'mutation($id: ID!) { deleteReferenceProject(id: $id) }',
    variables: (s) => ({ id: s.made.project }),
    expect: (s) => [
      {
        entityType: 'reference_project',
        entityId: s.made.project,
        action: 'delete',
        changes: { title: { before: 'Khartoum pumping station', after: null } },
      },
    ],
  },

  // Programmes: create → update → add a member → remove it
  {
    mutation: 'createProgramme',
    as: 'coordinator',
    document:
      'mutation { createProgramme(input: { nameEn: "Water technology for the Belt and Road", sponsor: "ANSO", startsOn: "2024-01-01" }) { id } }',
    expect: (s, d) => (
      (s.made.programme = id(d, 'createProgramme')),
      [
        {
          entityType: 'programme',
          entityId: s.made.programme,
          action: 'create',
          changes: { sponsor: { before: null, after: 'ANSO' }, startsOn: { after: '2024-01-01' } },
        },
      ]
    ),
  },
  {
    mutation: 'updateProgramme',
    as: 'coordinator',
    document: 'mutation($id: ID!) { updateProgramme(input: { id: $id, endsOn: "2026-12-31" }) { id } }',
    variables: (s) => ({ id: s.made.programme }),
    expect: (s) => [
      { entityType: 'programme', entityId: s.made.programme, action: 'update', changes: { endsOn: { before: null, after: '2026-12-31' } } },
    ],
  },
  {
    mutation: 'addProgrammeMembers',
    as: 'coordinator',
    document: 'mutation($p: ID!, $o: [ID!]!) { addProgrammeMembers(programmeId: $p, organizationIds: $o) { id } }',
    variables: (s) => ({ p: s.made.programme, o: [s.orgs.enterpriseOrg.id] }),
    expect: (s) => [
      {
        entityType: 'programme',
        entityId: s.made.programme,
        action: 'add_member',
        changes: { member: { before: null, after: s.orgs.enterpriseOrg.id } },
      },
    ],
  },
  {
    mutation: 'removeProgrammeMember',
    as: 'coordinator',
    document: 'mutation($p: ID!, $o: ID!) { removeProgrammeMember(programmeId: $p, organizationId: $o) { id } }',
    variables: (s) => ({ p: s.made.programme, o: s.orgs.enterpriseOrg.id }),
    expect: (s) => [
      {
        entityType: 'programme',
        entityId: s.made.programme,
        action: 'remove_member',
        changes: { member: { before: s.orgs.enterpriseOrg.id, after: null } },
      },
    ],
  },

  // Activities: create → update → publish → registrations (register, confirm, refuse, cancel) → close → reopen → close
  // → held → reported; another one cancelled with its registrations
  {
    mutation: 'createActivity',
    as: 'coordinator',
    document:
      'mutation($s: DateTime!, $e: DateTime!, $d: DateTime!) { createActivity(input: { kind: EXHIBITION, title: "Water technology exhibition", countryCode: "LK", startsAt: $s, endsAt: $e, registrationDeadline: $d, capacity: 1 }) { id } }',
    variables: () => ({ s: inDays(30), e: inDays(32), d: inDays(20) }),
    expect: (s, d) => (
      (s.made.activity = id(d, 'createActivity')),
      [
        {
          entityType: 'activity',
          entityId: s.made.activity,
          action: 'create',
          toStatus: 'DRAFT',
          changes: { title: { before: null, after: 'Water technology exhibition' }, capacity: { after: 1 } },
        },
      ]
    ),
  },
  {
    mutation: 'updateActivity',
    as: 'coordinator',
    document: 'mutation($id: ID!) { updateActivity(input: { id: $id, city: "Colombo" }) { id } }',
    variables: (s) => ({ id: s.made.activity }),
    expect: (s) => [
      { entityType: 'activity', entityId: s.made.activity, action: 'update', changes: { city: { before: null, after: 'Colombo' } } },
    ],
  },
  {
    mutation: 'publishActivity',
    as: 'coordinator',
    document: 'mutation($id: ID!) { publishActivity(id: $id) { id } }',
    variables: (s) => ({ id: s.made.activity }),
    expect: (s) => [
      { entityType: 'activity', entityId: s.made.activity, action: 'publish', fromStatus: 'DRAFT', toStatus: 'OPEN', changes: {} },
    ],
  },
  {
    mutation: 'registerDelegates',
    as: 'enterprise',
    document:
      'mutation($id: ID!) { registerDelegates(input: { activityId: $id, delegates: [{ name: "Li Wei", email: "li.wei@example.cn" }, { name: "Zhang Min", email: "zhang.min@example.cn" }] }) { id status } }',
    variables: (s) => ({ id: s.made.activity }),
    expect: (s, d): ExpectedEntry[] => {
      const [seated, waiting] = d.registerDelegates as Array<{ id: string; status: string }>;
      s.made.seated = seated.id;
      s.made.waiting = waiting.id;
      return [
        {
          entityType: 'activity_registration',
          entityId: seated.id,
          action: 'register',
          toStatus: 'PENDING',
          changes: { delegateName: { after: 'Li Wei' } },
        },
        {
          entityType: 'activity_registration',
          entityId: waiting.id,
          action: 'register',
          toStatus: 'WAITLISTED',
          changes: { delegateEmail: { after: 'zhang.min@example.cn' } },
        },
      ];
    },
  },
  {
    mutation: 'confirmRegistration',
    as: 'coordinator',
    document: 'mutation($id: ID!) { confirmRegistration(id: $id) { id } }',
    variables: (s) => ({ id: s.made.seated }),
    expect: (s) => [
      {
        entityType: 'activity_registration',
        entityId: s.made.seated,
        action: 'confirm',
        fromStatus: 'PENDING',
        toStatus: 'CONFIRMED',
        changes: {},
      },
    ],
  },
  {
    mutation: 'cancelRegistration',
    as: 'enterprise',
    document: 'mutation($id: ID!) { cancelRegistration(id: $id, reason: "Visa not granted") { id } }',
    variables: (s) => ({ id: s.made.seated }),
    expect: (s) => [
      {
        entityType: 'activity_registration',
        entityId: s.made.seated,
        action: 'cancel',
        fromStatus: 'CONFIRMED',
        toStatus: 'CANCELLED',
        reason: 'Visa not granted',
        changes: {},
      },
      // The waiting list moving up is the system's move, without an actor (test/e2e/activities.e2e-spec.ts).
    ],
  },
  {
    mutation: 'refuseRegistration',
    as: 'coordinator',
    document: 'mutation($id: ID!) { refuseRegistration(id: $id, reason: "One delegate per enterprise") { id } }',
    variables: (s) => ({ id: s.made.waiting }),
    expect: (s) => [
      {
        entityType: 'activity_registration',
        entityId: s.made.waiting,
        action: 'refuse',
        fromStatus: 'PENDING',
        toStatus: 'REFUSED',
        reason: 'One delegate per enterprise',
        changes: {},
      },
    ],
  },
  {
    mutation: 'closeActivityRegistration',
    as: 'coordinator',
    document: 'mutation($id: ID!) { closeActivityRegistration(id: $id) { id } }',
    variables: (s) => ({ id: s.made.activity }),
    expect: (s) => [
      {
        entityType: 'activity',
        entityId: s.made.activity,
        action: 'close registration',
        fromStatus: 'OPEN',
        toStatus: 'CLOSED',
        changes: {},
      },
    ],
  },
  {
    mutation: 'reopenActivityRegistration',
    as: 'coordinator',
    document: 'mutation($id: ID!) { reopenActivityRegistration(id: $id) { id } }',
    variables: (s) => ({ id: s.made.activity }),
    expect: (s) => [
      {
        entityType: 'activity',
        entityId: s.made.activity,
        action: 'reopen registration',
        fromStatus: 'CLOSED',
        toStatus: 'OPEN',
        changes: {},
      },
    ],
  },
  // B2B meetings at the activity: plan, a delegate's break, a request accepted, scheduled, then cancelled.
  {
    mutation: 'setMeetingPlan',
    as: 'coordinator',
    document: 'mutation($input: SetMeetingPlanInput!) { setMeetingPlan(input: $input) { slots { id } } }',
    variables: async (s) => {
      const registrations = s.t.dataSource.getRepository(ActivityRegistrationEntity);
      const delegate = (organizationId: string, delegateName: string, delegateEmail: string) =>
        registrations.save({
          activityId: s.made.activity,
          organizationId,
          delegateName,
          delegateEmail,
          status: RegistrationStatus.CONFIRMED,
        });
      s.made.enterpriseDelegate = (await delegate(s.orgs.enterpriseOrg.id, 'Chen Jie', 'chen.jie@example.cn')).id;
      s.made.agencyDelegate = (await delegate(s.orgs.agencyOrg.id, 'Ruwan Jayasinghe', 'ruwan@example.lk')).id;
      const { startsAt } = await s.t.dataSource.getRepository(ActivityEntity).findOneByOrFail({ id: s.made.activity });
      const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000).toISOString();
      return {
        input: {
          activityId: s.made.activity,
          tables: 2,
          slots: [
            { startsAt: at(60), endsAt: at(80) },
            { startsAt: at(80), endsAt: at(100) },
          ],
        },
      };
    },
    expect: (s, d) => {
      [s.made.firstSlot, s.made.secondSlot] = (d.setMeetingPlan as { slots: Array<{ id: string }> }).slots.map((slot) => slot.id);
      return [
        {
          entityType: 'activity',
          entityId: s.made.activity,
          action: 'set meeting plan',
          changes: { meetingTables: { before: 0, after: 2 } },
        },
      ];
    },
  },
  {
    mutation: 'setMeetingBreaks',
    as: 'agency',
    document: 'mutation($id: ID!, $slot: ID!) { setMeetingBreaks(input: { registrationId: $id, slotIds: [$slot] }) { id } }',
    variables: (s) => ({ id: s.made.agencyDelegate, slot: s.made.firstSlot }),
    expect: (s) => [
      {
        entityType: 'activity_registration',
        entityId: s.made.agencyDelegate,
        action: 'set meeting breaks',
        changes: { meetingBreaks: { before: [], after: [s.made.firstSlot] } },
      },
    ],
  },
  {
    mutation: 'requestMeeting',
    as: 'enterprise',
    document:
      'mutation($f: ID!, $t: ID!) { requestMeeting(input: { fromRegistrationId: $f, toRegistrationId: $t, message: "Leak detection" }) { id } }',
    variables: (s) => ({ f: s.made.enterpriseDelegate, t: s.made.agencyDelegate }),
    expect: (s, d) => (
      (s.made.meeting = id(d, 'requestMeeting')),
      [
        {
          entityType: 'meeting_request',
          entityId: s.made.meeting,
          action: 'request meeting',
          toStatus: 'REQUESTED',
          changes: { message: { after: 'Leak detection' } },
        },
      ]
    ),
  },
  {
    mutation: 'answerMeetingRequest',
    as: 'agency',
    document: 'mutation($id: ID!) { answerMeetingRequest(id: $id, accept: true) { id } }',
    variables: (s) => ({ id: s.made.meeting }),
    expect: (s) => [
      {
        entityType: 'meeting_request',
        entityId: s.made.meeting,
        action: 'accept meeting',
        fromStatus: 'REQUESTED',
        toStatus: 'ACCEPTED',
        changes: {},
      },
    ],
  },
  {
    mutation: 'scheduleMeetings',
    as: 'coordinator',
    document: 'mutation($id: ID!) { scheduleMeetings(activityId: $id) { placed } }',
    variables: (s) => ({ id: s.made.activity }),
    expect: (s) => [
      {
        entityType: 'activity',
        entityId: s.made.activity,
        action: 'schedule meetings',
        changes: { meetings: { after: { placed: 1, unplaced: 0, cancelled: 0 } } },
      },
    ],
  },
  {
    mutation: 'cancelMeetingRequest',
    as: 'enterprise',
    document: 'mutation($id: ID!) { cancelMeetingRequest(id: $id, reason: "Delegation reduced") { id } }',
    variables: (s) => ({ id: s.made.meeting }),
    expect: (s) => [
      {
        entityType: 'meeting_request',
        entityId: s.made.meeting,
        action: 'cancel meeting',
        fromStatus: 'ACCEPTED',
        toStatus: 'CANCELLED',
        reason: 'Delegation reduced',
        // Scheduled in the second slot (the agency's delegate is away in the first); cancelling frees it.
        changes: { slotId: { before: s.made.secondSlot, after: null }, tableNumber: { before: 1, after: null } },
      },
    ],
  },
  {
    mutation: 'markActivityHeld',
    as: 'coordinator',
    document: 'mutation($id: ID!) { markActivityHeld(id: $id) { id } }',
    // Held once it has started: the test moves it into the past and closes registration first.
    variables: async (s) => {
      await s.t.dataSource.query(
        `UPDATE activity SET status = 'CLOSED', starts_at = now() - interval '1 day', registration_deadline = now() - interval '2 days' WHERE id = $1`,
        [s.made.activity],
      );
      return { id: s.made.activity };
    },
    expect: (s) => [
      { entityType: 'activity', entityId: s.made.activity, action: 'mark held', fromStatus: 'CLOSED', toStatus: 'HELD', changes: {} },
    ],
  },
  {
    mutation: 'reportActivity',
    as: 'coordinator',
    document: 'mutation($id: ID!) { reportActivity(id: $id, report: "40 exhibitors, 600 visitors") { id } }',
    variables: (s) => ({ id: s.made.activity }),
    expect: (s) => [
      {
        entityType: 'activity',
        entityId: s.made.activity,
        action: 'report',
        fromStatus: 'HELD',
        toStatus: 'REPORTED',
        changes: { report: { before: null, after: '40 exhibitors, 600 visitors' } },
      },
    ],
  },
  {
    mutation: 'cancelActivity',
    as: 'coordinator',
    document: 'mutation($id: ID!) { cancelActivity(id: $id, reason: "Flooding at the venue") { id } }',
    variables: async (s) => {
      const activity = await s.t.factory.activity({ status: ActivityStatus.OPEN });
      s.made.cancelledActivity = activity.id;
      return { id: activity.id };
    },
    expect: (s) => [
      {
        entityType: 'activity',
        entityId: s.made.cancelledActivity,
        action: 'cancel',
        fromStatus: 'OPEN',
        toStatus: 'CANCELLED',
        reason: 'Flooding at the venue',
        changes: {},
      },
    ],
  },

  // Equipment donations: pledge → approve
  {
    mutation: 'pledgeDonation',
    as: 'enterprise',
    document:
      'mutation($to: ID!) { pledgeDonation(input: { recipientId: $to, title: "Pumps for the district", items: [{ name: "Submersible pump", quantity: 4, unitValue: 2500 }], currency: "USD" }) { id } }',
    variables: (s) => ({ to: s.orgs.agencyOrg.id }),
    expect: (s, d) => (
      (s.made.donation = id(d, 'pledgeDonation')),
      [
        {
          entityType: 'donation',
          entityId: s.made.donation,
          action: 'pledge',
          toStatus: 'PLEDGED',
          changes: { title: { before: null, after: 'Pumps for the district' }, value: { after: 10000 } },
        },
      ]
    ),
  },
  {
    mutation: 'moveDonation',
    as: 'coordinator',
    document: 'mutation($id: ID!) { moveDonation(input: { id: $id, version: 1, to: APPROVED }) { id } }',
    variables: (s) => ({ id: s.made.donation }),
    expect: (s) => [
      { entityType: 'donation', entityId: s.made.donation, action: 'approved', fromStatus: 'PLEDGED', toStatus: 'APPROVED', changes: {} },
    ],
  },

  // Training: pledge → approve
  {
    mutation: 'pledgeTraining',
    as: 'enterprise',
    document:
      'mutation($to: ID!) { pledgeTraining(input: { recipientId: $to, title: "Pump maintenance", startsOn: "2026-09-01", hours: 16, trainees: 10 }) { id } }',
    variables: (s) => ({ to: s.orgs.agencyOrg.id }),
    expect: (s, d) => (
      (s.made.training = id(d, 'pledgeTraining')),
      [
        {
          entityType: 'training_course',
          entityId: s.made.training,
          action: 'pledge',
          toStatus: 'PLEDGED',
          changes: { title: { before: null, after: 'Pump maintenance' }, trainees: { after: 10 } },
        },
      ]
    ),
  },
  {
    mutation: 'moveTraining',
    as: 'coordinator',
    document: 'mutation($id: ID!) { moveTraining(input: { id: $id, version: 1, to: APPROVED }) { id } }',
    variables: (s) => ({ id: s.made.training }),
    expect: (s) => [
      {
        entityType: 'training_course',
        entityId: s.made.training,
        action: 'approved',
        fromStatus: 'PLEDGED',
        toStatus: 'APPROVED',
        changes: {},
      },
    ],
  },

  // Matches: suggestion, interest, review, introduction, answers, outcome
  {
    mutation: 'suggestMatches',
    as: 'coordinator',
    document: 'mutation($id: ID!) { suggestMatches(needId: $id) { id enterprise { id } } }',
    variables: (s) => ({ id: s.made.desalinationNeed }),
    expect: (s, d) => {
      const suggested = (d.suggestMatches as Array<{ id: string; enterprise: { id: string } }>).find(
        (m) => m.enterprise.id === s.made.desalinationEnterprise,
      );
      expect(suggested).toBeDefined();
      return [
        {
          entityType: 'match',
          entityId: suggested!.id,
          action: 'suggest',
          fromStatus: null,
          toStatus: 'SUGGESTED',
          changes: { status: { before: null, after: 'SUGGESTED' } },
        },
      ];
    },
  },
  {
    mutation: 'expressInterest',
    as: 'otherEnterprise',
    document: 'mutation($id: ID!) { expressInterest(input: { needId: $id, message: "We built twelve such plants." }) { id } }',
    variables: (s) => ({ id: s.openNeed.id }),
    expect: (s, d) => (
      (s.made.interest = id(d, 'expressInterest')),
      [
        {
          entityType: 'match',
          entityId: s.made.interest,
          action: 'express interest',
          toStatus: 'SUGGESTED',
          reason: 'We built twelve such plants.',
          changes: { status: { before: null, after: 'SUGGESTED' } },
        },
      ]
    ),
  },
  {
    mutation: 'shortlistMatch',
    as: 'coordinator',
    document: MOVE('shortlistMatch'),
    variables: (s) => versionOf(s, s.match.id),
    expect: (s) => [
      {
        entityType: 'match',
        entityId: s.match.id,
        action: 'shortlist',
        fromStatus: 'SUGGESTED',
        toStatus: 'SHORTLISTED',
        changes: { status: { before: 'SUGGESTED', after: 'SHORTLISTED' } },
      },
    ],
  },
  {
    mutation: 'approveMatch',
    as: 'coordinator',
    document: MOVE('approveMatch'),
    variables: (s) => versionOf(s, s.match.id),
    expect: (s) => [
      {
        entityType: 'match',
        entityId: s.match.id,
        action: 'approve',
        fromStatus: 'SHORTLISTED',
        toStatus: 'APPROVED',
        changes: { status: { before: 'SHORTLISTED', after: 'APPROVED' } },
      },
      {
        entityType: 'match',
        entityId: s.match.id,
        action: 'introduce',
        fromStatus: 'APPROVED',
        toStatus: 'INTRODUCED',
        changes: { status: { before: 'APPROVED', after: 'INTRODUCED' } },
      },
    ],
  },
  {
    mutation: 'respondToMatch',
    as: 'agency',
    document: MOVE('respondToMatch', 'accept: true'),
    variables: (s) => versionOf(s, s.match.id),
    expect: (s) => [
      {
        entityType: 'match',
        entityId: s.match.id,
        action: 'accept',
        fromStatus: 'INTRODUCED',
        toStatus: 'INTRODUCED',
        changes: { agencyResponse: { before: 'PENDING', after: 'ACCEPTED' } },
      },
    ],
  },
  {
    mutation: 'respondToMatch',
    as: 'enterprise',
    document: MOVE('respondToMatch', 'accept: true'),
    variables: (s) => versionOf(s, s.match.id),
    expect: (s) => [
      {
        entityType: 'match',
        entityId: s.match.id,
        action: 'accept',
        fromStatus: 'INTRODUCED',
        toStatus: 'ENGAGED',
        changes: { status: { before: 'INTRODUCED', after: 'ENGAGED' }, enterpriseResponse: { before: 'PENDING', after: 'ACCEPTED' } },
      },
    ],
  },
  {
    // Outcomes are a dated series: the first moves the match to OUTCOME_RECORDED, later ones are added there.
    mutation: 'recordMatchOutcome',
    as: 'coordinator',
    document: MOVE('recordMatchOutcome', `kind: MOU_SIGNED, date: "${TODAY}"`),
    variables: (s) => versionOf(s, s.match.id),
    expect: (s) => [
      {
        entityType: 'match',
        entityId: s.match.id,
        action: 'record outcome',
        fromStatus: 'ENGAGED',
        changes: {
          status: { before: 'ENGAGED', after: 'OUTCOME_RECORDED' },
          'outcome.kind': { before: null, after: 'MOU_SIGNED' },
          'outcome.date': { before: null, after: TODAY },
        },
      },
    ],
  },
  {
    mutation: 'recordMatchOutcome',
    as: 'coordinator',
    document: MOVE('recordMatchOutcome', `kind: CONTRACT, date: "${TODAY}", value: 1200000, currency: "USD", note: "EPC contract signed"`),
    variables: (s) => versionOf(s, s.match.id),
    expect: (s) => [
      {
        entityType: 'match',
        entityId: s.match.id,
        action: 'record outcome',
        fromStatus: 'OUTCOME_RECORDED',
        toStatus: 'OUTCOME_RECORDED',
        changes: {
          'outcome.kind': { before: null, after: 'CONTRACT' },
          'outcome.currency': { before: null, after: 'USD' },
          'outcome.note': { before: null, after: 'EPC contract signed' },
        },
      },
    ],
  },
  // A donation handed over and a course completed, recorded as outcomes of the same match.
  {
    mutation: 'recordDonationAsOutcome',
    as: 'coordinator',
    document: 'mutation($id: ID!, $m: ID!, $v: Int!) { recordDonationAsOutcome(input: { id: $id, matchId: $m, matchVersion: $v }) { id } }',
    variables: async (s) => {
      // Handed over today (its moves are audited above and in donations.e2e-spec.ts).
      await s.t.dataSource.query(`UPDATE equipment_donation SET status = 'HANDED_OVER', handed_over_on = $2 WHERE id = $1`, [
        s.made.donation,
        TODAY,
      ]);
      const { id: m, v } = await versionOf(s, s.match.id);
      return { id: s.made.donation, m, v };
    },
    expect: (s): ExpectedEntry[] => [
      {
        entityType: 'donation',
        entityId: s.made.donation,
        action: 'record as match outcome',
        changes: { matchId: { before: null, after: s.match.id } },
      },
      {
        entityType: 'match',
        entityId: s.match.id,
        action: 'record outcome',
        changes: { 'outcome.kind': { before: null, after: 'HANDOVER' }, 'outcome.value': { before: null, after: 10000 } },
      },
    ],
  },
  {
    mutation: 'recordTrainingAsOutcome',
    as: 'coordinator',
    document: 'mutation($id: ID!, $m: ID!, $v: Int!) { recordTrainingAsOutcome(input: { id: $id, matchId: $m, matchVersion: $v }) { id } }',
    variables: async (s) => {
      await s.t.dataSource.query(`UPDATE training_course SET status = 'COMPLETED', ends_on = $2 WHERE id = $1`, [s.made.training, TODAY]);
      const { id: m, v } = await versionOf(s, s.match.id);
      return { id: s.made.training, m, v };
    },
    expect: (s): ExpectedEntry[] => [
      {
        entityType: 'training_course',
        entityId: s.made.training,
        action: 'record as match outcome',
        changes: { matchId: { before: null, after: s.match.id } },
      },
      {
        entityType: 'match',
        entityId: s.match.id,
        action: 'record outcome',
        changes: { 'outcome.kind': { before: null, after: 'TRAINING_DELIVERED' } },
      },
    ],
  },
  {
    mutation: 'approveMatches',
    as: 'coordinator',
    document: 'mutation($id: ID!, $v: Int!) { approveMatches(input: [{ id: $id, version: $v }]) { id } }',
    variables: async (s) =>
      versionOf(s, (s.made.bulk = (await s.t.factory.match((await freshNeed(s)).id, s.orgs.otherEnterpriseOrg.id)).id)),
    expect: (s) => [
      {
        entityType: 'match',
        entityId: s.made.bulk,
        action: 'introduce',
        fromStatus: 'APPROVED',
        toStatus: 'INTRODUCED',
        changes: { status: { before: 'APPROVED', after: 'INTRODUCED' } },
      },
    ],
  },
  {
    mutation: 'rejectMatch',
    as: 'coordinator',
    document: MOVE('rejectMatch', 'reason: "No wastewater references"'),
    variables: async (s) =>
      versionOf(s, (s.made.rejected = (await s.t.factory.match((await freshNeed(s)).id, s.orgs.otherEnterpriseOrg.id)).id)),
    expect: (s) => [
      {
        entityType: 'match',
        entityId: s.made.rejected,
        action: 'reject',
        fromStatus: 'SUGGESTED',
        toStatus: 'REJECTED',
        reason: 'No wastewater references',
        changes: { status: { before: 'SUGGESTED', after: 'REJECTED' } },
      },
    ],
  },
  {
    mutation: 'withdrawMatch',
    as: 'coordinator',
    document: MOVE('withdrawMatch', 'reason: "Need changed"'),
    variables: async (s) =>
      versionOf(s, (s.made.withdrawn = (await s.t.factory.match((await freshNeed(s)).id, s.orgs.otherEnterpriseOrg.id)).id)),
    expect: (s) => [
      {
        entityType: 'match',
        entityId: s.made.withdrawn,
        action: 'withdraw',
        fromStatus: 'SUGGESTED',
        toStatus: 'WITHDRAWN',
        reason: 'Need changed',
        changes: { status: { before: 'SUGGESTED', after: 'WITHDRAWN' } },
      },
    ],
  },
];

/** An open need of the world's agency, for a match of its own. */
const freshNeed = (s: State): Promise<NeedEntity> => s.t.factory.need(s.orgs.agencyOrg.id, { status: NeedStatus.OPEN });

const rootFieldOf = (document: string) => {
  const definition = parse(document).definitions[0] as OperationDefinitionNode;
  return {
    kind: definition.operation,
    fields: definition.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : s.kind)),
  };
};

const decode = (json: string | null) => (json === null ? null : JSON.parse(json));

describe('audit trail', () => {
  let t: TestApp;
  let s: State;
  useWorld((app, world) => {
    t = app;
    s = { ...world, t, made: {}, users: { ...world.users } };
  });

  beforeAll(async () => {
    s.users.ownPassword = await t.factory.user(Role.AGENCY_MEMBER, { organizationId: s.orgs.agencyOrg.id });
    // An enterprise with a desalination track record and a need that calls for one: suggestMatches has a candidate.
    const desalination = await t.factory.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Coastal Desalination Works' });
    await t.factory.referenceProject(desalination.id, {
      title: 'Seawater reverse osmosis desalination plant',
      description: 'A 50,000 m³/day seawater reverse osmosis desalination plant.',
      countryCode: 'LK',
      sectorCode: '14021',
    });
    await t.factory.capability(desalination.id, {
      technologyCategory: 'DESALINATION',
      description: 'Seawater reverse osmosis desalination plants.',
    });
    const need = await t.factory.need(s.orgs.agencyOrg.id, {
      title: 'Seawater desalination plant for Jaffna',
      description: 'A seawater reverse osmosis desalination plant, 20,000 m³/day.',
      sectorCode: '14021',
      technologyCategories: ['DESALINATION'],
    });
    s.made.desalinationEnterprise = desalination.id;
    s.made.desalinationNeed = need.id;
    // Matching and interest read the search indexes: fill them.
    await t.indexEverything();
  });

  const tokenOf = (caller: Caller) => (typeof caller === 'function' ? t.tokenFor(caller(s).id) : s.token(caller));
  const userOf = (caller: Caller) => (typeof caller === 'function' ? caller(s) : s.users[caller as Exclude<Principal, 'anonymous'>]);
  const trail = (entityId: string, as: Principal) =>
    t.gql<{ auditTrail: Entry[] }>(`query($id: ID!) { auditTrail(entityId: $id) { ${ENTRY} } }`, { id: entityId }, s.token(as));
  const allEntries = () => t.dataSource.query(`SELECT * FROM audit_entry ORDER BY id`);

  it('covers every mutation of the schema: each is audited by a scenario below, or exempt for a stated reason', () => {
    const mutations = Object.keys(t.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields()).sort();
    const covered = new Set(SCENARIOS.map((scenario) => scenario.mutation));
    expect(mutations.filter((m) => !covered.has(m) && !(m in UNAUDITED_MUTATIONS))).toEqual([]);
    // Neither both (an exemption that is audited anyway is stale) nor a name the schema lacks.
    expect(mutations.filter((m) => covered.has(m) && m in UNAUDITED_MUTATIONS)).toEqual([]);
    expect([...covered, ...Object.keys(UNAUDITED_MUTATIONS)].filter((m) => !mutations.includes(m))).toEqual([]);
    // Each scenario runs exactly the mutation it claims to.
    expect(
      SCENARIOS.filter(
        (scenario) => JSON.stringify(rootFieldOf(scenario.document)) !== JSON.stringify({ kind: 'mutation', fields: [scenario.mutation] }),
      ).map((x) => x.mutation),
    ).toEqual([]);
    for (const reason of Object.values(UNAUDITED_MUTATIONS)) expect(reason.length).toBeGreaterThan(20);
  });

  describe.each(
    SCENARIOS.map((scenario, i) => ({ ...scenario, n: i + 1, who: typeof scenario.as === 'function' ? 'its own user' : scenario.as })),
  )('$n. $mutation as $who', (scenario) => {
    it('writes its audit entry: actor, action, subject and the fields that changed; earlier entries stay as they were', async () => {
      const earlier = await allEntries();
      const lastId = earlier.length ? Number(earlier.at(-1).id) : 0;
      const variables = scenario.variables ? await scenario.variables(s) : {};
      const res = await t.gql(scenario.document, variables, tokenOf(scenario.as));
      expect(res.errors).toBeUndefined();
      const actor = userOf(scenario.as);
      for (const expected of scenario.expect(s, res.data!)) {
        const written = (await trail(expected.entityId, 'admin')).data!.auditTrail.filter(
          (e) => Number(e.id) > lastId && e.action === expected.action,
        );
        expect(written).toHaveLength(1);
        const [entry] = written;
        expect({ entityType: entry.entityType, entityId: entry.entityId, actorUserId: entry.actorUserId }).toEqual({
          entityType: expected.entityType,
          entityId: expected.entityId,
          actorUserId: actor.id,
        });
        expect(entry.actor).toEqual({
          userId: actor.id,
          name: expect.any(String),
          email: actor.email,
          role: actor.role,
          organizationId: actor.organizationId,
          organizationName: expect.any(String),
        });
        if (expected.fromStatus !== undefined) expect(entry.fromStatus).toBe(expected.fromStatus);
        if (expected.toStatus !== undefined) expect(entry.toStatus).toBe(expected.toStatus);
        if (expected.reason !== undefined) expect(entry.reason).toBe(expected.reason);
        for (const [field, change] of Object.entries(expected.changes)) {
          const recorded = entry.changes.find((c) => c.field === field);
          expect({ field, recorded: recorded !== undefined }).toEqual({ field, recorded: true });
          if (change === 'secret') {
            expect(recorded).toEqual({ field, before: null, after: null, secret: true });
          } else {
            expect({ field, after: decode(recorded!.after), secret: recorded!.secret }).toEqual({
              field,
              after: change.after,
              secret: false,
            });
            if ('before' in change) expect({ field, before: decode(recorded!.before) }).toEqual({ field, before: change.before });
          }
        }
        // Only fields that did change are listed.
        for (const c of entry.changes)
          if (!c.secret) expect({ field: c.field, same: c.before === c.after }).toEqual({ field: c.field, same: false });
      }
      // No mutation changes or removes an entry already written.
      expect((await allEntries()).slice(0, earlier.length)).toEqual(earlier);
    });
  });

  it('writes nothing for the exempt mutations it can run here (sign-in, token refresh, sign-out, read markers)', async () => {
    const before = await allEntries();
    const login = await t.gql<{ login: { refreshToken: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken } }',
      { e: s.users.coordinator.email, p: TEST_PASSWORD },
    );
    const refreshed = await t.gql<{ refreshToken: { refreshToken: string } }>(
      'mutation($r: String!) { refreshToken(refreshToken: $r) { refreshToken } }',
      { r: login.data!.login.refreshToken },
    );
    expect(
      (await t.gql('mutation($r: String!) { logout(refreshToken: $r) }', { r: refreshed.data!.refreshToken.refreshToken })).errors,
    ).toBeUndefined();
    expect((await t.gql('mutation { markNotificationsRead }', {}, s.token('agency'))).errors).toBeUndefined();
    expect(await allEntries()).toEqual(before);
  });

  describe('who reads which trail', () => {
    const actions = (entries: Entry[]) => entries.map((e) => e.action);

    it('the secretariat reads every trail, the review steps included', async () => {
      for (const who of ['coordinator', 'admin'] as const) {
        expect(actions((await trail(s.match.id, who)).data!.auditTrail)).toEqual([
          'shortlist',
          'approve',
          'introduce',
          'accept',
          'accept',
          'record outcome',
          'record outcome',
          // The donation and the training course recorded as its outcomes.
          'record outcome',
          'record outcome',
        ]);
        expect(actions((await trail(s.made.organization, who)).data!.auditTrail)).toEqual(['create', 'set verification']);
        expect(actions((await trail(s.made.webhook, who)).data!.auditTrail)).toEqual(['create', 'update', 'rotate secret', 'delete']);
      }
    });

    it("an agency reads its own needs' trails, drafts and withdrawn ones too; other agencies and enterprises do not", async () => {
      const own = (await trail(s.made.need, 'agency')).data!.auditTrail;
      expect(actions(own)).toEqual(['create', 'update', 'publish', 'withdraw']);
      // Its own people are named to it.
      expect(own[0].actor).toMatchObject({
        userId: s.users.agency.id,
        email: s.users.agency.email,
        role: 'AGENCY_MEMBER',
        organizationName: 'Lanka Water Board',
      });
      // A withdrawn need is not published: to the others it does not exist.
      for (const who of ['otherAgency', 'enterprise'] as const) expect(errorCode(await trail(s.made.need, who))).toBe('NOT_FOUND');
      // A published need anyone reads; its trail only its agency.
      for (const who of ['otherAgency', 'enterprise'] as const) expect(errorCode(await trail(s.made.needToClose, who))).toBe('FORBIDDEN');
      expect(errorCode(await trail(s.made.needToClose, 'agency'))).toBeUndefined();
    });

    it("the sides read an introduced match's trail from the introduction on, without the secretariat's review steps; others are told it does not exist", async () => {
      for (const who of ['agency', 'enterprise'] as const) {
        const entries = (await trail(s.match.id, who)).data!.auditTrail;
        expect(actions(entries)).toEqual([
          'introduce',
          'accept',
          'accept',
          'record outcome',
          'record outcome',
          'record outcome',
          'record outcome',
        ]);
        // The coordinator is shown by role and organisation; the other side's people are not named before the
        // contacts are disclosed (and the trail does not do it after either).
        expect(entries[0].actor).toEqual({
          userId: s.users.coordinator.id,
          name: null,
          email: null,
          role: 'COORDINATOR',
          organizationId: s.orgs.secretariat.id,
          organizationName: 'Secretariat',
        });
        const other = entries.find((e) => e.actorUserId === s.users[who === 'agency' ? 'enterprise' : 'agency'].id)!;
        expect(other.actor).toMatchObject({ name: null, email: null });
        const self = entries.find((e) => e.actorUserId === s.users[who].id)!;
        expect(self.actor).toMatchObject({ email: s.users[who].email });
      }
      for (const who of ['otherAgency', 'otherEnterprise'] as const) expect(errorCode(await trail(s.match.id, who))).toBe('NOT_FOUND');
    });

    it('an enterprise reads the trail of its own expressed interest; a suggestion not yet introduced is hidden from both sides', async () => {
      expect(actions((await trail(s.made.interest, 'otherEnterprise')).data!.auditTrail)).toEqual(['express interest']);
      expect(errorCode(await trail(s.made.interest, 'agency'))).toBe('NOT_FOUND');
      // Shortlisted, then rejected: the enterprise reads the rejection as it reads its match, from SUGGESTED (the
      // shortlist is the secretariat's own step); the secretariat reads both steps as they were.
      for (const move of [MOVE('shortlistMatch'), MOVE('rejectMatch', 'reason: "Another candidate fits better"')]) {
        expect((await t.gql(move, await versionOf(s, s.made.interest), s.token('coordinator'))).errors).toBeUndefined();
      }
      const seen = (await trail(s.made.interest, 'otherEnterprise')).data!.auditTrail;
      expect(seen.map((e) => [e.action, e.fromStatus, e.toStatus, e.changes.find((c) => c.field === 'status')?.before])).toEqual([
        ['express interest', null, 'SUGGESTED', null],
        ['reject', 'SUGGESTED', 'REJECTED', '"SUGGESTED"'],
      ]);
      expect(seen[1].reason).toBe('Another candidate fits better');
      expect((await trail(s.made.interest, 'coordinator')).data!.auditTrail.map((e) => [e.action, e.fromStatus])).toEqual([
        ['express interest', null],
        ['shortlist', 'SUGGESTED'],
        ['reject', 'SHORTLISTED'],
      ]);
      const suggestion = await t.dataSource
        .getRepository(MatchEntity)
        .findOneByOrFail({ needId: s.made.desalinationNeed, enterpriseId: s.made.desalinationEnterprise });
      expect(suggestion.origin).toBe(MatchOrigin.SUGGESTION);
      expect(suggestion.status).toBe(MatchStatus.SUGGESTED);
      for (const who of ['agency', 'enterprise', 'otherEnterprise'] as const)
        expect(errorCode(await trail(suggestion.id, who))).toBe('NOT_FOUND');
    });

    it('members do not read the trails of organisations, users, webhooks or track records, even their own', async () => {
      for (const [who, entityId] of [
        ['enterprise', s.orgs.enterpriseOrg.id],
        ['agency', s.users.agency.id],
        ['enterprise', s.made.webhook],
        ['enterprise', s.made.project],
      ] as const) {
        expect({ who, entityId, code: errorCode(await trail(entityId, who)) }).toEqual({ who, entityId, code: 'FORBIDDEN' });
      }
      expect(errorCode(await t.gql('query($id: ID!) { auditTrail(entityId: $id) { id } }', { id: s.made.need }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('entries cannot be changed or deleted', () => {
    it("refuses UPDATE, DELETE and TRUNCATE on audit_entry through the application's own database connection", async () => {
      const before = await allEntries();
      expect(before.length).toBeGreaterThan(30);
      for (const sql of [
        `UPDATE audit_entry SET action = 'nothing happened', changes = '[]' WHERE entity_id = '${s.made.need}'`,
        `UPDATE audit_entry SET actor_user_id = NULL`,
        `DELETE FROM audit_entry WHERE entity_id = '${s.match.id}'`,
        `DELETE FROM audit_entry`,
        `TRUNCATE audit_entry`,
      ]) {
        await expect(t.dataSource.query(sql)).rejects.toThrow(/audit_entry is append-only/);
      }
      expect(await allEntries()).toEqual(before);
    });
  });
});

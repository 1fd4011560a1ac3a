import { AddressInfo } from 'node:net';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType, Kind, OperationDefinitionNode, parse } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { MatchEntity } from '../../src/matches/match.entity';
import { MatchStatus } from '../../src/matches/match-status';
import { ActivityEntity, ActivityRegistrationEntity } from '../../src/activities/activity.entity';
import { ActivityKind, ActivityStatus, RegistrationStatus } from '../../src/activities/activity-status';
import { DonationEntity } from '../../src/donations/donation.entity';
import { MeetingRequestEntity, MeetingSlotEntity } from '../../src/meetings/meeting.entity';
import { TrainingCourseEntity } from '../../src/training/training-course.entity';
import { ProgrammeEntity, ProgrammeMemberEntity } from '../../src/programmes/programme.entity';
import { NOTIFICATION_CHANNEL } from '../../src/notifications/notification-stream.service';
import { TEST_PASSWORD } from '../support/factory';
import { ALL_TABLES, databaseFingerprint } from '../support/fingerprint';
import { errorCode, TestApp } from '../support/test-app';
import { useWorld, Principal, PRINCIPALS, World } from '../support/world';

/** The world of support/world.ts, plus what only this file needs. */
type AccessWorld = World & {
  /** Between the world's agency and enterprise, already introduced: both sides see it, the other organisations do not. */
  introducedMatch: MatchEntity;
  /** A live refresh token of the world's enterprise member (from a real login). */
  refreshToken: string;
  /** A programme with the world's enterprise as a member. */
  programme: ProgrammeEntity;
  /** A published activity, and a delegate of the world's enterprise registered for it. */
  activity: ActivityEntity;
  registration: ActivityRegistrationEntity;
  /** Pledged by the world's enterprise to the world's agency. */
  donation: DonationEntity;
  trainingCourse: TrainingCourseEntity;
  /** Confirmed delegates of the world's enterprise and agency at the activity, a meeting slot, and a meeting request between them. */
  enterpriseDelegate: ActivityRegistrationEntity;
  agencyDelegate: ActivityRegistrationEntity;
  meetingSlot: MeetingSlotEntity;
  meetingRequest: MeetingRequestEntity;
};

interface Rule {
  /** The GraphQL operation to call: a query, a mutation or a subscription whose one root field is the rule's operation. */
  document: string;
  variables: (w: AccessWorld) => Record<string, unknown>;
  /** Who may call it; everyone else must be refused. */
  allowed: Principal[];
  /** Expected refusal codes that differ from the default (UNAUTHENTICATED for anonymous, FORBIDDEN otherwise). */
  refusedWith?: Partial<Record<Principal, string>>;
}

const EVERYONE = PRINCIPALS;
const SIGNED_IN = PRINCIPALS.filter((p) => p !== 'anonymous');
const STAFF: Principal[] = ['coordinator', 'admin'];
const none = () => ({});

/** Refusal codes for callers who are told an object does not exist, rather than that they may not touch it. */
const notFoundFor = (...principals: Principal[]): Partial<Record<Principal, string>> =>
  Object.fromEntries(principals.map((p) => [p, 'NOT_FOUND']));

/** Members of other organisations are told a webhook does not exist, rather than that they may not touch it. */
const OTHER_ORGANIZATIONS_NOT_FOUND = notFoundFor('otherEnterprise', 'agency', 'otherAgency');

/** A match move: the world's suggested match at its current version, plus the move's own fields. */
const MOVE = (mutation: string, fields = '') =>
  `mutation($id: ID!, $v: Int!) { ${mutation}(input: { id: $id, version: $v${fields ? `, ${fields}` : ''} }) { id } }`;
const matchAt = (w: World) => ({ id: w.match.id, v: w.match.version });

const needInput = {
  title: 'Wastewater plant for Kandy',
  description: 'Secondary treatment, 20,000 m³/day.',
  countryCode: 'LK',
  sectorCode: '14022',
};

/**
 * Every query, mutation and subscription of the schema, with who may call it (one row per operation, by domain).
 * Queries are checked both ways for every principal; mutations are checked for every refused principal (a successful
 * mutation changes the world, so only one allowed caller per rule is tried, further down); subscriptions over graphql-ws.
 * For an operation on one object, "allowed" also takes in the object-level rules of the services for the object named.
 */
const RULES: Record<string, Rule> = {
  // Signing in, your own account, user administration
  login: {
    document: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    variables: (w) => ({ e: w.users.agency.email, p: TEST_PASSWORD }),
    allowed: EVERYONE,
  },
  // Anyone may exchange a refresh token (a bearer token is not needed); an invalid one is UNAUTHENTICATED (tested below).
  refreshToken: {
    document: 'mutation($r: String!) { refreshToken(refreshToken: $r) { token } }',
    variables: (w) => ({ r: w.refreshToken }),
    allowed: EVERYONE,
  },
  // The refresh token alone signs its session out; with a bearer token, only the token's owner may (test/e2e/sessions.e2e-spec.ts).
  logout: {
    document: 'mutation($r: String!) { logout(refreshToken: $r) }',
    variables: (w) => ({ r: w.refreshToken }),
    allowed: ['anonymous', 'enterprise'],
  },
  me: { document: '{ me { id } }', variables: none, allowed: SIGNED_IN },
  updateMyProfile: {
    document: 'mutation { updateMyProfile(input: { displayName: "Renamed" }) { id } }',
    variables: none,
    allowed: SIGNED_IN,
  },
  changePassword: {
    document: 'mutation { changePassword(currentPassword: "correct horse battery staple", newPassword: "a brand new passphrase") }',
    variables: none,
    allowed: SIGNED_IN,
  },
  users: { document: '{ users(first: 5) { totalCount } }', variables: none, allowed: ['admin'] },
  user: { document: 'query($id: ID!) { user(id: $id) { id } }', variables: (w) => ({ id: w.users.agency.id }), allowed: ['admin'] },
  createUser: {
    document:
      'mutation($org: ID!) { createUser(input: { email: "new.member@example.org", displayName: "New", password: "long enough password", organizationId: $org, role: AGENCY_MEMBER }) { id } }',
    variables: (w) => ({ org: w.orgs.agencyOrg.id }),
    allowed: ['admin'],
  },
  updateUser: {
    document: 'mutation($id: ID!) { updateUser(input: { id: $id, active: false }) { id } }',
    variables: (w) => ({ id: w.users.agency.id }),
    allowed: ['admin'],
  },

  // Organisations
  organizations: { document: '{ organizations(first: 5) { totalCount } }', variables: none, allowed: EVERYONE },
  organization: {
    // A PENDING organisation: staff only (a verified one is public, and members always see their own).
    document: 'query($id: ID!) { organization(id: $id) { id } }',
    variables: (w) => ({ id: w.orgs.unverifiedAgencyOrg.id }),
    allowed: STAFF,
    refusedWith: notFoundFor('anonymous', 'enterprise', 'otherEnterprise', 'agency', 'otherAgency'),
  },
  createOrganization: {
    document: 'mutation { createOrganization(input: { kind: AGENCY, nameEn: "Nile Basin Office", countryCode: "EG" }) { id } }',
    variables: none,
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
    allowed: STAFF,
  },

  // Reference data and search (public; search shows each caller what the lists would)
  countries: { document: '{ countries(region: "Asia") { code } }', variables: none, allowed: EVERYONE },
  taxonomy: { document: '{ taxonomy(kind: WATER_SECTOR) { code } }', variables: none, allowed: EVERYONE },
  searchNeeds: { document: '{ searchNeeds(query: "water", first: 5) { totalCount } }', variables: none, allowed: EVERYONE },
  searchEnterprises: { document: '{ searchEnterprises(query: "water", first: 5) { totalCount } }', variables: none, allowed: EVERYONE },
  demoAccounts: { document: '{ demoAccounts { email } }', variables: none, allowed: EVERYONE },

  // Needs
  needs: { document: '{ needs(first: 5) { totalCount } }', variables: none, allowed: EVERYONE },
  need: {
    // A DRAFT: its own agency and staff only (a published need is public).
    document: 'query($id: ID!) { need(id: $id) { id } }',
    variables: (w) => ({ id: w.draftNeed.id }),
    allowed: ['agency', ...STAFF],
    refusedWith: notFoundFor('anonymous', 'enterprise', 'otherEnterprise', 'otherAgency'),
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
  withdrawNeed: {
    document: 'mutation($id: ID!) { withdrawNeed(id: $id) { id } }',
    variables: (w) => ({ id: w.openNeed.id }),
    allowed: ['agency'],
  },
  closeNeed: {
    document: 'mutation($id: ID!) { closeNeed(id: $id) { id } }',
    variables: (w) => ({ id: w.openNeed.id }),
    allowed: ['agency', 'coordinator'],
  },

  // Capabilities (of a verified enterprise: public)
  capabilities: { document: '{ capabilities(first: 5) { totalCount } }', variables: none, allowed: EVERYONE },
  capability: {
    document: 'query($id: ID!) { capability(id: $id) { id } }',
    variables: (w) => ({ id: w.capability.id }),
    allowed: EVERYONE,
  },
  createCapability: {
    document: 'mutation { createCapability(input: { technologyCategory: "IRRIGATION", description: "Drip irrigation" }) { id } }',
    variables: none,
    allowed: ['enterprise', 'otherEnterprise'],
  },
  updateCapability: {
    document: 'mutation($id: ID!) { updateCapability(input: { id: $id, trl: 7 }) { id } }',
    variables: (w) => ({ id: w.capability.id }),
    allowed: ['enterprise'],
  },
  deleteCapability: {
    document: 'mutation($id: ID!) { deleteCapability(id: $id) }',
    variables: (w) => ({ id: w.capability.id }),
    allowed: ['enterprise'],
  },

  // Reference projects (of a verified enterprise: public)
  referenceProjects: { document: '{ referenceProjects(first: 5) { totalCount } }', variables: none, allowed: EVERYONE },
  referenceProject: {
    document: 'query($id: ID!) { referenceProject(id: $id) { id } }',
    variables: (w) => ({ id: w.referenceProject.id }),
    allowed: EVERYONE,
  },
  createReferenceProject: {
    document: 'mutation { createReferenceProject(input: { title: "Khartoum pumping station", countryCode: "SD", year: 2012 }) { id } }',
    variables: none,
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

  // Matching and matches
  matchCandidates: {
    document: 'query($id: ID!) { matchCandidates(needId: $id) { rank } }',
    variables: (w) => ({ id: w.openNeed.id }),
    allowed: STAFF,
  },
  opportunities: {
    // Enterprise members for their own enterprise only (another enterprise's member is FORBIDDEN by the service).
    document: 'query($org: ID!) { opportunities(organizationId: $org) { rank } }',
    variables: (w) => ({ org: w.orgs.enterpriseOrg.id }),
    allowed: ['enterprise', ...STAFF],
  },
  matchingWeights: { document: '{ matchingWeights { version weights { factor weight } } }', variables: none, allowed: STAFF },
  matchingWeightsHistory: { document: '{ matchingWeightsHistory(first: 5) { version status } }', variables: none, allowed: STAFF },
  reviewQueue: { document: '{ reviewQueue(first: 5) { totalCount } }', variables: none, allowed: STAFF },
  matchStatistics: { document: '{ matchStatistics { funnel { suggested } } }', variables: none, allowed: STAFF },
  // The alliance's reports (also GET /reports/alliance.csv, whose refusals alliance-reports.e2e-spec.ts checks): the secretariat
  allianceReport: {
    document:
      '{ allianceReport(groupBy: CENTRE, from: "2026-01-01", to: "2026-12-31") { rows { key } totals { donations { handedOver } } } }',
    variables: none,
    allowed: STAFF,
  },
  matches: { document: '{ matches(first: 5) { totalCount } }', variables: none, allowed: SIGNED_IN },
  match: {
    // An introduced match: both its sides and staff; the other organisations do not see it.
    document: 'query($id: ID!) { match(id: $id) { id } }',
    variables: (w) => ({ id: w.introducedMatch.id }),
    allowed: ['enterprise', 'agency', ...STAFF],
    refusedWith: notFoundFor('otherEnterprise', 'otherAgency'),
  },
  // A suggestion: staff only; its own sides do not see it before the introduction (test/e2e/audit.e2e-spec.ts has the other rules).
  auditTrail: {
    document: 'query($id: ID!) { auditTrail(entityId: $id) { action } }',
    variables: (w) => ({ id: w.match.id }),
    allowed: STAFF,
    refusedWith: notFoundFor('enterprise', 'otherEnterprise', 'agency', 'otherAgency'),
  },
  suggestMatches: {
    document: 'mutation($id: ID!) { suggestMatches(needId: $id) { id } }',
    variables: (w) => ({ id: w.openNeed.id }),
    allowed: STAFF,
  },
  expressInterest: {
    document: 'mutation($id: ID!) { expressInterest(input: { needId: $id, message: "We built twelve such plants." }) { id } }',
    variables: (w) => ({ id: w.openNeed.id }),
    allowed: ['enterprise', 'otherEnterprise'],
  },
  shortlistMatch: { document: MOVE('shortlistMatch'), variables: matchAt, allowed: STAFF },
  approveMatch: { document: MOVE('approveMatch'), variables: matchAt, allowed: STAFF },
  approveMatches: {
    document: 'mutation($id: ID!, $v: Int!) { approveMatches(input: [{ id: $id, version: $v }]) { id } }',
    variables: matchAt,
    allowed: STAFF,
  },
  rejectMatch: { document: MOVE('rejectMatch', 'reason: "Not a fit"'), variables: matchAt, allowed: STAFF },
  withdrawMatch: {
    document: MOVE('withdrawMatch', 'reason: "Need changed"'),
    variables: matchAt,
    // Enterprises withdraw only their own expressed interest; a suggestion not yet introduced is hidden even from its
    // own sides (answered as if it did not exist, whatever the version sent).
    allowed: STAFF,
    refusedWith: notFoundFor('enterprise', 'otherEnterprise'),
  },
  // Sides answer only introduced matches: the world's match is a suggestion, so they too are told it does not exist.
  respondToMatch: {
    document: MOVE('respondToMatch', 'accept: true'),
    variables: matchAt,
    allowed: [],
    refusedWith: notFoundFor('agency', 'enterprise', 'otherAgency', 'otherEnterprise'),
  },
  recordMatchOutcome: { document: MOVE('recordMatchOutcome', 'kind: MOU_SIGNED, date: "2026-11-01"'), variables: matchAt, allowed: STAFF },

  // Notifications (each user's own) and the delivery log (admins)
  notifications: { document: '{ notifications(first: 5) { unreadCount } }', variables: none, allowed: SIGNED_IN },
  notificationPreferences: { document: '{ notificationPreferences { eventType } }', variables: none, allowed: SIGNED_IN },
  notificationAdded: { document: 'subscription { notificationAdded { id } }', variables: none, allowed: SIGNED_IN },
  markNotificationsRead: { document: 'mutation { markNotificationsRead }', variables: none, allowed: SIGNED_IN },
  setNotificationPreferences: {
    document:
      'mutation { setNotificationPreferences(input: [{ eventType: OPPORTUNITY_ALERT, channel: EMAIL, enabled: true, frequency: WEEKLY }]) { eventType } }',
    variables: none,
    allowed: SIGNED_IN,
  },
  notificationDeliveries: { document: '{ notificationDeliveries(first: 5) { totalCount } }', variables: none, allowed: ['admin'] },
  retryNotificationDelivery: {
    document: 'mutation($id: ID!) { retryNotificationDelivery(id: $id) { id } }',
    variables: (w) => ({ id: w.match.id }),
    allowed: ['admin'],
  },

  // Webhooks (of the world's enterprise): its members and admins manage them, coordinators read them
  webhooks: {
    document: 'query($org: ID!) { webhooks(organizationId: $org) { id } }',
    variables: (w) => ({ org: w.orgs.enterpriseOrg.id }),
    allowed: ['enterprise', ...STAFF],
    refusedWith: OTHER_ORGANIZATIONS_NOT_FOUND,
  },
  webhookDeliveries: {
    document: 'query($id: ID!) { webhookDeliveries(webhookId: $id) { totalCount } }',
    variables: (w) => ({ id: w.webhook.id }),
    allowed: ['enterprise', ...STAFF],
    refusedWith: OTHER_ORGANIZATIONS_NOT_FOUND,
  },
  createWebhook: {
    document:
      'mutation($org: ID!) { createWebhook(input: { organizationId: $org, url: "https://hooks.example.org/new", events: [MATCH_ENGAGED] }) { secret } }',
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
  deleteWebhook: {
    document: 'mutation($id: ID!) { deleteWebhook(id: $id) }',
    variables: (w) => ({ id: w.webhook.id }),
    allowed: ['enterprise', 'admin'],
    refusedWith: OTHER_ORGANIZATIONS_NOT_FOUND,
  },
  rotateWebhookSecret: {
    document: 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }',
    variables: (w) => ({ id: w.webhook.id }),
    allowed: ['enterprise', 'admin'],
    refusedWith: OTHER_ORGANIZATIONS_NOT_FOUND,
  },
  testWebhook: {
    document: 'mutation($id: ID!) { testWebhook(id: $id) { ok } }',
    variables: (w) => ({ id: w.webhook.id }),
    allowed: ['enterprise', 'admin'],
    refusedWith: OTHER_ORGANIZATIONS_NOT_FOUND,
  },

  // The alliance's programmes: public to read, run by coordinators
  programmes: {
    document: '{ programmes(first: 5) { totalCount edges { node { id members { id } } } } }',
    variables: none,
    allowed: EVERYONE,
  },
  programme: {
    document: 'query($id: ID!) { programme(id: $id) { id members { id } } }',
    variables: (w) => ({ id: w.programme.id }),
    allowed: EVERYONE,
  },
  createProgramme: {
    document: 'mutation { createProgramme(input: { nameEn: "Access check", sponsor: "ANSO", startsOn: "2025-01-01" }) { id } }',
    variables: none,
    allowed: ['coordinator'],
  },
  updateProgramme: {
    document: 'mutation($id: ID!) { updateProgramme(input: { id: $id, description: "Changed" }) { id } }',
    variables: (w) => ({ id: w.programme.id }),
    allowed: ['coordinator'],
  },
  addProgrammeMembers: {
    document: 'mutation($p: ID!, $o: [ID!]!) { addProgrammeMembers(programmeId: $p, organizationIds: $o) { id } }',
    variables: (w) => ({ p: w.programme.id, o: [w.orgs.otherEnterpriseOrg.id] }),
    allowed: ['coordinator'],
  },
  removeProgrammeMember: {
    document: 'mutation($p: ID!, $o: ID!) { removeProgrammeMember(programmeId: $p, organizationId: $o) { id } }',
    variables: (w) => ({ p: w.programme.id, o: w.orgs.enterpriseOrg.id }),
    allowed: ['coordinator'],
  },

  // Activities: published ones public, run by coordinators; members register their own organisation's delegates
  activities: {
    document: '{ activities(first: 5) { totalCount edges { node { id seats { free } myRegistrations { id } } } } }',
    variables: none,
    allowed: EVERYONE,
  },
  activity: {
    document: 'query($id: ID!) { activity(id: $id) { id seats { taken } myRegistrations { id } } }',
    variables: (w) => ({ id: w.activity.id }),
    allowed: EVERYONE,
  },
  // Everyone signed in; members read their own organisation's registrations only (test/e2e/activities.e2e-spec.ts).
  activityRegistrations: {
    document: 'query($id: ID!) { activityRegistrations(activityId: $id, first: 5) { edges { node { id } } } }',
    variables: (w) => ({ id: w.activity.id }),
    allowed: SIGNED_IN,
  },
  createActivity: {
    document: `mutation($s: DateTime!, $e: DateTime!, $d: DateTime!) { createActivity(input: { kind: SEMINAR, title: "Access check", countryCode: "LK", startsAt: $s, endsAt: $e, registrationDeadline: $d, capacity: 10 }) { id } }`,
    variables: () => ({
      s: new Date(Date.now() + 30 * 86400_000),
      e: new Date(Date.now() + 31 * 86400_000),
      d: new Date(Date.now() + 20 * 86400_000),
    }),
    allowed: ['coordinator'],
  },
  updateActivity: {
    document: 'mutation($id: ID!) { updateActivity(input: { id: $id, city: "Colombo" }) { id } }',
    variables: (w) => ({ id: w.activity.id }),
    allowed: ['coordinator'],
  },
  ...Object.fromEntries(
    ['publishActivity', 'closeActivityRegistration', 'reopenActivityRegistration', 'markActivityHeld'].map((mutation) => [
      mutation,
      {
        document: `mutation($id: ID!) { ${mutation}(id: $id) { id } }`,
        variables: (w: AccessWorld) => ({ id: w.activity.id }),
        allowed: ['coordinator'],
      },
    ]),
  ),
  reportActivity: {
    document: 'mutation($id: ID!) { reportActivity(id: $id, report: "Access check") { id } }',
    variables: (w) => ({ id: w.activity.id }),
    allowed: ['coordinator'],
  },
  cancelActivity: {
    document: 'mutation($id: ID!) { cancelActivity(id: $id, reason: "Access check") { id } }',
    variables: (w) => ({ id: w.activity.id }),
    allowed: ['coordinator'],
  },
  registerDelegates: {
    document:
      'mutation($id: ID!) { registerDelegates(input: { activityId: $id, delegates: [{ name: "Access Check", email: "access.check@example.org" }] }) { id } }',
    variables: (w) => ({ id: w.activity.id }),
    allowed: ['enterprise', 'otherEnterprise', 'agency', 'otherAgency', 'coordinator'],
  },
  confirmRegistration: {
    document: 'mutation($id: ID!) { confirmRegistration(id: $id) { id } }',
    variables: (w) => ({ id: w.registration.id }),
    allowed: ['coordinator'],
  },
  refuseRegistration: {
    document: 'mutation($id: ID!) { refuseRegistration(id: $id, reason: "Access check") { id } }',
    variables: (w) => ({ id: w.registration.id }),
    allowed: ['coordinator'],
  },
  // The registering organisation and coordinators; to other organisations the registration does not exist.
  cancelRegistration: {
    document: 'mutation($id: ID!) { cancelRegistration(id: $id) { id } }',
    variables: (w) => ({ id: w.registration.id }),
    allowed: ['enterprise', 'coordinator'],
    refusedWith: notFoundFor('otherEnterprise', 'agency', 'otherAgency'),
  },

  // Equipment donations: the donor's and the recipient's members, and the secretariat
  donations: {
    document: '{ donations(first: 5) { totalCount edges { node { id donor { id } recipient { id } } } } }',
    variables: none,
    allowed: SIGNED_IN,
  },
  donation: {
    document: 'query($id: ID!) { donation(id: $id) { id } }',
    variables: (w) => ({ id: w.donation.id }),
    allowed: ['enterprise', 'agency', 'coordinator', 'admin'],
    refusedWith: notFoundFor('otherEnterprise', 'otherAgency'),
  },
  recordDonationAsOutcome: {
    document: 'mutation($id: ID!, $m: ID!) { recordDonationAsOutcome(input: { id: $id, matchId: $m, matchVersion: 1 }) { id } }',
    variables: (w) => ({ id: w.donation.id, m: w.match.id }),
    allowed: ['coordinator'],
  },
  recordTrainingAsOutcome: {
    document: 'mutation($id: ID!, $m: ID!) { recordTrainingAsOutcome(input: { id: $id, matchId: $m, matchVersion: 1 }) { id } }',
    variables: (w) => ({ id: w.trainingCourse.id, m: w.match.id }),
    allowed: ['coordinator'],
  },
  // B2B meetings: members see and act for their own delegates; other organisations are told a delegate does not exist.
  meetingPlan: {
    document: 'query($id: ID!) { meetingPlan(activityId: $id) { tables slots { id } } }',
    variables: (w) => ({ id: w.activity.id }),
    allowed: SIGNED_IN,
  },
  activityMeetings: {
    document: 'query($id: ID!) { activityMeetings(activityId: $id) { id } }',
    variables: (w) => ({ id: w.activity.id }),
    allowed: SIGNED_IN,
  },
  meetingAgenda: {
    document: 'query($id: ID!) { meetingAgenda(registrationId: $id) { meetingRequestId } }',
    variables: (w) => ({ id: w.agencyDelegate.id }),
    allowed: ['agency', 'coordinator', 'admin'],
    refusedWith: notFoundFor('enterprise', 'otherEnterprise', 'otherAgency'),
  },
  meetingBreaks: {
    document: 'query($id: ID!) { meetingBreaks(registrationId: $id) { id } }',
    variables: (w) => ({ id: w.agencyDelegate.id }),
    allowed: ['agency', 'coordinator', 'admin'],
    refusedWith: notFoundFor('enterprise', 'otherEnterprise', 'otherAgency'),
  },
  meetingSuggestions: {
    document: 'query($id: ID!) { meetingSuggestions(registrationId: $id) { rank } }',
    variables: (w) => ({ id: w.agencyDelegate.id }),
    allowed: ['agency', 'coordinator', 'admin'],
    refusedWith: notFoundFor('enterprise', 'otherEnterprise', 'otherAgency'),
  },
  setMeetingPlan: {
    document:
      'mutation($id: ID!, $s: DateTime!, $e: DateTime!) { setMeetingPlan(input: { activityId: $id, tables: 3, slots: [{ startsAt: $s, endsAt: $e }] }) { tables } }',
    variables: (w) => ({ id: w.activity.id, s: w.meetingSlot.startsAt.toISOString(), e: w.meetingSlot.endsAt.toISOString() }),
    allowed: ['coordinator'],
  },
  setMeetingBreaks: {
    document: 'mutation($id: ID!) { setMeetingBreaks(input: { registrationId: $id, slotIds: [] }) { id } }',
    variables: (w) => ({ id: w.agencyDelegate.id }),
    allowed: ['agency', 'coordinator'],
    refusedWith: notFoundFor('enterprise', 'otherEnterprise', 'otherAgency'),
  },
  requestMeeting: {
    document: 'mutation($f: ID!, $t: ID!) { requestMeeting(input: { fromRegistrationId: $f, toRegistrationId: $t }) { id } }',
    variables: (w) => ({ f: w.enterpriseDelegate.id, t: w.agencyDelegate.id }),
    allowed: ['enterprise', 'coordinator'],
    refusedWith: notFoundFor('otherEnterprise', 'agency', 'otherAgency'),
  },
  answerMeetingRequest: {
    document: 'mutation($id: ID!) { answerMeetingRequest(id: $id, accept: true) { id } }',
    variables: (w) => ({ id: w.meetingRequest.id }),
    allowed: ['agency', 'coordinator'],
    refusedWith: notFoundFor('otherEnterprise', 'otherAgency'),
  },
  cancelMeetingRequest: {
    document: 'mutation($id: ID!) { cancelMeetingRequest(id: $id, reason: "Access check") { id } }',
    variables: (w) => ({ id: w.meetingRequest.id }),
    allowed: ['enterprise', 'agency', 'coordinator'],
    refusedWith: notFoundFor('otherEnterprise', 'otherAgency'),
  },
  scheduleMeetings: {
    document: 'mutation($id: ID!) { scheduleMeetings(activityId: $id) { placed } }',
    variables: (w) => ({ id: w.activity.id }),
    allowed: ['coordinator'],
  },
  pledgeDonation: {
    document:
      'mutation($to: ID!) { pledgeDonation(input: { recipientId: $to, title: "Access check", items: [{ name: "Pump", quantity: 1 }] }) { id } }',
    variables: (w) => ({ to: w.orgs.agencyOrg.id }),
    allowed: ['enterprise', 'otherEnterprise', 'coordinator'],
  },
  // Who moves it depends on the move (donations.e2e-spec.ts); an approval: coordinators only, others of the two
  // sides FORBIDDEN, other organisations NOT_FOUND.
  moveDonation: {
    document: 'mutation($id: ID!) { moveDonation(input: { id: $id, version: 1, to: APPROVED }) { id } }',
    variables: (w) => ({ id: w.donation.id }),
    allowed: ['coordinator'],
    refusedWith: notFoundFor('otherEnterprise', 'otherAgency'),
  },

  // Training courses: the trainer's and the recipient's members, and the secretariat
  trainingCourses: {
    document: '{ trainingCourses(first: 5) { totalCount edges { node { id trainer { id } recipient { id } } } } }',
    variables: none,
    allowed: SIGNED_IN,
  },
  trainingCourse: {
    document: 'query($id: ID!) { trainingCourse(id: $id) { id } }',
    variables: (w) => ({ id: w.trainingCourse.id }),
    allowed: ['enterprise', 'agency', 'coordinator', 'admin'],
    refusedWith: notFoundFor('otherEnterprise', 'otherAgency'),
  },
  // Enterprises and joint centres train (a centre's staff are agency members: an agency's pledge is BAD_USER_INPUT).
  pledgeTraining: {
    document:
      'mutation($to: ID!) { pledgeTraining(input: { recipientId: $to, title: "Access check", startsOn: "2026-09-01", hours: 8, trainees: 5 }) { id } }',
    variables: (w) => ({ to: w.orgs.agencyOrg.id }),
    allowed: ['enterprise', 'otherEnterprise', 'agency', 'otherAgency', 'coordinator'],
  },
  moveTraining: {
    document: 'mutation($id: ID!) { moveTraining(input: { id: $id, version: 1, to: APPROVED }) { id } }',
    variables: (w) => ({ id: w.trainingCourse.id }),
    allowed: ['coordinator'],
    refusedWith: notFoundFor('otherEnterprise', 'otherAgency'),
  },
};

type OperationKind = 'query' | 'mutation' | 'subscription';

/** The operation type of a rule's document and the root field it calls. */
function operationOf(document: string): { kind: OperationKind; fields: string[] } {
  const definition = parse(document).definitions[0] as OperationDefinitionNode;
  return {
    kind: definition.operation,
    fields: definition.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : s.kind)),
  };
}

const RULES_BY_KIND = (kind: OperationKind) => Object.entries(RULES).filter(([, rule]) => operationOf(rule.document).kind === kind);
const expectedRefusal = (rule: Rule, principal: Principal) =>
  rule.refusedWith?.[principal] ?? (principal === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');

/** Every (operation, principal) pair of the rules of one kind, with the expected outcome. */
const matrix = (kind: OperationKind) =>
  RULES_BY_KIND(kind).flatMap(([operation, rule]) =>
    PRINCIPALS.map((principal) => {
      const allowed = rule.allowed.includes(principal);
      return { operation, principal, rule, allowed, expected: allowed ? 'allowed' : expectedRefusal(rule, principal) };
    }),
  );

describe('access rules', () => {
  let t: TestApp;
  let w: AccessWorld;
  let world: World;
  useWorld((app, built) => ((t = app), (world = built)));

  beforeAll(async () => {
    const need = await t.factory.need(world.orgs.agencyOrg.id, { title: 'Open: water kiosks in Batticaloa' });
    const introducedMatch = await t.factory.match(need.id, world.orgs.enterpriseOrg.id, {
      status: MatchStatus.INTRODUCED,
      introducedAt: new Date(),
    });
    const session = await t.gql<{ login: { refreshToken: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken } }',
      {
        e: world.users.enterprise.email,
        p: TEST_PASSWORD,
      },
    );
    const programme = await t.factory.programme();
    await t.dataSource
      .getRepository(ProgrammeMemberEntity)
      .insert({ programmeId: programme.id, organizationId: world.orgs.enterpriseOrg.id });
    const activity = await t.dataSource.getRepository(ActivityEntity).save({
      kind: ActivityKind.SEMINAR,
      title: 'Seminar on water kiosks',
      countryCode: 'LK',
      startsAt: new Date(Date.now() + 30 * 86400_000),
      endsAt: new Date(Date.now() + 31 * 86400_000),
      registrationDeadline: new Date(Date.now() + 20 * 86400_000),
      capacity: 10,
      status: ActivityStatus.OPEN,
      meetingTables: 2,
    });
    const registration = await t.dataSource.getRepository(ActivityRegistrationEntity).save({
      activityId: activity.id,
      organizationId: world.orgs.enterpriseOrg.id,
      delegateName: 'Wang Fang',
      delegateEmail: 'wang.fang@example.cn',
      status: RegistrationStatus.PENDING,
    });
    const delegate = (organizationId: string, delegateName: string, delegateEmail: string) =>
      t.dataSource
        .getRepository(ActivityRegistrationEntity)
        .save({ activityId: activity.id, organizationId, delegateName, delegateEmail, status: RegistrationStatus.CONFIRMED });
    const enterpriseDelegate = await delegate(world.orgs.enterpriseOrg.id, 'Zhou Min', 'zhou.min@example.cn');
    const agencyDelegate = await delegate(world.orgs.agencyOrg.id, 'Nimal Perera', 'nimal.perera@example.lk');
    const meetingSlot = await t.dataSource.getRepository(MeetingSlotEntity).save({
      activityId: activity.id,
      startsAt: new Date(activity.startsAt.getTime() + 3600_000),
      endsAt: new Date(activity.startsAt.getTime() + 5400_000),
    });
    const meetingRequest = await t.dataSource
      .getRepository(MeetingRequestEntity)
      .save({ activityId: activity.id, requesterId: enterpriseDelegate.id, inviteeId: agencyDelegate.id });
    const donation = await t.dataSource.getRepository(DonationEntity).save({
      donorId: world.orgs.enterpriseOrg.id,
      recipientId: world.orgs.agencyOrg.id,
      title: 'Pumps for the district',
      items: [{ name: 'Submersible pump', quantity: 4, unitValue: null }],
    });
    const trainingCourse = await t.dataSource.getRepository(TrainingCourseEntity).save({
      trainerId: world.orgs.enterpriseOrg.id,
      recipientId: world.orgs.agencyOrg.id,
      title: 'Pump maintenance',
      startsOn: '2026-09-01',
      hours: 16,
      trainees: 10,
    });
    w = {
      ...world,
      introducedMatch,
      refreshToken: session.data!.login.refreshToken,
      programme,
      activity,
      registration,
      donation,
      trainingCourse,
      enterpriseDelegate,
      agencyDelegate,
      meetingSlot,
      meetingRequest,
    };
    // Search answers from the indexes: fill them, or search would be SEARCH_UNAVAILABLE for everyone.
    await t.indexEverything();
  });

  it('has a rule for every query, mutation and subscription of the schema, and none for an operation it lacks', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const roots: Record<OperationKind, GraphQLObjectType | null | undefined> = {
      query: schema.getQueryType(),
      mutation: schema.getMutationType(),
      subscription: schema.getSubscriptionType(),
    };
    const fieldsOf = (kind: OperationKind) => Object.keys(roots[kind]?.getFields() ?? {});
    const withoutRule = Object.fromEntries(
      (['query', 'mutation', 'subscription'] as const).map((kind) => [kind, fieldsOf(kind).filter((field) => !(field in RULES))]),
    );
    expect(withoutRule).toEqual({ query: [], mutation: [], subscription: [] });
    // Each rule calls exactly its own operation, with the right operation type (a stale or misfiled row fails here).
    const misfiled = Object.entries(RULES).filter(([operation, rule]) => {
      const { kind, fields } = operationOf(rule.document);
      return fields.length !== 1 || fields[0] !== operation || !fieldsOf(kind).includes(operation);
    });
    expect(misfiled.map(([operation]) => operation)).toEqual([]);
  });

  describe('queries', () => {
    it.each(matrix('query'))('$operation: $principal → $expected', async ({ operation, rule, principal, allowed, expected }) => {
      const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
      const res = await t.gql(rule.document, rule.variables(w), w.token(principal));
      if (allowed) {
        expect(res.errors).toBeUndefined();
        expect(res.data?.[operation]).toBeDefined();
        expect(res.data?.[operation]).not.toBeNull();
      } else {
        expect(errorCode(res)).toBe(expected);
        expect(res.data ?? null).toBeNull();
      }
      expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);
    });
  });

  describe('subscriptions (graphql-ws)', () => {
    let wsUrl: string;
    beforeAll(async () => {
      const server = t.app.getHttpServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      wsUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    });

    /** The code of whatever ended a subscription: GraphQL errors (an array), a close event, or an Error. */
    const codeOfEnd = (end: unknown): string => {
      if (Array.isArray(end)) return String((end[0] as { extensions?: { code?: string } })?.extensions?.code);
      if (end && typeof end === 'object' && 'code' in end)
        return `close ${(end as { code: number; reason?: string }).code} ${(end as { reason?: string }).reason ?? ''}`;
      return String(end);
    };

    it.each(matrix('subscription'))('$operation: $principal → $expected', async ({ operation, rule, principal, allowed, expected }) => {
      const token = w.token(principal);
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
      });
      const received: string[] = [];
      let dispose = () => undefined as void;
      const ended = new Promise<unknown>((resolve) => {
        dispose = client.subscribe<Record<string, { id: string }>>(
          { query: rule.document, variables: rule.variables(w) },
          {
            next: (message) => (message.errors ? resolve(message.errors) : message.data && received.push(message.data[operation].id)),
            error: resolve,
            complete: () => resolve('completed'),
          },
        );
      });
      let outcome: string;
      try {
        if (!allowed) {
          outcome = codeOfEnd(await Promise.race([ended, new Promise((r) => setTimeout(() => r('still running after 5 s'), 5000))]));
        } else if (principal === 'anonymous') {
          // Nobody to notify: started without error is all there is to see.
          outcome = codeOfEnd(await Promise.race([ended, new Promise((r) => setTimeout(() => r('allowed'), 1000))]));
        } else {
          // Started without error: the subscriber's next notification reaches it (told the way the fan-out tells: NOTIFY).
          const userId = w.users[principal].id;
          const [{ id }] = await t.dataSource.query(
            `INSERT INTO notification (user_id, event_id, type, title, body) VALUES ($1, gen_random_uuid(), 'MATCH_INTRODUCED', 'Access check', 'Access check') RETURNING id`,
            [userId],
          );
          let end: unknown;
          void ended.then((e) => (end = e));
          const deadline = Date.now() + 10_000;
          // The server registers the subscription a moment after the socket opens: announce until it is heard.
          while (!received.includes(id) && end === undefined && Date.now() < deadline) {
            await t.dataSource.query('SELECT pg_notify($1, $2)', [NOTIFICATION_CHANNEL, JSON.stringify({ userId, id })]);
            await new Promise((r) => setTimeout(r, 200));
          }
          outcome = received.includes(id) ? 'allowed' : `not delivered (${codeOfEnd(end)})`;
        }
      } finally {
        dispose();
        await client.dispose();
      }
      expect(outcome).toBe(expected);
    });
  });

  describe('mutations', () => {
    it.each(matrix('mutation').filter((c) => !c.allowed))(
      '$operation refuses $principal with $expected and changes nothing',
      async ({ rule, principal, expected }) => {
        const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
        const res = await t.gql(rule.document, rule.variables(w), w.token(principal));
        expect(errorCode(res)).toBe(expected);
        expect(res.data ?? null).toBeNull();
        expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);
      },
    );

    it('lets the allowed callers through (the refusals above are not a broken operation)', async () => {
      // One allowed caller per rule, on operations whose success does not disturb the others.
      for (const operation of [
        'login',
        'refreshToken',
        'createOrganization',
        'createNeed',
        'createCapability',
        'createReferenceProject',
        'updateOrganization',
        'updateNeed',
        'updateCapability',
        'updateReferenceProject',
        'createProgramme',
        'updateProgramme',
        'addProgrammeMembers',
        'removeProgrammeMember',
        'createActivity',
        'updateActivity',
        'registerDelegates',
        'pledgeDonation',
        'pledgeTraining',
        'setMeetingBreaks',
        'setMeetingPlan',
      ]) {
        const rule = RULES[operation];
        const res = await t.gql(rule.document, rule.variables(w), w.token(rule.allowed[0]));
        expect({ operation, errors: res.errors }).toEqual({ operation, errors: undefined });
      }
    });
  });

  it('answers an invalid refresh token with UNAUTHENTICATED, whoever sends it', async () => {
    for (const principal of PRINCIPALS) {
      for (const refreshToken of ['not-a-refresh-token', `${w.refreshToken}x`, '']) {
        const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
        const res = await t.gql(RULES.refreshToken.document, { r: refreshToken }, w.token(principal));
        expect({ principal, refreshToken, code: errorCode(res), data: res.data ?? null }).toEqual({
          principal,
          refreshToken,
          code: 'UNAUTHENTICATED',
          data: null,
        });
        expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);
      }
    }
  });

  it('rejects forged, expired and malformed tokens', async () => {
    const jwt = await import('jsonwebtoken');
    const forged = jwt.sign({}, 'another-secret-another-secret-another', {
      subject: w.users.admin.id,
      issuer: 'waterbridge',
      expiresIn: 600,
    });
    const expired = jwt.sign({ exp: Math.floor(Date.now() / 1000) - 10 }, 'test-secret-that-is-long-enough-0123456789', {
      subject: w.users.admin.id,
      issuer: 'waterbridge',
    });
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

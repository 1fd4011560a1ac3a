import { MatchEntity } from '../../src/matches/match.entity';
import { MatchStatus, SideResponse } from '../../src/matches/match-status';
import { NeedStatus } from '../../src/needs/need-status';
import { OrganizationKind, VerificationStatus } from '../../src/organizations/organization.entity';
import { UserEntity } from '../../src/users/user.entity';
import { Role } from '../../src/access/actor';
import { startTestApp, TestApp } from './test-app';

/** Who calls: nobody, or a user of each role; "other" members belong to a second organisation of the same kind. */
export type Principal = 'anonymous' | 'enterprise' | 'otherEnterprise' | 'agency' | 'otherAgency' | 'coordinator' | 'admin';
export const PRINCIPALS: Principal[] = ['anonymous', 'enterprise', 'otherEnterprise', 'agency', 'otherAgency', 'coordinator', 'admin'];

/** A small, complete world: two enterprises, two agencies, the secretariat, and data owned by each. */
export async function buildWorld(t: TestApp) {
  const f = t.factory;
  const enterpriseOrg = await f.organization({
    kind: OrganizationKind.ENTERPRISE,
    nameEn: 'Blue River Water Engineering',
    parentGroup: 'BLUE GROUP',
  });
  const otherEnterpriseOrg = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Delta Membranes' });
  const agencyOrg = await f.organization({ kind: OrganizationKind.AGENCY, nameEn: 'Lanka Water Board', countryCode: 'LK' });
  const otherAgencyOrg = await f.organization({ kind: OrganizationKind.AGENCY, nameEn: 'Kenya Water Authority', countryCode: 'KE' });
  const unverifiedAgencyOrg = await f.organization({
    kind: OrganizationKind.AGENCY,
    nameEn: 'New Basin Authority',
    countryCode: 'UZ',
    verificationStatus: VerificationStatus.PENDING,
  });
  const secretariat = await f.organization({ kind: OrganizationKind.SECRETARIAT, nameEn: 'Secretariat' });

  const users: Record<Exclude<Principal, 'anonymous'>, UserEntity> = {
    enterprise: await f.user(Role.ENTERPRISE_MEMBER, { organizationId: enterpriseOrg.id }),
    otherEnterprise: await f.user(Role.ENTERPRISE_MEMBER, { organizationId: otherEnterpriseOrg.id }),
    agency: await f.user(Role.AGENCY_MEMBER, { organizationId: agencyOrg.id }),
    otherAgency: await f.user(Role.AGENCY_MEMBER, { organizationId: otherAgencyOrg.id }),
    coordinator: await f.user(Role.COORDINATOR, { organizationId: secretariat.id }),
    admin: await f.user(Role.ADMIN, { organizationId: secretariat.id }),
  };
  const unverifiedAgencyMember = await f.user(Role.AGENCY_MEMBER, { organizationId: unverifiedAgencyOrg.id });

  const draftNeed = await f.need(agencyOrg.id, { title: 'Draft: desalination for Jaffna', status: NeedStatus.DRAFT, publishedAt: null });
  const openNeed = await f.need(agencyOrg.id, { title: 'Open: rural boreholes in Anuradhapura' });
  const capability = await f.capability(enterpriseOrg.id);
  const referenceProject = await f.referenceProject(enterpriseOrg.id);
  const match = await f.match(openNeed.id, enterpriseOrg.id);
  const webhook = await f.webhook(enterpriseOrg.id);

  const token = (who: Principal): string | undefined => (who === 'anonymous' ? undefined : t.tokenFor(users[who].id));
  return {
    orgs: { enterpriseOrg, otherEnterpriseOrg, agencyOrg, otherAgencyOrg, unverifiedAgencyOrg, secretariat },
    users,
    unverifiedAgencyMember,
    draftNeed,
    openNeed,
    capability,
    referenceProject,
    match,
    webhook,
    token,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** Starts the app on a fresh database with the world built, for one test file; hands both to `use`. */
export function useWorld(use: (t: TestApp, w: World) => void, env: Record<string, string> = {}): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(env);
    use(app, await buildWorld(app));
  });
  afterAll(() => app?.close());
}

/** The world's match (its enterprise, its agency's open need), engaged 30 days ago: both sides accepted. */
export async function engageWorldMatch(t: TestApp, w: World): Promise<MatchEntity> {
  const introducedAt = new Date(Date.now() - 30 * 86400_000);
  const matches = t.dataSource.getRepository(MatchEntity);
  await matches.update(w.match.id, {
    status: MatchStatus.ENGAGED,
    agencyResponse: SideResponse.ACCEPTED,
    enterpriseResponse: SideResponse.ACCEPTED,
    introducedAt,
    statusChangedAt: introducedAt,
  });
  return matches.findOneByOrFail({ id: w.match.id });
}

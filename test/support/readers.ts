import { randomUUID } from 'node:crypto';
import { Actor } from '../../src/auth/actor';
import { OrganizationKind } from '../../src/organizations/organization.entity';
import { Role } from '../../src/users/user.entity';
import { Factory } from './factory';

/**
 * The organisations a visibility rule tells apart, and a reader of every role: an owning agency and another, an
 * enterprise and one to be matched, the secretariat; the readers by name, anonymous first.
 */
export async function readersOfEveryRole(f: Factory) {
  const agency = await f.organization({ kind: OrganizationKind.AGENCY, countryCode: 'LK' });
  const otherAgency = await f.organization({ kind: OrganizationKind.AGENCY, countryCode: 'KE' });
  const enterprise = await f.organization({ kind: OrganizationKind.ENTERPRISE });
  const matchedEnterprise = await f.organization({ kind: OrganizationKind.ENTERPRISE });
  const secretariat = await f.organization({ kind: OrganizationKind.SECRETARIAT });
  const actor = (role: Role, organizationId: string): Actor => ({ userId: randomUUID(), organizationId, role });
  const readers: Record<string, Actor | null> = {
    anonymous: null,
    'agency member of the owning agency': actor(Role.AGENCY_MEMBER, agency.id),
    'agency member of another agency': actor(Role.AGENCY_MEMBER, otherAgency.id),
    'enterprise member': actor(Role.ENTERPRISE_MEMBER, enterprise.id),
    'enterprise member of the matched enterprise': actor(Role.ENTERPRISE_MEMBER, matchedEnterprise.id),
    coordinator: actor(Role.COORDINATOR, secretariat.id),
    admin: actor(Role.ADMIN, secretariat.id),
  };
  return { orgs: { agency, otherAgency, enterprise, matchedEnterprise }, readers };
}

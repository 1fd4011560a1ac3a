import { randomUUID } from 'node:crypto';
import { EntityTarget } from 'typeorm';
import { Actor, Role } from '../../src/access/actor';
import { SqlCondition } from '../../src/common/sql-condition';
import { OrganizationKind } from '../../src/organizations/organization.entity';
import { SearchIndex } from '../../src/search/search-indexes';
import { SearchRepository } from '../../src/search/search.repository';
import { Factory } from './factory';
import { TestApp } from './test-app';

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

/** The ids of the rows of `entity` (aliased `alias`) that meet `condition`, sorted. */
export async function idsWhere(
  t: TestApp,
  entity: EntityTarget<{ id: string }>,
  alias: string,
  condition: SqlCondition,
): Promise<string[]> {
  const rows = await t.dataSource
    .getRepository(entity)
    .createQueryBuilder(alias)
    .select(`${alias}.id`)
    .andWhere(condition.where, condition.parameters)
    .getMany();
  return rows.map((row) => row.id).sort();
}

/**
 * The ids of the documents of `index` that pass `filter` (all of them when undefined), sorted. The index by its name:
 * the specs of the domains below search (needs, organizations) do not import it.
 */
export async function idsFiltered(t: TestApp, index: `${SearchIndex}`, filter: string | undefined): Promise<string[]> {
  const response = await t.app
    .get(SearchRepository)
    .search<{ id: string }>(index as SearchIndex, '', { filter, limit: 1000, attributesToRetrieve: ['id'] });
  return response.hits.map((hit) => hit.id).sort();
}

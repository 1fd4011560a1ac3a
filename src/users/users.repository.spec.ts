import { TestDataSource, useTestDataSource } from '../../test/support/test-data-source';
import { Role } from '../access/actor';
import { OrganizationKind } from '../organizations/organization.entity';
import { UsersRepository } from './users.repository';

describe('UsersRepository (real PostgreSQL)', () => {
  let t: TestDataSource;
  let repository: UsersRepository;
  useTestDataSource((opened) => {
    t = opened;
    repository = new UsersRepository(t.dataSource);
  });

  it("reads the active members of several organisations at once, by name, and nobody else's", async () => {
    const f = t.factory;
    const agency = await f.organization({ kind: OrganizationKind.AGENCY });
    const enterprise = await f.organization({ kind: OrganizationKind.ENTERPRISE });
    const other = await f.organization({ kind: OrganizationKind.ENTERPRISE });
    await f.user(Role.AGENCY_MEMBER, { organizationId: agency.id, displayName: 'Sokha Chea', email: 'sokha@mowram.example' });
    await f.user(Role.ENTERPRISE_MEMBER, { organizationId: enterprise.id, displayName: 'Zhang Wei', email: 'zhang@water.example' });
    await f.user(Role.ENTERPRISE_MEMBER, { organizationId: enterprise.id, displayName: 'Li Na', email: 'li@water.example' });
    await f.user(Role.ENTERPRISE_MEMBER, { organizationId: enterprise.id, displayName: 'Gone Away', active: false });
    await f.user(Role.ENTERPRISE_MEMBER, { organizationId: other.id, displayName: 'Not Asked' });

    expect(await repository.activeMembersOf([agency.id, enterprise.id])).toEqual([
      { organizationId: enterprise.id, name: 'Li Na', email: 'li@water.example' },
      { organizationId: agency.id, name: 'Sokha Chea', email: 'sokha@mowram.example' },
      { organizationId: enterprise.id, name: 'Zhang Wei', email: 'zhang@water.example' },
    ]);
    expect(await repository.activeMembersOf([])).toEqual([]);
  });

  it("leaves out the secretariat's staff: coordinators are nobody's contact", async () => {
    const secretariat = await t.factory.organization({ kind: OrganizationKind.SECRETARIAT });
    await t.factory.user(Role.COORDINATOR, { organizationId: secretariat.id });
    expect(await repository.activeMembersOf([secretariat.id])).toEqual([]);
  });

  it("reads inside the caller's transaction when given its manager", async () => {
    const agency = await t.factory.organization({ kind: OrganizationKind.AGENCY });
    const member = await t.factory.user(Role.AGENCY_MEMBER, { organizationId: agency.id, displayName: 'Before' });
    const [inside, outside] = await t.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE app_user SET display_name = 'After' WHERE id = $1`, [member.id]);
      return Promise.all([repository.activeMembersOf([agency.id], manager), repository.activeMembersOf([agency.id])]);
    });
    expect(inside.map((m) => m.name)).toEqual(['After']);
    expect(outside.map((m) => m.name)).toEqual(['Before']);
  });
});

import { Role } from '../../src/users/user.entity';
import { startTestApp, TestApp } from '../support/test-app';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers needs', async () => {
    const agency = await t.factory.user(Role.AGENCY_MEMBER);
    await t.factory.need(agency.organizationId);
    const res = await t.gql('{ needs(first: 5) { totalCount edges { node { title country { code } } } } }');
    expect(res.data).toMatchObject({ needs: { totalCount: 1 } });
  });
});

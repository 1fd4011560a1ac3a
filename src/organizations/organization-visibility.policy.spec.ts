import { randomUUID } from 'node:crypto';
import { idsFiltered, idsWhere, readersOfEveryRole } from '../../test/support/readers';
import { startTestApp, TestApp } from '../../test/support/test-app';
import { Actor, Role } from '../access/actor';
import { OrganizationEntity, OrganizationKind, VerificationStatus } from './organization.entity';
import { OrganizationVisibility } from './organization-visibility.policy';

/**
 * The three forms of the rule name the same organisations for every reader: the SQL condition and the check over all
 * organisations, the Meilisearch filter over the enterprises index (the only index of organisations).
 */
describe('OrganizationVisibility (real PostgreSQL and Meilisearch)', () => {
  let t: TestApp;
  let organizations: OrganizationEntity[];
  const readers: Record<string, Actor | null> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const { readers: everyRole } = await readersOfEveryRole(t.factory);
    // An enterprise and an agency of every verification status, and members of the ones not verified.
    for (const verificationStatus of Object.values(VerificationStatus)) {
      for (const kind of [OrganizationKind.ENTERPRISE, OrganizationKind.AGENCY])
        await t.factory.organization({ kind, verificationStatus, nameEn: `${verificationStatus} ${kind}` });
    }
    organizations = await t.dataSource.getRepository(OrganizationEntity).find();
    const named = (nameEn: string) => organizations.find((o) => o.nameEn === nameEn)!.id;
    Object.assign(readers, everyRole, {
      'member of a pending enterprise': { userId: randomUUID(), organizationId: named('PENDING ENTERPRISE'), role: Role.ENTERPRISE_MEMBER },
      'member of a rejected agency': { userId: randomUUID(), organizationId: named('REJECTED AGENCY'), role: Role.AGENCY_MEMBER },
    });
    await t.indexEverything();
  });
  afterAll(() => t.close());

  const bySql = (reader: Actor | null) => idsWhere(t, OrganizationEntity, 'o', OrganizationVisibility.sql(reader, 'o'));
  const bySearch = (reader: Actor | null) => idsFiltered(t, 'enterprises', OrganizationVisibility.searchFilter(reader));
  const byCheck = (reader: Actor | null, kind?: OrganizationKind) =>
    organizations
      .filter((o) => (kind === undefined || o.kind === kind) && OrganizationVisibility.canSee(reader, o))
      .map((o) => o.id)
      .sort();
  /** The names of the organisations made above (not the readers' own) among `ids`. */
  const names = (ids: string[]) =>
    organizations
      .filter((o) => ids.includes(o.id) && /^[A-Z]+ (AGENCY|ENTERPRISE)$/.test(o.nameEn))
      .map((o) => o.nameEn)
      .sort();

  it('the SQL condition, the search filter and the check agree for every reader', async () => {
    for (const [name, reader] of Object.entries(readers)) {
      expect({ name, ids: await bySql(reader) }).toEqual({ name, ids: byCheck(reader) });
      expect({ name, ids: await bySearch(reader) }).toEqual({ name, ids: byCheck(reader, OrganizationKind.ENTERPRISE) });
    }
  });

  it('shows verified organisations to everyone, the others only to their members and the staff', async () => {
    const verified = ['VERIFIED AGENCY', 'VERIFIED ENTERPRISE'];
    const all = Object.values(VerificationStatus)
      .flatMap((s) => [`${s} AGENCY`, `${s} ENTERPRISE`])
      .sort();
    expect(names(await bySql(readers.anonymous))).toEqual(verified);
    expect(names(await bySql(readers['enterprise member']))).toEqual(verified);
    expect(names(await bySql(readers['member of a pending enterprise']))).toEqual(['PENDING ENTERPRISE', ...verified]);
    expect(names(await bySql(readers['member of a rejected agency']))).toEqual(['REJECTED AGENCY', ...verified]);
    expect(names(await bySql(readers.coordinator))).toEqual(all);
    expect(names(await bySql(readers.admin))).toEqual(all);
  });
});

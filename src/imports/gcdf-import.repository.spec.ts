import { DataSource } from 'typeorm';
import { TestDataSource, useTestDataSource } from '../../test/support/test-data-source';
import { CapabilityEntity } from '../capabilities/capability.entity';
import { OrganizationKind } from '../organizations/organization.entity';
import { ReferenceProjectEntity } from '../reference-projects/reference-project.entity';
import { GcdfImportRepository } from './gcdf-import.repository';

describe('GcdfImportRepository (real database)', () => {
  let t: TestDataSource;
  let db: DataSource;
  let imports: GcdfImportRepository;
  useTestDataSource((opened) => {
    t = opened;
    db = t.dataSource;
    imports = new GcdfImportRepository(db);
  });

  it("deletes an enterprise's imported projects missing from its line, and nothing else", async () => {
    const f = t.factory;
    const company = await f.organization({ kind: OrganizationKind.ENTERPRISE, externalId: 'company-a' });
    const other = await f.organization({ kind: OrganizationKind.ENTERPRISE, externalId: 'company-b' });
    const kept = await f.referenceProject(company.id, { externalId: 'p1' });
    const dropped = await f.referenceProject(company.id, { externalId: 'p2' });
    const entered = await f.referenceProject(company.id, { externalId: null });
    const othersP2 = await f.referenceProject(other.id, { externalId: 'p2' });

    const removed = await db.transaction((manager) => imports.deleteProjectsNotIn(manager, company.id, ['p1']));
    expect(removed).toEqual([dropped.id]);
    const left = await db.getRepository(ReferenceProjectEntity).find({ select: { id: true } });
    expect(left.map((p) => p.id).sort()).toEqual([kept.id, entered.id, othersP2.id].sort());
    // An empty line removes every imported project of the company.
    expect(await db.transaction((manager) => imports.deleteProjectsNotIn(manager, company.id, []))).toEqual([kept.id]);
  });

  it("finds an organisation's capabilities by the start of their description", async () => {
    const f = t.factory;
    const company = await f.organization({ kind: OrganizationKind.ENTERPRISE });
    const other = await f.organization({ kind: OrganizationKind.ENTERPRISE });
    const inferred = await f.capability(company.id, { description: 'Inferred from the company name "X": dams.' });
    await f.capability(company.id, { description: 'Declared: we build dams. Inferred from the company name, too.' });
    await f.capability(other.id, { description: 'Inferred from the company name "Y": pipes.' });

    const found = await db.transaction((manager) => imports.capabilitiesDescribedAs(manager, company.id, 'Inferred from the company name'));
    expect(found).toEqual([{ id: inferred.id, description: inferred.description }]);
    expect(await db.getRepository(CapabilityEntity).countBy({ organizationId: company.id })).toBe(2);
  });

  it('maps imported enterprises to their external ids, and ranks them by track-record size, then external id', async () => {
    const f = t.factory;
    await db.query('DELETE FROM reference_project');
    const small = await f.organization({ kind: OrganizationKind.ENTERPRISE, externalId: 'z-small' });
    const large = await f.organization({ kind: OrganizationKind.ENTERPRISE, externalId: 'y-large' });
    const tiedA = await f.organization({ kind: OrganizationKind.ENTERPRISE, externalId: 'b-tied' });
    const tiedB = await f.organization({ kind: OrganizationKind.ENTERPRISE, externalId: 'a-tied' });
    const handMade = await f.organization({ kind: OrganizationKind.ENTERPRISE, externalId: null });
    const agency = await f.organization({ kind: OrganizationKind.AGENCY, externalId: 'agency-lk' });
    for (const [organization, projects] of [
      [large, 3],
      [tiedA, 2],
      [tiedB, 2],
      [handMade, 5],
    ] as const) {
      for (let i = 0; i < projects; i++) await f.referenceProject(organization.id);
    }

    const externalIds = await imports.enterpriseExternalIds();
    expect(externalIds.get(small.id)).toBe('z-small');
    expect(externalIds.get(large.id)).toBe('y-large');
    expect(externalIds.has(handMade.id)).toBe(false);
    expect(externalIds.has(agency.id)).toBe(false);
    const ranked = await imports.largestTrackRecords(100);
    expect(ranked.slice(0, 3)).toEqual(['y-large', 'a-tied', 'b-tied']);
    expect(ranked).not.toContain('agency-lk');
    expect(ranked).toHaveLength(externalIds.size);
    expect(await imports.largestTrackRecords(2)).toEqual(['y-large', 'a-tied']);
  });
});

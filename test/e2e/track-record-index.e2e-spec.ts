import { Built, TrackRecordIndexService } from '../../src/matching/track-record-index.service';
import { OrganizationKind, VerificationStatus } from '../../src/organizations/organization.entity';
import { TestApp } from '../support/test-app';
import { useWorld, World } from '../support/world';

const WORDS = ['water', 'treatment', 'plant', 'pipeline', 'desalination', 'borehole', 'irrigation', 'stadium'];

/** Everything matching reads from a snapshot, in terms that do not depend on internal word ids. */
function contentOf(built: Built) {
  const records = [...built.records.values()].sort((a, b) => a.organizationId.localeCompare(b.organizationId));
  const scorers = WORDS.map((word) => built.relevanceTo([word]));
  return {
    projectCount: built.projectCount,
    frequencies: WORDS.map(built.projectFrequency),
    records: records.map((r) => ({
      id: r.organizationId,
      name: r.name,
      projects: r.projects.map((p) => `${p.title} ${p.countryCode} ${p.year}`).sort(),
      declared: [...r.declaredCategories].sort(),
      length: r.length,
      relevance: scorers.map((score) => Math.round(score(r) * 1e6)),
    })),
  };
}

describe('track-record index', () => {
  let t: TestApp;
  let w: World;
  let index: TrackRecordIndexService;
  useWorld((app, world) => ((t = app), (w = world), (index = app.app.get(TrackRecordIndexService))));

  it('re-reads only the enterprises that changed, and ends where a full build would', async () => {
    const f = t.factory;
    const grower = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Growing Water Works' });
    await f.referenceProject(grower.id, {
      title: 'Gedaref water treatment plant',
      description: 'Drinking water treatment plant.',
      countryCode: 'SD',
      year: 2012,
    });
    const shrinking = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Shrinking Pipelines' });
    const doomed = await f.referenceProject(shrinking.id, {
      title: 'Kassala pipeline',
      description: 'A water pipeline.',
      countryCode: 'SD',
      year: 2010,
    });
    await f.referenceProject(shrinking.id, { title: 'Port Sudan stadium', description: 'A stadium.', countryCode: 'SD', year: 2011 });
    const suspended = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Suspended Drilling' });
    await f.referenceProject(suspended.id, { title: 'Borehole drilling', description: 'Fifty boreholes.', countryCode: 'ML', year: 2014 });
    await index.refresh();
    const before = await index.current();

    // A project added (with a word the index has never seen), one deleted, an enterprise no longer verified, a
    // newcomer with a capability only.
    await f.referenceProject(grower.id, {
      title: 'Hurghada desalination plant',
      description: 'Seawater desalination.',
      countryCode: 'EG',
      year: 2016,
    });
    await t.dataSource.query('DELETE FROM reference_project WHERE id = $1', [doomed.id]);
    await t.dataSource.query('UPDATE organization SET verification_status = $1, updated_at = now() WHERE id = $2', [
      VerificationStatus.PENDING,
      suspended.id,
    ]);
    const newcomer = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Irrigation Newco' });
    await f.capability(newcomer.id, { technologyCategory: 'IRRIGATION', description: 'Drip irrigation.' });

    const patched = await index.update();
    // The world's own enterprise did not change: its record is the very same object, not read again.
    expect(patched.records.get(w.orgs.enterpriseOrg.id)).toBe(before.records.get(w.orgs.enterpriseOrg.id));
    expect(patched.records.has(suspended.id)).toBe(false);
    expect(patched.records.get(newcomer.id)?.declaredCategories).toEqual(new Set(['IRRIGATION']));
    expect(patched.projectFrequency('desalination')).toBe(1);
    expect(patched.records.get(shrinking.id)?.projects.map((p) => p.title)).toEqual(['Port Sudan stadium']);

    await index.refresh();
    expect(contentOf(patched)).toEqual(contentOf(await index.current()));
  });
});

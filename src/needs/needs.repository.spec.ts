import { TestDataSource, useTestDataSource } from '../../test/support/test-data-source';
import { OrganizationKind } from '../organizations/organization.entity';
import { NeedStatus } from './need-status';
import { NeedsRepository } from './needs.repository';

describe('NeedsRepository (real PostgreSQL)', () => {
  let t: TestDataSource;
  let repository: NeedsRepository;
  useTestDataSource((opened) => {
    t = opened;
    repository = new NeedsRepository(t.dataSource);
  });

  it('finds the needs still recruiting whose deadline is past, earliest deadline first', async () => {
    const agency = await t.factory.organization({ kind: OrganizationKind.AGENCY });
    const need = (deadline: string | null, status = NeedStatus.OPEN) => t.factory.need(agency.id, { deadline, status }).then((n) => n.id);
    const lastWeek = await need('2026-03-01');
    const inReview = await need('2026-02-01', NeedStatus.IN_REVIEW);
    await need('2026-03-10');
    await need('2026-03-02');
    await need(null);
    await need('2026-01-01', NeedStatus.CLOSED);
    await need('2026-01-01', NeedStatus.DRAFT);
    expect(await repository.idsRecruitingPastDeadline('2026-03-02')).toEqual([inReview, lastWeek]);
  });

  it('lists the newest open needs, the most recently published first', async () => {
    const agency = await t.factory.organization({ kind: OrganizationKind.AGENCY });
    const published = (at: Date, status = NeedStatus.OPEN) => t.factory.need(agency.id, { publishedAt: at, status }).then((n) => n.id);
    const far = new Date('2099-01-01T00:00:00Z');
    const newest = await published(new Date(far.getTime() + 2000));
    await published(new Date(far.getTime() + 3000), NeedStatus.CLOSED);
    const second = await published(new Date(far.getTime() + 1000));
    expect(await repository.newestOpenIds(2)).toEqual([newest, second]);
  });
});

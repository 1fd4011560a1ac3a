import { changeEntry } from './change-entry';

describe('changeEntry', () => {
  it('lists only the fields that changed, in the order given', () => {
    const before = { title: 'Old', countryCode: 'LK', sdgTargets: ['6.1'], budgetMin: 10 };
    const after = { title: 'New', countryCode: 'LK', sdgTargets: ['6.1', '6.2'], budgetMin: 10 };
    expect(changeEntry(before, after, ['countryCode', 'sdgTargets', 'title', 'budgetMin'])).toEqual([
      { field: 'sdgTargets', before: ['6.1'], after: ['6.1', '6.2'], secret: false },
      { field: 'title', before: 'Old', after: 'New', secret: false },
    ]);
  });

  it('treats a created row as changed from nothing and a deleted one as changed to nothing, skipping empty fields', () => {
    expect(changeEntry(null, { title: 'T', site: null, deadline: undefined }, ['title', 'site', 'deadline'])).toEqual([
      { field: 'title', before: null, after: 'T', secret: false },
    ]);
    expect(changeEntry({ title: 'T' }, null, ['title'])).toEqual([{ field: 'title', before: 'T', after: null, secret: false }]);
  });

  it('records a secret as changed without its values', () => {
    expect(
      changeEntry({ secret: 'whsec_old', passwordHash: 'a' }, { secret: 'whsec_new', passwordHash: 'a' }, ['secret', 'passwordHash']),
    ).toEqual([{ field: 'secret', before: null, after: null, secret: true }]);
  });

  it('compares dates by their instant', () => {
    const at = '2026-12-01T00:00:00.000Z';
    expect(changeEntry({ publishedAt: new Date(at) }, { publishedAt: new Date(at) }, ['publishedAt'])).toEqual([]);
    expect(changeEntry({ publishedAt: null }, { publishedAt: new Date(at) }, ['publishedAt'])).toEqual([
      { field: 'publishedAt', before: null, after: at, secret: false },
    ]);
  });
});

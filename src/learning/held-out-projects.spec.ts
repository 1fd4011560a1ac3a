import { aliasesOf, atMostPerCompany, EnterpriseNames, heldOutCases, HeldOutRow, masker } from './held-out-projects';

const row = (id: string, organizationId: string, overrides: Partial<HeldOutRow> = {}): HeldOutRow => ({
  id: `row-${id}-${organizationId}`,
  externalId: `gcdf-${id}`,
  organizationId,
  title: 'Road project',
  description: '',
  countryCode: 'KE',
  year: 2015,
  sourceSector: 'TRANSPORT AND STORAGE',
  ...overrides,
});
const names = (
  organizationId: string,
  nameEn: string,
  externalId: string | null = null,
  parentGroup: string | null = null,
): EnterpriseNames => ({
  organizationId,
  nameEn,
  nameZh: null,
  externalId,
  parentGroup,
});

describe('held-out projects', () => {
  it('makes one question per work, its builders the answer, its own rows and its linked works held out', () => {
    const rows = [
      // One work built by two companies (one row each), citing another record.
      row('100', 'a', {
        title: 'Nairobi water supply (Linked to Project ID#200)',
        description: 'Pipes.',
        sourceSector: 'WATER SUPPLY AND SANITATION',
      }),
      row('100', 'b', {
        title: 'Nairobi water supply (Linked to Project ID#200)',
        description: 'Pipes.',
        sourceSector: 'WATER SUPPLY AND SANITATION',
      }),
      row('200', 'a', { title: 'Arusha ring road', countryCode: 'TZ', year: 2019 }),
      // A near-duplicate of 400: same country, a year apart, most title words shared.
      row('300', 'c', { title: 'Mombasa district hospital', countryCode: 'KE', year: 2011 }),
      row('400', 'c', { title: 'Mombasa district hospital extension', countryCode: 'KE', year: 2012 }),
      row('500', 'c', { title: 'Stadium', countryCode: null }),
    ];
    const cases = heldOutCases(rows, [names('a', 'Alpha Construction Co., Ltd.'), names('b', 'Beta'), names('c', 'Gamma')]);
    expect(cases.map((c) => c.key)).toEqual(['gcdf-100', 'gcdf-200', 'gcdf-300', 'gcdf-400']);
    const [first, second, third] = cases;
    expect(first.gold).toEqual(['a', 'b']);
    expect(first.without.sort()).toEqual(['row-100-a', 'row-100-b', 'row-200-a'].sort());
    expect(first.water).toBe(true);
    expect(second.water).toBe(false);
    expect(first.group).toBe(second.group);
    expect(third.without.sort()).toEqual(['row-300-c', 'row-400-c']);
    expect(third.group).not.toBe(first.group);
  });

  it('masks every name, short name and acronym of every enterprise, as the benchmark needs are anonymised', () => {
    const all = [
      names('a', 'Anhui Foreign Economic Construction (Group) Co. (AFECC)', 'AFECC', 'AFECC'),
      names('b', 'China Railway No.19 Engineering Group', 'CR19', 'CREC'),
    ];
    expect(aliasesOf(all[0])).toEqual(expect.arrayContaining(['AFECC', 'Anhui Foreign Economic Construction']));
    const mask = masker(all);
    expect(mask('Anhui Foreign Economic Construction Group (AFECC) and CREC built it; afecc is not an acronym here.')).toBe(
      '[a company] Group ([a company]) and [a company] built it; afecc is not an acronym here.',
    );
  });

  it('asks at most a few questions per company, the same ones on every run', () => {
    const rows = Array.from({ length: 8 }, (_, i) => row(String(100 + i), i < 6 ? 'big' : 'small'));
    const cases = heldOutCases(rows, [names('big', 'Big'), names('small', 'Small')]);
    const capped = atMostPerCompany(cases, 3);
    expect(capped.filter((c) => c.gold.includes('big'))).toHaveLength(3);
    expect(capped.filter((c) => c.gold.includes('small'))).toHaveLength(2);
    expect(atMostPerCompany(cases, 3)).toEqual(capped);
  });
});

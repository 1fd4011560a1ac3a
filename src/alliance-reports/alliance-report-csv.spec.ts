import { AllianceReportModel } from './alliance-report.model';
import { AllianceReportGrouping } from './alliance-report-scope';
import { ActivityKind } from '../activities/activity-status';
import { allianceReportCsv, csvCell } from './alliance-report-csv';

const zero = (): AllianceReportModel['totals'] => ({
  donations: { handedOver: 0, inOperation: 0, withoutValue: 0, values: [] },
  training: { coursesCompleted: 0, trainees: 0, courseHours: 0, traineeHours: 0, certificatesIssued: 0 },
  activities: { held: 0, byKind: [], meetingsHeld: 0 },
  matches: { engaged: 0, outcomesRecorded: 0, outcomesByKind: [] },
  sdgTargets: [],
});

describe('alliance report CSV', () => {
  it('quotes cells holding commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('Lanka Water Board')).toBe('Lanka Water Board');
    expect(csvCell('Research, Demonstration')).toBe('"Research, Demonstration"');
    expect(csvCell('the "CSL" centre')).toBe('"the ""CSL"" centre"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('中斯水技术研究与示范联合中心')).toBe('中斯水技术研究与示范联合中心');
    expect(csvCell(68.5)).toBe('68.5');
  });

  it('keeps text a spreadsheet would run as a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+86 10 1234')).toBe("'+86 10 1234");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('starts with the byte order mark, ends lines with CRLF, and writes a currency’s columns in every row', () => {
    const totals = zero();
    totals.donations = {
      handedOver: 2,
      inOperation: 1,
      withoutValue: 0,
      values: [{ currency: 'USD', handedOver: 1500.5, inOperation: 0 }],
    };
    const row = zero();
    const csv = allianceReportCsv({
      groupBy: AllianceReportGrouping.CENTRE,
      from: '2026-01-01',
      to: '2026-12-31',
      rows: [
        { key: 'c1', nameEn: 'Centre, one', nameZh: '中心', figures: totals },
        { key: null, nameEn: null, nameZh: null, figures: row },
      ],
      totals,
    });
    expect(csv.startsWith('\uFEFFgroup_key,name_en,name_zh,donations_handed_over,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(5); // header, two rows, totals, and the empty string after the last CRLF
    expect(lines[0]).toContain('donation_value_handed_over_USD,donation_value_in_operation_USD,training_courses_completed');
    expect(lines[1].startsWith('c1,"Centre, one",中心,2,1,0,1500.50,0.00,0,')).toBe(true);
    expect(lines[2].startsWith(',(no joint centre),,0,0,0,0.00,0.00,0,')).toBe(true);
    // The totals have a key of their own; the row of what belongs to no centre keeps an empty one.
    expect(lines[3].startsWith('TOTAL,Total,合计,2,1,0,1500.50,0.00,')).toBe(true);
    expect(lines[4]).toBe('');
  });
  it('gives every activity kind its column, in the order the enum declares them', () => {
    const totals = zero();
    totals.activities = {
      held: 3,
      // Listed in another order: the columns do not follow it.
      byKind: [
        { kind: ActivityKind.EQUIPMENT_HANDOVER, count: 1 },
        { kind: ActivityKind.CONFERENCE, count: 2 },
      ],
      meetingsHeld: 0,
    };
    const csv = allianceReportCsv({ groupBy: AllianceReportGrouping.COUNTRY, from: '2026-01-01', to: '2026-12-31', rows: [], totals });
    const [header, total] = csv
      .slice(1)
      .split('\r\n')
      .map((line) => line.split(','));
    const columns = header.flatMap((h, i) => (h.startsWith('activities_held_') ? [[h, total[i]]] : []));
    expect(columns).toEqual([
      ['activities_held_FIELD_INVESTIGATION', '0'],
      ['activities_held_CONFERENCE', '2'],
      ['activities_held_EXHIBITION', '0'],
      ['activities_held_SEMINAR', '0'],
      ['activities_held_TRAINING_COURSE', '0'],
      ['activities_held_EQUIPMENT_HANDOVER', '1'],
    ]);
    expect(total[0]).toBe('TOTAL');
  });
});

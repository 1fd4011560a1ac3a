import { ActivityKind } from '../activities/activity-status';
import { MatchOutcomeKind } from '../matches/match-status';
import { AllianceFiguresModel, AllianceReportModel } from './alliance-report.model';
import { AllianceReportGrouping } from './alliance-report-scope';

/** Excel reads a UTF-8 file as such (Chinese names intact) only when it starts with the byte order mark. */
const BOM = '\uFEFF';

/** What the row without a key holds, per grouping (countries have none: everything is in some country). */
const UNATTRIBUTED: Record<AllianceReportGrouping, string> = {
  [AllianceReportGrouping.PROGRAMME]: '(no programme)',
  [AllianceReportGrouping.CENTRE]: '(no joint centre)',
  [AllianceReportGrouping.COUNTRY]: '(no country)',
};

/**
 * One cell, as RFC 4180 writes it: in double quotes (doubled inside) when it holds a comma, a quote or a line break.
 * Text a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe, so an organisation named
 * "=HYPERLINK(…)" stays text (OWASP, CSV injection). Numbers are written as they are.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const money = (n: number) => n.toFixed(2);
/** Hours to the tenth they are recorded in, without a float's noise (0.1 + 0.2). */
const hours = (n: number) => Math.round(n * 100) / 100;

/**
 * `group_key` of the totals line. A group's key is its id or country code, and the row of what belongs to no programme
 * or centre has an empty one: this keeps the totals apart from it (and from any group) for a program reading the file.
 */
export const TOTAL_KEY = 'TOTAL';

/**
 * The report as CSV: a header line, one line per row of the report, then the totals; one column per figure. Currency
 * columns are those of the totals (so every row has the same columns); kinds always get their column, zero or not, in
 * the order their enums declare them.
 */
export function allianceReportCsv(report: AllianceReportModel): string {
  const currencies = report.totals.donations.values.map((v) => v.currency);
  const header = [
    'group_key',
    'name_en',
    'name_zh',
    'donations_handed_over',
    'donations_in_operation',
    'donations_without_value',
    ...currencies.flatMap((c) => [`donation_value_handed_over_${c}`, `donation_value_in_operation_${c}`]),
    'training_courses_completed',
    'trainees',
    'training_course_hours',
    'trainee_hours',
    'certificates_issued',
    'activities_held',
    ...Object.values(ActivityKind).map((k) => `activities_held_${k}`),
    'meetings_held',
    'matches_engaged',
    'outcomes_recorded',
    ...Object.values(MatchOutcomeKind).map((k) => `outcomes_${k}`),
    'sdg_targets_served',
    'sdg_targets',
  ];
  const figures = (f: AllianceFiguresModel): Array<string | number> => {
    const value = (currency: string) => f.donations.values.find((v) => v.currency === currency);
    return [
      f.donations.handedOver,
      f.donations.inOperation,
      f.donations.withoutValue,
      ...currencies.flatMap((c) => [money(value(c)?.handedOver ?? 0), money(value(c)?.inOperation ?? 0)]),
      f.training.coursesCompleted,
      f.training.trainees,
      hours(f.training.courseHours),
      hours(f.training.traineeHours),
      f.training.certificatesIssued,
      f.activities.held,
      ...Object.values(ActivityKind).map((k) => f.activities.byKind.find((c) => c.kind === k)?.count ?? 0),
      f.activities.meetingsHeld,
      f.matches.engaged,
      f.matches.outcomesRecorded,
      ...Object.values(MatchOutcomeKind).map((k) => f.matches.outcomesByKind.find((c) => c.kind === k)?.count ?? 0),
      f.sdgTargets.length,
      f.sdgTargets.map((t) => t.code).join(' '),
    ];
  };
  const lines = [
    header,
    ...report.rows.map((row) => [row.key ?? '', row.nameEn ?? UNATTRIBUTED[report.groupBy], row.nameZh ?? '', ...figures(row.figures)]),
    [TOTAL_KEY, 'Total', '合计', ...figures(report.totals)],
  ];
  return BOM + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

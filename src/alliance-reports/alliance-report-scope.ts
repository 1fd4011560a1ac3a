import { Role } from '../access/actor';
import { DomainError } from '../common/domain-error';

/** Who reads the alliance's reports, in GraphQL and as CSV: the secretariat. */
export const REPORT_READERS: readonly Role[] = [Role.COORDINATOR, Role.ADMIN];

/** What the rows of an alliance report are: one per programme, per joint research centre, or per country. */
export enum AllianceReportGrouping {
  PROGRAMME = 'PROGRAMME',
  CENTRE = 'CENTRE',
  COUNTRY = 'COUNTRY',
}

/** What a report covers: a period of calendar days (both included), optionally one programme, centre or country. */
export interface AllianceReportScope {
  groupBy: AllianceReportGrouping;
  /** YYYY-MM-DD, included. */
  from: string;
  /** YYYY-MM-DD, included. */
  to: string;
  programmeId: string | null;
  centreId: string | null;
  countryCode: string | null;
}

/** The scope of a request, or BAD_USER_INPUT when its period runs backwards. Dates were checked for their form already. */
export function reportScope(args: {
  groupBy: AllianceReportGrouping;
  from: string;
  to: string;
  programmeId?: string | null;
  centreId?: string | null;
  countryCode?: string | null;
}): AllianceReportScope {
  // YYYY-MM-DD strings order as the days they name.
  if (args.from > args.to) throw DomainError.badInput('to', `the period ends (${args.to}) before it starts (${args.from})`);
  return {
    groupBy: args.groupBy,
    from: args.from,
    to: args.to,
    programmeId: args.programmeId ?? null,
    centreId: args.centreId ?? null,
    countryCode: args.countryCode ?? null,
  };
}

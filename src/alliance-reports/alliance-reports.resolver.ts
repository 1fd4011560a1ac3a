import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/access.decorator';
import { AllianceReportModel } from './alliance-report.model';
import { REPORT_READERS } from './alliance-report-scope';
import { AllianceReportsService } from './alliance-reports.service';
import { AllianceReportArgs } from './dto/alliance-report.args';

@Resolver()
export class AllianceReportsResolver {
  constructor(private readonly reports: AllianceReportsService) {}

  @Allow(...REPORT_READERS)
  @Query(() => AllianceReportModel, {
    description:
      'The alliance’s work over a period (days from `from` to `to`, both included), per programme, joint centre or country, with the totals; also as CSV: GET /reports/alliance.csv. Coordinators and admins.',
  })
  allianceReport(@Args() args: AllianceReportArgs): Promise<AllianceReportModel> {
    return this.reports.report(args);
  }
}

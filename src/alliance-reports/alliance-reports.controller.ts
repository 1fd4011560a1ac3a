import { Controller, Get, Req, Res } from '@nestjs/common';
import { RequestAuthenticator } from '../access/request-authenticator';
import { DomainError, ErrorCode } from '../common/domain-error';
import { domainErrorToGraphQL } from '../common/graphql-errors';
import { createValidationPipe } from '../common/validation';
import { PlainResponse } from '../observability/plain-response';
import { allianceReportCsv } from './alliance-report-csv';
import { REPORT_READERS } from './alliance-report-scope';
import { AllianceReportsService } from './alliance-reports.service';
import { AllianceReportArgs } from './dto/alliance-report.args';

/** The parts of Express's request this endpoint reads. */
interface PlainRequest {
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
}

/**
 * The alliance report as a CSV file for spreadsheets: `GET /reports/alliance.csv?groupBy=…&from=…&to=…` (and the
 * optional programmeId, centreId, countryCode), with the same bearer token and the same readers as the GraphQL query.
 * Outside GraphQL, so the access guard leaves it alone: this handler checks the token and the role itself, and
 * answers refusals with the HTTP status of their code and a body shaped like a GraphQL error.
 */
@Controller('reports')
export class AllianceReportsController {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly reports: AllianceReportsService,
    private readonly auth: RequestAuthenticator,
  ) {}

  @Get('alliance.csv')
  async allianceCsv(@Req() req: PlainRequest, @Res() res: PlainResponse): Promise<void> {
    res.setHeader('cache-control', 'no-store');
    try {
      const actor = await this.auth.actorFromHeader(req.headers.authorization);
      if (!actor) throw DomainError.unauthenticated();
      if (!REPORT_READERS.includes(actor.role))
        throw DomainError.forbidden(`Your role (${actor.role}) may not read the alliance's reports`);
      const report = await this.reports.report(await this.args(req.query));
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader(
        'content-disposition',
        `attachment; filename="alliance-report-${report.groupBy.toLowerCase()}-${report.from}-${report.to}.csv"`,
      );
      res.status(200).send(allianceReportCsv(report));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const { message, extensions } = domainErrorToGraphQL(error);
      if (error.code === ErrorCode.Unauthenticated) res.setHeader('www-authenticate', 'Bearer realm="reports"');
      res.status(extensions.status as number).json({ errors: [{ message, extensions }] });
    }
  }

  /** The query string, checked by the rules of the GraphQL arguments; an empty parameter is as if left out. */
  private async args(query: Record<string, unknown>): Promise<AllianceReportArgs> {
    const given = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
    return (await this.validation.transform(given, { type: 'query', metatype: AllianceReportArgs })) as AllianceReportArgs;
  }
}

import { Module } from '@nestjs/common';
import { AllianceReportsController } from './alliance-reports.controller';
import { AllianceReportsRepository } from './alliance-reports.repository';
import { AllianceReportsResolver } from './alliance-reports.resolver';
import { AllianceReportsService } from './alliance-reports.service';

/** The secretariat's reports of the alliance's work: GraphQL `allianceReport` and the CSV export. */
@Module({
  controllers: [AllianceReportsController],
  providers: [AllianceReportsRepository, AllianceReportsService, AllianceReportsResolver],
})
export class AllianceReportsModule {}

import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { AllianceReportGrouping } from '../alliance-report-scope';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The request of an alliance report, in GraphQL and in the CSV export's query string alike. */
@ArgsType()
export class AllianceReportArgs {
  @Field(() => AllianceReportGrouping, { description: 'One row per programme, per joint research centre, or per country.' })
  @IsEnum(AllianceReportGrouping, { message: 'groupBy must be one of PROGRAMME, CENTRE, COUNTRY' })
  groupBy: AllianceReportGrouping;

  @Field({ description: 'First day of the period (YYYY-MM-DD), included.' })
  @Matches(DATE, { message: 'from must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real calendar date' })
  from: string;

  @Field({ description: 'Last day of the period (YYYY-MM-DD), included; not before `from`.' })
  @Matches(DATE, { message: 'to must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real calendar date' })
  to: string;

  @Field(() => ID, { nullable: true, description: 'Only what belongs to this programme (matches belong to none).' })
  @IsOptional()
  @IsUUID()
  programmeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only what belongs to this joint research centre.' })
  @IsOptional()
  @IsUUID()
  centreId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only what belongs to this country (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166 alpha-2 code such as LK' })
  countryCode?: string | null;
}

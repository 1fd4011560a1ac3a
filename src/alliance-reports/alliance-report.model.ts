import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActivityKind } from '../activities/activity-status';
import { MatchOutcomeKind } from '../matches/match-status';
import { TaxonomyTermModel } from '../reference-data/reference-data.model';
import { AllianceReportGrouping } from './alliance-report-scope';
// The GraphQL enums of activity kinds and outcome kinds are registered there.
import '../activities/activity.model';
import '../matches/match.model';

registerEnumType(AllianceReportGrouping, {
  name: 'AllianceReportGrouping',
  description: 'What the rows of an alliance report are.',
  valuesMap: {
    PROGRAMME: { description: 'One row per programme; things of no programme (matches always) in the row without a key.' },
    CENTRE: { description: 'One row per joint research centre; things of no centre in the row without a key.' },
    COUNTRY: { description: 'One row per country.' },
  },
});

@ObjectType('AllianceDonationValue', {
  description: 'What the donations counted were worth in one currency (never added across currencies).',
})
export class AllianceDonationValueModel {
  @Field({ description: 'ISO 4217 currency.' })
  currency: string;

  @Field(() => Float, { description: 'Value of the donations handed over in the period.' })
  handedOver: number;

  @Field(() => Float, { description: 'Of that, the value of those in operation now.' })
  inOperation: number;
}

@ObjectType('AllianceDonationFigures', {
  description: 'Equipment donations handed over in the period (by their handover day), whatever became of them since.',
})
export class AllianceDonationFiguresModel {
  @Field(() => Int, { description: 'Donations handed over in the period.' })
  handedOver: number;

  @Field(() => Int, { description: 'Of those, how many are in operation now.' })
  inOperation: number;

  @Field(() => Int, { description: 'Of those, how many carry no value (counted, but in no currency’s total).' })
  withoutValue: number;

  @Field(() => [AllianceDonationValueModel], { description: 'Their value, one entry per currency, by currency code.' })
  values: AllianceDonationValueModel[];
}

@ObjectType('AllianceTrainingFigures', {
  description:
    'Training courses completed in the period (by their last day, or their first for a one-day course), as the trainers reported them.',
})
export class AllianceTrainingFiguresModel {
  @Field(() => Int, { description: 'Courses completed.' })
  coursesCompleted: number;

  @Field(() => Int, { description: 'People trained (each course’s trainees, summed; one person on two courses counts twice).' })
  trainees: number;

  @Field(() => Float, { description: 'Course hours: the hours each course gave, summed (a 40-hour course is 40, however many attended).' })
  courseHours: number;

  @Field(() => Float, { description: 'Trainee-hours: each course’s hours times its trainees, summed (a 40-hour course for 10 is 400).' })
  traineeHours: number;

  @Field(() => Int, { description: 'Certificates issued.' })
  certificatesIssued: number;
}

@ObjectType('AllianceActivityKindCount', { description: 'Activities of one kind held in the period.' })
export class AllianceActivityKindCountModel {
  @Field(() => ActivityKind, { description: 'The kind.' })
  kind: ActivityKind;

  @Field(() => Int, { description: 'How many were held.' })
  count: number;
}

@ObjectType('AllianceActivityFigures', {
  description: 'Activities held (HELD or REPORTED) that started in the period, on their venue’s calendar, and the meetings at them.',
})
export class AllianceActivityFiguresModel {
  @Field(() => Int, { description: 'Activities held.' })
  held: number;

  @Field(() => [AllianceActivityKindCountModel], { description: 'Activities held, by kind (kinds with none left out).' })
  byKind: AllianceActivityKindCountModel[];

  @Field(() => Int, { description: 'B2B meetings held at those activities: accepted requests placed in a time slot.' })
  meetingsHeld: number;
}

@ObjectType('AllianceOutcomeKindCount', { description: 'Match outcomes of one kind dated in the period.' })
export class AllianceOutcomeKindCountModel {
  @Field(() => MatchOutcomeKind, { description: 'The kind of outcome.' })
  kind: MatchOutcomeKind;

  @Field(() => Int, { description: 'How many were recorded (a match with two contracts counts two).' })
  count: number;
}

@ObjectType('AllianceMatchFigures', { description: 'What the matching brought about in the period.' })
export class AllianceMatchFiguresModel {
  @Field(() => Int, { description: 'Matches that reached ENGAGED in the period (UTC days), whatever became of them since.' })
  engaged: number;

  @Field(() => Int, { description: 'Outcomes dated in the period (the day it happened, not the day it was recorded).' })
  outcomesRecorded: number;

  @Field(() => [AllianceOutcomeKindCountModel], { description: 'Those outcomes by kind (kinds with none left out).' })
  outcomesByKind: AllianceOutcomeKindCountModel[];
}

@ObjectType('AllianceFigures', { description: 'The figures of a group of an alliance report, or of the whole report.' })
export class AllianceFiguresModel {
  @Field(() => AllianceDonationFiguresModel, { description: 'Equipment donations.' })
  donations: AllianceDonationFiguresModel;

  @Field(() => AllianceTrainingFiguresModel, { description: 'Technical training.' })
  training: AllianceTrainingFiguresModel;

  @Field(() => AllianceActivityFiguresModel, { description: 'Activities and their meetings.' })
  activities: AllianceActivityFiguresModel;

  @Field(() => AllianceMatchFiguresModel, { description: 'Matches engaged and their outcomes.' })
  matches: AllianceMatchFiguresModel;

  @Field(() => [TaxonomyTermModel], {
    description: 'The SDG 6 targets served by what was counted above, each once (docs/ALLIANCE.md, "Reports", says what serves which).',
  })
  sdgTargets: TaxonomyTermModel[];
}

@ObjectType('AllianceReportRow', { description: 'One programme, joint centre or country of an alliance report, with its figures.' })
export class AllianceReportRowModel {
  @Field(() => String, {
    nullable: true,
    description: 'The programme’s or centre’s id, or the country code; null for what belongs to no programme (no centre).',
  })
  key: string | null;

  @Field(() => String, { nullable: true, description: 'Its English name; null on the row without a key.' })
  nameEn: string | null;

  @Field(() => String, { nullable: true, description: 'Its Chinese name, when there is one.' })
  nameZh: string | null;

  @Field(() => AllianceFiguresModel, { description: 'What it counts.' })
  figures: AllianceFiguresModel;
}

@ObjectType('AllianceReport', {
  description:
    'The alliance’s work over a period, per programme, joint centre or country: donations, training, activities and meetings, matches and outcomes, SDG 6 targets. Each thing is in one row at most, so the rows add up to the totals.',
})
export class AllianceReportModel {
  @Field(() => AllianceReportGrouping, { description: 'What the rows are.' })
  groupBy: AllianceReportGrouping;

  @Field({ description: 'First day of the period (YYYY-MM-DD), included.' })
  from: string;

  @Field({ description: 'Last day of the period (YYYY-MM-DD), included.' })
  to: string;

  @Field(() => [AllianceReportRowModel], {
    description: 'One row per group with something counted, by English name; the row without a key last.',
  })
  rows: AllianceReportRowModel[];

  @Field(() => AllianceFiguresModel, { description: 'The whole report: each thing counted once.' })
  totals: AllianceFiguresModel;
}

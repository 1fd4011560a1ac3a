import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActivityKind } from '../activities/activity-status';
import { DomainError } from '../common/domain-error';
import { MatchOutcomeKind } from '../matches/match-status';
import { TaxonomyKind } from '../reference-data/taxonomy-term.entity';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { AllianceFiguresModel, AllianceReportModel, AllianceReportRowModel } from './alliance-report.model';
import { AllianceReportScope, reportScope } from './alliance-report-scope';
import { AllianceReportsRepository } from './alliance-reports.repository';
import { AllianceReportArgs } from './dto/alliance-report.args';

const emptyFigures = (): AllianceFiguresModel => ({
  donations: { handedOver: 0, inOperation: 0, withoutValue: 0, values: [] },
  training: { coursesCompleted: 0, trainees: 0, courseHours: 0, traineeHours: 0, certificatesIssued: 0 },
  activities: { held: 0, byKind: [], meetingsHeld: 0 },
  matches: { engaged: 0, outcomesRecorded: 0, outcomesByKind: [] },
  sdgTargets: [],
});

const ACTIVITY_KINDS = Object.values(ActivityKind);
const OUTCOME_KINDS = Object.values(MatchOutcomeKind);

/**
 * The secretariat's report of the alliance's work over a period, per programme, joint centre or country
 * (docs/ALLIANCE.md, "Reports"). PostgreSQL counts (AllianceReportsRepository); this class puts each family's rows
 * in their group and names the groups.
 */
@Injectable()
export class AllianceReportsService {
  constructor(
    private readonly repository: AllianceReportsRepository,
    private readonly referenceData: ReferenceDataService,
  ) {}

  async report(args: AllianceReportArgs): Promise<AllianceReportModel> {
    const scope = reportScope(args);
    return this.repository.snapshot(async (manager) => {
      const narrowed = await this.repository.narrowedToExisting(manager, scope);
      if (!narrowed.programme) throw DomainError.badInput('programmeId', `programme ${scope.programmeId} does not exist`);
      if (!narrowed.centre) throw DomainError.badInput('centreId', `${scope.centreId} is not a joint research centre`);
      const { groups, totals } = await this.figures(manager, scope);
      const rows = await this.namedRows(manager, scope, groups);
      return { groupBy: scope.groupBy, from: scope.from, to: scope.to, rows, totals };
    });
  }

  /** The groups as rows with their names, by English name; the row without a key (no programme, no centre) last. */
  private async namedRows(
    manager: EntityManager,
    scope: AllianceReportScope,
    groups: Map<string | null, AllianceFiguresModel>,
  ): Promise<AllianceReportRowModel[]> {
    const keys = [...groups.keys()].filter((key) => key !== null);
    const names = new Map((await this.repository.names(manager, scope.groupBy, keys)).map((name) => [name.key, name]));
    const named = [...groups].flatMap(([key, figures]) =>
      key === null ? [] : [{ key, nameEn: names.get(key)?.name_en ?? key, nameZh: names.get(key)?.name_zh ?? null, figures }],
    );
    named.sort((a, b) => a.nameEn.localeCompare(b.nameEn) || a.key.localeCompare(b.key));
    const unattributed = groups.get(null);
    return unattributed ? [...named, { key: null, nameEn: null, nameZh: null, figures: unattributed }] : named;
  }

  /** Each family's figures, in the figures of their group or of the totals: the rows PostgreSQL grouped, not the things. */
  private async figures(manager: EntityManager, scope: AllianceReportScope) {
    const groups = new Map<string | null, AllianceFiguresModel>();
    const totals = emptyFigures();
    const of = (row: { key: string | null; total: boolean }): AllianceFiguresModel => {
      if (row.total) return totals;
      if (!groups.has(row.key)) groups.set(row.key, emptyFigures());
      return groups.get(row.key)!;
    };

    for (const row of await this.repository.donations(manager, scope)) {
      const donations = of(row).donations;
      if (!row.by_currency)
        Object.assign(donations, { handedOver: row.handed_over, inOperation: row.in_operation, withoutValue: row.without_value });
      else if (row.currency !== null && row.value_handed_over !== null)
        donations.values.push({ currency: row.currency, handedOver: row.value_handed_over, inOperation: row.value_in_operation ?? 0 });
    }
    for (const row of await this.repository.training(manager, scope))
      of(row).training = {
        coursesCompleted: row.courses,
        trainees: row.trainees,
        courseHours: row.course_hours,
        traineeHours: row.trainee_hours,
        certificatesIssued: row.certificates,
      };
    for (const row of await this.repository.activities(manager, scope)) {
      const activities = of(row).activities;
      activities.held += row.held;
      activities.byKind.push({ kind: row.kind, count: row.held });
    }
    for (const row of await this.repository.meetings(manager, scope)) of(row).activities.meetingsHeld = row.count;
    for (const row of await this.repository.engagements(manager, scope)) of(row).matches.engaged = row.count;
    for (const row of await this.repository.outcomes(manager, scope)) {
      const matches = of(row).matches;
      matches.outcomesRecorded += row.count;
      matches.outcomesByKind.push({ kind: row.kind, count: row.count });
    }
    for (const row of await this.repository.targets(manager, scope))
      of(row).sdgTargets = row.targets.map((code) => this.referenceData.term(TaxonomyKind.SDG_TARGET, code));

    for (const figures of [totals, ...groups.values()]) {
      figures.donations.values.sort((a, b) => a.currency.localeCompare(b.currency));
      figures.activities.byKind.sort((a, b) => ACTIVITY_KINDS.indexOf(a.kind) - ACTIVITY_KINDS.indexOf(b.kind));
      figures.matches.outcomesByKind.sort((a, b) => OUTCOME_KINDS.indexOf(a.kind) - OUTCOME_KINDS.indexOf(b.kind));
    }
    return { groups, totals };
  }
}

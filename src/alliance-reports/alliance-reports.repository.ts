import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActivityKind, ActivityStatus } from '../activities/activity-status';
import { DonationStatus } from '../donations/donation-status';
import { MatchOutcomeKind, MatchStatus } from '../matches/match-status';
import { MeetingRequestStatus } from '../meetings/meeting-status';
import { OrganizationKind } from '../organizations/organization.entity';
import { TrainingStatus } from '../training/training-status';
import { AllianceReportGrouping, AllianceReportScope } from './alliance-report-scope';

/** Every figure row names its group (null: the things of no programme or centre), or is the row of the totals. */
interface GroupRow {
  key: string | null;
  total: boolean;
}

/** Donations handed over, per group and, in the same rows' company, per group and currency. */
export interface DonationFigureRow extends GroupRow {
  /** True for a group's values in one currency (`currency`); false for the group's counts. */
  by_currency: boolean;
  currency: string | null;
  handed_over: number;
  in_operation: number;
  without_value: number;
  value_handed_over: number | null;
  value_in_operation: number | null;
}

export interface TrainingFigureRow extends GroupRow {
  courses: number;
  trainees: number;
  course_hours: number;
  trainee_hours: number;
  certificates: number;
}

export interface ActivityFigureRow extends GroupRow {
  kind: ActivityKind;
  held: number;
}

export interface CountRow extends GroupRow {
  count: number;
}

export interface OutcomeFigureRow extends GroupRow {
  kind: MatchOutcomeKind;
  count: number;
}

export interface TargetsRow extends GroupRow {
  targets: string[];
}

export interface GroupName {
  key: string;
  name_en: string;
  name_zh: string | null;
}

/** The column each grouping reads from the facts below (chosen from this map, never from input). */
const GROUP_KEY: Record<AllianceReportGrouping, string> = {
  [AllianceReportGrouping.PROGRAMME]: 'programme_id::text',
  [AllianceReportGrouping.CENTRE]: 'centre_id::text',
  [AllianceReportGrouping.COUNTRY]: 'country_code::text',
};

const CENTRE = `'${OrganizationKind.RESEARCH_CENTRE}'`;
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/*
 * The things each family counts, one row each, with where it belongs: programme_id, centre_id (a RESEARCH_CENTRE
 * organisation) and country_code, and the SDG 6 targets it serves. Parameters, the same for every query: $1 and $2
 * the period's first and last day, $3 to $5 the optional programme, centre and country the report is narrowed to.
 * docs/ALLIANCE.md ("Reports") states each rule in words; keep the two together.
 */
const IN_SCOPE = `($3::uuid IS NULL OR f.programme_id = $3::uuid) AND ($4::uuid IS NULL OR f.centre_id = $4::uuid)
  AND ($5::text IS NULL OR f.country_code::text = $5::text)`;
const facts = (name: string, select: string) => `${name} AS (SELECT * FROM (${select}) f WHERE ${IN_SCOPE})`;

/**
 * Donations handed over in the period (the handover day), whatever became of them since. A donation belongs to its
 * programme; to its recipient when that is a joint centre; to the country of the need it answers, else the
 * recipient's. It serves the targets of its need, else those of its programme.
 */
const DONATION_FACTS = facts(
  'donation_facts',
  `SELECT d.id, d.programme_id, CASE WHEN r.kind = ${CENTRE} THEN r.id END AS centre_id,
          coalesce(n.country_code, r.country_code) AS country_code,
          CASE WHEN n.id IS NOT NULL THEN n.sdg_targets ELSE coalesce(p.sdg_targets, '{}') END AS sdg_targets,
          d.status, d.value, d.currency
     FROM equipment_donation d
     JOIN organization r ON r.id = d.recipient_id
     LEFT JOIN need n ON n.id = d.need_id
     LEFT JOIN programme p ON p.id = d.programme_id
    WHERE d.status IN (${list([DonationStatus.HANDED_OVER, DonationStatus.IN_OPERATION])})
      AND d.handed_over_on BETWEEN $1::date AND $2::date`,
);

/**
 * Courses completed whose last day (the first, for a one-day course) is in the period. A course belongs to its
 * programme, else to the programme of the activity it was given at; to the recipient when a joint centre, else the
 * trainer when a joint centre, else the activity's host centre; to the country of its need, else the recipient's.
 * It serves the targets of its need, else those of its programme.
 */
const TRAINING_FACTS = facts(
  'training_facts',
  `SELECT c.id, coalesce(c.programme_id, a.programme_id) AS programme_id,
          CASE WHEN r.kind = ${CENTRE} THEN r.id WHEN t.kind = ${CENTRE} THEN t.id ELSE a.host_centre_id END AS centre_id,
          coalesce(n.country_code, r.country_code) AS country_code,
          CASE WHEN n.id IS NOT NULL THEN n.sdg_targets ELSE coalesce(p.sdg_targets, '{}') END AS sdg_targets,
          c.trainees, c.hours, c.certificates_issued
     FROM training_course c
     JOIN organization r ON r.id = c.recipient_id
     JOIN organization t ON t.id = c.trainer_id
     LEFT JOIN activity a ON a.id = c.activity_id
     LEFT JOIN need n ON n.id = c.need_id
     LEFT JOIN programme p ON p.id = coalesce(c.programme_id, a.programme_id)
    WHERE c.status = '${TrainingStatus.COMPLETED}'
      AND coalesce(c.ends_on, c.starts_on) BETWEEN $1::date AND $2::date`,
);

/**
 * Activities held (HELD or REPORTED) that started in the period, on the calendar of their venue (a seminar opening at
 * 00:30 in Colombo on 1 March is held on 1 March, though it is still 28 February in UTC). An activity belongs to its
 * programme, its host centre and its country, and serves its own targets.
 */
const ACTIVITY_FACTS = facts(
  'activity_facts',
  `SELECT a.id, a.programme_id, a.host_centre_id AS centre_id, a.country_code, a.sdg_targets, a.kind
     FROM activity a
    WHERE a.status IN (${list([ActivityStatus.HELD, ActivityStatus.REPORTED])})
      AND (a.starts_at AT TIME ZONE a.time_zone)::date BETWEEN $1::date AND $2::date`,
);

/**
 * Matches that reached ENGAGED in the period: the first audit entry of the move (so one engaged and later withdrawn
 * still counts), on the UTC calendar. Nothing links a match to a programme: matches belong to none. A match belongs
 * to the need's organisation when it is a joint centre, to the need's country, and serves the need's targets.
 */
const ENGAGEMENT_FACTS = facts(
  'engagement_facts',
  `SELECT m.id, NULL::uuid AS programme_id, CASE WHEN org.kind = ${CENTRE} THEN org.id END AS centre_id,
          n.country_code, n.sdg_targets
     FROM (SELECT e.entity_id, min(e.created_at) AS engaged_at FROM audit_entry e
            WHERE e.entity_type = 'match' AND e.to_status = '${MatchStatus.ENGAGED}' GROUP BY e.entity_id) engaged
     JOIN match m ON m.id = engaged.entity_id
     JOIN need n ON n.id = m.need_id
     JOIN organization org ON org.id = n.organization_id
    WHERE engaged.engaged_at >= $1::date::timestamp AT TIME ZONE 'UTC'
      AND engaged.engaged_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'`,
);

/** Outcomes dated in the period (the day it happened, not the day it was recorded); they belong as their match does. */
const OUTCOME_FACTS = facts(
  'outcome_facts',
  `SELECT o.id, NULL::uuid AS programme_id, CASE WHEN org.kind = ${CENTRE} THEN org.id END AS centre_id,
          n.country_code, n.sdg_targets, o.kind
     FROM match_outcome o
     JOIN match m ON m.id = o.match_id
     JOIN need n ON n.id = m.need_id
     JOIN organization org ON org.id = n.organization_id
    WHERE o.date BETWEEN $1::date AND $2::date`,
);

/**
 * The alliance's figures over a period, aggregated in PostgreSQL: one read-only query per family of figures, each
 * giving every group's row and the totals row at once (GROUPING SETS), so the totals count each thing once. The
 * empty grouping set yields its row even when nothing was counted: its sums are coalesced to zero.
 */
@Injectable()
export class AllianceReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `read` in one read-only snapshot, so every family of figures sees the same data. */
  snapshot<T>(read: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return read(manager);
    });
  }

  /** Whether the programme and the joint centre a report is narrowed to exist (true when not narrowed). */
  async narrowedToExisting(manager: EntityManager, scope: AllianceReportScope): Promise<{ programme: boolean; centre: boolean }> {
    const [row] = await manager.query<Array<{ programme: boolean; centre: boolean }>>(
      `SELECT ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM programme WHERE id = $1::uuid)) AS programme,
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM organization WHERE id = $2::uuid AND kind = ${CENTRE})) AS centre`,
      [scope.programmeId, scope.centreId],
    );
    return row;
  }

  donations(manager: EntityManager, scope: AllianceReportScope): Promise<DonationFigureRow[]> {
    return this.grouped(
      manager,
      scope,
      [DONATION_FACTS],
      `SELECT g.key, GROUPING(g.key) = 1 AS total, GROUPING(g.currency) = 0 AS by_currency, g.currency::text AS currency,
              count(*)::int AS handed_over,
              count(*) FILTER (WHERE g.status = '${DonationStatus.IN_OPERATION}')::int AS in_operation,
              count(*) FILTER (WHERE g.value IS NULL)::int AS without_value,
              sum(g.value)::float8 AS value_handed_over,
              sum(g.value) FILTER (WHERE g.status = '${DonationStatus.IN_OPERATION}')::float8 AS value_in_operation
         FROM (SELECT %KEY% AS key, f.* FROM donation_facts f) g
        GROUP BY GROUPING SETS ((g.key), (g.key, g.currency), (), (g.currency))`,
    );
  }

  training(manager: EntityManager, scope: AllianceReportScope): Promise<TrainingFigureRow[]> {
    return this.grouped(
      manager,
      scope,
      [TRAINING_FACTS],
      `SELECT g.key, GROUPING(g.key) = 1 AS total, count(*)::int AS courses, coalesce(sum(g.trainees), 0)::int AS trainees,
              coalesce(sum(g.hours), 0)::float8 AS course_hours, coalesce(sum(g.hours * g.trainees), 0)::float8 AS trainee_hours,
              coalesce(sum(g.certificates_issued), 0)::int AS certificates
         FROM (SELECT %KEY% AS key, f.* FROM training_facts f) g
        GROUP BY GROUPING SETS ((g.key), ())`,
    );
  }

  activities(manager: EntityManager, scope: AllianceReportScope): Promise<ActivityFigureRow[]> {
    return this.grouped(
      manager,
      scope,
      [ACTIVITY_FACTS],
      `SELECT g.key, GROUPING(g.key) = 1 AS total, g.kind, count(*)::int AS held
         FROM (SELECT %KEY% AS key, f.* FROM activity_facts f) g
        GROUP BY GROUPING SETS ((g.key, g.kind), (g.kind))`,
    );
  }

  /**
   * B2B meetings held: requests accepted and placed in a slot, at the activities counted above (held, and started in
   * the period); a meeting belongs as its activity does.
   */
  meetings(manager: EntityManager, scope: AllianceReportScope): Promise<CountRow[]> {
    return this.grouped(
      manager,
      scope,
      [ACTIVITY_FACTS],
      `SELECT g.key, GROUPING(g.key) = 1 AS total, count(*)::int AS count
         FROM (SELECT %KEY% AS key FROM meeting_request r JOIN activity_facts f ON f.id = r.activity_id
                WHERE r.status = '${MeetingRequestStatus.ACCEPTED}' AND r.slot_id IS NOT NULL) g
        GROUP BY GROUPING SETS ((g.key), ())`,
    );
  }

  engagements(manager: EntityManager, scope: AllianceReportScope): Promise<CountRow[]> {
    return this.grouped(
      manager,
      scope,
      [ENGAGEMENT_FACTS],
      `SELECT g.key, GROUPING(g.key) = 1 AS total, count(*)::int AS count
         FROM (SELECT %KEY% AS key, f.* FROM engagement_facts f) g
        GROUP BY GROUPING SETS ((g.key), ())`,
    );
  }

  outcomes(manager: EntityManager, scope: AllianceReportScope): Promise<OutcomeFigureRow[]> {
    return this.grouped(
      manager,
      scope,
      [OUTCOME_FACTS],
      `SELECT g.key, GROUPING(g.key) = 1 AS total, g.kind, count(*)::int AS count
         FROM (SELECT %KEY% AS key, f.* FROM outcome_facts f) g
        GROUP BY GROUPING SETS ((g.key, g.kind), (g.kind))`,
    );
  }

  /** The distinct SDG 6 targets served by everything counted above, per group and in all. */
  targets(manager: EntityManager, scope: AllianceReportScope): Promise<TargetsRow[]> {
    const served = ['donation_facts', 'training_facts', 'activity_facts', 'engagement_facts', 'outcome_facts']
      .map((name) => `SELECT %KEY% AS key, unnest(f.sdg_targets) AS target FROM ${name} f`)
      .join(' UNION ALL ');
    return this.grouped(
      manager,
      scope,
      [DONATION_FACTS, TRAINING_FACTS, ACTIVITY_FACTS, ENGAGEMENT_FACTS, OUTCOME_FACTS],
      `SELECT g.key, GROUPING(g.key) = 1 AS total, coalesce(array_agg(DISTINCT g.target ORDER BY g.target), '{}') AS targets
         FROM (${served}) g
        GROUP BY GROUPING SETS ((g.key), ())`,
    );
  }

  /** The English and Chinese names of the groups (programmes, joint centres or countries) with these keys. */
  names(manager: EntityManager, groupBy: AllianceReportGrouping, keys: readonly string[]): Promise<GroupName[]> {
    const table: Record<AllianceReportGrouping, string> = {
      [AllianceReportGrouping.PROGRAMME]: 'SELECT id::text AS key, name_en, name_zh FROM programme',
      [AllianceReportGrouping.CENTRE]: 'SELECT id::text AS key, name_en, name_zh FROM organization',
      [AllianceReportGrouping.COUNTRY]: 'SELECT code::text AS key, name_en, name_zh FROM country',
    };
    return manager.query(`SELECT * FROM (${table[groupBy]}) t WHERE t.key = ANY($1::text[])`, [keys]);
  }

  private grouped<T>(manager: EntityManager, scope: AllianceReportScope, ctes: string[], select: string): Promise<T[]> {
    const sql = `WITH ${ctes.join(',\n')}\n${select.replaceAll('%KEY%', `f.${GROUP_KEY[scope.groupBy]}`)}`;
    return manager.query(sql, [scope.from, scope.to, scope.programmeId, scope.centreId, scope.countryCode]);
  }
}

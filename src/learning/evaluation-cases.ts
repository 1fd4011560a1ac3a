import { DataSource } from 'typeorm';
import { needFieldsOf } from '../imports/gcdf-import.service';
import { NeedEntity } from '../needs/need.entity';
import { NeedStatus } from '../needs/need-status';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { MeasuredCandidate } from '../matching/match-scoring';
import { MatchingService } from '../matching/matching.service';
import { Baseline, baselineRankings } from '../matching/evaluation/baselines';
import { EnterpriseNames, HeldOutCase, heldOutCases, HeldOutRow } from './held-out-projects';
import { workWords } from '../matching/text-terms';

/** The leave-one-out cases of the installation's own track records (verified enterprises' reference projects). */
export async function heldOutCasesOf(dataSource: DataSource): Promise<HeldOutCase[]> {
  const rows: HeldOutRow[] = await dataSource.query(
    `SELECT p.id, p.external_id AS "externalId", p.organization_id AS "organizationId", p.title, p.description,
            p.country_code AS "countryCode", p.year, p.source_sector AS "sourceSector"
       FROM reference_project p JOIN organization o ON o.id = p.organization_id
      WHERE o.kind = 'ENTERPRISE' AND o.verification_status = 'VERIFIED' ORDER BY p.id`,
  );
  const names: EnterpriseNames[] = await dataSource.query(
    `SELECT id AS "organizationId", name_en AS "nameEn", name_zh AS "nameZh", external_id AS "externalId", parent_group AS "parentGroup"
       FROM organization WHERE kind = 'ENTERPRISE' ORDER BY id`,
  );
  return heldOutCases(rows, names);
}

/** A held-out project as the need it would have been (classified as imported needs are), never saved. */
export function needOfCase(c: HeldOutCase, referenceData: ReferenceDataService): NeedEntity {
  const country = referenceData.country(c.countryCode);
  const dated = new Date(Date.UTC(c.year ?? 2000, 0, 1));
  return Object.assign(new NeedEntity(), {
    ...needFieldsOf({ title: c.title, description: c.description, subtype: null }, c.countryCode, country.nameEn),
    id: `held-out:${c.key}`,
    status: NeedStatus.OPEN,
    publishedAt: dated,
    createdAt: dated,
  });
}

/** One evaluated question: the measured candidates of stage 1, and optionally the baselines' rankings. */
export interface EvaluatedCase {
  key: string;
  group: string;
  gold: Set<string>;
  candidates: MeasuredCandidate[];
  /** The candidates Meilisearch's searches found. */
  searched: Set<string>;
  baselines?: Record<Baseline, string[]>;
}

/** Runs stage 1 and measures every candidate for a need, with the given projects held out of both stages. */
export async function evaluate(
  matching: MatchingService,
  question: { key: string; group: string; gold: string[]; need: NeedEntity; without: string[] },
  withBaselines: boolean,
): Promise<EvaluatedCase> {
  const field = await matching.measureCandidates(question.need, { without: question.without });
  return {
    key: question.key,
    group: question.group,
    gold: new Set(question.gold),
    candidates: field.candidates,
    searched: field.searched,
    baselines: withBaselines ? baselineRankings(field.index, workWords(question.need), question.need.countryCode) : undefined,
  };
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor, Language, Role } from '../access/actor';
import { DomainError } from '../common/domain-error';
import { toNeedModel } from '../needs/need.model';
import { NeedVisibility } from '../needs/need-visibility.policy';
import { NeedStatus } from '../needs/need-status';
import { NeedEntity } from '../needs/need.entity';
import { OrganizationEntity, OrganizationKind } from '../organizations/organization.entity';
import { toOrganizationModel } from '../organizations/organization.model';
import { ReferenceProjectEntity } from '../reference-projects/reference-project.entity';
import { toReferenceProjectModel } from '../reference-projects/reference-project.model';
import { MatchCandidateModel, MatchExplanationModel, OpportunityModel } from './matching.model';
import { Evidence, PairScore } from './match-scoring';
import { MatchingService } from './matching.service';

/** Turns rankings into the API's models: enterprises, needs and cited projects read from PostgreSQL, masked for the caller. */
@Injectable()
export class MatchExplanationsService {
  constructor(
    private readonly matching: MatchingService,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    @InjectRepository(ReferenceProjectEntity) private readonly projects: Repository<ReferenceProjectEntity>,
  ) {}

  async candidates(actor: Actor, needId: string, first: number, language = Language.EN): Promise<MatchCandidateModel[]> {
    const need = await this.matching.needOrFail(needId);
    if (!NeedVisibility.canSee(actor, need)) throw DomainError.notFound('Need', needId);
    const ranked = await this.matching.rankEnterprises(need, first, language);
    const [organizations, explanations] = await Promise.all([
      this.organizations.findBy({ id: In(ranked.map((r) => r.organizationId)) }),
      this.explain(ranked),
    ]);
    const enterprises = new Map(organizations.map((o) => [o.id, o]));
    return ranked.flatMap((r, i) => {
      const enterprise = enterprises.get(r.organizationId);
      return enterprise
        ? [{ rank: r.rank, score: r.result.score, enterprise: toOrganizationModel(enterprise, actor), explanation: explanations[i] }]
        : [];
    });
  }

  async opportunities(actor: Actor, organizationId: string, first: number, language = Language.EN): Promise<OpportunityModel[]> {
    if (actor.role === Role.ENTERPRISE_MEMBER && actor.organizationId !== organizationId) {
      throw DomainError.forbidden('Enterprise members see the opportunities of their own enterprise only');
    }
    const enterprise = await this.organizations.findOneBy({ id: organizationId });
    if (!enterprise || enterprise.kind !== OrganizationKind.ENTERPRISE) throw DomainError.notFound('Enterprise', organizationId);
    const ranked = await this.matching.rankNeeds(organizationId, first, language);
    const explanations = await this.explain(ranked);
    return ranked
      .map((r, i) => ({ r, explanation: explanations[i] }))
      .filter(({ r }) => r.need.status === NeedStatus.OPEN && NeedVisibility.canSee(actor, r.need))
      .map(({ r, explanation }) => ({ rank: r.rank, score: r.result.score, need: toNeedModel(r.need), explanation }));
  }

  /** `MatchingService.scorePairs` with the explanations as the API gives them; the caller checks who may see what. */
  async pairs(
    needs: readonly NeedEntity[],
    organizationIds: readonly string[],
    language = Language.EN,
  ): Promise<Array<{ need: NeedEntity; organizationId: string; score: number; explanation: MatchExplanationModel }>> {
    const ranked = await this.matching.scorePairs(needs, organizationIds, language);
    const explanations = await this.explain(ranked);
    return ranked.map((r, i) => ({ need: r.need, organizationId: r.organizationId, score: r.result.score, explanation: explanations[i] }));
  }

  private async explain(
    items: Array<{ result: PairScore; evidence: Evidence[]; summary: string; caveat?: string | null }>,
  ): Promise<MatchExplanationModel[]> {
    const ids = [...new Set(items.flatMap((item) => item.evidence.map((e) => e.project.id)))];
    const projects = new Map((ids.length ? await this.projects.findBy({ id: In(ids) }) : []).map((p) => [p.id, p]));
    return items.map(({ result, evidence, summary, caveat }) => ({
      summary,
      caveat: caveat ?? null,
      factors: result.factors,
      tradeFit: result.tradeFit,
      fieldStrength: result.fieldStrength,
      evidence: evidence.flatMap((e) => {
        const project = projects.get(e.project.id);
        return project ? [{ referenceProject: toReferenceProjectModel(project), similarity: e.similarity, reasons: e.reasons }] : [];
      }),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CapabilityEntity } from '../capabilities/capability.entity';
import { NeedEntity } from '../needs/need.entity';
import { OrganizationEntity, OrganizationKind, VerificationStatus } from '../organizations/organization.entity';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { TaxonomyKind } from '../reference-data/taxonomy-term.entity';
import { EnterpriseDocument, NeedDocument, ReferenceProjectDocument } from './search-documents';
import { SearchDocumentsRepository } from './search-documents.repository';

/** Builds index documents from the current rows in PostgreSQL. An id without a row (deleted) yields no document. */
@Injectable()
export class SearchDocumentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceDataService,
    private readonly sources: SearchDocumentsRepository,
  ) {}

  async needs(ids: string[]): Promise<NeedDocument[]> {
    if (ids.length === 0) return [];
    const needs = await this.dataSource.getRepository(NeedEntity).find({ where: { id: In(ids) }, relations: { organization: true } });
    return needs.map((n) => ({
      id: n.id,
      title: n.title,
      description: n.description,
      site: n.site,
      countryCode: n.countryCode,
      region: this.referenceData.country(n.countryCode).region,
      countryNames: this.countryNames([n.countryCode]),
      sectorCode: n.sectorCode,
      sdgTargets: n.sdgTargets,
      cooperationModes: n.cooperationModes,
      technologyCategories: n.technologyCategories,
      categoryLabels: [
        ...this.labels(TaxonomyKind.WATER_SECTOR, [n.sectorCode]),
        ...this.labels(TaxonomyKind.TECHNOLOGY_CATEGORY, n.technologyCategories),
      ],
      budgetMin: n.budgetMin,
      budgetMax: n.budgetMax,
      currency: n.currency,
      fundingStatus: n.fundingStatus,
      financier: n.financier,
      financingInstrument: n.financingInstrument,
      status: n.status,
      organizationId: n.organizationId,
      organizationName: n.organization?.nameEn ?? '',
      publishedAt: n.publishedAt?.getTime() ?? null,
      createdAt: n.createdAt.getTime(),
    }));
  }

  /** Enterprise profiles: the organisation, its capabilities and a summary of its track record. */
  async enterprises(ids: string[]): Promise<EnterpriseDocument[]> {
    if (ids.length === 0) return [];
    const organizations = await this.dataSource
      .getRepository(OrganizationEntity)
      .findBy({ id: In(ids), kind: OrganizationKind.ENTERPRISE });
    if (organizations.length === 0) return [];
    const orgIds = organizations.map((o) => o.id);
    const capabilities = await this.dataSource.getRepository(CapabilityEntity).findBy({ organizationId: In(orgIds) });
    const summaries = await this.sources.projectSummaries(orgIds);
    const summaryOf = new Map(summaries.map((s) => [s.organization_id, s]));
    return organizations.map((o) => {
      const own = capabilities.filter((c) => c.organizationId === o.id);
      const summary = summaryOf.get(o.id);
      const categories = unique([...own.map((c) => c.technologyCategory), ...(summary?.categories ?? [])]);
      const countries = unique([...own.flatMap((c) => c.countriesServed), ...(summary?.countries ?? []).map((c) => c.trim())]);
      const regions = unique([...own.flatMap((c) => c.regionsServed), ...countries.map((c) => this.referenceData.country(c).region)]);
      return {
        id: o.id,
        nameEn: o.nameEn,
        nameZh: o.nameZh,
        nameLocal: o.nameLocal,
        parentGroup: o.parentGroup,
        countryCode: o.countryCode,
        description: o.description,
        verified: o.verificationStatus === VerificationStatus.VERIFIED,
        capabilityText: own.map((c) => c.description).join('\n'),
        technologyCategories: categories,
        declaredCategories: unique(own.map((c) => c.technologyCategory)),
        categoryLabels: this.labels(TaxonomyKind.TECHNOLOGY_CATEGORY, categories),
        cooperationModes: unique(own.flatMap((c) => c.cooperationModes)),
        countriesServed: countries,
        countryNames: this.countryNames(countries),
        regionsServed: regions,
        sectorCodes: summary?.sectors ?? [],
        projectTitles: summary?.titles ?? [],
        projectCount: summary?.project_count ?? 0,
        waterProjectCount: summary?.water_count ?? 0,
      };
    });
  }

  async referenceProjects(ids: string[]): Promise<ReferenceProjectDocument[]> {
    if (ids.length === 0) return [];
    const projects = await this.sources.referenceProjects(ids);
    return projects.map((p) => ({
      ...p,
      region: p.countryCode ? this.referenceData.country(p.countryCode).region : null,
      countryNames: p.countryCode ? this.countryNames([p.countryCode]) : [],
      categoryLabels: this.labels(TaxonomyKind.TECHNOLOGY_CATEGORY, p.technologyCategories),
    }));
  }

  private countryNames(codes: string[]): string[] {
    return codes.flatMap((code) => {
      const c = this.referenceData.country(code);
      return [c.nameEn, c.nameZh];
    });
  }

  private labels(kind: TaxonomyKind, codes: string[]): string[] {
    return codes.flatMap((code) => {
      const term = this.referenceData.term(kind, code);
      return [term.labelEn, term.labelZh];
    });
  }
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditLogService } from '../audit-log/audit-log.service';
import { Actor } from '../access/actor';
import { DomainError } from '../common/domain-error';
import { Connection } from '../common/pagination';
import { definedFields } from '../common/validation';
import { paginate } from '../database/paginate';
import { onlyVisibleOwners, ownedOrRefuse, visibleOrNotFound } from '../organizations/organization-ownership';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { TaxonomyKind } from '../reference-data/taxonomy-term.entity';
import { IndexedKind } from '../search-outbox/search-outbox.entity';
import { SearchOutboxService } from '../search-outbox/search-outbox.service';
import { CreateReferenceProjectInput, ReferenceProjectsArgs, UpdateReferenceProjectInput } from './dto/reference-project.inputs';
import { ProjectRole, ReferenceProjectEntity } from './reference-project.entity';
import { ReferenceProjectModel, toReferenceProjectModel } from './reference-project.model';

@Injectable()
export class ReferenceProjectsService {
  constructor(
    @InjectRepository(ReferenceProjectEntity) private readonly projects: Repository<ReferenceProjectEntity>,
    private readonly referenceData: ReferenceDataService,
    private readonly outbox: SearchOutboxService,
    private readonly audit: AuditLogService,
  ) {}

  async list(actor: Actor | null, args: ReferenceProjectsArgs): Promise<Connection<ReferenceProjectModel>> {
    const query = onlyVisibleOwners(this.projects.createQueryBuilder('p'), actor);
    if (args.organizationId) query.andWhere('p.organizationId = :org', { org: args.organizationId });
    if (args.countryCode) query.andWhere('p.countryCode = :country', { country: args.countryCode.toUpperCase() });
    if (args.sectorCode) query.andWhere('p.sectorCode = :sector', { sector: args.sectorCode });
    if (args.technologyCategory) query.andWhere(':category = ANY(p.technologyCategories)', { category: args.technologyCategory });
    if (args.yearFrom !== undefined) query.andWhere('p.year >= :yearFrom', { yearFrom: args.yearFrom });
    if (args.yearTo !== undefined) query.andWhere('p.year <= :yearTo', { yearTo: args.yearTo });
    return paginate(query, args, toReferenceProjectModel);
  }

  async get(actor: Actor | null, id: string): Promise<ReferenceProjectModel> {
    return toReferenceProjectModel(visibleOrNotFound(actor, await this.load(id), 'ReferenceProject', id));
  }

  async create(actor: Actor, input: CreateReferenceProjectInput): Promise<ReferenceProjectModel> {
    const fields = this.normalise(input);
    this.validate(fields);
    // A role sent as null is a role left out: the default.
    const project = this.projects.create({
      ...fields,
      description: fields.description ?? '',
      role: fields.role ?? ProjectRole.EPC_CONTRACTOR,
      organizationId: actor.organizationId,
    });
    return toReferenceProjectModel(await this.write(actor, 'create', null, project));
  }

  async update(actor: Actor, input: UpdateReferenceProjectInput): Promise<ReferenceProjectModel> {
    const { id, ...fields } = input;
    const changes = definedFields(fields);
    for (const field of ['title', 'role'] as const) {
      if (changes[field] === null) throw DomainError.badInput(field, `${field} cannot be cleared`);
    }
    const project = ownedOrRefuse(actor, await this.load(id), 'ReferenceProject', id);
    const merged = { ...project, ...this.normalise(changes), description: changes.description ?? project.description };
    this.validate(merged);
    delete merged.organization;
    return toReferenceProjectModel(await this.write(actor, 'update', project, merged));
  }

  async delete(actor: Actor, id: string): Promise<boolean> {
    await this.write(actor, 'delete', ownedOrRefuse(actor, await this.load(id), 'ReferenceProject', id), null);
    return true;
  }

  /**
   * Creates (`before` null), changes, or deletes (`after` null) a reference project, with the search outbox rows of
   * the project and of its enterprise (whose document cites its track record) and the audit entry, in one transaction.
   */
  private write(
    actor: Actor,
    action: string,
    before: ReferenceProjectEntity | null,
    after: ReferenceProjectEntity,
  ): Promise<ReferenceProjectEntity>;
  private write(actor: Actor, action: string, before: ReferenceProjectEntity, after: null): Promise<null>;
  private write(
    actor: Actor,
    action: string,
    before: ReferenceProjectEntity | null,
    after: ReferenceProjectEntity | null,
  ): Promise<ReferenceProjectEntity | null> {
    return this.outbox.transaction(async (manager) => {
      const saved = await this.audit.saveOrDelete(manager, {
        target: ReferenceProjectEntity,
        entityType: 'reference_project',
        actor,
        action,
        before,
        after,
      });
      const row = saved ?? before;
      if (row) {
        await this.outbox.record(manager, IndexedKind.ReferenceProject, [row.id]);
        await this.outbox.record(manager, IndexedKind.Organization, [row.organizationId]);
      }
      return saved;
    });
  }

  private load(id: string): Promise<ReferenceProjectEntity | null> {
    return this.projects.findOne({ where: { id }, relations: { organization: true } });
  }

  private normalise<T extends Partial<CreateReferenceProjectInput>>(fields: T): T {
    const out = { ...fields };
    if (typeof out.countryCode === 'string') out.countryCode = out.countryCode.toUpperCase();
    if (typeof out.currency === 'string') out.currency = out.currency.toUpperCase();
    if (out.technologyCategories === null) out.technologyCategories = [];
    return out;
  }

  private validate(p: Partial<CreateReferenceProjectInput>): void {
    if (p.countryCode) this.referenceData.assertCountry('countryCode', p.countryCode);
    if (p.sectorCode) this.referenceData.assertTerms('sectorCode', TaxonomyKind.WATER_SECTOR, [p.sectorCode]);
    this.referenceData.assertTerms('technologyCategories', TaxonomyKind.TECHNOLOGY_CATEGORY, p.technologyCategories ?? []);
    if (p.year != null && p.year > new Date().getUTCFullYear())
      throw DomainError.badInput('year', 'year of a past project cannot be in the future');
    if (p.currency) this.referenceData.assertCurrency('currency', p.currency);
    if (p.value != null && !p.currency) throw DomainError.badInput('currency', 'currency is required when a value is given');
  }
}

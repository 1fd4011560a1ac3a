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
import { CapabilityEntity } from './capability.entity';
import { CapabilityModel, toCapabilityModel } from './capability.model';
import { CapabilitiesArgs, CreateCapabilityInput, UpdateCapabilityInput } from './dto/capability.inputs';

const REQUIRED_FIELDS = ['technologyCategory', 'description'] as const;

@Injectable()
export class CapabilitiesService {
  constructor(
    @InjectRepository(CapabilityEntity) private readonly capabilities: Repository<CapabilityEntity>,
    private readonly referenceData: ReferenceDataService,
    private readonly outbox: SearchOutboxService,
    private readonly audit: AuditLogService,
  ) {}

  async list(actor: Actor | null, args: CapabilitiesArgs): Promise<Connection<CapabilityModel>> {
    const query = onlyVisibleOwners(this.capabilities.createQueryBuilder('c'), actor);
    if (args.organizationId) query.andWhere('c.organizationId = :org', { org: args.organizationId });
    if (args.technologyCategory) query.andWhere('c.technologyCategory = :category', { category: args.technologyCategory });
    if (args.countryServed) query.andWhere(':country = ANY(c.countriesServed)', { country: args.countryServed.toUpperCase() });
    return paginate(query, args, toCapabilityModel);
  }

  async get(actor: Actor | null, id: string): Promise<CapabilityModel> {
    return toCapabilityModel(visibleOrNotFound(actor, await this.load(id), 'Capability', id));
  }

  async create(actor: Actor, input: CreateCapabilityInput): Promise<CapabilityModel> {
    const fields = this.normalise(input);
    this.validate(fields);
    return toCapabilityModel(
      await this.write(actor, 'create', null, this.capabilities.create({ ...fields, organizationId: actor.organizationId })),
    );
  }

  async update(actor: Actor, input: UpdateCapabilityInput): Promise<CapabilityModel> {
    const { id, ...fields } = input;
    const changes = definedFields(fields);
    for (const field of REQUIRED_FIELDS) {
      if (changes[field] === null) throw DomainError.badInput(field, `${field} cannot be cleared`);
    }
    const capability = ownedOrRefuse(actor, await this.load(id), 'Capability', id);
    const merged = { ...capability, ...this.normalise(changes) };
    this.validate(merged);
    delete merged.organization;
    return toCapabilityModel(await this.write(actor, 'update', capability, merged));
  }

  async delete(actor: Actor, id: string): Promise<boolean> {
    await this.write(actor, 'delete', ownedOrRefuse(actor, await this.load(id), 'Capability', id), null);
    return true;
  }

  /**
   * Creates (`before` null), changes, or deletes (`after` null) a capability, with the search outbox row of its
   * enterprise (whose document lists its capabilities) and the audit entry, in one transaction.
   */
  private write(actor: Actor, action: string, before: CapabilityEntity | null, after: CapabilityEntity): Promise<CapabilityEntity>;
  private write(actor: Actor, action: string, before: CapabilityEntity, after: null): Promise<null>;
  private write(
    actor: Actor,
    action: string,
    before: CapabilityEntity | null,
    after: CapabilityEntity | null,
  ): Promise<CapabilityEntity | null> {
    return this.outbox.transaction(async (manager) => {
      const saved = await this.audit.saveOrDelete(manager, {
        target: CapabilityEntity,
        entityType: 'capability',
        actor,
        action,
        before,
        after,
      });
      const row = saved ?? before;
      if (row) await this.outbox.record(manager, IndexedKind.Organization, [row.organizationId]);
      return saved;
    });
  }

  private load(id: string): Promise<CapabilityEntity | null> {
    return this.capabilities.findOne({ where: { id }, relations: { organization: true } });
  }

  private normalise<T extends Partial<CreateCapabilityInput>>(fields: T): T {
    const out = { ...fields };
    if (Array.isArray(out.countriesServed)) out.countriesServed = [...new Set(out.countriesServed.map((c) => c.toUpperCase()))];
    for (const key of ['cooperationModes', 'certifications', 'regionsServed', 'languages', 'countriesServed'] as const) {
      if (out[key] === null) out[key] = [];
    }
    return out;
  }

  private validate(c: Partial<CreateCapabilityInput>): void {
    if (c.technologyCategory !== undefined)
      this.referenceData.assertTerms('technologyCategory', TaxonomyKind.TECHNOLOGY_CATEGORY, [c.technologyCategory]);
    this.referenceData.assertTerms('cooperationModes', TaxonomyKind.COOPERATION_MODE, c.cooperationModes ?? []);
    for (const code of c.countriesServed ?? []) this.referenceData.assertCountry('countriesServed', code);
    const hasCapacity = c.capacityMin != null || c.capacityMax != null;
    if (hasCapacity && !c.capacityUnit) throw DomainError.badInput('capacityUnit', 'capacityUnit is required when a capacity is given');
    if (c.capacityMin != null && c.capacityMax != null && c.capacityMin > c.capacityMax) {
      throw DomainError.badInput('capacityMin', 'capacityMin must not exceed capacityMax');
    }
  }
}

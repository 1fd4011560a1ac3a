import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { Connection } from '../common/pagination';
import { definedFields } from '../common/validation';
import { paginate } from '../database/paginate';
import { onlyVisibleOwners, ownedOrRefuse, visibleOrNotFound } from '../organizations/organization-ownership';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { TaxonomyKind } from '../reference-data/taxonomy-term.entity';
import { IndexedKind } from '../search/search-outbox.entity';
import { SearchOutbox } from '../search/search-outbox.service';
import { CapabilityEntity } from './capability.entity';
import { CapabilityModel, toCapabilityModel } from './capability.model';
import { CapabilitiesArgs, CreateCapabilityInput, UpdateCapabilityInput } from './dto/capability.inputs';

const REQUIRED_FIELDS = ['technologyCategory', 'description'] as const;

@Injectable()
export class CapabilitiesService {
  constructor(
    @InjectRepository(CapabilityEntity) private readonly capabilities: Repository<CapabilityEntity>,
    private readonly referenceData: ReferenceDataService,
    private readonly outbox: SearchOutbox,
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
    const saved = await this.outbox.save(CapabilityEntity, { ...fields, organizationId: actor.organizationId }, (c) => [[IndexedKind.Organization, c.organizationId]]);
    return toCapabilityModel(saved);
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
    return toCapabilityModel(await this.outbox.save(CapabilityEntity, merged, (c) => [[IndexedKind.Organization, c.organizationId]]));
  }

  async delete(actor: Actor, id: string): Promise<boolean> {
    const capability = ownedOrRefuse(actor, await this.load(id), 'Capability', id);
    await this.outbox.delete(CapabilityEntity, id, [[IndexedKind.Organization, capability.organizationId]]);
    return true;
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
    if (c.technologyCategory !== undefined) this.referenceData.assertTerms('technologyCategory', TaxonomyKind.TECHNOLOGY_CATEGORY, [c.technologyCategory]);
    this.referenceData.assertTerms('cooperationModes', TaxonomyKind.COOPERATION_MODE, c.cooperationModes ?? []);
    for (const code of c.countriesServed ?? []) this.referenceData.assertCountry('countriesServed', code);
    const hasCapacity = c.capacityMin != null || c.capacityMax != null;
    if (hasCapacity && !c.capacityUnit) throw DomainError.badInput('capacityUnit', 'capacityUnit is required when a capacity is given');
    if (c.capacityMin != null && c.capacityMax != null && c.capacityMin > c.capacityMax) {
      throw DomainError.badInput('capacityMin', 'capacityMin must not exceed capacityMax');
    }
  }
}

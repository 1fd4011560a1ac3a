import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuditLogService } from '../audit-log/audit-log.service';
import { Actor, Role } from '../access/actor';
import { DomainError } from '../common/domain-error';
import { Connection } from '../common/pagination';
import { definedFields } from '../common/validation';
import { paginate } from '../database/paginate';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { IndexedKind } from '../search-outbox/search-outbox.entity';
import { SearchOutboxService } from '../search-outbox/search-outbox.service';
import { CreateOrganizationInput, HostInstitutionInput, OrganizationsArgs, UpdateOrganizationInput } from './dto/organization.inputs';
import { HostInstitution, NEED_POSTING_KINDS, OrganizationEntity, OrganizationKind, VerificationStatus } from './organization.entity';
import { OrganizationModel, toOrganizationModel } from './organization.model';
import { OrganizationVisibility } from './organization-visibility.policy';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    private readonly referenceData: ReferenceDataService,
    private readonly outbox: SearchOutboxService,
    private readonly audit: AuditLogService,
  ) {}

  async list(actor: Actor | null, args: OrganizationsArgs): Promise<Connection<OrganizationModel>> {
    const visible = OrganizationVisibility.sql(actor, 'o');
    const query = this.organizations.createQueryBuilder('o').andWhere(visible.where, visible.parameters);
    if (args.kind) query.andWhere('o.kind = :kind', { kind: args.kind });
    if (args.countryCode) query.andWhere('o.countryCode = :country', { country: args.countryCode.toUpperCase() });
    if (args.verificationStatus) query.andWhere('o.verificationStatus = :status', { status: args.verificationStatus });
    if (args.parentGroup) query.andWhere('o.parentGroup = :group', { group: args.parentGroup });
    if (args.nameContains) {
      const pattern = `%${args.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(o.nameEn ILIKE :pattern OR o.nameZh ILIKE :pattern OR o.nameLocal ILIKE :pattern)', { pattern });
    }
    return paginate(query, args, (o) => toOrganizationModel(o, actor));
  }

  async get(actor: Actor | null, id: string): Promise<OrganizationModel> {
    return toOrganizationModel(await this.findVisible(actor, id), actor);
  }

  /** The organisation if the actor may see it; NOT_FOUND otherwise (existence is not revealed). */
  async findVisible(actor: Actor | null, id: string): Promise<OrganizationEntity> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization || !OrganizationVisibility.canSee(actor, organization)) throw DomainError.notFound('Organization', id);
    return organization;
  }

  async findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.organizations.findBy({ id: In([...ids]) });
  }

  async create(actor: Actor, input: CreateOrganizationInput): Promise<OrganizationModel> {
    this.referenceData.assertCountry('countryCode', input.countryCode.toUpperCase());
    if (input.parentGroup && input.kind !== OrganizationKind.ENTERPRISE) {
      throw DomainError.badInput('parentGroup', 'only enterprises belong to a parent group');
    }
    const countriesServed = this.countriesServed(input.kind, input.countryCode.toUpperCase(), input.countriesServed);
    const hostInstitutions = this.hostInstitutions(input.kind, input.hostInstitutions);
    const saved = await this.save(
      actor,
      'create',
      null,
      this.organizations.create({
        kind: input.kind,
        nameEn: input.nameEn,
        nameZh: input.nameZh ?? null,
        nameLocal: input.nameLocal ?? null,
        countryCode: input.countryCode.toUpperCase(),
        countriesServed,
        website: input.website ?? null,
        hostInstitutions,
        description: input.description ?? '',
        parentGroup: input.parentGroup ?? null,
        contactEmail: input.contactEmail?.toLowerCase() ?? null,
        contactPhone: input.contactPhone ?? null,
        verificationStatus: input.verificationStatus ?? VerificationStatus.PENDING,
      }),
    );
    return toOrganizationModel(saved, null);
  }

  /** Admins change any organisation; members only their own. */
  async update(actor: Actor, input: UpdateOrganizationInput): Promise<OrganizationModel> {
    const organization = await this.findVisible(actor, input.id);
    if (actor.role !== Role.ADMIN && actor.organizationId !== organization.id) {
      throw DomainError.forbidden('You may only change your own organisation');
    }
    const { id: _id, ...changes } = definedFields(input);
    // Before anything reads them: null is "clear", which these fields refuse.
    for (const field of ['nameEn', 'countryCode'] as const) {
      if (changes[field] === null) throw DomainError.badInput(field, `${field} cannot be cleared`);
    }
    if (input.countryCode !== undefined) this.referenceData.assertCountry('countryCode', input.countryCode.toUpperCase());
    if (input.parentGroup && organization.kind !== OrganizationKind.ENTERPRISE) {
      throw DomainError.badInput('parentGroup', 'only enterprises belong to a parent group');
    }
    if (changes.countryCode) changes.countryCode = changes.countryCode.toUpperCase();
    const movesWhereNeedsGo =
      (changes.countryCode !== undefined && changes.countryCode !== organization.countryCode) || changes.countriesServed !== undefined;
    // Where a verified agency posts needs is what the secretariat checked; the agency cannot widen it on its own.
    if (
      movesWhereNeedsGo &&
      NEED_POSTING_KINDS.includes(organization.kind) &&
      organization.verificationStatus === VerificationStatus.VERIFIED &&
      actor.role !== Role.ADMIN
    ) {
      throw DomainError.forbidden("A verified agency's country and countries served are changed by the secretariat's admins; ask them");
    }
    if (changes.countriesServed !== undefined || changes.countryCode !== undefined) {
      changes.countriesServed = this.countriesServed(
        organization.kind,
        changes.countryCode ?? organization.countryCode,
        changes.countriesServed === undefined ? organization.countriesServed : changes.countriesServed,
      );
    }
    if (changes.hostInstitutions !== undefined)
      changes.hostInstitutions = this.hostInstitutions(organization.kind, changes.hostInstitutions);
    if (changes.description === null) changes.description = '';
    if (changes.contactEmail) changes.contactEmail = changes.contactEmail.toLowerCase();
    return toOrganizationModel(await this.save(actor, 'update', organization, Object.assign({ ...organization }, changes)), actor);
  }

  /** Validated, countries upper-cased; only research centres have host institutions. */
  private hostInstitutions(kind: OrganizationKind, hosts: HostInstitutionInput[] | null | undefined): HostInstitution[] {
    if (!hosts?.length) return [];
    if (kind !== OrganizationKind.RESEARCH_CENTRE)
      throw DomainError.badInput('hostInstitutions', 'only research centres have host institutions');
    return hosts.map((host) => {
      const countryCode = host.countryCode.toUpperCase();
      this.referenceData.assertCountry('hostInstitutions', countryCode);
      return { name: host.name, countryCode };
    });
  }

  /** Validated, upper-cased, without duplicates or the home country; only agencies have any. */
  private countriesServed(kind: OrganizationKind, countryCode: string, codes: string[] | null | undefined): string[] {
    if (!codes?.length) return [];
    if (kind !== OrganizationKind.AGENCY)
      throw DomainError.badInput('countriesServed', 'only agencies list countries served besides their own');
    const upper = [...new Set(codes.map((code) => code.toUpperCase()))].filter((code) => code !== countryCode);
    for (const code of upper) this.referenceData.assertCountry('countriesServed', code);
    return upper.sort();
  }

  async setVerification(actor: Actor, id: string, status: VerificationStatus): Promise<OrganizationModel> {
    const organization = await this.findVisible(actor, id);
    return toOrganizationModel(
      await this.save(actor, 'set verification', organization, { ...organization, verificationStatus: status }),
      actor,
    );
  }

  /** Saves an organisation (`before` its stored state, null when new) with its search outbox row and its audit entry. */
  private save(actor: Actor, action: string, before: OrganizationEntity | null, after: OrganizationEntity): Promise<OrganizationEntity> {
    return this.outbox.transaction(async (manager) => {
      const saved = await manager.save(OrganizationEntity, after);
      await this.outbox.record(manager, IndexedKind.Organization, [saved.id]);
      await this.audit.recordChange(manager, {
        target: OrganizationEntity,
        entityType: 'organization',
        entityId: saved.id,
        actor,
        action,
        before,
        after: saved,
      });
      return saved;
    });
  }
}

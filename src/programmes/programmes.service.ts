import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { Actor } from '../access/actor';
import { AuditLogService } from '../audit-log/audit-log.service';
import { DomainError } from '../common/domain-error';
import { Connection } from '../common/pagination';
import { definedFields } from '../common/validation';
import { paginate } from '../database/paginate';
import { OrganizationEntity, OrganizationKind, VerificationStatus } from '../organizations/organization.entity';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { TaxonomyKind } from '../reference-data/taxonomy-term.entity';
import { CreateProgrammeInput, ProgrammesArgs, UpdateProgrammeInput } from './dto/programme.inputs';
import { ProgrammeEntity, ProgrammeMemberEntity } from './programme.entity';
import { ProgrammeModel, toProgrammeModel } from './programme.model';

/** Kinds of organisation that take part in programmes; the secretariat runs them. */
const MEMBER_KINDS: readonly OrganizationKind[] = [OrganizationKind.RESEARCH_CENTRE, OrganizationKind.ENTERPRISE, OrganizationKind.AGENCY];

/** The alliance's sponsored programmes: public to read, run by coordinators. Every change is audited. */
@Injectable()
export class ProgrammesService {
  constructor(
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
    @InjectRepository(ProgrammeMemberEntity) private readonly members: Repository<ProgrammeMemberEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceDataService,
    private readonly audit: AuditLogService,
  ) {}

  list(args: ProgrammesArgs): Promise<Connection<ProgrammeModel>> {
    const query = this.programmes.createQueryBuilder('p');
    if (args.organizationId) {
      query.andWhere('EXISTS (SELECT 1 FROM programme_member m WHERE m.programme_id = p.id AND m.organization_id = :org)', {
        org: args.organizationId,
      });
    }
    return paginate(query, args, toProgrammeModel);
  }

  async get(id: string): Promise<ProgrammeModel> {
    return toProgrammeModel(await this.load(id));
  }

  async load(id: string): Promise<ProgrammeEntity> {
    const programme = await this.programmes.findOneBy({ id });
    if (!programme) throw DomainError.notFound('Programme', id);
    return programme;
  }

  /** The programmes of `ids`, by id (programmes are public). */
  async byIds(ids: readonly string[]): Promise<Map<string, ProgrammeModel>> {
    return new Map((await this.programmes.findBy({ id: In([...ids]) })).map((p) => [p.id, toProgrammeModel(p)]));
  }

  /** Member organisation ids of each programme. */
  async memberIds(programmeIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.members.find({
      where: { programmeId: In([...programmeIds]) },
      order: { createdAt: 'ASC', organizationId: 'ASC' },
    });
    const byProgramme = new Map<string, string[]>(programmeIds.map((id) => [id, []]));
    for (const row of rows) byProgramme.get(row.programmeId)?.push(row.organizationId);
    return byProgramme;
  }

  async create(actor: Actor, input: CreateProgrammeInput): Promise<ProgrammeModel> {
    const fields = this.checked({
      nameEn: input.nameEn,
      nameZh: input.nameZh ?? null,
      sponsor: input.sponsor,
      description: input.description ?? '',
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      budget: input.budget ?? null,
      currency: input.currency?.toUpperCase() ?? null,
      sdgTargets: [...new Set(input.sdgTargets ?? [])],
    });
    return toProgrammeModel(await this.write(actor, 'create', null, this.programmes.create(fields)));
  }

  async update(actor: Actor, input: UpdateProgrammeInput): Promise<ProgrammeModel> {
    const { id, ...fields } = input;
    const changes = definedFields(fields);
    for (const field of ['nameEn', 'sponsor', 'startsOn'] as const) {
      if (changes[field] === null) throw DomainError.badInput(field, `${field} cannot be cleared`);
    }
    const programme = await this.load(id);
    const merged: ProgrammeEntity = {
      ...programme,
      ...changes,
      description: changes.description === null ? '' : (changes.description ?? programme.description),
      currency: changes.currency === undefined ? programme.currency : (changes.currency?.toUpperCase() ?? null),
      sdgTargets: changes.sdgTargets === undefined ? programme.sdgTargets : [...new Set(changes.sdgTargets ?? [])],
    };
    return toProgrammeModel(await this.write(actor, 'update', programme, this.checked(merged)));
  }

  /** Adds verified centres, enterprises or agencies; ones already in stay as they were. Returns the programme. */
  async addMembers(actor: Actor, programmeId: string, organizationIds: string[]): Promise<ProgrammeModel> {
    const ids = [...new Set(organizationIds)];
    await this.dataSource.transaction(async (manager) => {
      const programme = await manager.findOne(ProgrammeEntity, { where: { id: programmeId }, lock: { mode: 'pessimistic_write' } });
      if (!programme) throw DomainError.notFound('Programme', programmeId);
      const organizations = await manager.findBy(OrganizationEntity, { id: In(ids) });
      for (const id of ids) {
        const organization = organizations.find((o) => o.id === id);
        if (!organization) throw DomainError.badInput('organizationIds', `organisation ${id} does not exist`);
        if (!MEMBER_KINDS.includes(organization.kind))
          throw DomainError.badInput(
            'organizationIds',
            `${organization.nameEn} is a ${organization.kind}: programmes take centres, enterprises and agencies`,
          );
        if (organization.verificationStatus !== VerificationStatus.VERIFIED)
          throw DomainError.badInput('organizationIds', `${organization.nameEn} is not verified yet`);
      }
      const existing = new Set((await manager.findBy(ProgrammeMemberEntity, { programmeId })).map((m) => m.organizationId));
      const added = ids.filter((id) => !existing.has(id));
      if (added.length === 0) return;
      await manager.insert(
        ProgrammeMemberEntity,
        added.map((organizationId) => ({ programmeId, organizationId })),
      );
      await this.audit.record(
        manager,
        added.map((organizationId) => ({
          entityType: 'programme',
          entityId: programmeId,
          actor,
          action: 'add_member',
          changes: [{ field: 'member', before: null, after: organizationId, secret: false }],
        })),
      );
    });
    return this.get(programmeId);
  }

  async removeMember(actor: Actor, programmeId: string, organizationId: string): Promise<ProgrammeModel> {
    await this.dataSource.transaction(async (manager) => {
      await this.load(programmeId);
      const { affected } = await manager.delete(ProgrammeMemberEntity, { programmeId, organizationId });
      if (!affected) throw DomainError.notFound('Programme member', organizationId);
      await this.audit.record(manager, [
        {
          entityType: 'programme',
          entityId: programmeId,
          actor,
          action: 'remove_member',
          changes: [{ field: 'member', before: organizationId, after: null, secret: false }],
        },
      ]);
    });
    return this.get(programmeId);
  }

  private checked<T extends Omit<ProgrammeEntity, 'id' | 'createdAt' | 'updatedAt' | 'version'>>(p: T): T {
    if (p.endsOn && p.endsOn < p.startsOn) throw DomainError.badInput('endsOn', `endsOn ${p.endsOn} is before startsOn ${p.startsOn}`);
    if (p.currency) this.referenceData.assertCurrency('currency', p.currency);
    if (p.budget != null && !p.currency) throw DomainError.badInput('currency', 'currency is required when a budget is given');
    this.referenceData.assertTerms('sdgTargets', TaxonomyKind.SDG_TARGET, p.sdgTargets);
    return p;
  }

  private write(actor: Actor, action: string, before: ProgrammeEntity | null, after: ProgrammeEntity): Promise<ProgrammeEntity> {
    return this.dataSource.transaction(
      async (manager) =>
        (await this.audit.saveOrDelete(manager, { target: ProgrammeEntity, entityType: 'programme', actor, action, before, after }))!,
    );
  }
}

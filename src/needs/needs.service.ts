import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AuditLogService } from '../audit-log/audit-log.service';
import { Actor, Role } from '../access/actor';
import { DomainError } from '../common/domain-error';
import { Connection } from '../common/pagination';
import { definedFields } from '../common/validation';
import { paginate } from '../database/paginate';
import { OrganizationEntity, VerificationStatus } from '../organizations/organization.entity';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { IndexedKind } from '../search-outbox/search-outbox.entity';
import { JobQueueService } from '../jobs/job-queue.service';
import { todayUtc } from './need-deadlines.job';
import { SearchOutboxService } from '../search-outbox/search-outbox.service';
import { TaxonomyKind } from '../reference-data/taxonomy-term.entity';
import { CreateNeedInput, NeedsArgs, UpdateNeedInput } from './dto/need.inputs';
import { FundingStatus, NeedEntity } from './need.entity';
import { NeedModel, toNeedModel } from './need.model';
import { NEED_CLOSED_QUEUE, NEED_PUBLISHED_QUEUE } from './need-events';
import { NeedVisibility } from './need-visibility.policy';
import { assertMove, EDITABLE_NEED_STATUSES, NeedStatus } from './need-status';

/** Fields a need cannot be without; an update may not clear them. */
const REQUIRED_FIELDS = ['title', 'description', 'countryCode', 'sectorCode', 'fundingStatus'] as const;

type NeedFields = Omit<CreateNeedInput, never>;

/** The audit trail's name for a need. */
const ENTITY = 'need';

/** An agency posts needs for its own country and the countries its profile serves (set by the secretariat once verified). */
function assertPostsIn(agency: OrganizationEntity, countryCode: string): void {
  if (countryCode === agency.countryCode || agency.countriesServed.includes(countryCode)) return;
  const allowed = [agency.countryCode, ...agency.countriesServed].join(', ');
  throw DomainError.badInput(
    'countryCode',
    `Your agency posts needs for ${allowed}, not for ${countryCode}; the secretariat can add the countries it serves to its profile`,
  );
}

@Injectable()
export class NeedsService {
  constructor(
    @InjectRepository(NeedEntity) private readonly needs: Repository<NeedEntity>,
    private readonly outbox: SearchOutboxService,
    private readonly referenceData: ReferenceDataService,
    private readonly jobs: JobQueueService,
    private readonly audit: AuditLogService,
  ) {}

  async list(actor: Actor | null, args: NeedsArgs): Promise<Connection<NeedModel>> {
    const visible = NeedVisibility.sql(actor, 'n');
    const query = this.needs.createQueryBuilder('n').andWhere(visible.where, visible.parameters);
    if (args.countryCode) query.andWhere('n.countryCode = :country', { country: args.countryCode.toUpperCase() });
    if (args.region) {
      const codes = this.referenceData.listCountries({ region: args.region }).map((c) => c.code);
      query.andWhere('n.countryCode IN (:...regionCodes)', { regionCodes: codes.length ? codes : ['--'] });
    }
    if (args.sectorCode) query.andWhere('n.sectorCode = :sector', { sector: args.sectorCode });
    if (args.sdgTarget) query.andWhere(':sdg = ANY(n.sdgTargets)', { sdg: args.sdgTarget });
    if (args.cooperationMode) query.andWhere(':mode = ANY(n.cooperationModes)', { mode: args.cooperationMode });
    if (args.technologyCategory) query.andWhere(':category = ANY(n.technologyCategories)', { category: args.technologyCategory });
    if (args.status) query.andWhere('n.status = :status', { status: args.status });
    if (args.organizationId) query.andWhere('n.organizationId = :org', { org: args.organizationId });
    return paginate(query, args, toNeedModel);
  }

  async get(actor: Actor | null, id: string): Promise<NeedModel> {
    const need = await this.needs.findOneBy({ id });
    if (!need || !NeedVisibility.canSee(actor, need)) throw DomainError.notFound('Need', id);
    return toNeedModel(need);
  }

  /** The needs of `ids` the actor may see, by id (the others are left out). */
  async visibleByIds(actor: Actor | null, ids: readonly string[]): Promise<Map<string, NeedModel>> {
    const needs = await this.needs.findBy({ id: In([...ids]) });
    return new Map(needs.filter((n) => NeedVisibility.canSee(actor, n)).map((n) => [n.id, toNeedModel(n)]));
  }

  async create(actor: Actor, input: CreateNeedInput): Promise<NeedModel> {
    const fields = this.normalise(input);
    this.validate(fields);
    // A deadline already past is refused when it is written, not only when the need is published.
    this.assertDeadlineAhead(fields.deadline);
    const saved = await this.outbox.transaction(async (manager) => {
      await this.assertAgencyPostsIn(manager, actor.organizationId, fields.countryCode);
      const need = await manager.save(
        manager.create(NeedEntity, {
          ...fields,
          site: fields.site ?? null,
          budgetMin: fields.budgetMin ?? null,
          budgetMax: fields.budgetMax ?? null,
          currency: fields.currency ?? null,
          financier: fields.financier ?? null,
          financingInstrument: fields.financingInstrument ?? null,
          populationServed: fields.populationServed ?? null,
          deadline: fields.deadline ?? null,
          fundingStatus: fields.fundingStatus ?? FundingStatus.SEEKING,
          organizationId: actor.organizationId,
          createdById: actor.userId,
          status: NeedStatus.DRAFT,
        }),
      );
      await this.outbox.record(manager, IndexedKind.Need, [need.id]);
      await this.audit.recordChange(manager, {
        target: NeedEntity,
        entityType: ENTITY,
        entityId: need.id,
        actor,
        action: 'create',
        before: null,
        after: need,
        toStatus: need.status,
      });
      return need;
    });
    return toNeedModel(saved);
  }

  /** Content changes, while the need is DRAFT or OPEN, by its own agency. */
  async update(actor: Actor, input: UpdateNeedInput): Promise<NeedModel> {
    const { id, ...fields } = input;
    const changes = definedFields(fields);
    for (const field of REQUIRED_FIELDS) {
      if (changes[field] === null) throw DomainError.badInput(field, `${field} cannot be cleared`);
    }
    return this.outbox.transaction(async (manager) => {
      const need = await this.lockOwned(manager, actor, id);
      if (!EDITABLE_NEED_STATUSES.includes(need.status)) {
        throw DomainError.conflict(`A need in status ${need.status} can no longer be edited`);
      }
      const merged: NeedEntity = { ...need, ...this.normalise(changes as NeedFields) };
      this.validate(merged);
      // A new deadline must lie ahead; an open need's must too, whatever else changed.
      if (changes.deadline !== undefined || merged.status === NeedStatus.OPEN) this.assertDeadlineAhead(merged.deadline);
      if (changes.countryCode !== undefined) await this.assertAgencyPostsIn(manager, need.organizationId, merged.countryCode);
      const saved = await manager.save(NeedEntity, merged);
      await this.outbox.record(manager, IndexedKind.Need, [id]);
      await this.audit.recordChange(manager, {
        target: NeedEntity,
        entityType: ENTITY,
        entityId: id,
        actor,
        action: 'update',
        before: need,
        after: saved,
      });
      return toNeedModel(saved);
    });
  }

  /** DRAFT → OPEN. Only verified agencies publish, and not with a deadline already past. */
  async publish(actor: Actor, id: string): Promise<NeedModel> {
    return this.outbox.transaction(async (manager) => {
      const need = await this.lockOwned(manager, actor, id);
      assertMove(need.status, NeedStatus.OPEN);
      const organization = await manager.findOneByOrFail(OrganizationEntity, { id: need.organizationId });
      if (organization.verificationStatus !== VerificationStatus.VERIFIED) {
        throw DomainError.forbidden('Your organisation must be verified by the secretariat before it can publish needs');
      }
      this.assertDeadlineAhead(need.deadline);
      // Checked again: the secretariat may have narrowed the agency's countries since the draft was written.
      assertPostsIn(organization, need.countryCode);
      const before = { ...need };
      need.status = NeedStatus.OPEN;
      need.publishedAt ??= new Date();
      await this.outbox.record(manager, IndexedKind.Need, [id]);
      // Candidates for the review queue and alerts to fitting enterprises follow, once this commits.
      await this.jobs.insert([{ name: NEED_PUBLISHED_QUEUE, data: { needId: id } }], manager);
      const saved = await manager.save(need);
      await this.audit.recordChange(manager, {
        target: NeedEntity,
        entityType: ENTITY,
        entityId: id,
        actor,
        action: 'publish',
        before,
        after: saved,
        fromStatus: before.status,
        toStatus: saved.status,
      });
      return toNeedModel(saved);
    });
  }

  async withdraw(actor: Actor, id: string): Promise<NeedModel> {
    return this.move(actor, id, NeedStatus.WITHDRAWN, 'withdraw', (a, need) => a.organizationId === need.organizationId);
  }

  /** Its agency or a coordinator closes a need that is done. */
  async close(actor: Actor, id: string): Promise<NeedModel> {
    return this.move(
      actor,
      id,
      NeedStatus.CLOSED,
      'close',
      (a, need) => a.role === Role.COORDINATOR || a.organizationId === need.organizationId,
    );
  }

  private async move(
    actor: Actor,
    id: string,
    to: NeedStatus,
    action: string,
    mayAct: (actor: Actor, need: NeedEntity) => boolean,
  ): Promise<NeedModel> {
    return this.outbox.transaction(async (manager) => {
      const need = await manager.findOne(NeedEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!need || !NeedVisibility.canSee(actor, need)) throw DomainError.notFound('Need', id);
      if (!mayAct(actor, need)) throw DomainError.forbidden(`You may not move this need to ${to}`);
      assertMove(need.status, to);
      const before = { ...need };
      need.status = to;
      await this.outbox.record(manager, IndexedKind.Need, [id]);
      // Its matches that can no longer lead anywhere are withdrawn, and the sides told, once this commits.
      await this.jobs.insert([{ name: NEED_CLOSED_QUEUE, data: { needId: id } }], manager);
      const saved = await manager.save(need);
      await this.audit.recordChange(manager, {
        target: NeedEntity,
        entityType: ENTITY,
        entityId: id,
        actor,
        action,
        before,
        after: saved,
        fromStatus: before.status,
        toStatus: to,
      });
      return toNeedModel(saved);
    });
  }

  /** Row-locked for the rest of the transaction, so concurrent edits and transitions serialise. */
  private async lockOwned(manager: EntityManager, actor: Actor, id: string): Promise<NeedEntity> {
    const need = await manager.findOne(NeedEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!need || !NeedVisibility.canSee(actor, need)) throw DomainError.notFound('Need', id);
    if (need.organizationId !== actor.organizationId) throw DomainError.forbidden("Only the need's own agency may change it");
    return need;
  }

  private normalise<T extends Partial<NeedFields>>(fields: T): T {
    const out = { ...fields };
    if (typeof out.countryCode === 'string') out.countryCode = out.countryCode.toUpperCase();
    if (typeof out.currency === 'string') out.currency = out.currency.toUpperCase();
    for (const key of ['sdgTargets', 'cooperationModes', 'technologyCategories', 'languages'] as const) {
      if (out[key] === null) out[key] = [];
      if (Array.isArray(out[key])) out[key] = [...new Set(out[key])];
    }
    return out;
  }

  /** Rules across fields and against reference data; each failure names its field. */
  private validate(need: Partial<NeedFields>): void {
    if (need.countryCode !== undefined) this.referenceData.assertCountry('countryCode', need.countryCode);
    if (need.sectorCode !== undefined) this.referenceData.assertTerms('sectorCode', TaxonomyKind.WATER_SECTOR, [need.sectorCode]);
    this.referenceData.assertTerms('sdgTargets', TaxonomyKind.SDG_TARGET, need.sdgTargets ?? []);
    this.referenceData.assertTerms('cooperationModes', TaxonomyKind.COOPERATION_MODE, need.cooperationModes ?? []);
    this.referenceData.assertTerms('technologyCategories', TaxonomyKind.TECHNOLOGY_CATEGORY, need.technologyCategories ?? []);
    if (need.currency) this.referenceData.assertCurrency('currency', need.currency);
    const hasBudget = need.budgetMin != null || need.budgetMax != null;
    if (hasBudget && !need.currency) throw DomainError.badInput('currency', 'currency is required when a budget is given');
    if (need.budgetMin != null && need.budgetMax != null && need.budgetMin > need.budgetMax) {
      throw DomainError.badInput('budgetMin', 'budgetMin must not exceed budgetMax');
    }
  }

  private async assertAgencyPostsIn(manager: EntityManager, organizationId: string, countryCode: string): Promise<void> {
    assertPostsIn(await manager.findOneByOrFail(OrganizationEntity, { id: organizationId }), countryCode);
  }

  private assertDeadlineAhead(deadline: string | null | undefined): void {
    if (deadline && deadline < todayUtc()) throw DomainError.badInput('deadline', `deadline ${deadline} is already past`);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor, Role } from '../access/actor';
import { AuditLogService } from '../audit-log/audit-log.service';
import { DomainError } from '../common/domain-error';
import { Connection } from '../common/pagination';
import { paginate } from '../database/paginate';
import { OrganizationKind } from '../organizations/organization.entity';
import { contributionParties } from '../programmes/contribution-parties';
import { tellOfContribution } from '../programmes/contribution-notifications';
import { NotificationOutboxService } from '../notifications/notification-outbox.service';
import { recordContributionOutcome, RecordContributionOutcomeInput } from '../programmes/contribution-outcome';
import { MatchOutcomeKind } from '../matches/match-status';
import { MatchWorkflowService } from '../matches/match-workflow.service';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { DonationEntity } from './donation.entity';
import { DonationModel, toDonationModel } from './donation.model';
import { assertDonationMove, DonationParty, DonationStatus, MOVERS } from './donation-status';
import { DonationVisibility } from './donation-visibility.policy';
import { DonationsArgs, MoveDonationInput, PledgeDonationInput } from './dto/donation.inputs';

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Equipment donations: enterprises pledge, coordinators approve, donor and recipient follow it to operation. Audited. */
@Injectable()
export class DonationsService {
  constructor(
    @InjectRepository(DonationEntity) private readonly donations: Repository<DonationEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceDataService,
    private readonly audit: AuditLogService,
    private readonly workflow: MatchWorkflowService,
    private readonly notifications: NotificationOutboxService,
  ) {}

  list(actor: Actor, args: DonationsArgs): Promise<Connection<DonationModel>> {
    const query = this.donations.createQueryBuilder('d');
    const visible = DonationVisibility.sql(actor, 'd');
    query.where(visible.where, visible.parameters);
    if (args.status) query.andWhere('d.status = :status', { status: args.status });
    if (args.programmeId) query.andWhere('d.programmeId = :programmeId', { programmeId: args.programmeId });
    if (args.needId) query.andWhere('d.needId = :needId', { needId: args.needId });
    return paginate(query, args, toDonationModel);
  }

  async get(actor: Actor, id: string): Promise<DonationModel> {
    const donation = await this.donations.findOneBy({ id });
    if (!donation || !DonationVisibility.canSee(actor, donation)) throw DomainError.notFound('Donation', id);
    return toDonationModel(donation);
  }

  async pledge(actor: Actor, input: PledgeDonationInput): Promise<DonationModel> {
    const currency = input.currency?.toUpperCase() ?? null;
    if (currency) this.referenceData.assertCurrency('currency', currency);
    const itemsValued = input.items.some((i) => i.unitValue != null);
    if ((input.value != null || itemsValued) && !currency) throw DomainError.badInput('currency', 'currency is required with a value');
    const value = input.value ?? (itemsValued ? input.items.reduce((sum, i) => sum + (i.unitValue ?? 0) * i.quantity, 0) : null);
    return this.dataSource
      .transaction(async (manager) => {
        const { giverId, recipientId } = await contributionParties(
          manager,
          actor,
          { ...input, giverId: input.donorId },
          { field: 'donorId', kinds: [OrganizationKind.ENTERPRISE], noun: 'donor' },
        );
        const saved = await this.audit.saveOrDelete(manager, {
          target: DonationEntity,
          entityType: 'donation',
          actor,
          action: 'pledge',
          before: null,
          after: manager.create(DonationEntity, {
            donorId: giverId,
            recipientId,
            needId: input.needId ?? null,
            programmeId: input.programmeId ?? null,
            title: input.title,
            items: input.items.map((i) => ({ name: i.name, quantity: i.quantity, unitValue: i.unitValue ?? null })),
            value,
            currency,
            status: DonationStatus.PLEDGED,
          }),
          toStatus: DonationStatus.PLEDGED,
        });
        await this.tell(manager, actor, saved!);
        return toDonationModel(saved!);
      })
      .finally(() => this.notifications.nudge());
  }

  /** One move of the lifecycle, by a party allowed to make it, at the version the caller read. */
  async move(actor: Actor, input: MoveDonationInput): Promise<DonationModel> {
    return this.dataSource
      .transaction(async (manager) => {
        const donation = await this.lockVisible(manager, actor, input.id);
        const party = partyOf(actor, donation);
        if (!party || !MOVERS[input.to].includes(party))
          throw DomainError.forbidden(`${input.to} is recorded by ${MOVERS[input.to].join(' or ').toLowerCase() || 'nobody'}, not by you`);
        if (donation.version !== input.version)
          throw DomainError.conflict(`The donation changed since you read it (version ${donation.version}, not ${input.version})`);
        assertDonationMove(donation.status, input.to);
        if (input.to === DonationStatus.REFUSED && !input.reason?.trim()) throw DomainError.badInput('reason', 'say why it is refused');
        const handedOverOn = input.to === DonationStatus.HANDED_OVER ? (input.handedOverOn ?? todayUtc()) : donation.handedOverOn;
        if (handedOverOn && input.to === DonationStatus.HANDED_OVER && handedOverOn > todayUtc())
          throw DomainError.badInput('handedOverOn', `${handedOverOn} is in the future`);
        const saved = await this.audit.saveOrDelete(manager, {
          target: DonationEntity,
          entityType: 'donation',
          actor,
          action: input.to.toLowerCase().replace('_', ' '),
          before: donation,
          after: { ...donation, status: input.to, handedOverOn, reason: input.reason ?? donation.reason },
          fromStatus: donation.status,
          toStatus: input.to,
          reason: input.reason ?? null,
        });
        await this.tell(manager, actor, saved!);
        return toDonationModel(saved!);
      })
      .finally(() => this.notifications.nudge());
  }

  /** A coordinator records a donation handed over (or in operation) as a HANDOVER outcome of the match it served. */
  async recordAsOutcome(actor: Actor, input: RecordContributionOutcomeInput): Promise<DonationModel> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const donation = await this.lockVisible(manager, actor, input.id);
      if (!donation.handedOverOn || ![DonationStatus.HANDED_OVER, DonationStatus.IN_OPERATION].includes(donation.status))
        throw DomainError.conflict(`Only a donation handed over is an outcome; this one is ${donation.status}`);
      await recordContributionOutcome(
        manager,
        this.workflow,
        actor,
        { giverId: donation.donorId, recipientId: donation.recipientId, recordedMatchId: donation.matchId },
        input,
        {
          kind: MatchOutcomeKind.HANDOVER,
          date: donation.handedOverOn,
          value: donation.value,
          currency: donation.currency,
          note: `Equipment donation: ${donation.title}`,
        },
      );
      return this.audit.saveOrDelete(manager, {
        target: DonationEntity,
        entityType: 'donation',
        actor,
        action: 'record as match outcome',
        before: donation,
        after: { ...donation, matchId: input.matchId },
      });
    });
    this.workflow.nudge();
    return toDonationModel(saved!);
  }

  private tell(manager: EntityManager, actor: Actor, d: DonationEntity): Promise<void> {
    return tellOfContribution(manager, this.notifications, actor, {
      contribution: 'DONATION',
      id: d.id,
      title: d.title,
      status: d.status,
      giverId: d.donorId,
      recipientId: d.recipientId,
      reason: d.reason,
      value: d.value,
      currency: d.currency,
      handedOverOn: d.handedOverOn,
    });
  }

  private async lockVisible(manager: EntityManager, actor: Actor, id: string): Promise<DonationEntity> {
    const donation = await manager.findOne(DonationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!donation || !DonationVisibility.canSee(actor, donation)) throw DomainError.notFound('Donation', id);
    return donation;
  }
}

function partyOf(actor: Actor, donation: DonationEntity): DonationParty | null {
  if (actor.role === Role.COORDINATOR) return 'COORDINATOR';
  if (actor.organizationId === donation.donorId) return 'DONOR';
  if (actor.organizationId === donation.recipientId) return 'RECIPIENT';
  return null;
}

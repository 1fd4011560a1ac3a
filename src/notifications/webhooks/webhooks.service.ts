import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditLogService } from '../../audit-log/audit-log.service';
import { Actor, isStaff, Role } from '../../access/actor';
import { DomainError } from '../../common/domain-error';
import { Connection, PageArgs } from '../../common/pagination';
import { AppConfig } from '../../config/app-config';
import { OrganizationEntity } from '../../organizations/organization.entity';
import { DeliveryLogService } from '../delivery-log.service';
import { NotificationDeliveryModel } from '../notification-delivery.model';
import { CreateWebhookInput, UpdateWebhookInput } from './dto/webhook.inputs';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookReceiversRepository } from './webhook-receivers.repository';
import { generateWebhookSecret } from './webhook-signature';
import { SEALED_PREFIX, WebhookSecretBoxService } from './webhook-secret-box.service';
import { validateWebhookUrl } from './webhook-url';
import { CreatedWebhookModel, toWebhookModel, WebhookModel, WebhookTestResultModel } from './webhook.model';

/** Enough for a few systems per organisation; every event fans out to each of them. */
export const MAX_WEBHOOKS_PER_ORGANIZATION = 10;

/** The audit trail's name for a webhook. */
const ENTITY = 'webhook';

/** The event type of the ping sent by testWebhook; never a real event. */
export const WEBHOOK_TEST_EVENT = 'WEBHOOK_TEST';

/**
 * Webhooks of organisations. Members manage their own organisation's (another's look as if they did not exist),
 * administrators any; coordinators read them and their delivery log.
 */
@Injectable()
export class WebhooksService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @InjectRepository(WebhookEndpointEntity) private readonly endpoints: Repository<WebhookEndpointEntity>,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly sender: WebhookReceiversRepository,
    private readonly deliveryLog: DeliveryLogService,
    private readonly secrets: WebhookSecretBoxService,
    private readonly audit: AuditLogService,
    private readonly endpointRows: WebhookEndpointsRepository,
  ) {}

  /** Secrets stored before WEBHOOK_SECRETS_KEY was set are encrypted at the next start; without it, the start warns. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.secrets.encrypts) {
      this.logger.warn('WEBHOOK_SECRETS_KEY is not set: webhook signing secrets are stored unencrypted');
      return;
    }
    const sealed = await this.sealStoredSecrets();
    if (sealed > 0) this.logger.log(`Encrypted ${sealed} webhook signing secrets stored before WEBHOOK_SECRETS_KEY was set`);
  }

  /** Seals the secrets still stored as they are; each row only if unchanged meanwhile (instances may start together). */
  async sealStoredSecrets(): Promise<number> {
    const plain = await this.endpointRows.findSecretsWithout(SEALED_PREFIX);
    let sealed = 0;
    for (const { id, secret } of plain) if (await this.endpointRows.replaceSecret(id, secret, this.secrets.seal(secret))) sealed++;
    return sealed;
  }

  private allowedUrls() {
    return { http: this.config.WEBHOOK_ALLOW_HTTP, privateNetworks: this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS };
  }

  async list(actor: Actor, organizationId: string | undefined): Promise<WebhookModel[]> {
    const owner = this.organizationFor(actor, organizationId);
    const rows = await this.endpoints.find({ where: { organizationId: owner }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toWebhookModel);
  }

  async create(actor: Actor, input: CreateWebhookInput): Promise<CreatedWebhookModel> {
    this.assertMayManage(actor);
    const organizationId = this.organizationFor(actor, input.organizationId);
    const url = validateWebhookUrl(input.url, this.allowedUrls());
    const secret = generateWebhookSecret();
    const saved = await this.dataSource.transaction(async (manager) => {
      // Locking the organisation serialises concurrent creations, so the limit holds.
      const organization = await manager
        .getRepository(OrganizationEntity)
        .findOne({ where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!organization) throw DomainError.notFound('Organization', organizationId);
      const count = await manager.count(WebhookEndpointEntity, { where: { organizationId } });
      if (count >= MAX_WEBHOOKS_PER_ORGANIZATION) {
        throw DomainError.badInput(
          'organizationId',
          `An organisation may have at most ${MAX_WEBHOOKS_PER_ORGANIZATION} webhooks; delete one first`,
        );
      }
      return this.save(
        manager,
        actor,
        'create',
        null,
        manager.create(WebhookEndpointEntity, {
          organizationId,
          url,
          secret: this.secrets.seal(secret),
          events: input.events,
          active: true,
        }),
      );
    });
    return { webhook: toWebhookModel(saved), secret };
  }

  async update(actor: Actor, input: UpdateWebhookInput): Promise<WebhookModel> {
    this.assertMayManage(actor);
    const webhook = await this.loadVisible(actor, input.id);
    const changed = { ...webhook };
    if (input.url !== undefined) changed.url = validateWebhookUrl(input.url, this.allowedUrls());
    if (input.events !== undefined) changed.events = input.events;
    if (input.active !== undefined) changed.active = input.active;
    return toWebhookModel(await this.dataSource.transaction((manager) => this.save(manager, actor, 'update', webhook, changed)));
  }

  /** Its deliveries stay, so the log still tells what was sent. */
  async delete(actor: Actor, id: string): Promise<boolean> {
    this.assertMayManage(actor);
    const webhook = await this.loadVisible(actor, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(WebhookEndpointEntity, { id: webhook.id });
      await this.audit.recordChange(manager, {
        target: WebhookEndpointEntity,
        entityType: ENTITY,
        entityId: webhook.id,
        actor,
        action: 'delete',
        before: webhook,
        after: null,
      });
    });
    return true;
  }

  /** The old secret stops signing at once; the new one is shown this once. */
  async rotateSecret(actor: Actor, id: string): Promise<CreatedWebhookModel> {
    this.assertMayManage(actor);
    const webhook = await this.loadVisible(actor, id);
    const secret = generateWebhookSecret();
    const saved = await this.dataSource.transaction((manager) =>
      this.save(manager, actor, 'rotate secret', webhook, { ...webhook, secret: this.secrets.seal(secret) }),
    );
    return { webhook: toWebhookModel(saved), secret };
  }

  /** Sends a signed ping now (even to an inactive webhook, to check it before resuming); not stored as a delivery. */
  async test(actor: Actor, id: string): Promise<WebhookTestResultModel> {
    this.assertMayManage(actor);
    const webhook = await this.loadVisible(actor, id);
    const key = `test:${webhook.id}:${randomBytes(8).toString('hex')}`;
    const body = JSON.stringify({
      id: key,
      event: WEBHOOK_TEST_EVENT,
      createdAt: new Date().toISOString(),
      data: {
        webhookId: webhook.id,
        organizationId: webhook.organizationId,
        message: 'Test call from WaterBridge: the endpoint is reachable and the signature can be checked.',
      },
    });
    return this.sender.post({ url: webhook.url, secret: webhook.secret }, { key, eventType: WEBHOOK_TEST_EVENT }, body);
  }

  /** The calls made to a webhook, newest first. Staff may read the log of a deleted webhook too. */
  async deliveries(actor: Actor, webhookId: string, page: PageArgs): Promise<Connection<NotificationDeliveryModel>> {
    if (!isStaff(actor)) await this.loadVisible(actor, webhookId);
    return this.deliveryLog.list({ webhookId }, page);
  }

  /** Saves a webhook (`before` its stored state, null when new) with its audit entry (the secret without its values). */
  private async save(
    manager: EntityManager,
    actor: Actor,
    action: string,
    before: WebhookEndpointEntity | null,
    after: WebhookEndpointEntity,
  ): Promise<WebhookEndpointEntity> {
    const saved = await manager.save(WebhookEndpointEntity, after);
    await this.audit.recordChange(manager, {
      target: WebhookEndpointEntity,
      entityType: ENTITY,
      entityId: saved.id,
      actor,
      action,
      before,
      after: saved,
    });
    return saved;
  }

  /** Coordinators read webhooks but do not change them (the resolver's @Allow says so too; this keeps the rule here). */
  private assertMayManage(actor: Actor): void {
    if (actor.role === Role.COORDINATOR) throw DomainError.forbidden('Coordinators may read webhooks but not change them');
  }

  /** The organisation an operation is about: members their own, staff the one they name. */
  private organizationFor(actor: Actor, organizationId: string | undefined): string {
    if (isStaff(actor)) {
      if (!organizationId) throw DomainError.badInput('organizationId', 'organizationId is required: name the organisation');
      return organizationId;
    }
    if (organizationId && organizationId !== actor.organizationId) throw DomainError.notFound('Organization', organizationId);
    return actor.organizationId;
  }

  private async loadVisible(actor: Actor, id: string): Promise<WebhookEndpointEntity> {
    const webhook = await this.endpoints.findOne({ where: { id } });
    if (!webhook || (!isStaff(actor) && webhook.organizationId !== actor.organizationId)) throw DomainError.notFound('Webhook', id);
    return webhook;
  }
}

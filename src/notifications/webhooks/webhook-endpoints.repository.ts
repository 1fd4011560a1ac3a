import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** What a call to an endpoint needs. */
export interface EndpointForDelivery {
  url: string;
  secret: string;
  active: boolean;
}

/** The SQL reads and writes of `webhook_endpoint` (its CRUD goes through the entity in WebhooksService). */
@Injectable()
export class WebhookEndpointsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The active endpoints of these organisations, with the events each subscribes to. */
  findActiveOf(
    organizationIds: string[],
    manager: EntityManager,
  ): Promise<Array<{ id: string; url: string; organizationId: string; events: string[] }>> {
    return manager.query(
      `SELECT id, url, organization_id AS "organizationId", events FROM webhook_endpoint WHERE active AND organization_id = ANY($1) ORDER BY id`,
      [organizationIds],
    );
  }

  /** An endpoint as a delivery needs it, or none when it was deleted. */
  async findForDelivery(id: string, manager: EntityManager): Promise<EndpointForDelivery | undefined> {
    const [endpoint]: EndpointForDelivery[] = await manager.query(`SELECT url, secret, active FROM webhook_endpoint WHERE id = $1`, [id]);
    return endpoint;
  }

  /** Endpoints whose secret does not start with `prefix` (stored before secrets were sealed). */
  findSecretsWithout(prefix: string): Promise<Array<{ id: string; secret: string }>> {
    return this.dataSource.query(`SELECT id, secret FROM webhook_endpoint WHERE secret NOT LIKE $1`, [`${prefix}%`]);
  }

  /** Replaces an endpoint's secret only if it is still `current` (another process may have replaced it); whether it did. */
  async replaceSecret(id: string, current: string, replacement: string): Promise<boolean> {
    const [, updated] = await this.dataSource.query<[unknown, number]>(
      `UPDATE webhook_endpoint SET secret = $1 WHERE id = $2 AND secret = $3`,
      [replacement, id, current],
    );
    return updated > 0;
  }
}

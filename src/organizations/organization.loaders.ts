import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationEntity } from './organization.entity';
import { OrganizationModel, toOrganizationModel } from './organization.model';
import { OrganizationsService } from './organizations.service';

const BY_ID = Symbol('organizations by id');

/** The organisations a page of rows points to, read in one query per request. */
@Injectable()
export class OrganizationLoaders {
  constructor(private readonly organizations: OrganizationsService) {}

  /** Organisations by id; a missing one is an error (every reference to one is a foreign key). */
  byId(context: GraphQLContext): DataLoader<string, OrganizationEntity> {
    return context.loaders.get(
      BY_ID,
      () =>
        new DataLoader<string, OrganizationEntity>(async (ids) => {
          const rows = new Map((await this.organizations.findByIds(ids)).map((o) => [o.id, o]));
          return ids.map((id) => rows.get(id) ?? new Error(`Organization ${id} is missing`));
        }),
    );
  }

  /** The owning organisation of a row, masked for the caller. */
  async model(context: GraphQLContext, organizationId: string): Promise<OrganizationModel> {
    return toOrganizationModel(await this.byId(context).load(organizationId), context.req.actor ?? null);
  }
}

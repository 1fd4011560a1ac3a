import { Injectable } from '@nestjs/common';
import { GraphQLContext } from '../graphql/graphql-context';
import { NeedModel } from './need.model';
import { NeedsService } from './needs.service';

const VISIBLE = Symbol('needs visible to the caller, by id');

/** The needs a page of rows points to, read in one query per request and masked by NeedVisibility. */
@Injectable()
export class NeedLoaders {
  constructor(private readonly needs: NeedsService) {}

  /** The need, or null for none or one the caller may not see (a draft, or withdrawn since). */
  visible(context: GraphQLContext, needId: string | null): Promise<NeedModel | null> {
    if (needId === null) return Promise.resolve(null);
    return context.loaders.byId(VISIBLE, (ids) => this.needs.visibleByIds(context.req.actor ?? null, ids)).load(needId);
  }
}

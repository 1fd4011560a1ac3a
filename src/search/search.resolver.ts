import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Public } from '../access/access.decorator';
import { Actor } from '../access/actor';
import { SearchEnterprisesArgs, SearchNeedsArgs } from './dto/search.inputs';
import { EnterpriseSearchConnectionModel, NeedSearchConnectionModel } from './search.model';
import { SearchService } from './search.service';
import { ROOT_COST } from '../graphql/query-limits';

@Resolver()
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Public()
  @Query(() => NeedSearchConnectionModel, {
    complexity: ROOT_COST.search,
    description:
      'Search needs by free text (English or Chinese) and filters, with facet counts and highlights. Same visibility as `needs`.',
  })
  searchNeeds(@CurrentActor() actor: Actor | null, @Args() args: SearchNeedsArgs) {
    return this.service.searchNeeds(actor, args);
  }

  @Public()
  @Query(() => EnterpriseSearchConnectionModel, {
    complexity: ROOT_COST.search,
    description:
      'Search enterprises by what they do, where they worked and their track record, with facet counts and highlights. Verified enterprises only (plus your own).',
  })
  searchEnterprises(@CurrentActor() actor: Actor | null, @Args() args: SearchEnterprisesArgs) {
    return this.service.searchEnterprises(actor, args);
  }
}

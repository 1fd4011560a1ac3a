import { Type } from '@nestjs/common';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../common/pagination';
import { NeedModel } from '../needs/need.model';
import { OrganizationModel } from '../organizations/organization.model';

@ObjectType('FacetValue', { description: 'One value of a facet and how many results have it.' })
export class FacetValueModel {
  @Field({ description: 'The value (a code: country, sector, category …).' })
  value: string;

  @Field(() => Int, { description: 'Number of results with this value.' })
  count: number;
}

@ObjectType('Facet', { description: 'Counts of the results by one attribute, for filter menus.' })
export class FacetModel {
  @Field({ description: 'The attribute: countryCode, region, sectorCode, sdgTargets, cooperationModes, technologyCategories, status …' })
  field: string;

  @Field(() => [FacetValueModel], { description: 'Its values, most frequent first.' })
  values: FacetValueModel[];
}

@ObjectType('SearchHighlights', { description: 'Where the query matched, with matches wrapped in <mark>…</mark>.' })
export class SearchHighlightsModel {
  @Field(() => String, { nullable: true, description: 'The title, highlighted.' })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'A short extract of the description around the matches, highlighted.' })
  snippet: string | null;
}

/** The `XSearchEdge` and `XSearchConnection` types of a searchable node type. */
export function SearchConnectionType<T>(
  node: Type<T>,
  name: string,
  described: { node: string; found: string; highlights: string; facets: string },
): Type<unknown> {
  @ObjectType(`${name}SearchEdge`, { description: described.found })
  class SearchEdge {
    @Field({ description: 'Position of this result; pass it as `after` for the next page.' })
    cursor: string;

    @Field(() => node, { description: `${described.node}.` })
    node: T;

    @Field(() => Float, { nullable: true, description: 'Relevance to the query, 0 to 1 (null without a query).' })
    score: number | null;

    @Field(() => SearchHighlightsModel, { description: described.highlights })
    highlights: SearchHighlightsModel;
  }

  @ObjectType(`${name}SearchConnection`, {
    description: `A page of ${described.node.replace(/^The /, '')}s found by a search, with facet counts.`,
  })
  class SearchConnection {
    @Field(() => [SearchEdge], { description: 'The results of this page, best first.' })
    edges: SearchEdge[];

    @Field(() => PageInfo, { description: 'Where this page sits in the results.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of results in all pages (estimated by the search engine beyond 1,000).' })
    totalCount: number;

    @Field(() => [FacetModel], { description: described.facets })
    facets: FacetModel[];
  }
  return SearchConnection;
}

export const NeedSearchConnectionModel = SearchConnectionType(NeedModel, 'Need', {
  node: 'The need',
  found: 'A need found by a search.',
  highlights: 'Where the query matched.',
  facets: 'Counts of all results by country, region, sector, SDG target, cooperation mode, category, status and funding.',
});

export const EnterpriseSearchConnectionModel = SearchConnectionType(OrganizationModel, 'Enterprise', {
  node: 'The enterprise',
  found: 'An enterprise found by a search.',
  highlights: 'Where the query matched (title: the name; snippet: capabilities or description).',
  facets: 'Counts of all results by technology category, country and region served, cooperation mode and sector.',
});

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

@ObjectType('NeedSearchEdge', { description: 'A need found by a search.' })
export class NeedSearchEdgeModel {
  @Field({ description: 'Position of this result; pass it as `after` for the next page.' })
  cursor: string;

  @Field(() => NeedModel, { description: 'The need.' })
  node: NeedModel;

  @Field(() => Float, { nullable: true, description: 'Relevance to the query, 0 to 1 (null without a query).' })
  score: number | null;

  @Field(() => SearchHighlightsModel, { description: 'Where the query matched.' })
  highlights: SearchHighlightsModel;
}

@ObjectType('NeedSearchConnection', { description: 'A page of needs found by a search, with facet counts.' })
export class NeedSearchConnectionModel {
  @Field(() => [NeedSearchEdgeModel], { description: 'The results of this page, best first.' })
  edges: NeedSearchEdgeModel[];

  @Field(() => PageInfo, { description: 'Where this page sits in the results.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Number of results in all pages (estimated by the search engine beyond 1,000).' })
  totalCount: number;

  @Field(() => [FacetModel], { description: 'Counts of all results by country, region, sector, SDG target, cooperation mode, category, status and funding.' })
  facets: FacetModel[];
}

@ObjectType('EnterpriseSearchEdge', { description: 'An enterprise found by a search.' })
export class EnterpriseSearchEdgeModel {
  @Field({ description: 'Position of this result; pass it as `after` for the next page.' })
  cursor: string;

  @Field(() => OrganizationModel, { description: 'The enterprise.' })
  node: OrganizationModel;

  @Field(() => Float, { nullable: true, description: 'Relevance to the query, 0 to 1 (null without a query).' })
  score: number | null;

  @Field(() => SearchHighlightsModel, { description: 'Where the query matched (title: the name; snippet: capabilities or description).' })
  highlights: SearchHighlightsModel;
}

@ObjectType('EnterpriseSearchConnection', { description: 'A page of enterprises found by a search, with facet counts.' })
export class EnterpriseSearchConnectionModel {
  @Field(() => [EnterpriseSearchEdgeModel], { description: 'The results of this page, best first.' })
  edges: EnterpriseSearchEdgeModel[];

  @Field(() => PageInfo, { description: 'Where this page sits in the results.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Number of results in all pages (estimated by the search engine beyond 1,000).' })
  totalCount: number;

  @Field(() => [FacetModel], { description: 'Counts of all results by technology category, country and region served, cooperation mode and sector.' })
  facets: FacetModel[];
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor } from '../access/actor';
import { NeedEntity } from '../needs/need.entity';
import { NeedModel, toNeedModel } from '../needs/need.model';
import { NeedVisibility } from '../needs/need-visibility.policy';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationModel, toOrganizationModel } from '../organizations/organization.model';
import { OrganizationVisibility } from '../organizations/organization-visibility.policy';
import { SearchEnterprisesArgs, SearchNeedsArgs } from './dto/search.inputs';
import { EnterpriseDocument, NeedDocument } from './search-documents';
import { decodeOffset, encodeOffset } from '../common/pagination';
import { allOf, equals } from '../common/search-filters';
import { SearchIndex } from './search-indexes';
import { FacetModel } from './search.model';
import { SearchRepository } from './search.repository';
import { translateQuery } from './chinese-query';

const NEED_FACETS = [
  'countryCode',
  'region',
  'sectorCode',
  'sdgTargets',
  'cooperationModes',
  'technologyCategories',
  'status',
  'fundingStatus',
];
const ENTERPRISE_FACETS = ['technologyCategories', 'countriesServed', 'regionsServed', 'cooperationModes', 'sectorCodes'];
const HIGHLIGHT = { highlightPreTag: '<mark>', highlightPostTag: '</mark>', cropLength: 40, cropMarker: '…', showRankingScore: true };

/** The text sent to Meilisearch: Chinese is translated to the English the documents are written in (docs/SEARCH.md). */
const searchQuery = (text: string | undefined) => translateQuery(text?.trim() ?? '');

interface Page<N> {
  edges: Array<{ cursor: string; node: N; score: number | null; highlights: { title: string | null; snippet: string | null } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
  facets: FacetModel[];
}

/**
 * Free-text search with filters and facets over the Meilisearch indexes. The index says which documents match; the
 * rows shown come from PostgreSQL and pass the same visibility rules as everywhere else, so an index a moment behind
 * never shows what the caller may not see.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly search: SearchRepository,
    @InjectRepository(NeedEntity) private readonly needs: Repository<NeedEntity>,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
  ) {}

  async searchNeeds(actor: Actor | null, args: SearchNeedsArgs): Promise<Page<NeedModel>> {
    const filter = allOf(
      NeedVisibility.searchFilter(actor),
      equals('countryCode', args.countryCode?.toUpperCase()),
      equals('region', args.region),
      equals('sectorCode', args.sectorCode),
      equals('sdgTargets', args.sdgTarget),
      equals('cooperationModes', args.cooperationMode),
      equals('technologyCategories', args.technologyCategory),
      equals('status', args.status),
      args.budgetMin !== undefined ? `budgetMax >= ${args.budgetMin}` : undefined,
      args.budgetMax !== undefined ? `budgetMin <= ${args.budgetMax}` : undefined,
    );
    const query = searchQuery(args.query);
    const page = await this.page<NeedDocument>(
      SearchIndex.Needs,
      query,
      filter,
      args.first,
      args.after,
      NEED_FACETS,
      ['title', 'description'],
      query ? undefined : ['publishedAt:desc', 'createdAt:desc'],
    );
    const rows = await this.needs.findBy({ id: In(page.hits.map((h) => h.id)) });
    const byId = new Map(rows.filter((n) => NeedVisibility.canSee(actor, n)).map((n) => [n.id, n]));
    return page.toPage((hit) => {
      const need = byId.get(hit.id);
      return need ? { node: toNeedModel(need), title: hit._formatted?.title, snippet: hit._formatted?.description } : undefined;
    });
  }

  async searchEnterprises(actor: Actor | null, args: SearchEnterprisesArgs): Promise<Page<OrganizationModel>> {
    const filter = allOf(
      OrganizationVisibility.searchFilter(actor),
      equals('countriesServed', args.countryCode?.toUpperCase()),
      equals('regionsServed', args.region),
      equals('sectorCodes', args.sectorCode),
      equals('cooperationModes', args.cooperationMode),
      equals('technologyCategories', args.technologyCategory),
      equals('parentGroup', args.parentGroup),
    );
    const query = searchQuery(args.query);
    const page = await this.page<EnterpriseDocument>(
      SearchIndex.Enterprises,
      query,
      filter,
      args.first,
      args.after,
      ENTERPRISE_FACETS,
      ['nameEn', 'capabilityText'],
      query ? undefined : ['waterProjectCount:desc', 'nameEn:asc'],
    );
    const rows = await this.organizations.findBy({ id: In(page.hits.map((h) => h.id)) });
    const byId = new Map(rows.filter((o) => OrganizationVisibility.canSee(actor, o)).map((o) => [o.id, o]));
    return page.toPage((hit) => {
      const organization = byId.get(hit.id);
      return organization
        ? {
            node: toOrganizationModel(organization, actor),
            title: hit._formatted?.nameEn,
            snippet: hit._formatted?.capabilityText || hit._formatted?.description,
          }
        : undefined;
    });
  }

  private async page<D extends { id: string }>(
    index: SearchIndex,
    query: string,
    filter: string | undefined,
    first: number,
    after: string | undefined,
    facets: string[],
    highlighted: string[],
    sort?: string[],
  ) {
    const offset = decodeOffset(after);
    // Page-aligned requests get Meilisearch's exhaustive count; others its estimate.
    const aligned = offset % first === 0;
    const response = await this.search.search<D & Record<string, unknown>>(index, query, {
      filter,
      facets,
      sort,
      attributesToHighlight: highlighted,
      attributesToCrop: [highlighted[1]],
      // The most frequent words ("water") are dropped first when all words find too little, not the last ones typed:
      // results keep the distinctive words, and a Chinese query and its English twin agree (docs/SEARCH.md).
      matchingStrategy: 'frequency',
      ...HIGHLIGHT,
      ...(aligned ? { page: offset / first + 1, hitsPerPage: first } : { offset, limit: first }),
    });
    const total =
      'totalHits' in response && typeof response.totalHits === 'number' ? response.totalHits : (response.estimatedTotalHits ?? 0);
    const hits = response.hits as Array<D & { _formatted?: Record<string, string>; _rankingScore?: number }>;
    const facetModels: FacetModel[] = Object.entries(response.facetDistribution ?? {}).map(([field, values]) => ({
      field,
      values: Object.entries(values)
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    }));
    return {
      hits,
      toPage: <N>(resolve: (hit: (typeof hits)[number]) => { node: N; title?: string; snippet?: string } | undefined): Page<N> => {
        const edges = hits.flatMap((hit, i) => {
          const resolved = resolve(hit);
          if (!resolved) return [];
          return [
            {
              cursor: encodeOffset(offset + i + 1),
              node: resolved.node,
              score: query ? (hit._rankingScore ?? null) : null,
              highlights: { title: resolved.title ?? null, snippet: resolved.snippet ?? null },
            },
          ];
        });
        return {
          edges,
          totalCount: total,
          facets: facetModels,
          pageInfo: {
            hasNextPage: offset + hits.length < total,
            hasPreviousPage: offset > 0,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: encodeOffset(offset + hits.length),
          },
        };
      },
    };
  }
}

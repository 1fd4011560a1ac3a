import { useQuery } from '@apollo/client/react';
import { Button, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { formatDate, formatMoney, labelOf } from '../format';
import { SearchResult } from '../search-result';
import { Failure, Loading, Nothing } from '../states';

const SEARCH_NEEDS = graphql(`
  query SearchNeeds($query: String, $countryCode: String, $first: Int!, $after: String) {
    searchNeeds(query: $query, countryCode: $countryCode, first: $first, after: $after) {
      totalCount
      facets {
        field
        values {
          value
          count
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        highlights {
          title
          snippet
        }
        node {
          id
          title
          status
          budgetMin
          budgetMax
          currency
          deadline
          publishedAt
          country {
            code
            nameEn
            nameZh
          }
          sector {
            labelEn
            labelZh
          }
          organization {
            id
            nameEn
            nameZh
          }
        }
      }
    }
  }
`);

const PAGE = 20;

/** Anyone: the open needs, searchable in English or Chinese, with the country facet and highlighted matches. */
export function HomePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const countryCode = params.get('country') ?? undefined;
  const { data, error, loading, fetchMore, refetch } = useQuery(SEARCH_NEEDS, {
    variables: { query: query || undefined, countryCode, first: PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const result = data?.searchNeeds;
  const countries = result?.facets.find((f) => f.field === 'countryCode')?.values ?? [];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('nav.needs')}</Typography.Title>
      <Space wrap>
        <Input.Search
          aria-label={t('needs.searchPlaceholder')}
          placeholder={t('needs.searchPlaceholder')}
          defaultValue={query}
          allowClear
          enterButton
          style={{ width: 480, maxWidth: '100%' }}
          onSearch={(value) => set('q', value.trim() || undefined)}
        />
        <Select
          aria-label={t('needs.country')}
          style={{ minWidth: 200 }}
          value={countryCode ?? ''}
          onChange={(value: string) => set('country', value || undefined)}
          options={[
            { value: '', label: t('needs.allCountries') },
            ...countries.map((c) => ({ value: c.value, label: `${c.value} (${c.count})` })),
          ]}
        />
      </Space>
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!result && loading && <Loading />}
      {result && (
        <>
          <Typography.Text type="secondary" data-testid="needs-found">
            {t('needs.found', { count: result.totalCount })}
          </Typography.Text>
          {result.edges.length === 0 ? (
            <Nothing text={t('needs.noResults')} />
          ) : (
            <List
              dataSource={result.edges}
              renderItem={({ node, highlights }) => (
                <SearchResult key={node.id} to={`/needs/${node.id}`} title={highlights.title ?? node.title} snippet={highlights.snippet}>
                  <Tag color="blue">{labelOf(node.country)}</Tag>
                  <Tag>{labelOf(node.sector)}</Tag>
                  <Tag>{t(`status.${node.status}`)}</Tag>
                  <span>
                    {t('needs.agency')}: {labelOf(node.organization)}
                  </span>
                  <span>
                    {t('needs.budget')}: {formatMoney(node.budgetMax ?? node.budgetMin, node.currency)}
                  </span>
                  <span>
                    {t('needs.deadline')}: {formatDate(node.deadline)}
                  </span>
                </SearchResult>
              )}
            />
          )}
          {result.pageInfo.hasNextPage && (
            <Button
              loading={loading}
              onClick={() =>
                void fetchMore({
                  variables: { after: result.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    searchNeeds: {
                      ...fetchMoreResult.searchNeeds,
                      edges: [...previous.searchNeeds.edges, ...fetchMoreResult.searchNeeds.edges],
                    },
                  }),
                })
              }
            >
              {t('needs.more')}
            </Button>
          )}
        </>
      )}
    </Space>
  );
}

import { useQuery } from '@apollo/client/react';
import { Button, Input, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { labelOf } from '../format';
import { SearchResult } from '../search-result';
import { Failure, Loading, Nothing } from '../states';

const SEARCH_ENTERPRISES = graphql(`
  query SearchEnterprises($query: String, $first: Int!, $after: String) {
    searchEnterprises(query: $query, first: $first, after: $after) {
      totalCount
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
          nameEn
          nameZh
          parentGroup
          country {
            code
            nameEn
            nameZh
          }
        }
      }
    }
  }
`);

/** Anyone: the enterprise directory, searchable in English or Chinese. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const { data, error, loading, fetchMore, refetch } = useQuery(SEARCH_ENTERPRISES, {
    variables: { query: query || undefined, first: 20 },
    notifyOnNetworkStatusChange: true,
  });
  const result = data?.searchEnterprises;
  const more = () =>
    void fetchMore({
      variables: { after: result?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        searchEnterprises: {
          ...fetchMoreResult.searchEnterprises,
          edges: [...previous.searchEnterprises.edges, ...fetchMoreResult.searchEnterprises.edges],
        },
      }),
    });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('nav.enterprises')}</Typography.Title>
      <Input.Search
        aria-label={t('enterprises.searchPlaceholder')}
        placeholder={t('enterprises.searchPlaceholder')}
        defaultValue={query}
        allowClear
        enterButton
        style={{ width: 480, maxWidth: '100%' }}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
      />
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!result && loading && <Loading />}
      {result && (
        <>
          <Typography.Text type="secondary" data-testid="enterprises-found">
            {t('enterprises.found', { count: result.totalCount })}
          </Typography.Text>
          {result.edges.length === 0 ? (
            <Nothing text={t('enterprises.noResults')} />
          ) : (
            <List
              dataSource={result.edges}
              renderItem={({ node, highlights }) => (
                <SearchResult
                  key={node.id}
                  to={`/enterprises/${node.id}`}
                  title={highlights.title ?? labelOf(node)}
                  snippet={highlights.snippet}
                >
                  <Tag color="blue">{labelOf(node.country)}</Tag>
                  {node.parentGroup && (
                    <span>
                      {t('enterprises.group')}: {node.parentGroup}
                    </span>
                  )}
                </SearchResult>
              )}
            />
          )}
          {result.pageInfo.hasNextPage && (
            <Button loading={loading} onClick={more}>
              {t('enterprises.more')}
            </Button>
          )}
        </>
      )}
    </Space>
  );
}

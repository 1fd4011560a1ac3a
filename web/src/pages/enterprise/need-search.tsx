import { useQuery } from '@apollo/client/react';
import { Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { formatDate, formatMoney, labelOf } from '../../format';
import { SearchResult } from '../../search-result';
import { Failure, Loading, Nothing } from '../../states';

const OPEN_NEEDS = graphql(`
  query EnterpriseNeedSearch($query: String!, $first: Int!, $after: String) {
    searchNeeds(query: $query, status: OPEN, first: $first, after: $after) {
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
          title
          budgetMin
          budgetMax
          currency
          deadline
          country {
            code
            nameEn
            nameZh
          }
          sector {
            labelEn
            labelZh
          }
        }
      }
    }
  }
`);

const PAGE = 10;

/** The open needs that match a text, for an enterprise looking beyond its ranking. */
export function NeedSearch({ query, onClear }: { query: string; onClear: () => void }) {
  const { t } = useTranslation();
  const { data, error, loading, fetchMore, refetch } = useQuery(OPEN_NEEDS, {
    variables: { query, first: PAGE },
    notifyOnNetworkStatusChange: true,
  });
  if (error) return <Failure error={error} retry={() => void refetch()} />;
  if (!data) return <Loading />;
  const result = data.searchNeeds;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text type="secondary" data-testid="needs-found">
          {t('needs.found', { count: result.totalCount })}
        </Typography.Text>
        <Button onClick={onClear}>{t('enterprise.backToRanking')}</Button>
      </Space>
      {result.edges.length === 0 ? (
        <Nothing text={t('needs.noResults')} />
      ) : (
        <List
          dataSource={result.edges}
          renderItem={({ node, highlights }) => (
            <SearchResult key={node.id} to={`/needs/${node.id}`} title={highlights.title ?? node.title} snippet={highlights.snippet}>
              <Tag>{labelOf(node.country)}</Tag>
              <Tag>{labelOf(node.sector)}</Tag>
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
    </Space>
  );
}

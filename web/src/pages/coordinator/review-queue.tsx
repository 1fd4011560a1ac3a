import { useQuery } from '@apollo/client/react';
import { Button, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { MatchOrigin, ReviewQueueQuery } from '../../gql/graphql';
import { formatDate, formatNumber, labelOf } from '../../format';
import { Failure, Loading, Nothing } from '../../states';
import { COUNTRIES, scoreText, waitedFor } from './review-format';
import './messages';

const REVIEW_QUEUE = graphql(`
  query ReviewQueue($countryCode: String, $minScore: Float, $origin: MatchOrigin, $first: Int!, $after: String) {
    reviewQueue(orderBy: WAITING_TIME, countryCode: $countryCode, minScore: $minScore, origin: $origin, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          waitingSince
          waitingCount
          bestScore
          need {
            id
            title
            country {
              code
              nameEn
              nameZh
            }
          }
        }
      }
    }
  }
`);

type QueueItem = ReviewQueueQuery['reviewQueue']['edges'][number]['node'];
const PAGE = 20;
const MIN_SCORES = [0.3, 0.5, 0.7];
const ORIGINS: MatchOrigin[] = ['SUGGESTION', 'INTEREST'];

/** Coordinators: the needs whose candidates wait for review, the longest waiting first, with filters kept in the URL. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const countryCode = params.get('country') ?? undefined;
  const minScore = params.get('minScore') ? Number(params.get('minScore')) : undefined;
  const origin = (params.get('origin') as MatchOrigin | null) ?? undefined;
  const countries = useQuery(COUNTRIES);
  const { data, error, loading, fetchMore, refetch } = useQuery(REVIEW_QUEUE, {
    variables: { countryCode, minScore, origin, first: PAGE },
    // The queue moves with every review: always asked afresh, shown from the cache meanwhile.
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const queue = data?.reviewQueue;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('nav.reviewQueue')}</Typography.Title>
      <Space wrap>
        <Select
          aria-label={t('needs.country')}
          style={{ minWidth: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          loading={countries.loading}
          value={countryCode ?? ''}
          onChange={(value: string) => set('country', value || undefined)}
          options={[
            { value: '', label: t('needs.allCountries') },
            ...(countries.data?.countries ?? []).map((c) => ({ value: c.code, label: labelOf(c) })),
          ]}
        />
        <Select
          aria-label={t('coordinator.minScore')}
          style={{ minWidth: 160 }}
          value={minScore === undefined ? '' : String(minScore)}
          onChange={(value: string) => set('minScore', value || undefined)}
          options={[
            { value: '', label: t('coordinator.anyScore') },
            ...MIN_SCORES.map((score) => ({ value: String(score), label: t('coordinator.atLeast', { score: formatNumber(score) }) })),
          ]}
        />
        <Select
          aria-label={t('coordinator.origin')}
          style={{ minWidth: 200 }}
          value={origin ?? ''}
          onChange={(value: string) => set('origin', value || undefined)}
          options={[
            { value: '', label: t('coordinator.anyOrigin') },
            ...ORIGINS.map((o) => ({ value: o, label: t(`coordinator.origin${o}`) })),
          ]}
        />
      </Space>
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!queue && loading && <Loading />}
      {queue && (
        <>
          <Typography.Text type="secondary" data-testid="queue-found">
            {t('coordinator.queue.found', { count: queue.totalCount })}
          </Typography.Text>
          {queue.edges.length === 0 ? (
            <Nothing text={t('coordinator.queue.empty')} />
          ) : (
            <Table<QueueItem>
              rowKey={(item) => item.need.id}
              dataSource={queue.edges.map((edge) => edge.node)}
              pagination={false}
              scroll={{ x: 720 }}
              columns={[
                {
                  title: t('coordinator.queue.need'),
                  key: 'need',
                  render: (_, item) => <Link to={`/review/needs/${item.need.id}`}>{item.need.title}</Link>,
                },
                { title: t('needs.country'), key: 'country', render: (_, item) => labelOf(item.need.country) },
                {
                  title: t('coordinator.queue.waitingSince'),
                  key: 'since',
                  render: (_, item) => (
                    <Space direction="vertical" size={0}>
                      <time dateTime={item.waitingSince}>{formatDate(item.waitingSince)}</time>
                      <Typography.Text type="secondary">{waitedFor(t, item.waitingSince)}</Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('coordinator.queue.waiting'),
                  key: 'waiting',
                  align: 'right',
                  render: (_, item) => formatNumber(item.waitingCount),
                },
                { title: t('coordinator.score'), key: 'score', align: 'right', render: (_, item) => scoreText(item.bestScore) },
              ]}
            />
          )}
          {queue.pageInfo.hasNextPage && (
            <Button
              loading={loading}
              onClick={() =>
                void fetchMore({
                  variables: { after: queue.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    reviewQueue: {
                      ...fetchMoreResult.reviewQueue,
                      edges: [...previous.reviewQueue.edges, ...fetchMoreResult.reviewQueue.edges],
                    },
                  }),
                })
              }
            >
              {t('coordinator.more')}
            </Button>
          )}
        </>
      )}
    </Space>
  );
}

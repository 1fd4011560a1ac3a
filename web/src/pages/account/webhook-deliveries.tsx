import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../format';
import { graphql } from '../../gql';
import type { WebhookDeliveriesQuery } from '../../gql/graphql';
import { useSession } from '../../session';
import { Failure, Loading, Nothing } from '../../states';

const DELIVERIES = graphql(`
  query WebhookDeliveries($webhookId: ID!, $first: Int!, $after: String) {
    webhookDeliveries(webhookId: $webhookId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          address
          status
          attempts
          createdAt
          lastError
          attemptLog {
            attempt
            createdAt
            statusCode
            succeeded
            durationMs
            error
          }
        }
      }
    }
  }
`);

const RETRY = graphql(`
  mutation RetryNotificationDelivery($id: ID!) {
    retryNotificationDelivery(id: $id) {
      id
      status
      attempts
      lastError
    }
  }
`);

type Delivery = WebhookDeliveriesQuery['webhookDeliveries']['edges'][number]['node'];

/** The HTTP code of the last attempt, when anything answered. */
const lastCode = (delivery: Delivery) => delivery.attemptLog.at(-1)?.statusCode ?? '—';

/**
 * Members (and administrators, who may retry): the calls made to one webhook, newest first, each with its attempts.
 * A dead letter (DEAD) may be retried once its cause is fixed; the API lets administrators only.
 */
export function WebhookDeliveriesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const { data, error, loading, fetchMore, refetch } = useQuery(DELIVERIES, {
    variables: { webhookId: id, first: 20 },
    notifyOnNetworkStatusChange: true,
  });
  const [retry, retrying] = useMutation(RETRY);
  const page = data?.webhookDeliveries;
  const more = () =>
    void fetchMore({
      variables: { after: page?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        webhookDeliveries: {
          ...fetchMoreResult.webhookDeliveries,
          edges: [...previous.webhookDeliveries.edges, ...fetchMoreResult.webhookDeliveries.edges],
        },
      }),
    });
  const address = page?.edges[0]?.node.address;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {user?.role !== 'ADMIN' && <Link to="/settings/webhooks">← {t('account.deliveries.back')}</Link>}
      <Typography.Title level={2}>{t('account.deliveries.title')}</Typography.Title>
      {address && <Typography.Text style={{ wordBreak: 'break-all' }}>{t('account.deliveries.of', { url: address })}</Typography.Text>}
      {retrying.error && <Failure error={retrying.error} />}
      {error && <Failure error={error} retry={() => void refetch()} />}
      {loading && !page && <Loading />}
      {page &&
        (page.edges.length === 0 ? (
          <Nothing text={t('account.deliveries.empty')} />
        ) : (
          <Table<Delivery>
            rowKey="id"
            dataSource={page.edges.map((edge) => edge.node)}
            pagination={false}
            scroll={{ x: true }}
            expandable={{
              rowExpandable: (delivery) => delivery.attemptLog.length > 0,
              expandedRowRender: (delivery) => (
                <ul style={{ margin: 0 }}>
                  {delivery.attemptLog.map((a) => (
                    <li key={a.attempt}>
                      {t('account.deliveries.attempt', { n: a.attempt })} · {formatDateTime(a.createdAt)} · HTTP {a.statusCode ?? '—'} ·{' '}
                      {t('account.deliveries.duration', { ms: a.durationMs })}
                      {a.error && ` · ${a.error}`}
                    </li>
                  ))}
                </ul>
              ),
            }}
            columns={[
              { title: t('account.deliveries.status'), render: (_, d) => <Tag>{t(`account.deliveries.${d.status}`)}</Tag> },
              { title: t('account.deliveries.httpCode'), render: (_, d) => lastCode(d) },
              { title: t('account.deliveries.time'), render: (_, d) => formatDateTime(d.createdAt) },
              { title: t('account.deliveries.attempts'), dataIndex: 'attempts' },
              { title: t('account.deliveries.lastError'), render: (_, d) => d.lastError ?? '—' },
              ...(user?.role === 'ADMIN'
                ? [
                    {
                      title: t('account.actions'),
                      render: (_: unknown, d: Delivery) =>
                        d.status === 'DEAD' && (
                          <Button size="small" onClick={() => void retry({ variables: { id: d.id } }).catch(() => undefined)}>
                            {t('account.deliveries.retry')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        ))}
      {page?.pageInfo.hasNextPage && (
        <Button loading={loading} onClick={more}>
          {t('account.deliveries.more')}
        </Button>
      )}
    </Space>
  );
}

import { useQuery } from '@apollo/client/react';
import { Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { NeedStatus } from '../../gql/graphql';
import { formatDate, labelOf } from '../../format';
import { useSession } from '../../session';
import { Failure, Loading, Nothing } from '../../states';

const MY_NEEDS = graphql(`
  query MyNeeds($organizationId: ID!, $status: NeedStatus, $first: Int!, $after: String) {
    needs(organizationId: $organizationId, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          deadline
          updatedAt
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

const STATUSES: NeedStatus[] = ['DRAFT', 'OPEN', 'IN_REVIEW', 'MATCHED', 'CLOSED', 'WITHDRAWN'];
const PAGE = 50;

/** Agency members: their agency's needs, one tab per status (kept in the URL), each linking to its page. */
export function MyNeedsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('status');
  const status = STATUSES.find((s) => s === chosen);
  // cache-and-network: a need saved or moved elsewhere shows in its new tab on return.
  const { data, error, loading, refetch, fetchMore } = useQuery(MY_NEEDS, {
    variables: { organizationId: user?.organization?.id ?? '', status, first: PAGE },
    skip: !user?.organization,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const needs = data?.needs;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('agency.myNeeds')}
        </Typography.Title>
        <Button type="primary" onClick={() => void navigate('/my/needs/new')}>
          {t('agency.newNeed')}
        </Button>
      </Space>
      <Tabs
        activeKey={status ?? 'ALL'}
        onChange={(key) => setParams(key === 'ALL' ? {} : { status: key })}
        items={[{ key: 'ALL', label: t('agency.all') }, ...STATUSES.map((s) => ({ key: s, label: t(`status.${s}`) }))]}
      />
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!needs && loading && <Loading />}
      {needs && (
        <Table
          rowKey={(edge) => edge.node.id}
          dataSource={needs.edges}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <Nothing text={t('agency.noNeeds')} /> }}
          columns={[
            { title: t('agency.form.title'), render: (_, { node }) => <Link to={`/needs/${node.id}`}>{node.title}</Link> },
            { title: t('needs.status'), render: (_, { node }) => <Tag>{t(`status.${node.status}`)}</Tag> },
            { title: t('needs.country'), render: (_, { node }) => labelOf(node.country) },
            { title: t('needs.deadline'), render: (_, { node }) => formatDate(node.deadline) },
            { title: t('agency.updated'), render: (_, { node }) => formatDate(node.updatedAt) },
          ]}
        />
      )}
      {needs?.pageInfo.hasNextPage && (
        <Button
          loading={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: needs.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                needs: { ...fetchMoreResult.needs, edges: [...previous.needs.edges, ...fetchMoreResult.needs.edges] },
              }),
            })
          }
        >
          {t('agency.more')}
        </Button>
      )}
    </Space>
  );
}

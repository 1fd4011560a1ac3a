import { useQuery } from '@apollo/client/react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatMoney, formatNumber, labelOf } from '../../format';
import { graphql } from '../../gql';
import type { ProgrammesQuery } from '../../gql/graphql';
import { useSession } from '../../session';
import { Failure, Loading, Nothing } from '../../states';
import './messages';
import { periodOf } from './programme-format';

const PROGRAMMES = graphql(`
  query Programmes($first: Int!, $after: String) {
    programmes(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          nameEn
          nameZh
          sponsor
          startsOn
          endsOn
          budget
          currency
          sdgTargets {
            code
          }
          members {
            id
          }
        }
      }
    }
  }
`);

type Row = ProgrammesQuery['programmes']['edges'][number]['node'];
const PAGE = 50;

/** Anyone: the alliance's sponsored programmes, newest first; coordinators start a new one here. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { data, error, loading, fetchMore, refetch } = useQuery(PROGRAMMES, {
    variables: { first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const list = data?.programmes;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/activities">← {t('nav.activities')}</Link>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('programmes.title')}
        </Typography.Title>
        {user?.role === 'COORDINATOR' && (
          <Button type="primary" onClick={() => void navigate('/programmes/new')}>
            {t('programmes.new')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('programmes.intro')}</Typography.Paragraph>
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!list && loading && <Loading />}
      {list &&
        (list.edges.length === 0 ? (
          <Nothing text={t('programmes.none')} />
        ) : (
          <Table<Row>
            rowKey="id"
            dataSource={list.edges.map((edge) => edge.node)}
            pagination={false}
            scroll={{ x: 800 }}
            columns={[
              {
                title: t('programmes.name'),
                key: 'name',
                render: (_, p) => <Link to={`/programmes/${p.id}`}>{labelOf(p)}</Link>,
              },
              { title: t('programmes.sponsor'), dataIndex: 'sponsor' },
              { title: t('programmes.period'), key: 'period', render: (_, p) => periodOf(t, p) },
              {
                title: t('programmes.budget'),
                key: 'budget',
                align: 'right',
                render: (_, p) => formatMoney(p.budget, p.currency),
              },
              {
                title: t('programmes.sdg'),
                key: 'sdg',
                render: (_, p) => (
                  <Space wrap size={4}>
                    {p.sdgTargets.map((term) => (
                      <Tag key={term.code}>{term.code}</Tag>
                    ))}
                  </Space>
                ),
              },
              { title: t('programmes.members'), key: 'members', align: 'right', render: (_, p) => formatNumber(p.members.length) },
            ]}
          />
        ))}
      {list?.pageInfo.hasNextPage && (
        <Button
          loading={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: list.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                programmes: { ...fetchMoreResult.programmes, edges: [...previous.programmes.edges, ...fetchMoreResult.programmes.edges] },
              }),
            })
          }
        >
          {t('programmes.more')}
        </Button>
      )}
    </Space>
  );
}

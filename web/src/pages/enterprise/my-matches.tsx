import { useQuery } from '@apollo/client/react';
import { Alert, Button, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { MatchStatus, MyMatchesQuery } from '../../gql/graphql';
import { formatDate, labelOf } from '../../format';
import { useSession } from '../../session';
import { Failure, Loading, Nothing } from '../../states';

const MY_MATCHES = graphql(`
  query MyMatches($status: [MatchStatus!], $first: Int!, $after: String) {
    matches(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          version
          statusChangedAt
          agencyResponse
          enterpriseResponse
          need {
            id
            title
          }
          agency {
            id
            nameEn
            nameZh
          }
          enterprise {
            id
            nameEn
            nameZh
          }
        }
      }
    }
    introduced: matches(status: [INTRODUCED], first: 100) {
      edges {
        node {
          id
          status
          version
          statusChangedAt
          agencyResponse
          enterpriseResponse
          need {
            id
            title
          }
          agency {
            id
            nameEn
            nameZh
          }
          enterprise {
            id
            nameEn
            nameZh
          }
        }
      }
    }
  }
`);

type Row = MyMatchesQuery['matches']['edges'][number]['node'];
const PAGE = 20;
/** What each side can find: the enterprise also its interests under review (SUGGESTED); APPROVED never rests. */
const STATUSES: Record<'AGENCY' | 'ENTERPRISE', MatchStatus[]> = {
  AGENCY: ['INTRODUCED', 'ENGAGED', 'DECLINED', 'EXPIRED', 'OUTCOME_RECORDED', 'WITHDRAWN'],
  ENTERPRISE: ['SUGGESTED', 'INTRODUCED', 'ENGAGED', 'DECLINED', 'EXPIRED', 'OUTCOME_RECORDED', 'REJECTED', 'WITHDRAWN'],
};

/** Agency and enterprise members: their organisation's matches, those waiting for their answer first. */
export function MyMatchesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const side = user?.role === 'AGENCY_MEMBER' ? 'AGENCY' : 'ENTERPRISE';
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as MatchStatus | null) ?? undefined;
  // Another page (a need's, a match's) may have changed a match since this list was last read.
  const { data, error, loading, fetchMore, refetch } = useQuery(MY_MATCHES, {
    variables: { status: status ? [status] : undefined, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const myResponse = (match: Row) => (side === 'AGENCY' ? match.agencyResponse : match.enterpriseResponse);
  const otherSide = (match: Row) => labelOf(side === 'AGENCY' ? match.enterprise : match.agency);
  const awaiting = (match: Row) => match.status === 'INTRODUCED' && myResponse(match) === 'PENDING';
  const waiting = data?.introduced.edges.map((edge) => edge.node).filter(awaiting) ?? [];
  const result = data?.matches;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('nav.myMatches')}</Typography.Title>
      {error && <Failure error={error} retry={() => void refetch()} />}
      {waiting.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="awaiting-response"
          title={t('enterprise.awaitingTitle', { count: waiting.length })}
          description={
            <List
              size="small"
              dataSource={waiting}
              renderItem={(match) => (
                <List.Item key={match.id}>
                  <Link to={`/matches/${match.id}`}>{match.need.title}</Link> — {otherSide(match)}
                </List.Item>
              )}
            />
          }
        />
      )}
      <Select
        aria-label={t('enterprise.statusFilter')}
        style={{ minWidth: 240 }}
        value={status ?? ''}
        onChange={(value: string) => setParams(value ? { status: value } : {})}
        options={[
          { value: '', label: t('enterprise.allStatuses') },
          ...STATUSES[side].map((value) => ({ value, label: t(`matchStatus.${value}`) })),
        ]}
      />
      {!result && loading && <Loading />}
      {result &&
        (result.edges.length === 0 ? (
          <Nothing text={t('enterprise.noMatches')} />
        ) : (
          <Table<Row>
            rowKey="id"
            dataSource={result.edges.map((edge) => edge.node)}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              {
                title: t('enterprise.need'),
                key: 'need',
                render: (_, match) => <Link to={`/matches/${match.id}`}>{match.need.title}</Link>,
              },
              {
                title: side === 'AGENCY' ? t('enterprise.enterprise') : t('enterprise.agency'),
                key: 'other',
                render: (_, m) => otherSide(m),
              },
              {
                title: t('enterprise.status'),
                key: 'status',
                render: (_, match) => (
                  <Space wrap size={4}>
                    <Tag>{t(`matchStatus.${match.status}`)}</Tag>
                    {awaiting(match) && <Typography.Text strong>{t('enterprise.awaitingYou')}</Typography.Text>}
                  </Space>
                ),
              },
              { title: t('enterprise.since'), key: 'since', render: (_, match) => formatDate(match.statusChangedAt) },
            ]}
          />
        ))}
      {result?.pageInfo.hasNextPage && (
        <Button
          loading={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: result.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                ...previous,
                matches: { ...fetchMoreResult.matches, edges: [...previous.matches.edges, ...fetchMoreResult.matches.edges] },
              }),
            })
          }
        >
          {t('enterprise.moreMatches')}
        </Button>
      )}
    </Space>
  );
}

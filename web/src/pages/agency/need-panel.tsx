import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { formatDate, labelOf } from '../../format';
import { Failure, Loading, Nothing } from '../../states';
import type { NeedStatus } from '../../gql/graphql';
import '../match/messages';

const NEED_MATCHES = graphql(`
  query AgencyNeedMatches($needId: ID!) {
    matches(needId: $needId, first: 100) {
      edges {
        node {
          id
          status
          statusChangedAt
          agencyResponse
          enterpriseResponse
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

// Each returns the need's new status: the need's page above reads it from the cache.
const PUBLISH = graphql(`
  mutation PublishNeed($id: ID!) {
    publishNeed(id: $id) {
      id
      status
      publishedAt
      updatedAt
    }
  }
`);
const WITHDRAW = graphql(`
  mutation WithdrawNeed($id: ID!) {
    withdrawNeed(id: $id) {
      id
      status
      updatedAt
    }
  }
`);
const CLOSE = graphql(`
  mutation CloseNeed($id: ID!) {
    closeNeed(id: $id) {
      id
      status
      updatedAt
    }
  }
`);

type Move = 'publish' | 'withdraw' | 'close';
/** The moves of the need lifecycle its agency makes, by the status they start from (src/needs/need-status.ts). */
const MOVES: Record<Move, string[]> = {
  publish: ['DRAFT'],
  withdraw: ['DRAFT', 'OPEN', 'IN_REVIEW'],
  close: ['OPEN', 'IN_REVIEW', 'MATCHED'],
};

/** What an agency member can do on their own agency's need (/needs/:id), below the need itself. */
export function AgencyNeedPanel({ needId, status }: { needId: string; status: NeedStatus }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<unknown>(null);
  // A withdrawn or closed need withdraws its open matches too: the list is read again.
  const refetchQueries = ['AgencyNeedMatches'];
  const [publish, published] = useMutation(PUBLISH, { refetchQueries });
  const [withdraw, withdrawn] = useMutation(WITHDRAW, { refetchQueries });
  const [close, closed] = useMutation(CLOSE, { refetchQueries });
  const matches = useQuery(NEED_MATCHES, { variables: { needId } });
  const busy = published.loading || withdrawn.loading || closed.loading;
  const run = (move: Move) => {
    setFailure(null);
    const mutate = { publish, withdraw, close }[move];
    mutate({ variables: { id: needId } }).catch(setFailure);
  };
  const button = (move: Move) =>
    MOVES[move].includes(status) && (
      <Popconfirm
        title={t(`agency.panel.${move}Confirm`)}
        okText={t('agency.panel.confirm')}
        cancelText={t('agency.panel.cancel')}
        onConfirm={() => run(move)}
      >
        <Button type={move === 'publish' ? 'primary' : 'default'} loading={busy}>
          {t(`agency.panel.${move}`)}
        </Button>
      </Popconfirm>
    );
  const edges = matches.data?.matches.edges ?? [];
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('agency.panel.title')}
        </Typography.Title>
      }
      data-testid="agency-panel"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          {(status === 'DRAFT' || status === 'OPEN') && (
            <Button onClick={() => void navigate(`/my/needs/${needId}/edit`)}>{t('agency.panel.edit')}</Button>
          )}
          {button('publish')}
          {button('withdraw')}
          {button('close')}
        </Space>
        {failure !== null && <Failure error={failure} />}
        <Typography.Title level={4}>{t('agency.panel.matches')}</Typography.Title>
        {matches.error && <Failure error={matches.error} retry={() => void matches.refetch()} />}
        {matches.loading && !matches.data && <Loading />}
        {matches.data && (
          <Table
            rowKey={(edge) => edge.node.id}
            dataSource={edges}
            pagination={false}
            size="small"
            scroll={{ x: true }}
            locale={{ emptyText: <Nothing text={t('agency.panel.noMatches')} /> }}
            columns={[
              { title: t('agency.panel.enterprise'), render: (_, { node }) => labelOf(node.enterprise) },
              { title: t('agency.panel.matchStatus'), render: (_, { node }) => <Tag>{t(`matchStatus.${node.status}`)}</Tag> },
              { title: t('match.statusSince'), render: (_, { node }) => formatDate(node.statusChangedAt) },
              {
                title: t('match.responses'),
                render: (_, { node }) => (
                  <Space direction="vertical" size={0}>
                    <span>{t('match.sideSays', { side: t('match.agency'), response: t(`match.response.${node.agencyResponse}`) })}</span>
                    <span>
                      {t('match.sideSays', { side: t('match.enterprise'), response: t(`match.response.${node.enterpriseResponse}`) })}
                    </span>
                  </Space>
                ),
              },
              { title: t('match.title'), render: (_, { node }) => <Link to={`/matches/${node.id}`}>{t('agency.panel.open')}</Link> },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}

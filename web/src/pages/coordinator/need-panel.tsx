import { useQuery } from '@apollo/client/react';
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { Failure, Loading } from '../../states';
import type { NeedStatus } from '../../gql/graphql';
import './messages';

const WAITING = graphql(`
  query CoordinatorNeedPanel($needId: ID!) {
    matches(needId: $needId, status: [SUGGESTED, SHORTLISTED], first: 1) {
      totalCount
    }
  }
`);

/** What a coordinator can do on a need's page (/needs/:id), below the need itself: review its waiting candidates. */
export function CoordinatorNeedPanel({ needId }: { needId: string; status: NeedStatus }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(WAITING, { variables: { needId }, fetchPolicy: 'cache-and-network' });
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {t('coordinator.panel.title')}
        </Typography.Title>
      }
    >
      {loading && !data ? (
        <Loading />
      ) : error || !data ? (
        <Failure error={error} retry={() => void refetch()} />
      ) : (
        <Space direction="vertical">
          <Typography.Text data-testid="panel-waiting">
            {t('coordinator.panel.waiting', { count: data.matches.totalCount })}
          </Typography.Text>
          <Link to={`/review/needs/${needId}`}>{t('coordinator.panel.open')}</Link>
        </Space>
      )}
    </Card>
  );
}

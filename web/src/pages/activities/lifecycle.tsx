import { useMutation } from '@apollo/client/react';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmButton } from '../../confirm-button';
import { graphql } from '../../gql';
import type { ActivityStatus } from '../../gql/graphql';
import { ReasonDialog } from '../../reason-dialog';
import { Failure } from '../../states';
import type { ActivityDetails } from './activity';

const PUBLISH = graphql(`
  mutation PublishActivity($id: ID!) {
    publishActivity(id: $id) {
      id
      status
      version
    }
  }
`);
const CLOSE = graphql(`
  mutation CloseActivityRegistration($id: ID!) {
    closeActivityRegistration(id: $id) {
      id
      status
      version
    }
  }
`);
const REOPEN = graphql(`
  mutation ReopenActivityRegistration($id: ID!) {
    reopenActivityRegistration(id: $id) {
      id
      status
      version
    }
  }
`);
const HELD = graphql(`
  mutation MarkActivityHeld($id: ID!) {
    markActivityHeld(id: $id) {
      id
      status
      version
    }
  }
`);
const REPORT = graphql(`
  mutation ReportActivity($id: ID!, $report: String!) {
    reportActivity(id: $id, report: $report) {
      id
      status
      report
      version
    }
  }
`);
const CANCEL = graphql(`
  mutation CancelActivity($id: ID!, $reason: String!) {
    cancelActivity(id: $id, reason: $reason) {
      id
      status
      version
    }
  }
`);

type Move = 'publish' | 'close' | 'reopen' | 'held';
/** The moves a coordinator makes, by the status they start from (src/activities/activity-status.ts). */
const MOVES: Record<Move, ActivityStatus[]> = { publish: ['DRAFT'], close: ['OPEN'], reopen: ['CLOSED'], held: ['CLOSED'] };
const EDITABLE: ActivityStatus[] = ['DRAFT', 'OPEN', 'CLOSED'];
// A move changes the seats, the registrations (a cancellation) and what the tabs show: the page is read again.
const REFETCH = { refetchQueries: ['ActivityPage', 'ActivityRegistrations'], awaitRefetchQueries: true };

/** Coordinators, above an activity: edit it, and move it through its lifecycle (publish, close, reopen, held, report, cancel). */
export function Lifecycle({ activity }: { activity: ActivityDetails }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<unknown>(null);
  const [asking, setAsking] = useState<'report' | 'cancel' | null>(null);
  const [publish, published] = useMutation(PUBLISH, REFETCH);
  const [close, closed] = useMutation(CLOSE, REFETCH);
  const [reopen, reopened] = useMutation(REOPEN, REFETCH);
  const [held, marked] = useMutation(HELD, REFETCH);
  const [report] = useMutation(REPORT, REFETCH);
  const [cancel] = useMutation(CANCEL, REFETCH);
  const busy = published.loading || closed.loading || reopened.loading || marked.loading;
  const run = (move: Move) => {
    setFailure(null);
    const mutate = { publish, close, reopen, held }[move];
    mutate({ variables: { id: activity.id } }).catch(setFailure);
  };
  const button = (move: Move) =>
    MOVES[move].includes(activity.status) && (
      <ConfirmButton
        question={t(`activities.lifecycle.${move}Confirm`)}
        primary={move === 'publish'}
        loading={busy}
        onConfirm={() => run(move)}
      >
        {t(`activities.lifecycle.${move}`)}
      </ConfirmButton>
    );
  const nothing = !EDITABLE.includes(activity.status) && activity.status !== 'HELD';
  return (
    <Card
      size="small"
      data-testid="lifecycle"
      title={
        <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
          {t('activities.lifecycle.title')}
        </Typography.Title>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {nothing ? (
          <Typography.Text type="secondary">{t('activities.lifecycle.nothing')}</Typography.Text>
        ) : (
          <Space wrap>
            {EDITABLE.includes(activity.status) && (
              <Button onClick={() => void navigate(`/activities/${activity.id}/edit`)}>{t('activities.lifecycle.edit')}</Button>
            )}
            {button('publish')}
            {button('close')}
            {button('reopen')}
            {button('held')}
            {activity.status === 'HELD' && (
              <Button type="primary" onClick={() => setAsking('report')}>
                {t('activities.lifecycle.report')}
              </Button>
            )}
            {EDITABLE.includes(activity.status) && <Button onClick={() => setAsking('cancel')}>{t('activities.lifecycle.cancel')}</Button>}
          </Space>
        )}
        {failure !== null && <Failure error={failure} />}
      </Space>
      {asking === 'report' && (
        <ReasonDialog
          title={t('activities.lifecycle.reportTitle')}
          label={t('activities.lifecycle.reportLabel')}
          okText={t('activities.lifecycle.report')}
          rows={8}
          maxLength={20000}
          onSubmit={(text) => report({ variables: { id: activity.id, report: text } })}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'cancel' && (
        <ReasonDialog
          title={t('activities.lifecycle.cancelTitle')}
          label={t('activities.lifecycle.cancelReason')}
          okText={t('activities.lifecycle.cancel')}
          onSubmit={(reason) => cancel({ variables: { id: activity.id, reason } })}
          onClose={() => setAsking(null)}
        />
      )}
    </Card>
  );
}

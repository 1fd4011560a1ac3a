import { useMutation } from '@apollo/client/react';
import { Button, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../confirm-button';
import { graphql } from '../../../gql';
import { ReasonDialog } from '../../../reason-dialog';
import { Failure } from '../../../states';
import { formatSlot } from '../../../time-zones';
import type { ActivityDetails } from '../activity';
import type { MeetingRequest } from './activity-meetings';
import { MeetingStatusTag, participantLabel, unplacedText } from './participant';

const ANSWER = graphql(`
  mutation AnswerMeetingRequest($id: ID!, $accept: Boolean!, $reason: String) {
    answerMeetingRequest(id: $id, accept: $accept, reason: $reason) {
      id
      status
      reason
      version
    }
  }
`);

const CANCEL = graphql(`
  mutation CancelMeetingRequest($id: ID!, $reason: String) {
    cancelMeetingRequest(id: $id, reason: $reason) {
      id
      status
      reason
      version
    }
  }
`);

type Request = MeetingRequest;
// An answer changes the suggestions ("already requested") and, once scheduled, the agenda.
const REFETCH = { refetchQueries: ['ActivityMeetingRequests', 'DelegateSuggestions', 'DelegateAgenda'], awaitRefetchQueries: true };

/** A delegate's meeting requests: those sent to them (accept, or decline with a reason) and those they sent (cancel). */
export function DelegateRequests({
  activity,
  delegateId,
  requests,
  changeable,
}: {
  activity: ActivityDetails;
  delegateId: string;
  requests: Request[];
  changeable: boolean;
}) {
  const { t } = useTranslation();
  const [answer, answering] = useMutation(ANSWER, REFETCH);
  const [cancel, cancelling] = useMutation(CANCEL, REFETCH);
  const [failure, setFailure] = useState<unknown>(null);
  const [declining, setDeclining] = useState<Request | null>(null);
  const incoming = requests.filter((r) => r.invitee.registrationId === delegateId);
  const outgoing = requests.filter((r) => r.requester.registrationId === delegateId);
  const act = (work: Promise<unknown>) => {
    setFailure(null);
    work.catch(setFailure);
  };

  const item = (r: Request, side: 'incoming' | 'outgoing') => {
    const other = side === 'incoming' ? r.requester : r.invitee;
    const live = r.status === 'REQUESTED' || r.status === 'ACCEPTED';
    return (
      <List.Item
        key={r.id}
        data-testid={`request-${side}`}
        actions={
          changeable
            ? [
                side === 'incoming' && r.status === 'REQUESTED' && (
                  <Button
                    key="accept"
                    type="primary"
                    size="small"
                    loading={answering.loading}
                    onClick={() => act(answer({ variables: { id: r.id, accept: true } }))}
                  >
                    {t('activities.meetings.accept')}
                  </Button>
                ),
                side === 'incoming' && r.status === 'REQUESTED' && (
                  <Button key="decline" size="small" onClick={() => setDeclining(r)}>
                    {t('activities.meetings.decline')}
                  </Button>
                ),
                live && (side === 'outgoing' || r.status === 'ACCEPTED') && (
                  <ConfirmButton
                    key="cancel"
                    size="small"
                    question={t('activities.meetings.cancelConfirm', { name: other.name })}
                    loading={cancelling.loading}
                    onConfirm={() => act(cancel({ variables: { id: r.id } }))}
                  >
                    {t('activities.meetings.cancel')}
                  </ConfirmButton>
                ),
              ].filter(Boolean)
            : []
        }
      >
        <Space direction="vertical" size={2}>
          <Space wrap size={8}>
            <Typography.Text strong>{participantLabel(other)}</Typography.Text>
            <MeetingStatusTag status={r.status} />
          </Space>
          {r.message && <Typography.Text>“{r.message}”</Typography.Text>}
          {r.reason && (
            <Typography.Text type="secondary">
              {t('activities.meetings.reason')}: {r.reason}
            </Typography.Text>
          )}
          {r.slot && r.tableNumber && (
            <Typography.Text data-testid="request-scheduled">
              {t('activities.meetings.scheduledAt', {
                when: formatSlot(r.slot.startsAt, r.slot.endsAt, activity.timeZone),
                table: r.tableNumber,
              })}
            </Typography.Text>
          )}
          {r.status === 'ACCEPTED' && !r.slot && (
            <Typography.Text type="secondary">
              {r.unplacedReason ? unplacedText(t, r.unplacedReason) : t('activities.meetings.notScheduledYet')}
            </Typography.Text>
          )}
        </Space>
      </List.Item>
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('activities.meetings.requests')}
      </Typography.Title>
      {failure !== null && <Failure error={failure} />}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('activities.meetings.incoming')}
      </Typography.Title>
      {incoming.length ? (
        <List size="small" bordered dataSource={incoming} renderItem={(r) => item(r, 'incoming')} />
      ) : (
        <Typography.Text type="secondary">{t('activities.meetings.noIncoming')}</Typography.Text>
      )}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('activities.meetings.outgoing')}
      </Typography.Title>
      {outgoing.length ? (
        <List size="small" bordered dataSource={outgoing} renderItem={(r) => item(r, 'outgoing')} />
      ) : (
        <Typography.Text type="secondary">{t('activities.meetings.noOutgoing')}</Typography.Text>
      )}
      {declining && (
        <ReasonDialog
          title={t('activities.meetings.declineTitle', { name: declining.requester.name })}
          okText={t('activities.meetings.decline')}
          onSubmit={(reason) => answer({ variables: { id: declining.id, accept: false, reason } })}
          onClose={() => setDeclining(null)}
        />
      )}
    </Space>
  );
}

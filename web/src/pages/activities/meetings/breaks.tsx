import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { Failure, Loading, Nothing } from '../../../states';
import { formatSlot } from '../../../time-zones';
import type { ActivityDetails } from '../activity';

const BREAKS = graphql(`
  query DelegateBreaks($registrationId: ID!) {
    meetingBreaks(registrationId: $registrationId) {
      id
    }
  }
`);

const SET_BREAKS = graphql(`
  mutation SetMeetingBreaks($input: SetMeetingBreaksInput!) {
    setMeetingBreaks(input: $input) {
      id
    }
  }
`);

/** The slots the delegate is away in (a break, a late arrival, an early departure): the scheduler places no meeting there. */
export function Breaks({
  activity,
  delegateId,
  slots,
  changeable,
}: {
  activity: ActivityDetails;
  delegateId: string;
  slots: Array<{ id: string; startsAt: string; endsAt: string }>;
  changeable: boolean;
}) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(BREAKS, {
    variables: { registrationId: delegateId },
    fetchPolicy: 'cache-and-network',
  });
  // A meeting placed in a slot now ticked loses its place: the agenda is read again.
  const [save, saving] = useMutation(SET_BREAKS, { refetchQueries: ['DelegateBreaks', 'DelegateAgenda', 'ActivityMeetingRequests'] });
  const [edited, setEdited] = useState<{ delegateId: string; slotIds: string[] } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const current = edited?.delegateId === delegateId ? edited.slotIds : (data?.meetingBreaks.map((slot) => slot.id) ?? []);
  const submit = async () => {
    setFailure(null);
    setSaved(false);
    try {
      await save({ variables: { input: { registrationId: delegateId, slotIds: current } } });
      setEdited(null);
      setSaved(true);
    } catch (caught) {
      setFailure(caught);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('activities.meetings.breaks')}
      </Typography.Title>
      {slots.length === 0 ? (
        <Nothing text={t('activities.meetings.noSlots')} />
      ) : (
        <>
          <Typography.Text type="secondary" id="breaks-hint">
            {t('activities.meetings.breaksHint')}
          </Typography.Text>
          {error && <Failure error={error} retry={() => void refetch()} />}
          {!data && loading && <Loading />}
          {data && (
            <Checkbox.Group
              aria-describedby="breaks-hint"
              disabled={!changeable}
              value={current}
              onChange={(values) => {
                setSaved(false);
                setEdited({ delegateId, slotIds: values });
              }}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={slots.map((slot) => ({ value: slot.id, label: formatSlot(slot.startsAt, slot.endsAt, activity.timeZone) }))}
            />
          )}
          {failure !== null && <Failure error={failure} />}
          {changeable && (
            <Space>
              <Button onClick={() => void submit()} loading={saving.loading} disabled={!data}>
                {t('activities.meetings.saveBreaks')}
              </Button>
              {saved && (
                <Typography.Text role="status" data-testid="breaks-saved">
                  {t('activities.meetings.breaksSaved')}
                </Typography.Text>
              )}
            </Space>
          )}
        </>
      )}
    </Space>
  );
}

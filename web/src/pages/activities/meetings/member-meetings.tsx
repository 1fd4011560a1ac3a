import { useQuery } from '@apollo/client/react';
import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Failure, Loading, Nothing } from '../../../states';
import type { ActivityDetails } from '../activity';
import { ACTIVITY_MEETINGS, readRequests } from './activity-meetings';
import { Agenda } from './agenda';
import { Breaks } from './breaks';
import { DelegateRequests } from './delegate-requests';
import { Suggestions } from './suggestions';

/**
 * Members, on an activity's Meetings tab: for one of their confirmed delegates at a time, the meeting requests to
 * answer or sent, whom to meet (the matching engine's suggestions, with why), the agenda (also as an .ics file) and
 * the slots the delegate is away in.
 */
export function MemberMeetings({ activity }: { activity: ActivityDetails }) {
  const { t } = useTranslation();
  const confirmed = activity.myRegistrations.filter((r) => r.status === 'CONFIRMED');
  const [chosen, setChosen] = useState<string | undefined>();
  const delegateId = confirmed.some((r) => r.id === chosen) ? chosen! : confirmed[0]?.id;
  const { data, error, loading, refetch } = useQuery(ACTIVITY_MEETINGS, {
    variables: { activityId: activity.id },
    fetchPolicy: 'cache-and-network',
    skip: !delegateId,
  });
  if (!delegateId) return <Nothing text={t('activities.meetings.noConfirmed')} />;
  const delegate = confirmed.find((r) => r.id === delegateId)!;
  const changeable = activity.status === 'OPEN' || activity.status === 'CLOSED';

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap align="center">
        <label htmlFor="meeting-delegate">
          <Typography.Text strong>{t('activities.meetings.delegate')}</Typography.Text>
        </label>
        <Select
          id="meeting-delegate"
          style={{ minWidth: 280 }}
          value={delegateId}
          onChange={setChosen}
          options={confirmed.map((r) => ({
            value: r.id,
            label: r.delegatePosition ? `${r.delegateName}, ${r.delegatePosition}` : r.delegateName,
          }))}
        />
      </Space>
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!data && loading && <Loading />}
      {data && (
        <DelegateRequests
          activity={activity}
          delegateId={delegateId}
          requests={readRequests(data.activityMeetings).filter(
            (r) => r.requester.registrationId === delegateId || r.invitee.registrationId === delegateId,
          )}
          changeable={changeable}
        />
      )}
      <Suggestions delegateId={delegateId} changeable={changeable} />
      <Agenda activity={activity} delegateId={delegateId} delegateName={delegate.delegateName} />
      {data && <Breaks activity={activity} delegateId={delegateId} slots={data.meetingPlan.slots} changeable={changeable} />}
    </Space>
  );
}

import { useQuery } from '@apollo/client/react';
import { Alert, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { formatNumber, labelOf } from '../../format';
import { graphql } from '../../gql';
import type { ActivityPageQuery, ActivityStatus } from '../../gql/graphql';
import { useSession } from '../../session';
import { Failure, Loading } from '../../states';
import './messages';
import { formatVenueMoment, formatVenueRange } from '../../time-zones';
import { activityTitle, ActivityStatusTag } from './activity-format';
import { Lifecycle } from './lifecycle';
import { MyDelegates } from './my-delegates';

// The meetings and the secretariat's registrations load only when their tab is opened.
const MemberMeetings = lazy(() => import('./meetings/member-meetings').then((m) => ({ default: m.MemberMeetings })));
const CoordinatorMeetings = lazy(() => import('./meetings/coordinator-meetings').then((m) => ({ default: m.CoordinatorMeetings })));
const Registrations = lazy(() => import('./registrations').then((m) => ({ default: m.Registrations })));

const ACTIVITY = graphql(`
  query ActivityPage($id: ID!) {
    activity(id: $id) {
      id
      kind
      status
      title
      titleZh
      description
      startsAt
      endsAt
      timeZone
      city
      capacity
      registrationDeadline
      report
      version
      country {
        code
        nameEn
        nameZh
      }
      hostCentre {
        id
        nameEn
        nameZh
      }
      programme {
        id
        nameEn
        nameZh
      }
      technologyCategories {
        code
        labelEn
        labelZh
      }
      sdgTargets {
        code
        labelEn
        labelZh
      }
      seats {
        taken
        confirmed
        free
        waiting
      }
      myRegistrations {
        id
        delegateName
        delegateEmail
        delegatePosition
        status
        waitingListPosition
        reason
        version
      }
    }
  }
`);

export type ActivityDetails = ActivityPageQuery['activity'];
/** Meetings are booked while registration is open or closed, and read afterwards. */
const WITH_MEETINGS: ActivityStatus[] = ['OPEN', 'CLOSED', 'HELD', 'REPORTED'];

/**
 * Anyone: one activity — when (on the venue's clock), where, who hosts it, its programme, topics and seats. Below it,
 * what the reader's role does there: a member registers delegates and books their meetings; a coordinator moves the
 * activity through its lifecycle, confirms registrations and schedules the meetings.
 */
export function ActivityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const { data, error, loading, refetch } = useQuery(ACTIVITY, { variables: { id }, fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <Loading />;
  if (!data) return <Failure error={error} retry={() => void refetch()} />;
  const activity = data.activity;
  const terms = (list: Array<{ code: string; labelEn: string; labelZh: string }>) =>
    list.length ? (
      <Space wrap size={4}>
        {list.map((term) => (
          <Tag key={term.code}>{labelOf(term)}</Tag>
        ))}
      </Space>
    ) : (
      '—'
    );
  const member = user?.role === 'ENTERPRISE_MEMBER' || user?.role === 'AGENCY_MEMBER';
  const coordinator = user?.role === 'COORDINATOR';
  const meetings = WITH_MEETINGS.includes(activity.status);
  const tabs: Array<{ key: string; label: string; children: ReactNode }> = [];
  if (member) tabs.push({ key: 'delegates', label: t('activities.tabs.delegates'), children: <MyDelegates activity={activity} /> });
  if (coordinator)
    tabs.push({ key: 'registrations', label: t('activities.tabs.registrations'), children: <Registrations activity={activity} /> });
  if ((member || coordinator) && meetings)
    tabs.push({
      key: 'meetings',
      label: t('activities.tabs.meetings'),
      children: member ? <MemberMeetings activity={activity} /> : <CoordinatorMeetings activity={activity} />,
    });
  const tab = tabs.some((candidate) => candidate.key === params.get('tab')) ? params.get('tab')! : tabs[0]?.key;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/activities">← {t('activities.title')}</Link>
      <Space direction="vertical" size={4}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {activityTitle(activity)}
        </Typography.Title>
        <Space wrap size={4}>
          <Tag>{t(`activities.kind.${activity.kind}`)}</Tag>
          <ActivityStatusTag status={activity.status} />
        </Space>
      </Space>
      {coordinator && <Lifecycle activity={activity} />}
      <Descriptions bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('activities.dates')} span={2}>
          <span data-testid="activity-when">{formatVenueRange(activity.startsAt, activity.endsAt, activity.timeZone)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.place')}>
          {[activity.city, labelOf(activity.country)].filter(Boolean).join(', ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.hostCentre')}>{activity.hostCentre ? labelOf(activity.hostCentre) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('activities.programme')}>
          {activity.programme ? (
            <Link to={`/programmes/${activity.programme.id}`}>{labelOf(activity.programme)}</Link>
          ) : (
            t('activities.ownActivity')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.deadline')}>
          {formatVenueMoment(activity.registrationDeadline, activity.timeZone)}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.seats')} span={2}>
          <span data-testid="activity-seats">
            {t('activities.seatsLong', {
              count: activity.capacity,
              free: formatNumber(activity.seats.free),
              confirmed: formatNumber(activity.seats.confirmed),
              waiting: formatNumber(activity.seats.waiting),
            })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.topics')} span={2}>
          {terms(activity.technologyCategories)}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.sdg')} span={2}>
          {terms(activity.sdgTargets)}
        </Descriptions.Item>
      </Descriptions>
      {activity.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{activity.description}</Typography.Paragraph>}
      {activity.report && (
        <>
          <Typography.Title level={3}>{t('activities.report')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="activity-report">
            {activity.report}
          </Typography.Paragraph>
        </>
      )}
      {!user && activity.status === 'OPEN' && (
        <Alert
          type="info"
          showIcon
          title={
            <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>{t('activities.signInToRegister')}</Link>
          }
        />
      )}
      {tabs.length > 0 && (
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            next.set('tab', key);
            setParams(next, { replace: true });
          }}
          items={tabs.map((item) => ({ ...item, children: <Suspense fallback={<Loading />}>{item.children}</Suspense> }))}
        />
      )}
    </Space>
  );
}

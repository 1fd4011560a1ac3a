import { useQuery } from '@apollo/client/react';
import { Button, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { labelOf, formatNumber } from '../../format';
import { graphql } from '../../gql';
import type { ActivitiesQuery, ActivityKind } from '../../gql/graphql';
import { useSession } from '../../session';
import { Failure, Loading, Nothing } from '../../states';
import './messages';
import { formatVenueRange } from '../../time-zones';
import { ACTIVITY_KINDS, activityTitle, ActivityStatusTag } from './activity-format';

const ACTIVITIES = graphql(`
  query Activities($upcoming: Boolean, $past: Boolean, $kind: ActivityKind, $countryCode: String, $first: Int!, $after: String) {
    activities(upcoming: $upcoming, past: $past, kind: $kind, countryCode: $countryCode, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          status
          title
          titleZh
          startsAt
          endsAt
          timeZone
          city
          capacity
          country {
            code
            nameEn
            nameZh
          }
          seats {
            free
            confirmed
            waiting
          }
        }
      }
    }
  }
`);

const ACTIVITY_COUNTRIES = graphql(`
  query ActivityCountries {
    countries {
      code
      nameEn
      nameZh
    }
  }
`);

type Row = ActivitiesQuery['activities']['edges'][number]['node'];
type When = 'upcoming' | 'past';
const PAGE = 50;

/**
 * Anyone, signed out too: the alliance's activities, upcoming (soonest first) or past (latest first), by kind and
 * country; dates on the venue's clock. Coordinators also see drafts, and start a new activity here.
 */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const when: When = params.get('when') === 'past' ? 'past' : 'upcoming';
  const kind = (params.get('kind') as ActivityKind | null) ?? undefined;
  const countryCode = params.get('country') ?? undefined;
  const countries = useQuery(ACTIVITY_COUNTRIES);
  // The API filters and orders both: upcoming soonest first, past the most recently ended first, page after page.
  const { data, error, loading, fetchMore, refetch } = useQuery(ACTIVITIES, {
    variables: { upcoming: when === 'upcoming' || undefined, past: when === 'past' || undefined, kind, countryCode, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const rows = (data?.activities.edges ?? []).map((edge) => edge.node);
  const page = data?.activities.pageInfo;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('activities.title')}
        </Typography.Title>
        <Space wrap>
          <Link to="/programmes">{t('activities.programmesLink')}</Link>
          {user?.role === 'COORDINATOR' && (
            <Button type="primary" onClick={() => void navigate('/activities/new')}>
              {t('activities.new')}
            </Button>
          )}
        </Space>
      </Space>
      <Space wrap>
        <Segmented<When>
          aria-label={t('activities.when')}
          value={when}
          onChange={(value) => set('when', value === 'past' ? 'past' : undefined)}
          options={[
            { value: 'upcoming', label: t('activities.upcoming') },
            { value: 'past', label: t('activities.past') },
          ]}
        />
        <Select
          aria-label={t('activities.kindFilter')}
          style={{ minWidth: 220 }}
          value={kind ?? ''}
          onChange={(value: string) => set('kind', value || undefined)}
          options={[
            { value: '', label: t('activities.allKinds') },
            ...ACTIVITY_KINDS.map((value) => ({ value, label: t(`activities.kind.${value}`) })),
          ]}
        />
        <Select
          aria-label={t('activities.country')}
          style={{ minWidth: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          loading={countries.loading}
          value={countryCode ?? ''}
          onChange={(value: string) => set('country', value || undefined)}
          options={[
            { value: '', label: t('needs.allCountries') },
            ...(countries.data?.countries ?? []).map((c) => ({ value: c.code, label: labelOf(c) })),
          ]}
        />
      </Space>
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!data && loading && <Loading />}
      {data &&
        (rows.length === 0 ? (
          <Nothing text={t(when === 'upcoming' ? 'activities.noUpcoming' : 'activities.noPast')} />
        ) : (
          <Table<Row>
            rowKey="id"
            dataSource={rows}
            pagination={false}
            scroll={{ x: 760 }}
            columns={[
              {
                title: t('activities.activity'),
                key: 'title',
                render: (_, activity) => (
                  <Space direction="vertical" size={2}>
                    <Link to={`/activities/${activity.id}`}>{activityTitle(activity)}</Link>
                    <Tag>{t(`activities.kind.${activity.kind}`)}</Tag>
                  </Space>
                ),
              },
              {
                title: t('activities.dates'),
                key: 'when',
                render: (_, activity) => formatVenueRange(activity.startsAt, activity.endsAt, activity.timeZone, false),
              },
              {
                title: t('activities.place'),
                key: 'where',
                render: (_, activity) => [activity.city, labelOf(activity.country)].filter(Boolean).join(', '),
              },
              {
                title: t('activities.statusLabel'),
                key: 'status',
                render: (_, activity) => <ActivityStatusTag status={activity.status} />,
              },
              {
                title: t('activities.seats'),
                key: 'seats',
                align: 'right',
                render: (_, activity) =>
                  activity.status === 'CANCELLED'
                    ? '—'
                    : activity.status === 'HELD' || activity.status === 'REPORTED'
                      ? t('activities.delegatesCount', { count: activity.seats.confirmed })
                      : t('activities.seatsShort', {
                          free: formatNumber(activity.seats.free),
                          waiting: formatNumber(activity.seats.waiting),
                        }),
              },
            ]}
          />
        ))}
      {page?.hasNextPage && (
        <Button
          loading={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: page.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                activities: { ...fetchMoreResult.activities, edges: [...previous.activities.edges, ...fetchMoreResult.activities.edges] },
              }),
            })
          }
        >
          {t('activities.more')}
        </Button>
      )}
    </Space>
  );
}

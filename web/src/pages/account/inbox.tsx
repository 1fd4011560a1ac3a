import { useMutation, useQuery } from '@apollo/client/react';
import { Button, List, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../format';
import { graphql } from '../../gql';
import type { InboxQuery } from '../../gql/graphql';
import { Failure, Loading, Nothing } from '../../states';

const INBOX = graphql(`
  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      unreadCount
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          type
          title
          body
          read
          createdAt
          matchId
          needId
          activityId
          donationId
          trainingCourseId
        }
      }
    }
  }
`);

const MARK_READ = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

type Note = InboxQuery['notifications']['edges'][number]['node'];

/**
 * Where a notification leads: the donation or the training course it is about, opened on the donations and training
 * page; else its match, else its need, else its activity (a meeting's: the activity's meetings tab).
 */
const subjectOf = (note: Note): string | null =>
  note.donationId
    ? `/contributions?donation=${note.donationId}`
    : note.trainingCourseId
      ? `/contributions?tab=training&course=${note.trainingCourseId}`
      : note.type === 'CONTRIBUTION_CHANGED'
        ? '/contributions'
        : note.matchId
          ? `/matches/${note.matchId}`
          : note.needId
            ? `/needs/${note.needId}`
            : note.activityId
              ? `/activities/${note.activityId}${note.type.startsWith('MEETING') ? '?tab=meetings' : ''}`
              : null;

/** Anyone signed in: their notifications, newest first, unread ones marked; mark one or all read (the badge follows). */
export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('show') === 'unread';
  const { data, error, loading, fetchMore, refetch } = useQuery(INBOX, {
    variables: { first: 20, unreadOnly },
    notifyOnNetworkStatusChange: true,
  });
  // The list and the badge are asked again: what is read, and how many are left, is the server's to say.
  const [markRead, marking] = useMutation(MARK_READ, { refetchQueries: ['Inbox', 'UnreadCount'], awaitRefetchQueries: true });
  const page = data?.notifications;
  const more = () =>
    void fetchMore({
      variables: { after: page?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        notifications: {
          ...fetchMoreResult.notifications,
          edges: [...previous.notifications.edges, ...fetchMoreResult.notifications.edges],
        },
      }),
    });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('account.inbox.title')}</Typography.Title>
      <Space wrap>
        <Segmented
          aria-label={t('account.inbox.filter')}
          value={unreadOnly ? 'unread' : 'all'}
          options={[
            { value: 'all', label: t('account.inbox.all') },
            { value: 'unread', label: t('account.inbox.unreadOnly') },
          ]}
          onChange={(value) => setParams(value === 'unread' ? { show: 'unread' } : {})}
        />
        {page && (
          <Typography.Text type="secondary" data-testid="unread-count">
            {t('account.inbox.unread', { count: page.unreadCount })}
          </Typography.Text>
        )}
        <Button
          disabled={!page?.unreadCount}
          loading={marking.loading}
          onClick={() => void markRead({ variables: {} }).catch(() => undefined)}
        >
          {t('account.inbox.markAllRead')}
        </Button>
      </Space>
      {marking.error && <Failure error={marking.error} />}
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!page && loading && <Loading />}
      {page &&
        (page.edges.length === 0 ? (
          <Nothing text={unreadOnly ? t('account.inbox.emptyUnread') : t('account.inbox.empty')} />
        ) : (
          <List
            aria-label={t('account.inbox.title')}
            dataSource={page.edges.map((edge) => edge.node)}
            renderItem={(note) => {
              const subject = subjectOf(note);
              return (
                <List.Item
                  key={note.id}
                  data-testid="notification"
                  style={note.read ? undefined : { background: '#f0f5ff', paddingInline: 12 }}
                  actions={
                    note.read
                      ? []
                      : [
                          <Button
                            key="read"
                            size="small"
                            onClick={() => void markRead({ variables: { ids: [note.id] } }).catch(() => undefined)}
                          >
                            {t('account.inbox.markRead')}
                          </Button>,
                        ]
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {!note.read && <Tag color="blue">{t('account.inbox.unreadTag')}</Tag>}
                        <Tag>{t(`account.eventType.${note.type}`)}</Tag>
                        {subject ? <Link to={subject}>{note.title}</Link> : <span>{note.title}</span>}
                      </Space>
                    }
                    description={
                      <>
                        <div style={{ whiteSpace: 'pre-wrap' }}>{note.body}</div>
                        <Typography.Text type="secondary">{formatDateTime(note.createdAt)}</Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              );
            }}
          />
        ))}
      {page?.pageInfo.hasNextPage && (
        <Button loading={loading} onClick={more}>
          {t('account.inbox.more')}
        </Button>
      )}
    </Space>
  );
}

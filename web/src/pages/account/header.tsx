import { useQuery, useSubscription } from '@apollo/client/react';
import { Badge, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { useSession } from '../../session';
import { WEBHOOK_MANAGERS } from './roles';

/** The unread count alone (one row asked, none shown): the badge. The inbox page refetches it when it marks read. */
export const UNREAD_COUNT = graphql(`
  query UnreadCount {
    notifications(first: 1, unreadOnly: true) {
      unreadCount
    }
  }
`);

const NOTIFICATION_ADDED = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
    }
  }
`);

/**
 * The inbox link with its unread badge. A new notification (the `notificationAdded` subscription) refetches the count,
 * and the inbox list when it is open, so both follow without a reload.
 */
export function InboxLink() {
  const { t } = useTranslation();
  const { data } = useQuery(UNREAD_COUNT, { fetchPolicy: 'cache-and-network' });
  useSubscription(NOTIFICATION_ADDED, {
    onData: ({ client }) => void client.refetchQueries({ include: ['UnreadCount', 'Inbox'] }),
  });
  const count = data?.notifications.unreadCount ?? 0;
  return (
    <Link to="/inbox" aria-label={t('account.inboxLink', { count })} data-testid="inbox-link">
      <Badge count={count} size="small" offset={[8, -2]}>
        <span style={{ color: 'inherit' }}>{t('nav.inbox')}</span>
      </Badge>
    </Link>
  );
}

/** The signed-in person's name, opening their settings (the sign-out button stays beside it, one click away). */
export function AccountMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  if (!user) return null;
  const settings = [
    { key: '/settings/notifications', label: t('account.settings.notifications') },
    ...(WEBHOOK_MANAGERS.includes(user.role) ? [{ key: '/settings/webhooks', label: t('account.settings.webhooks') }] : []),
    { key: '/settings/password', label: t('account.settings.password') },
  ];
  const items = [{ type: 'group' as const, key: 'settings', label: t('nav.settings'), children: settings }];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => void navigate(key),
      }}
    >
      <Button type="text">
        <span data-testid="signed-in-as">{user.displayName}</span> ▾
      </Button>
    </Dropdown>
  );
}

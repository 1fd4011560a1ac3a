import { useQuery, useSubscription } from '@apollo/client/react';
import { BellOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Grid } from 'antd';
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
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Link to="/inbox" aria-label={t('account.inboxLink', { count })} data-testid="inbox-link">
      {/* The space before the count makes the words seen ("Inbox 3") part of the link's name (WCAG 2.5.3). */}
      <Badge count={count} size="small" offset={[8, -2]}>
        {wide ? <span>{t('nav.inbox')}</span> : <BellOutlined style={{ fontSize: 18 }} />}{' '}
      </Badge>
    </Link>
  );
}

/**
 * The signed-in person's name, opening their settings and the sign-out (in the menu, so that a role's own pages fit
 * the header at 1280 px). On a phone the name gives way to an icon.
 */
export function AccountMenu() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md ?? true;
  if (!user) return null;
  const leave = () => void signOut().then(() => navigate('/'));
  const settings = [
    { key: '/settings/notifications', label: t('account.settings.notifications') },
    ...(WEBHOOK_MANAGERS.includes(user.role) ? [{ key: '/settings/webhooks', label: t('account.settings.webhooks') }] : []),
    { key: '/settings/password', label: t('account.settings.password') },
  ];
  const items = [
    { type: 'group' as const, key: 'settings', label: t('nav.settings'), children: settings },
    { type: 'divider' as const },
    { key: 'sign-out', label: t('nav.signOut') },
  ];
  return (
    <>
      <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => (key === 'sign-out' ? leave() : void navigate(key)) }}>
        <Button
          type="text"
          title={user.displayName}
          icon={wide ? undefined : <UserOutlined />}
          style={{ paddingInline: wide ? undefined : 4 }}
        >
          {/* A long name (an organisation's, for demo members) is cut short; the title shows it whole. */}
          <span
            data-testid="signed-in-as"
            style={{ maxWidth: wide ? 160 : 56, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          >
            {user.displayName}
          </span>
          ▾
        </Button>
      </Dropdown>
    </>
  );
}

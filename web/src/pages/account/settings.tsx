import { Card, List, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../session';
import { WEBHOOK_MANAGERS } from './roles';

/** The settings a person has: notifications, their organisation's webhooks (members), their password. */
function useSettingsPages() {
  const { t } = useTranslation();
  const { user } = useSession();
  return [
    { path: '/settings/notifications', label: t('account.settings.notifications'), hint: t('account.settings.notificationsHint') },
    ...(user && WEBHOOK_MANAGERS.includes(user.role)
      ? [{ path: '/settings/webhooks', label: t('account.settings.webhooks'), hint: t('account.settings.webhooksHint') }]
      : []),
    { path: '/settings/password', label: t('account.settings.password'), hint: t('account.settings.passwordHint') },
  ];
}

/** The tabs above each settings page, to go from one to another. */
export function SettingsTabs() {
  const pages = useSettingsPages();
  const location = useLocation();
  const navigate = useNavigate();
  const active = pages.find((page) => location.pathname.startsWith(page.path))?.path;
  return (
    <Tabs
      activeKey={active}
      onChange={(path) => void navigate(path)}
      items={pages.map((page) => ({ key: page.path, label: page.label }))}
    />
  );
}

/** Anyone signed in: the settings pages, each with what it is for. */
export function SettingsPage() {
  const { t } = useTranslation();
  const pages = useSettingsPages();
  return (
    <Card>
      <Typography.Title level={2}>{t('account.settings.title')}</Typography.Title>
      <List
        dataSource={pages}
        renderItem={(page) => (
          <List.Item key={page.path}>
            <List.Item.Meta title={<Link to={page.path}>{page.label}</Link>} description={page.hint} />
          </List.Item>
        )}
      />
    </Card>
  );
}

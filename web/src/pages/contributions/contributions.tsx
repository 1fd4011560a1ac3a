import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../session';
import '../activities/messages';
import { Donations } from './donations';
import './messages';
import { Training } from './training';

/**
 * The cooperation the alliance records beside matches: equipment donations and technical training, as the reader's
 * organisation gives or receives them (all of them for the secretariat), each list with the moves that are the reader's.
 */
export function ContributionsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = user?.role === 'COORDINATOR' || user?.role === 'ADMIN';
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'training' ? 'training' : 'donations';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('contributions.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(staff ? 'contributions.introStaff' : 'contributions.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'training' ? { tab: 'training' } : {}, { replace: true })}
        items={[
          { key: 'donations', label: t('contributions.tabs.donations'), children: <Donations /> },
          { key: 'training', label: t('contributions.tabs.training'), children: <Training /> },
        ]}
      />
    </Space>
  );
}

import { useMutation, useQuery } from '@apollo/client/react';
import { Select, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { DigestFrequency, NotificationChannel, NotificationEventType, NotificationPreferencesQuery } from '../../gql/graphql';
import { Failure, Loading, Nothing } from '../../states';
import { SettingsTabs } from './settings';

const PREFERENCES = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      eventType
      channel
      enabled
      frequency
      chosen
    }
  }
`);

const SET_PREFERENCES = graphql(`
  mutation SetNotificationPreferences($input: [NotificationPreferenceInput!]!) {
    setNotificationPreferences(input: $input) {
      eventType
      channel
      enabled
      frequency
      chosen
    }
  }
`);

type Preference = NotificationPreferencesQuery['notificationPreferences'][number];
/** Webhooks are chosen per endpoint, not per person. */
type PersonalChannel = Exclude<NotificationChannel, 'WEBHOOK'>;
const CHANNELS: PersonalChannel[] = ['IN_APP', 'EMAIL'];
/** The API's rule: only opportunity alerts by e-mail may come in a digest; everything else is about a waiting match. */
const DIGESTIBLE: NotificationEventType = 'OPPORTUNITY_ALERT';
const FREQUENCIES: DigestFrequency[] = ['IMMEDIATE', 'DAILY', 'WEEKLY'];

/**
 * Anyone signed in: one row per event, a switch per channel (in WaterBridge, e-mail) and the e-mail frequency where a
 * digest is allowed. Each change is saved at once. Notification e-mails link here (PUBLIC_APP_URL/settings/notifications).
 */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(PREFERENCES);
  // The answer holds every preference: Apollo writes it over the query's field, so the table follows.
  const [save, saving] = useMutation(SET_PREFERENCES, {
    update: (cache, { data: saved }) => {
      if (saved) cache.writeQuery({ query: PREFERENCES, data: { notificationPreferences: saved.setNotificationPreferences } });
    },
  });
  const preferences = data?.notificationPreferences ?? [];
  const find = (eventType: NotificationEventType, channel: PersonalChannel) =>
    preferences.find((p) => p.eventType === eventType && p.channel === channel);
  const change = (p: Preference, to: { enabled?: boolean; frequency?: DigestFrequency }) =>
    void save({
      variables: {
        input: [{ eventType: p.eventType, channel: p.channel, enabled: to.enabled ?? p.enabled, frequency: to.frequency ?? p.frequency }],
      },
    }).catch(() => undefined);
  const events = [...new Set(preferences.map((p) => p.eventType))];
  const label = (eventType: NotificationEventType) => t(`account.eventType.${eventType}`);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('account.preferences.title')}</Typography.Title>
      <SettingsTabs />
      <Typography.Paragraph>{t('account.preferences.intro')}</Typography.Paragraph>
      {saving.error && <Failure error={saving.error} />}
      {error && <Failure error={error} retry={() => void refetch()} />}
      {loading && !data && <Loading />}
      {data && events.length === 0 && <Nothing />}
      {events.length > 0 && (
        <Table<NotificationEventType>
          rowKey={(eventType) => eventType}
          dataSource={events}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('account.preferences.event'), render: (_, eventType) => label(eventType) },
            ...CHANNELS.map((channel) => ({
              title: t(`account.preferences.${channel}`),
              render: (_: unknown, eventType: NotificationEventType) => {
                const p = find(eventType, channel);
                return (
                  p && (
                    <Switch
                      checked={p.enabled}
                      aria-label={t('account.preferences.switchLabel', {
                        event: label(eventType),
                        channel: t(`account.preferences.${channel}`),
                      })}
                      onChange={(enabled) => change(p, { enabled })}
                    />
                  )
                );
              },
            })),
            {
              title: t('account.preferences.frequency'),
              render: (_, eventType) => {
                const p = find(eventType, 'EMAIL');
                if (!p || eventType !== DIGESTIBLE) return t('account.preferences.IMMEDIATE');
                return (
                  <Select<DigestFrequency>
                    aria-label={t('account.preferences.frequencyLabel', { event: label(eventType) })}
                    value={p.frequency}
                    disabled={!p.enabled}
                    style={{ minWidth: 160 }}
                    options={FREQUENCIES.map((frequency) => ({ value: frequency, label: t(`account.preferences.${frequency}`) }))}
                    onChange={(frequency) => change(p, { frequency })}
                  />
                );
              },
            },
          ]}
        />
      )}
    </Space>
  );
}

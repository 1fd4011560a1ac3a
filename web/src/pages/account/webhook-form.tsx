import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NotificationEventType } from '../../gql/graphql';

export interface WebhookValues {
  url: string;
  events: NotificationEventType[];
}

/** Every event a webhook may be called for, in the order of the schema. */
export const WEBHOOK_EVENTS: NotificationEventType[] = [
  'ACTIVITY_PUBLISHED',
  'ACTIVITY_REGISTRATION_CHANGED',
  'ACTIVITY_CHANGED',
  'CONTRIBUTION_CHANGED',
  'MEETING_REQUEST_CHANGED',
  'MEETINGS_SCHEDULED',
  'MEETING_REMINDER',
  'CANDIDATES_TO_REVIEW',
  'MATCH_ACCEPTED',
  'MATCH_CLOSED',
  'MATCH_DECLINED',
  'MATCH_ENGAGED',
  'MATCH_ESCALATED',
  'MATCH_INTRODUCED',
  'MATCH_OUTCOME_RECORDED',
  'MATCH_REMINDER',
  'OPPORTUNITY_ALERT',
];

/** The fields of a webhook (inside an antd Form): its URL and its events. The server checks the URL (https, public). */
export function WebhookFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('account.webhooks.url')} name="url" rules={[{ required: true, message: t('account.required') }]}>
        <Input placeholder={t('account.webhooks.urlPlaceholder')} inputMode="url" style={{ maxWidth: 560 }} />
      </Form.Item>
      {/* Not marked required (aria-required is not allowed on a group); the rule still asks for one event at least. */}
      <Form.Item
        label={t('account.webhooks.events')}
        name="events"
        required={false}
        rules={[{ required: true, message: t('account.webhooks.eventsRequired') }]}
      >
        <Checkbox.Group
          role="group"
          aria-label={t('account.webhooks.events')}
          options={WEBHOOK_EVENTS.map((type) => ({ value: type, label: t(`account.eventType.${type}`) }))}
        />
      </Form.Item>
    </>
  );
}

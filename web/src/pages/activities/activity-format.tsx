import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityKind, ActivityStatus, RegistrationStatus } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import './messages';

/** The kinds of activity, in the order forms and filters offer them (labels under `activities.kind.*`). */
export const ACTIVITY_KINDS: ActivityKind[] = [
  'FIELD_INVESTIGATION',
  'CONFERENCE',
  'EXHIBITION',
  'SEMINAR',
  'TRAINING_COURSE',
  'EQUIPMENT_HANDOVER',
];

/** An activity's title in the reader's language (the Chinese one when there is one). */
export const activityTitle = (activity: { title: string; titleZh?: string | null }): string =>
  currentLanguage() === 'ZH' && activity.titleZh ? activity.titleZh : activity.title;

/** Where an activity stands, as a neutral tag (the console's tags carry no colour: text says it). */
export function ActivityStatusTag({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return <Tag data-testid="activity-status">{t(`activities.status.${status}`)}</Tag>;
}

/** A delegate's registration: its status, and its place while on the waiting list. */
export function RegistrationStatusTag({ status, position }: { status: RegistrationStatus; position?: number | null }) {
  const { t } = useTranslation();
  return (
    <Tag data-testid="registration-status">
      {status === 'WAITLISTED' && position ? t('activities.waitingPosition', { position }) : t(`activities.registrationStatus.${status}`)}
    </Tag>
  );
}

/** Registrations a delegate's organisation or a coordinator may still cancel. */
export const LIVE_REGISTRATION: RegistrationStatus[] = ['PENDING', 'CONFIRMED', 'WAITLISTED'];

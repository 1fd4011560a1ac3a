import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../../format';
import type { MeetingRequestStatus } from '../../../gql/graphql';

/** A delegate as the other side sees them: name, position, organisation. */
export interface Participant {
  registrationId: string;
  name: string;
  position?: string | null;
  organization: { nameEn: string; nameZh?: string | null };
}

export const participantLabel = (p: Participant): string => `${p.name}${p.position ? `, ${p.position}` : ''} (${labelOf(p.organization)})`;

export function MeetingStatusTag({ status }: { status: MeetingRequestStatus }) {
  const { t } = useTranslation();
  return <Tag data-testid="meeting-status">{t(`activities.meetings.status.${status}`)}</Tag>;
}

/** Why the scheduler left an accepted request out, in words (the API gives a code). */
export function unplacedText(t: TFunction, reason: string): string {
  return isUnplaced(reason) ? t(`activities.meetings.unplaced.${reason}`) : reason;
}
const UNPLACED = ['PARTICIPANT_UNAVAILABLE', 'NO_COMMON_FREE_SLOT', 'NO_TABLE_FREE'] as const;
type Unplaced = (typeof UNPLACED)[number];
const isUnplaced = (reason: string): reason is Unplaced => (UNPLACED as readonly string[]).includes(reason);

import type { TFunction } from 'i18next';
import { formatDay } from '../../format';

/** The period of a programme: from its first day to its last, or open-ended. */
export function periodOf(t: TFunction, programme: { startsOn: string; endsOn?: string | null }): string {
  return `${formatDay(programme.startsOn)} – ${programme.endsOn ? formatDay(programme.endsOn) : t('programmes.openEnded')}`;
}

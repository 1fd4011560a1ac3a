import type { TFunction } from 'i18next';
import { graphql } from '../../gql';
import { formatNumber } from '../../format';
import './messages';

/** A match score (0 to 1) as people read it: three decimals at most, in the reader's locale. */
export const scoreText = (score: number): string => formatNumber(Math.round(score * 1000) / 1000);

/** How long something has waited since `since`: hours under a day, else days. */
export function waitedFor(t: TFunction, since: string, now = Date.now()): string {
  const hours = Math.floor((now - new Date(since).getTime()) / 3_600_000);
  if (hours < 1) return t('coordinator.waitedUnderHour');
  return hours < 24 ? t('coordinator.waitedHours', { count: hours }) : t('coordinator.waitedDays', { count: Math.floor(hours / 24) });
}

/** Every country with its region, for the filters (asked once per session: the list does not change). */
export const COUNTRIES = graphql(`
  query CoordinatorCountries {
    countries {
      code
      nameEn
      nameZh
      region
    }
  }
`);

export const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;

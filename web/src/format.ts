import type { FinancingInstrument } from './gql/graphql';
import { intlLocale, currentLanguage } from './i18n';

/** The financing instruments, in the order the forms offer them (labels under `instrument.*`). */
export const FINANCING_INSTRUMENTS: FinancingInstrument[] = [
  'GRANT',
  'INTEREST_FREE_LOAN',
  'GOVERNMENT_CONCESSIONAL_LOAN',
  'PREFERENTIAL_BUYERS_CREDIT',
  'EXPORT_BUYERS_CREDIT',
  'SUPPLIERS_CREDIT',
  'COMMERCIAL_LOAN',
  'LOAN',
  'OTHER',
];

/** A date in the reader's locale (e.g. 6 Dec 2026 / 2026年12月6日). */
export const formatDate = (value: string | null | undefined): string =>
  value ? new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium' }).format(new Date(value)) : '—';

/** A moment with its time of day, in the reader's locale (e.g. 6 Dec 2026, 14:05 / 2026年12月6日 14:05). */
export const formatDateTime = (value: string | null | undefined): string =>
  value ? new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : '—';

/** An amount of money in its currency, in the reader's locale. */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  return currency
    ? new Intl.NumberFormat(intlLocale(), { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount)
    : new Intl.NumberFormat(intlLocale()).format(amount);
}

export const formatNumber = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : new Intl.NumberFormat(intlLocale()).format(value);

/** The label of a bilingual name in the reader's language, falling back to English. */
export const labelOf = (term: { labelEn: string; labelZh: string } | { nameEn: string; nameZh?: string | null }): string => {
  const zh = currentLanguage() === 'ZH';
  if ('labelEn' in term) return zh ? term.labelZh : term.labelEn;
  return zh && term.nameZh ? term.nameZh : term.nameEn;
};

/** A calendar day ("2027-03-10", no time of day) in the reader's locale, the same day wherever the reader is. */
export const formatDay = (value: string | null | undefined): string =>
  value
    ? new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value.slice(0, 10)}T00:00:00Z`))
    : '—';

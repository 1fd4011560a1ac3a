import type { Messages } from './en';
import type { ReportsMessages } from '../pages/reports/messages';

// t('…') keys are checked against the English messages: a page asking for a key that does not exist fails the type check.
// The report's strings load with its page (pages/reports/messages.ts) and are typed here all the same.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages & ReportsMessages };
  }
}

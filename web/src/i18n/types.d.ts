import type { Messages } from './en';

// t('…') keys are checked against the English messages: a page asking for a key that does not exist fails the type check.
// Strings that load with their pages are typed too (LazyMessages in en.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
  }
}

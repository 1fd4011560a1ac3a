import type { Messages } from './en';

// t('…') keys are checked against the English messages: a page asking for a key that does not exist fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
  }
}

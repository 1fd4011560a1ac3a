import { CONSOLE_PAGES } from './serve-console';

describe('the console’s pages beside the API', () => {
  it('leaves the API’s paths and files to the API, and every other path to the console', () => {
    for (const api of ['/graphql', '/health', '/ready', '/metrics', '/meetings/agenda.ics', '/reports/alliance.csv'])
      expect({ api, console: CONSOLE_PAGES.test(api) }).toEqual({ api, console: false });
    for (const page of ['/', '/activities/7c9e', '/reports', '/reports/alliance', '/meetings', '/graphql-guide', '/needs/1'])
      expect({ page, console: CONSOLE_PAGES.test(page) }).toEqual({ page, console: true });
  });
});

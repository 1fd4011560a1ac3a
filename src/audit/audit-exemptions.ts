/**
 * The only mutations that write no audit entry, each with the reason. Every other mutation of the schema writes one
 * (test/e2e/audit.e2e-spec.ts fails on a mutation that is neither here nor covered by one of its scenarios).
 */
export const UNAUDITED_MUTATIONS: Readonly<Record<string, string>> = {
  login:
    'Session plumbing: opens a session. Sign-ins and their failures are logged and throttled (login_throttle), not audited; a password hash re-hashed at a stronger cost keeps the same password',
  refreshToken: 'Session plumbing: swaps a refresh token for a new pair; nothing of the platform data changes',
  logout: 'Session plumbing: ends sessions (revokes refresh tokens); nothing of the platform data changes',
  markNotificationsRead: "Read markers of the caller's own inbox: personal, not a change to anyone's data",
  testWebhook: 'Sends a signed ping to the endpoint; stores nothing (not even a delivery)',
};

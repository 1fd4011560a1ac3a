import type { Role } from '../../gql/graphql';

/**
 * Who manages their organisation's webhooks here: its members. Staff must name the organisation (the API's rule), which
 * this page, about "my organisation", does not do; coordinators may only read them.
 */
export const WEBHOOK_MANAGERS: Role[] = ['ENTERPRISE_MEMBER', 'AGENCY_MEMBER'];

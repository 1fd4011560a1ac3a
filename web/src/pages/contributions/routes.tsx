import { lazy } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../../roles';

const ContributionsPage = lazy(() => import('./contributions').then((m) => ({ default: m.ContributionsPage })));

/** Donations and training: the two sides' members and the secretariat (the API shows each only what it gives or receives). */
export const contributionRoutes = (
  <Route
    path="/contributions"
    element={
      <RequireRole roles={['ENTERPRISE_MEMBER', 'AGENCY_MEMBER', 'COORDINATOR', 'ADMIN']}>
        <ContributionsPage />
      </RequireRole>
    }
  />
);

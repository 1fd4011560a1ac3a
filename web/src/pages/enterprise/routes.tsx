import { lazy } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../../roles';

const OpportunitiesPage = lazy(() => import('./opportunities').then((m) => ({ default: m.OpportunitiesPage })));
const MyMatchesPage = lazy(() => import('./my-matches').then((m) => ({ default: m.MyMatchesPage })));
const ProfilePage = lazy(() => import('./profile').then((m) => ({ default: m.ProfilePage })));

/** The enterprise pages, each its own chunk (lazy): a role loads only what it opens. My matches serves agencies too. */
export const enterpriseRoutes = (
  <>
    <Route
      path="/opportunities"
      element={
        <RequireRole roles={['ENTERPRISE_MEMBER']}>
          <OpportunitiesPage />
        </RequireRole>
      }
    />
    <Route
      path="/my/matches"
      element={
        <RequireRole roles={['AGENCY_MEMBER', 'ENTERPRISE_MEMBER']}>
          <MyMatchesPage />
        </RequireRole>
      }
    />
    <Route
      path="/my/profile"
      element={
        <RequireRole roles={['ENTERPRISE_MEMBER']}>
          <ProfilePage />
        </RequireRole>
      }
    />
  </>
);

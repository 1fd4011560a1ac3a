import { lazy } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../../roles';

const MyNeedsPage = lazy(() => import('./my-needs').then((m) => ({ default: m.MyNeedsPage })));
const NeedFormPage = lazy(() => import('./need-form').then((m) => ({ default: m.NeedFormPage })));

/** The agency pages, each its own chunk (lazy): a role loads only what it opens. */
export const agencyRoutes = (
  <>
    <Route
      path="/my/needs"
      element={
        <RequireRole roles={['AGENCY_MEMBER']}>
          <MyNeedsPage />
        </RequireRole>
      }
    />
    <Route
      path="/my/needs/new"
      element={
        <RequireRole roles={['AGENCY_MEMBER']}>
          <NeedFormPage />
        </RequireRole>
      }
    />
    <Route
      path="/my/needs/:id/edit"
      element={
        <RequireRole roles={['AGENCY_MEMBER']}>
          <NeedFormPage />
        </RequireRole>
      }
    />
  </>
);

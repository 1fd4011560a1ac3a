import { lazy } from 'react';
import { Route } from 'react-router';
import { ALL_ROLES, RequireRole } from '../../roles';

const MatchPage = lazy(() => import('./match').then((m) => ({ default: m.MatchPage })));

/** /matches/:id — one page for every role that may see the match (the link of most notification e-mails). */
export const matchRoutes = (
  <>
    <Route
      path="/matches/:id"
      element={
        <RequireRole roles={ALL_ROLES}>
          <MatchPage />
        </RequireRole>
      }
    />
  </>
);

import { lazy } from 'react';
import { Route } from 'react-router';
import type { Role } from '../../gql/graphql';
import { RequireRole } from '../../roles';

const ReviewQueuePage = lazy(() => import('./review-queue').then((m) => ({ default: m.ReviewQueuePage })));
const NeedCandidatesPage = lazy(() => import('./need-candidates').then((m) => ({ default: m.NeedCandidatesPage })));
const OrganizationsPage = lazy(() => import('./organizations').then((m) => ({ default: m.OrganizationsPage })));
// The dashboard carries ECharts (the funnel; the world map loads on its own): its own chunk, loaded only when opened.
const StatisticsPage = lazy(() => import('./statistics').then((m) => ({ default: m.StatisticsPage })));
// The alliance report (issue 16): its strings, charts and map load with it.
const ReportPage = lazy(() => import('../reports/report-page').then((m) => ({ default: m.ReportPage })));

// The API lets admins do all of this too (reviewQueue, moves, matchStatistics, setOrganizationVerification).
const STAFF: Role[] = ['COORDINATOR', 'ADMIN'];

/** The coordinator pages, each its own chunk (lazy): a role loads only what it opens. */
export const coordinatorRoutes = (
  <>
    <Route
      path="/review"
      element={
        <RequireRole roles={STAFF}>
          <ReviewQueuePage />
        </RequireRole>
      }
    />
    <Route
      path="/review/needs/:needId"
      element={
        <RequireRole roles={STAFF}>
          <NeedCandidatesPage />
        </RequireRole>
      }
    />
    <Route
      path="/organizations"
      element={
        <RequireRole roles={STAFF}>
          <OrganizationsPage />
        </RequireRole>
      }
    />
    <Route
      path="/statistics"
      element={
        <RequireRole roles={STAFF}>
          <StatisticsPage />
        </RequireRole>
      }
    />
    <Route
      path="/reports"
      element={
        <RequireRole roles={STAFF}>
          <ReportPage />
        </RequireRole>
      }
    />
  </>
);

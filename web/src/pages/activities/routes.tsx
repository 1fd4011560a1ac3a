import { lazy } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../../roles';

const ActivitiesPage = lazy(() => import('./activities').then((m) => ({ default: m.ActivitiesPage })));
const ActivityPage = lazy(() => import('./activity').then((m) => ({ default: m.ActivityPage })));
const ActivityFormPage = lazy(() => import('./activity-form').then((m) => ({ default: m.ActivityFormPage })));

/**
 * The alliance's activities, each page its own chunk: the list and an activity are public (notifications link to
 * /activities/:id); the form is the secretariat's.
 */
export const activityRoutes = (
  <>
    <Route path="/activities" element={<ActivitiesPage />} />
    <Route
      path="/activities/new"
      element={
        <RequireRole roles={['COORDINATOR']}>
          <ActivityFormPage />
        </RequireRole>
      }
    />
    <Route path="/activities/:id" element={<ActivityPage />} />
    <Route
      path="/activities/:id/edit"
      element={
        <RequireRole roles={['COORDINATOR']}>
          <ActivityFormPage />
        </RequireRole>
      }
    />
  </>
);

import { lazy } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../../roles';

const ProgrammesPage = lazy(() => import('./programmes').then((m) => ({ default: m.ProgrammesPage })));
const ProgrammePage = lazy(() => import('./programme').then((m) => ({ default: m.ProgrammePage })));
const ProgrammeFormPage = lazy(() => import('./programme-form').then((m) => ({ default: m.ProgrammeFormPage })));

/** The alliance's programmes, each page its own chunk: public to read, the secretariat's to change. */
export const programmeRoutes = (
  <>
    <Route path="/programmes" element={<ProgrammesPage />} />
    <Route
      path="/programmes/new"
      element={
        <RequireRole roles={['COORDINATOR']}>
          <ProgrammeFormPage />
        </RequireRole>
      }
    />
    <Route path="/programmes/:id" element={<ProgrammePage />} />
    <Route
      path="/programmes/:id/edit"
      element={
        <RequireRole roles={['COORDINATOR']}>
          <ProgrammeFormPage />
        </RequireRole>
      }
    />
  </>
);

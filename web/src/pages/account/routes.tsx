import { lazy } from 'react';
import { Route } from 'react-router';
import { ALL_ROLES, RequireRole } from '../../roles';
import { WEBHOOK_MANAGERS } from './roles';

const InboxPage = lazy(() => import('./inbox').then((m) => ({ default: m.InboxPage })));
const SettingsPage = lazy(() => import('./settings').then((m) => ({ default: m.SettingsPage })));
const NotificationSettingsPage = lazy(() => import('./notification-settings').then((m) => ({ default: m.NotificationSettingsPage })));
const WebhooksPage = lazy(() => import('./webhooks').then((m) => ({ default: m.WebhooksPage })));
const WebhookDeliveriesPage = lazy(() => import('./webhook-deliveries').then((m) => ({ default: m.WebhookDeliveriesPage })));
const PasswordPage = lazy(() => import('./password').then((m) => ({ default: m.PasswordPage })));
const UsersPage = lazy(() => import('./users').then((m) => ({ default: m.UsersPage })));

/** The account pages, each its own chunk (lazy): a role loads only what it opens. */
export const accountRoutes = (
  <>
    <Route
      path="/inbox"
      element={
        <RequireRole roles={ALL_ROLES}>
          <InboxPage />
        </RequireRole>
      }
    />
    <Route
      path="/settings"
      element={
        <RequireRole roles={ALL_ROLES}>
          <SettingsPage />
        </RequireRole>
      }
    />
    {/* Notification e-mails link to exactly this path (PUBLIC_APP_URL/settings/notifications). */}
    <Route
      path="/settings/notifications"
      element={
        <RequireRole roles={ALL_ROLES}>
          <NotificationSettingsPage />
        </RequireRole>
      }
    />
    <Route
      path="/settings/webhooks"
      element={
        <RequireRole roles={WEBHOOK_MANAGERS}>
          <WebhooksPage />
        </RequireRole>
      }
    />
    <Route
      path="/settings/webhooks/:id/deliveries"
      element={
        <RequireRole roles={[...WEBHOOK_MANAGERS, 'ADMIN']}>
          <WebhookDeliveriesPage />
        </RequireRole>
      }
    />
    <Route
      path="/settings/password"
      element={
        <RequireRole roles={ALL_ROLES}>
          <PasswordPage />
        </RequireRole>
      }
    />
    <Route
      path="/admin/users"
      element={
        <RequireRole roles={['ADMIN']}>
          <UsersPage />
        </RequireRole>
      }
    />
  </>
);

import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import type { Role } from './gql/graphql';
import { intlLocale } from './i18n';
import { useSession } from './session';
import { Loading } from './states';

/**
 * A page for some roles only. Signed out: sign in, then back here. Signed in with another role: a clear refusal that
 * names who the page is for (the API refuses the same operations with FORBIDDEN; this says it before asking).
 */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) return <Navigate replace to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} />;
  if (!roles.includes(user.role))
    return (
      <Result
        status="403"
        title={t('access.refusedTitle')}
        subTitle={
          <span data-testid="refused">
            {t('access.refused', {
              roles: new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(roles.map((role) => t(`role.${role}`))),
              role: t(`role.${user.role}`),
            })}
          </span>
        }
        extra={<Link to="/">{t('common.home')}</Link>}
      />
    );
  return <>{children}</>;
}

/** Any signed-in person. */
export const ALL_ROLES: Role[] = ['ADMIN', 'AGENCY_MEMBER', 'COORDINATOR', 'ENTERPRISE_MEMBER'];

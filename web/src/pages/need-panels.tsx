import type { NeedStatus } from '../gql/graphql';
import { useSession } from '../session';
import { AgencyNeedPanel } from './agency/need-panel';
import { CoordinatorNeedPanel } from './coordinator/need-panel';
import { EnterpriseNeedPanel } from './enterprise/need-panel';

/** Below a need: what the signed-in person can do with it, by role (its own agency, an enterprise, a coordinator). */
export function NeedPanels({ need }: { need: { id: string; status: NeedStatus; organization: { id: string } } }) {
  const { user } = useSession();
  switch (user?.role) {
    case 'AGENCY_MEMBER':
      return user.organization?.id === need.organization.id ? <AgencyNeedPanel needId={need.id} status={need.status} /> : null;
    case 'ENTERPRISE_MEMBER':
      return <EnterpriseNeedPanel needId={need.id} status={need.status} />;
    case 'COORDINATOR':
      return <CoordinatorNeedPanel needId={need.id} status={need.status} />;
    default:
      return null;
  }
}

import { Actor, isStaff } from '../auth/actor';
import { NeedEntity } from './need.entity';
import { PUBLISHED_NEED_STATUSES } from './need-status';

/** Anyone sees published needs; drafts and withdrawn needs only their agency and the secretariat's staff. */
export function canSeeNeed(actor: Actor | null, need: Pick<NeedEntity, 'status' | 'organizationId'>): boolean {
  return PUBLISHED_NEED_STATUSES.includes(need.status) || isStaff(actor) || actor?.organizationId === need.organizationId;
}

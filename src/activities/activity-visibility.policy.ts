import { Actor, isStaff } from '../access/actor';
import { EVERY_ROW, SqlCondition } from '../common/sql-condition';
import { ActivityEntity } from './activity.entity';
import { ActivityStatus } from './activity-status';

/** Who sees an activity: a draft only the secretariat's staff; a published one (any later status) everyone. */
export const ActivityVisibility = {
  sql(actor: Actor | null, alias: string): SqlCondition {
    if (isStaff(actor)) return EVERY_ROW;
    return { where: `${alias}.status <> :draftStatus`, parameters: { draftStatus: ActivityStatus.DRAFT } };
  },

  canSee(actor: Actor | null, activity: Pick<ActivityEntity, 'status'>): boolean {
    return isStaff(actor) || activity.status !== ActivityStatus.DRAFT;
  },
};

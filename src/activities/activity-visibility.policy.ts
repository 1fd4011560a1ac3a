import { EntityManager } from 'typeorm';
import { Actor, isStaff } from '../access/actor';
import { DomainError } from '../common/domain-error';
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

/** The activity if the actor may see it (NOT_FOUND otherwise), row-locked when asked: changes to its registrations and meetings lock it first. */
export async function findVisibleActivity(
  manager: EntityManager,
  actor: Actor | null,
  activityId: string,
  lock = false,
): Promise<ActivityEntity> {
  const activity = await manager.findOne(ActivityEntity, {
    where: { id: activityId },
    ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}),
  });
  if (!activity || !ActivityVisibility.canSee(actor, activity)) throw DomainError.notFound('Activity', activityId);
  return activity;
}

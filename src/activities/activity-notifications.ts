import { ActivityFacts, Audience, DelegateSnapshot } from '../notifications/notification-payload';
import { ActivityEntity, ActivityRegistrationEntity } from './activity.entity';

/** What every notification about an activity says of it, frozen as it is now (a later change rewrites no message). */
export function activityFacts(activity: ActivityEntity, audience: Audience): ActivityFacts {
  return { audience, ...describeActivity(activity) };
}

/** The activity's facts alone: also what an ACTIVITY_CHANGED says it was before. */
export function describeActivity(activity: ActivityEntity): Omit<ActivityFacts, 'audience'> {
  return {
    activityId: activity.id,
    activityTitle: activity.title,
    titleZh: activity.titleZh,
    countryCode: activity.countryCode,
    city: activity.city,
    startsAt: activity.startsAt.toISOString(),
    endsAt: activity.endsAt.toISOString(),
    timeZone: activity.timeZone,
    registrationDeadline: activity.registrationDeadline.toISOString(),
  };
}

/** A delegate as the registration stands after the change; `position` on the waiting list while WAITLISTED. */
export function delegateOf(registration: ActivityRegistrationEntity, position: number | null): DelegateSnapshot {
  return {
    registrationId: registration.id,
    name: registration.delegateName,
    status: registration.status,
    waitingListPosition: position,
    reason: registration.reason,
  };
}

/** The members of one organisation (and its webhooks). */
export const organisationAudience = (organizationId: string): Audience => ({
  organizationIds: [organizationId],
  userIds: [],
  coordinators: false,
});

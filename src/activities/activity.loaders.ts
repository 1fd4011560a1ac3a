import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLContext } from '../graphql/graphql-context';
import { ActivitiesService } from './activities.service';
import { ActivityModel, ActivityRegistrationModel, ActivitySeatsModel } from './activity.model';
import { RegistrationsService } from './registrations.service';

const SEATS = Symbol('activity seats');
const OWN_REGISTRATIONS = Symbol('own registrations of activities');
const VISIBLE = Symbol('activities visible to the caller, by id');

/** A page of activities' seats and the caller's own registrations, and the activities rows point to: one query per kind per request. */
@Injectable()
export class ActivityLoaders {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly activities: ActivitiesService,
  ) {}

  /** The activity, or null for none or a draft the caller may not see. */
  visible(context: GraphQLContext, activityId: string | null): Promise<ActivityModel | null> {
    if (activityId === null) return Promise.resolve(null);
    return context.loaders.byId(VISIBLE, (ids) => this.activities.visibleByIds(context.req.actor ?? null, ids)).load(activityId);
  }

  seats(context: GraphQLContext, activity: ActivityModel): Promise<ActivitySeatsModel> {
    const loader = context.loaders.get(
      SEATS,
      () =>
        new DataLoader<ActivityModel, ActivitySeatsModel, string>((activities) => this.registrations.seatsOf(activities), {
          cacheKeyFn: (a) => a.id,
        }),
    );
    return loader.load(activity);
  }

  ownRegistrations(context: GraphQLContext, activityId: string): Promise<ActivityRegistrationModel[]> {
    const loader = context.loaders.get(
      OWN_REGISTRATIONS,
      () => new DataLoader<string, ActivityRegistrationModel[]>((ids) => this.registrations.ownOf(context.req.actor ?? null, ids)),
    );
    return loader.load(activityId);
  }
}

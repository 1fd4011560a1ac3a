import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination';
import { ActivityEntity, ActivityRegistrationEntity } from './activity.entity';
import { ActivityKind, ActivityStatus, RegistrationStatus } from './activity-status';

registerEnumType(ActivityKind, {
  name: 'ActivityKind',
  description: 'What kind of activity the alliance runs.',
  valuesMap: {
    FIELD_INVESTIGATION: { description: 'Member enterprises visit sites abroad to study needs on the ground.' },
    CONFERENCE: { description: 'A conference.' },
    EXHIBITION: { description: 'An exhibition of member enterprises’ technologies and equipment.' },
    SEMINAR: { description: 'A seminar or workshop.' },
    TRAINING_COURSE: { description: 'A technical training course.' },
    EQUIPMENT_HANDOVER: { description: 'The handover ceremony of donated equipment.' },
  },
});
registerEnumType(ActivityStatus, {
  name: 'ActivityStatus',
  description: 'Lifecycle of an activity: DRAFT → OPEN → CLOSED → HELD → REPORTED, or CANCELLED before it is held.',
  valuesMap: {
    DRAFT: { description: 'Being prepared; coordinators only.' },
    OPEN: { description: 'Published and open for registration until its deadline.' },
    CLOSED: { description: 'Registration closed (it may reopen); registrations can still be confirmed or cancelled.' },
    HELD: { description: 'It took place.' },
    REPORTED: { description: 'Its report is written.' },
    CANCELLED: { description: 'Called off; registered delegates were told.' },
  },
});
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Where a delegate’s registration stands.',
  valuesMap: {
    PENDING: { description: 'Holds a seat; a coordinator confirms it.' },
    CONFIRMED: { description: 'Confirmed by a coordinator.' },
    WAITLISTED: { description: 'No seat left: on the waiting list, moved up in order as seats free.' },
    CANCELLED: { description: 'Cancelled by its organisation or a coordinator, or with the activity.' },
    REFUSED: { description: 'Refused by a coordinator, with the reason.' },
  },
});

@ObjectType('Activity', {
  description: 'A field investigation, conference, exhibition, seminar, training course or equipment handover. Published ones are public.',
})
export class ActivityModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  programmeId: string | null;

  @Field(() => ActivityKind, { description: 'What kind of activity it is.' })
  kind: ActivityKind;

  @Field({ description: 'Title.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  titleZh: string | null;

  @Field({ description: 'What it is about, the programme of the days.' })
  description: string;

  countryCode: string;

  @Field(() => String, { nullable: true, description: 'City or site.' })
  city: string | null;

  hostCentreId: string | null;

  @Field({ description: 'When it starts.' })
  startsAt: Date;

  @Field({ description: 'When it ends.' })
  endsAt: Date;

  @Field({ description: 'IANA time zone of the venue (e.g. Asia/Colombo).' })
  timeZone: string;

  @Field(() => Int, { description: 'Seats for delegates.' })
  capacity: number;

  @Field({ description: 'Registrations close at this moment.' })
  registrationDeadline: Date;

  technologyCategoryCodes: string[];

  sdgTargetCodes: string[];

  @Field(() => ActivityStatus, { description: 'Where it stands.' })
  status: ActivityStatus;

  @Field(() => String, { nullable: true, description: 'What came of it (once REPORTED).' })
  report: string | null;

  @Field(() => Int, { description: 'Rises by one with every change.' })
  version: number;

  @Field({ description: 'When it was created.' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  updatedAt: Date;
}

export function toActivityModel(a: ActivityEntity): ActivityModel {
  return {
    id: a.id,
    programmeId: a.programmeId,
    kind: a.kind,
    title: a.title,
    titleZh: a.titleZh,
    description: a.description,
    countryCode: a.countryCode,
    city: a.city,
    hostCentreId: a.hostCentreId,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    timeZone: a.timeZone,
    capacity: a.capacity,
    registrationDeadline: a.registrationDeadline,
    technologyCategoryCodes: a.technologyCategories,
    sdgTargetCodes: a.sdgTargets,
    status: a.status,
    report: a.report,
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export const ActivityConnection = ConnectionType(ActivityModel, 'Activity');

@ObjectType('ActivityRegistration', {
  description: 'One delegate registered for an activity. Seen by the registering organisation and the secretariat.',
})
export class ActivityRegistrationModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  activityId: string;

  organizationId: string;

  @Field({ description: 'The delegate’s name.' })
  delegateName: string;

  @Field({ description: 'The delegate’s e-mail address (lower case).' })
  delegateEmail: string;

  @Field(() => String, { nullable: true, description: 'The delegate’s position.' })
  delegatePosition: string | null;

  @Field(() => RegistrationStatus, { description: 'Where the registration stands.' })
  status: RegistrationStatus;

  @Field(() => Int, { nullable: true, description: 'Place on the waiting list, 1 first; null unless WAITLISTED.' })
  waitingListPosition: number | null;

  @Field(() => String, { nullable: true, description: 'Why it was refused or cancelled, when a reason was given.' })
  reason: string | null;

  @Field(() => Int, { description: 'Rises by one with every change.' })
  version: number;

  @Field({ description: 'When the delegate was registered.' })
  createdAt: Date;

  @Field({ description: 'When the registration last changed.' })
  updatedAt: Date;
}

export function toRegistrationModel(r: ActivityRegistrationEntity, waitingListPosition: number | null = null): ActivityRegistrationModel {
  return {
    id: r.id,
    activityId: r.activityId,
    organizationId: r.organizationId,
    delegateName: r.delegateName,
    delegateEmail: r.delegateEmail,
    delegatePosition: r.delegatePosition,
    status: r.status,
    waitingListPosition: r.status === RegistrationStatus.WAITLISTED ? waitingListPosition : null,
    reason: r.reason,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export const ActivityRegistrationConnection = ConnectionType(ActivityRegistrationModel, 'ActivityRegistration');

@ObjectType('ActivitySeats', { description: 'How full an activity is.' })
export class ActivitySeatsModel {
  @Field(() => Int, { description: 'Seats held (PENDING and CONFIRMED registrations).' })
  taken: number;

  @Field(() => Int, { description: 'Of those, confirmed.' })
  confirmed: number;

  @Field(() => Int, { description: 'Seats still free.' })
  free: number;

  @Field(() => Int, { description: 'Delegates on the waiting list.' })
  waiting: number;
}

import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MatchExplanationModel } from '../matching/matching.model';
import { NeedModel } from '../needs/need.model';
import { OrganizationModel } from '../organizations/organization.model';
import { MeetingRequestStatus } from './meeting-status';
import { MeetingRequestEntity, MeetingSlotEntity } from './meeting.entity';

registerEnumType(MeetingRequestStatus, {
  name: 'MeetingRequestStatus',
  description: 'Where a request for a 1:1 meeting stands: REQUESTED → ACCEPTED or DECLINED; CANCELLED by either side.',
  valuesMap: {
    REQUESTED: { description: 'Sent; the invited delegate’s organisation answers.' },
    ACCEPTED: { description: 'Both sides want it: the scheduler gives it a slot and a table.' },
    DECLINED: { description: 'The invited side said no.' },
    CANCELLED: { description: 'Withdrawn by a side or the secretariat, or a delegate’s registration ended.' },
  },
});

@ObjectType('MeetingSlot', { description: 'A time slot for 1:1 meetings at an activity.' })
export class MeetingSlotModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'When it starts.' })
  startsAt: Date;

  @Field({ description: 'When it ends.' })
  endsAt: Date;
}

export const toSlotModel = (s: MeetingSlotEntity): MeetingSlotModel => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt });

@ObjectType('MeetingPlan', { description: 'An activity’s meeting slots and tables.' })
export class MeetingPlanModel {
  @Field(() => Int, { description: 'Tables in every slot.' })
  tables: number;

  @Field(() => [MeetingSlotModel], { description: 'The slots, in time order.' })
  slots: MeetingSlotModel[];
}

@ObjectType('MeetingParticipant', {
  description: 'A delegate as the people at the activity see them: name, position and organisation (no e-mail address).',
})
export class MeetingParticipantModel {
  @Field(() => ID, { description: 'The delegate’s registration.' })
  registrationId: string;

  @Field({ description: 'The delegate’s name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'The delegate’s position.' })
  position: string | null;

  organizationId: string;
}

@ObjectType('MeetingRequest', {
  description: 'A 1:1 meeting asked for at an activity, and where the scheduler placed it. Seen by both sides and the secretariat.',
})
export class MeetingRequestModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  activityId: string;

  @Field(() => MeetingParticipantModel, { description: 'Who asked.' })
  requester: MeetingParticipantModel;

  @Field(() => MeetingParticipantModel, { description: 'Who was asked.' })
  invitee: MeetingParticipantModel;

  @Field({ description: 'What the requester wants to talk about.' })
  message: string;

  @Field(() => MeetingRequestStatus, { description: 'Where it stands.' })
  status: MeetingRequestStatus;

  @Field(() => String, { nullable: true, description: 'Why it was declined or cancelled, when a reason was given.' })
  reason: string | null;

  @Field(() => MeetingSlotModel, { nullable: true, description: 'When it takes place, once scheduled.' })
  slot: MeetingSlotModel | null;

  @Field(() => Int, { nullable: true, description: 'At which table (1 first), once scheduled.' })
  tableNumber: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the last scheduling left this accepted request out: PARTICIPANT_UNAVAILABLE (no slot where both are there), NO_COMMON_FREE_SLOT (one of them meets someone else in every such slot), NO_TABLE_FREE (every table of such slots is taken).',
  })
  unplacedReason: string | null;

  @Field(() => Int, { description: 'Rises by one with every change.' })
  version: number;

  @Field({ description: 'When it was asked for.' })
  createdAt: Date;
}

export function toMeetingRequestModel(
  r: MeetingRequestEntity,
  participants: ReadonlyMap<string, MeetingParticipantModel>,
  slots: ReadonlyMap<string, MeetingSlotEntity>,
): MeetingRequestModel {
  const slot = r.slotId ? slots.get(r.slotId) : undefined;
  return {
    id: r.id,
    activityId: r.activityId,
    requester: participants.get(r.requesterId)!,
    invitee: participants.get(r.inviteeId)!,
    message: r.message,
    status: r.status,
    reason: r.reason,
    slot: slot ? toSlotModel(slot) : null,
    tableNumber: r.tableNumber,
    unplacedReason: r.unplacedReason,
    version: r.version,
    createdAt: r.createdAt,
  };
}

@ObjectType('MeetingScheduleResult', { description: 'What a scheduling run did.' })
export class MeetingScheduleResultModel {
  @Field(() => Int, { description: 'Accepted requests now placed.' })
  placed: number;

  @Field(() => Int, { description: 'Accepted requests the schedule could not place (each says why).' })
  unplaced: number;

  @Field(() => Int, { description: 'Of the placed, those that kept the slot and table they had.' })
  kept: number;

  @Field(() => Int, { description: 'A bound no schedule can exceed: how many of the accepted requests could be placed at most.' })
  upperBound: number;

  @Field(() => Int, { description: 'Requests cancelled by this run because a delegate’s registration is no longer confirmed.' })
  cancelled: number;
}

@ObjectType('MeetingSuggestion', {
  description:
    'An organisation at the activity worth meeting, ranked by the matching engine on one of the needs at stake, with the same explanation as a match.',
})
export class MeetingSuggestionModel {
  @Field(() => Int, { description: 'Position, 1 = best.' })
  rank: number;

  @Field(() => Float, { description: 'The match score of the pair (0 to 1).' })
  score: number;

  @Field(() => OrganizationModel, { description: 'The organisation to meet.' })
  organization: OrganizationModel;

  @Field(() => [MeetingParticipantModel], { description: 'Its confirmed delegates at the activity.' })
  delegates: MeetingParticipantModel[];

  @Field(() => NeedModel, { description: 'The need the meeting would be about.' })
  need: NeedModel;

  @Field(() => MatchExplanationModel, { description: 'Why: the factors and the evidence, as for a match.' })
  explanation: MatchExplanationModel;

  @Field({ description: 'Whether a live request already joins your delegate and one of theirs.' })
  alreadyRequested: boolean;
}

@ObjectType('MeetingAgendaEntry', { description: 'One meeting on a delegate’s agenda.' })
export class MeetingAgendaEntryModel {
  @Field(() => ID, { description: 'The meeting request.' })
  meetingRequestId: string;

  @Field({ description: 'When it starts.' })
  startsAt: Date;

  @Field({ description: 'When it ends.' })
  endsAt: Date;

  @Field(() => Int, { description: 'Table number.' })
  tableNumber: number;

  @Field(() => MeetingParticipantModel, { description: 'Whom the delegate meets.' })
  with: MeetingParticipantModel;

  @Field({ description: 'What the requester wanted to talk about.' })
  message: string;
}

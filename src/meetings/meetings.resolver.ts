import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../access/access.decorator';
import { Actor, Role } from '../access/actor';
import { REGISTERING_ROLES } from '../activities/registrations.service';
import {
  ActivityMeetingsArgs,
  AnswerMeetingRequestArgs,
  CancelMeetingRequestArgs,
  MeetingAgendaArgs,
  MeetingSuggestionsArgs,
  RequestMeetingInput,
  SetMeetingBreaksInput,
  SetMeetingPlanInput,
} from './dto/meeting.inputs';
import {
  MeetingAgendaEntryModel,
  MeetingPlanModel,
  MeetingRequestModel,
  MeetingScheduleResultModel,
  MeetingSlotModel,
  MeetingSuggestionModel,
  toSlotModel,
} from './meeting.model';
import { MeetingSuggestionsService } from './meeting-suggestions.service';
import { MeetingsService } from './meetings.service';

const MEMBERS_AND_STAFF = [Role.ENTERPRISE_MEMBER, Role.AGENCY_MEMBER, Role.COORDINATOR, Role.ADMIN] as const;

@Resolver()
export class MeetingsResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly suggestions: MeetingSuggestionsService,
  ) {}

  @Allow(...MEMBERS_AND_STAFF)
  @Query(() => MeetingPlanModel, { description: 'An activity’s meeting slots and tables.' })
  meetingPlan(@CurrentActor() actor: Actor, @Args() args: ActivityMeetingsArgs) {
    return this.meetings.plan(actor, args.activityId);
  }

  @Allow(...MEMBERS_AND_STAFF)
  @Query(() => [MeetingRequestModel], {
    description: 'An activity’s 1:1 meeting requests, oldest first: all for the secretariat, those involving your delegates for members.',
  })
  activityMeetings(@CurrentActor() actor: Actor, @Args() args: ActivityMeetingsArgs) {
    return this.meetings.list(actor, args.activityId);
  }

  @Allow(...MEMBERS_AND_STAFF)
  @Query(() => [MeetingAgendaEntryModel], {
    description:
      'A delegate’s scheduled meetings in time order (your organisation’s delegates; any for the secretariat). As a file: GET /meetings/agenda.ics?registration=<id>.',
  })
  async meetingAgenda(@CurrentActor() actor: Actor, @Args() args: MeetingAgendaArgs): Promise<MeetingAgendaEntryModel[]> {
    const { meetings } = await this.meetings.agenda(actor, args.registrationId);
    return meetings.map(({ request, slot, other }) => ({
      meetingRequestId: request.id,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      tableNumber: request.tableNumber!,
      with: other,
      message: request.message,
    }));
  }

  @Allow(...MEMBERS_AND_STAFF)
  @Query(() => [MeetingSlotModel], {
    description: 'The slots a delegate is away in (your organisation’s delegates; any for the secretariat).',
  })
  async meetingBreaks(@CurrentActor() actor: Actor, @Args() args: MeetingAgendaArgs): Promise<MeetingSlotModel[]> {
    return (await this.meetings.breaksOf(actor, args.registrationId)).map(toSlotModel);
  }

  @Allow(...MEMBERS_AND_STAFF)
  @Query(() => [MeetingSuggestionModel], {
    description:
      'Whom a confirmed delegate should meet at the activity: for an agency or joint centre, the enterprises there, ranked on its open needs; for an enterprise, the agencies and centres there, ranked on their open needs. With the match explanation.',
  })
  meetingSuggestions(@CurrentActor() actor: Actor, @Args() args: MeetingSuggestionsArgs) {
    return this.suggestions.suggest(actor, args.registrationId, args.first, args.language ?? actor.language);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => MeetingPlanModel, {
    description:
      'Set an activity’s meeting slots and tables (OPEN or CLOSED). Slots with unchanged times keep their meetings; meetings of removed slots or tables wait for the next scheduling. Coordinators.',
  })
  setMeetingPlan(@CurrentActor() actor: Actor, @Args('input', { description: 'Slots and tables.' }) input: SetMeetingPlanInput) {
    return this.meetings.setPlan(actor, input);
  }

  @Allow(...REGISTERING_ROLES)
  @Mutation(() => [MeetingSlotModel], {
    description: 'Set the slots a delegate of your organisation is away in (breaks, late arrival, early departure).',
  })
  async setMeetingBreaks(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The delegate and the slots.' }) input: SetMeetingBreaksInput,
  ): Promise<MeetingSlotModel[]> {
    return (await this.meetings.setBreaks(actor, input)).map(toSlotModel);
  }

  @Allow(...REGISTERING_ROLES)
  @Mutation(() => MeetingRequestModel, {
    description:
      'Ask for a 1:1 meeting between your confirmed delegate and a confirmed delegate of another organisation at the same activity.',
  })
  requestMeeting(@CurrentActor() actor: Actor, @Args('input', { description: 'Who meets whom.' }) input: RequestMeetingInput) {
    return this.meetings.request(actor, input);
  }

  @Allow(...REGISTERING_ROLES)
  @Mutation(() => MeetingRequestModel, {
    description:
      'Accept or decline a meeting request to your delegate (REQUESTED → ACCEPTED or DECLINED). A decline gives its reason (BAD_USER_INPUT on `reason` without one).',
  })
  answerMeetingRequest(@CurrentActor() actor: Actor, @Args() args: AnswerMeetingRequestArgs) {
    return this.meetings.answer(actor, args.id, args.accept, args.reason ?? null);
  }

  @Allow(...REGISTERING_ROLES)
  @Mutation(() => MeetingRequestModel, {
    description: 'Cancel a meeting request your delegate is part of (any, for coordinators); a scheduled meeting frees its place.',
  })
  cancelMeetingRequest(@CurrentActor() actor: Actor, @Args() args: CancelMeetingRequestArgs) {
    return this.meetings.cancel(actor, args.id, args.reason ?? null);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => MeetingScheduleResultModel, {
    description:
      'Place the accepted meeting requests in the slots and tables: nobody double-booked, breaks respected, as many meetings as possible; meetings already placed keep their place. Coordinators.',
  })
  scheduleMeetings(@CurrentActor() actor: Actor, @Args() args: ActivityMeetingsArgs) {
    return this.meetings.schedule(actor, args.activityId);
  }
}

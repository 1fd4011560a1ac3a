import { graphql, useFragment as unmask } from '../../../gql';
import type { ActivityMeetingRequestsQuery, MeetingParticipantPartsFragment } from '../../../gql/graphql';

/** A delegate as the other side sees them (name, position, organisation): in the requests and on the agenda. */
export const MEETING_PARTICIPANT = graphql(`
  fragment MeetingParticipantParts on MeetingParticipant {
    registrationId
    name
    position
    organization {
      id
      nameEn
      nameZh
    }
  }
`);

/**
 * An activity's meeting plan (tables, slots) and its meeting requests, as both the members' and the secretariat's
 * Meetings tabs read them (the API shows members those of their delegates, the secretariat all).
 */
export const ACTIVITY_MEETINGS = graphql(`
  query ActivityMeetingRequests($activityId: ID!) {
    meetingPlan(activityId: $activityId) {
      tables
      slots {
        id
        startsAt
        endsAt
      }
    }
    activityMeetings(activityId: $activityId) {
      id
      status
      message
      reason
      tableNumber
      unplacedReason
      version
      createdAt
      slot {
        id
        startsAt
        endsAt
      }
      requester {
        ...MeetingParticipantParts
      }
      invitee {
        ...MeetingParticipantParts
      }
    }
  }
`);

type RawRequest = ActivityMeetingRequestsQuery['activityMeetings'][number];
export type MeetingRequest = Omit<RawRequest, 'requester' | 'invitee'> & {
  requester: MeetingParticipantPartsFragment;
  invitee: MeetingParticipantPartsFragment;
};

/** The requests with both delegates read out of the fragment they were asked with. */
export const readRequests = (raw: RawRequest[]): MeetingRequest[] =>
  raw.map((r) => ({ ...r, requester: unmask(MEETING_PARTICIPANT, r.requester), invitee: unmask(MEETING_PARTICIPANT, r.invitee) }));

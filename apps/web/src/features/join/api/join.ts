import { graphql } from '../../../gql';

export const MeetingByJoinCodeQuery = graphql(`
  query MeetingByJoinCode($code: String!, $joinToken: String) {
    meetingByJoinCode(code: $code, joinToken: $joinToken) {
      admission
      meetingId
      title
      processTitle
      status
      location
      startsAt
    }
  }
`);

export const JoinMeetingMutation = graphql(`
  mutation JoinMeeting($input: JoinMeetingInput!) {
    joinMeeting(input: $input) {
      admission
      participant {
        id
        displayName
        kind
      }
    }
  }
`);

/** Where to go after joining: the meeting's process (read with the new session cookie). */
export const JoinedMeetingQuery = graphql(`
  query JoinedMeeting($id: ID!) {
    meeting(id: $id) {
      id
      processId
    }
  }
`);

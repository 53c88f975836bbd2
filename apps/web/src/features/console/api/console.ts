import { graphql } from '../../../gql';

export const ConsoleMeetingQuery = graphql(`
  query ConsoleMeeting($id: ID!) {
    meeting(id: $id) {
      id
      processId
      title
      status
      joinCode
      startsAt
      location
      currentItemId
      timerEndsAt
      startedAt
      endedAt
      agenda {
        id
        position
        title
        pillarId
        proposalIds
        plannedMinutes
      }
      admission
      guestsPerDevice
      attendanceBySector {
        sector
        count
        guests
        recentGuests
      }
      pendingGuests {
        participantId
        displayName
        organization
        sector
        joinedAt
      }
      attendanceCount
      attendance(first: 200) {
        participantId
        displayName
        organization
        sector
        guest
      }
    }
  }
`);

export const ConsoleProcessQuery = graphql(`
  query ConsoleProcess($id: ID!) {
    process(id: $id) {
      id
      title
      defaultRule
      defaultBallot
      myMembership {
        id
        role
      }
      members(first: 200) {
        id
        participantId
        sector
        organization
        participant {
          id
          displayName
        }
      }
    }
  }
`);

/** A comment as the facilitator moderates it (top level and first replies alike). */
export const ConsoleCommentFieldsFragment = graphql(`
  fragment ConsoleCommentFields on Comment {
    id
    stance
    body
    hidden
    hiddenReason
    authorSector
    createdAt
    author {
      id
      displayName
    }
  }
`);

export const ConsoleProposalQuery = graphql(`
  query ConsoleProposal($id: ID!) {
    proposal(id: $id) {
      id
      title
      status
      version
      currentRound {
        id
        rule
        threshold
        minSectors
        ballot
        status
        recordId
        turnout
      }
      tally {
        ...TallyFields
      }
      bridgingScore
      commentCount
      comments(first: 100) {
        ...ConsoleCommentFields
        replies {
          ...ConsoleCommentFields
        }
      }
    }
  }
`);

export const StartMeetingMutation = graphql(`
  mutation StartMeeting($meetingId: ID!) {
    startMeeting(meetingId: $meetingId) {
      id
      status
      joinCode
      startedAt
    }
  }
`);

export const EndMeetingMutation = graphql(`
  mutation EndMeeting($meetingId: ID!) {
    endMeeting(meetingId: $meetingId) {
      id
      status
      joinCode
      endedAt
    }
  }
`);

export const SetCurrentItemMutation = graphql(`
  mutation SetCurrentAgendaItem($meetingId: ID!, $itemId: ID!) {
    setCurrentAgendaItem(meetingId: $meetingId, itemId: $itemId) {
      id
      currentItemId
      timerEndsAt
    }
  }
`);

export const StartTimerMutation = graphql(`
  mutation StartTimer($meetingId: ID!, $minutes: Int!) {
    startTimer(meetingId: $meetingId, minutes: $minutes) {
      id
      timerEndsAt
    }
  }
`);

export const StopTimerMutation = graphql(`
  mutation StopTimer($meetingId: ID!) {
    stopTimer(meetingId: $meetingId) {
      id
      timerEndsAt
    }
  }
`);

export const OpenVotingMutation = graphql(`
  mutation OpenVoting($input: OpenVotingInput!) {
    openVoting(input: $input) {
      id
      status
    }
  }
`);

export const CloseVotingMutation = graphql(`
  mutation CloseVoting($proposalId: ID!) {
    closeVoting(proposalId: $proposalId) {
      id
      seq
      outcome
      hash
    }
  }
`);

export const CastProxyVoteMutation = graphql(`
  mutation CastProxyVote($input: CastProxyVoteInput!) {
    castProxyVote(input: $input) {
      id
      choice
      proxy
    }
  }
`);

export const HideCommentMutation = graphql(`
  mutation HideComment($commentId: ID!, $reason: String!) {
    hideComment(commentId: $commentId, reason: $reason) {
      id
      hidden
      hiddenReason
    }
  }
`);

export const CreateMeetingMutation = graphql(`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      id
    }
  }
`);

export const NewMeetingContextQuery = graphql(`
  query NewMeetingContext($id: ID!) {
    process(id: $id) {
      ...ProcessPillarsFields
      proposals(first: 200) {
        id
        pillarId
        title
        status
      }
    }
  }
`);

export const SetMeetingAdmissionMutation = graphql(`
  mutation SetMeetingAdmission($meetingId: ID!, $admission: Admission!, $guestsPerDevice: Int) {
    setMeetingAdmission(meetingId: $meetingId, admission: $admission, guestsPerDevice: $guestsPerDevice) {
      id
      admission
      guestsPerDevice
    }
  }
`);

export const AdmitGuestMutation = graphql(`
  mutation AdmitGuest($meetingId: ID!, $participantId: ID!) {
    admitGuest(meetingId: $meetingId, participantId: $participantId) {
      participantId
      admission
    }
  }
`);

export const DenyGuestMutation = graphql(`
  mutation DenyGuest($meetingId: ID!, $participantId: ID!) {
    denyGuest(meetingId: $meetingId, participantId: $participantId) {
      participantId
      admission
    }
  }
`);

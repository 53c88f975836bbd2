import { graphql } from '../../../gql';

export const ScreenMeetingQuery = graphql(`
  query ScreenMeeting($id: ID!) {
    meeting(id: $id) {
      id
      processId
      title
      status
      joinCode
      joinToken
      currentItemId
      timerEndsAt
      attendanceCount
      representation {
        sector
        count
        underRepresented
      }
      currentItem {
        id
        position
        title
        proposalIds
      }
    }
  }
`);

export const ScreenProcessQuery = graphql(`
  query ScreenProcess($id: ID!) {
    process(id: $id) {
      id
      title
      proposals(status: VOTING, first: 200) {
        id
      }
    }
  }
`);

export const ScreenProposalQuery = graphql(`
  query ScreenProposal($id: ID!) {
    proposal(id: $id) {
      id
      title
      status
      currentRound {
        id
        status
        rule
        ballot
        turnout
      }
      tally {
        ...TallyFields
      }
      bridgingScore
      # The newest few, hidden ones included (skipped on screen): enough to show the latest three.
      comments(first: 6, newestFirst: true) {
        id
        stance
        body
        hidden
        authorSector
        createdAt
        author {
          id
          displayName
        }
      }
    }
  }
`);

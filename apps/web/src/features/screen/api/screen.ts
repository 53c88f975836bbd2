import { graphql } from '../../../gql';

export const ScreenMeetingQuery = graphql(`
  query ScreenMeeting($id: ID!) {
    meeting(id: $id) {
      id
      processId
      title
      status
      joinCode
      currentItemId
      timerEndsAt
      attendanceCount
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
      }
      tally {
        agree
        disagree
        abstain
        block
        total
        bySector {
          sector
          agree
          disagree
          abstain
          block
          total
          mergedSectors
        }
      }
      bridgingScore
      comments(first: 200) {
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

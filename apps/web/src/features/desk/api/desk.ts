import { graphql } from '../../../gql';

export const DeskQuery = graphql(`
  query Desk($id: ID!) {
    process(id: $id) {
      id
      title
      myMembership {
        id
        role
      }
      records(first: 50) {
        id
        seq
        proposalTitle
        outcome
        decidedAt
        supersedesId
      }
      meetings(first: 50) {
        id
        title
        status
        startsAt
        endedAt
        minutes {
          id
          status
          summary
          contentHash
          finalizedAt
          updatedAt
        }
      }
    }
  }
`);

/** An action item as the desk lists it; a new one comes back in the same shape for the cache. */
export const ActionItemFieldsFragment = graphql(`
  fragment ActionItemFields on ActionItem {
    id
    title
    ownerOrganization
    ownerSector
    dueDate
    kpi
    status
  }
`);

/** One record in full: opened on demand, so the desk stays within the API's query budget. */
export const RecordDetailQuery = graphql(`
  query RecordDetail($id: ID!) {
    consensusRecord(id: $id) {
      id
      seq
      proposalId
      proposalTitle
      proposalVersion
      proposalHash
      rule
      ballot
      outcome
      decidedAt
      prevHash
      hash
      supersedesId
      correctionReason
      tally {
        ...TallyFields
      }
      reasons {
        code
        message
      }
      dissent(first: 100) {
        id
        kind
        sector
        choice
        stance
        text
        authorName
        response
        respondedAt
        respondedBy
      }
      actionItems(first: 100) {
        ...ActionItemFields
      }
    }
  }
`);

export const VerifyChainQuery = graphql(`
  query VerifyChain($processId: ID!) {
    verifyRecordChain(processId: $processId) {
      valid
      length
      brokenAt
      reason
    }
  }
`);

export const RespondToDissentMutation = graphql(`
  mutation RespondToDissent($input: RespondToDissentInput!) {
    respondToDissent(input: $input) {
      id
      response
      respondedAt
      respondedBy
    }
  }
`);

export const AddActionItemMutation = graphql(`
  mutation AddActionItem($input: AddActionItemInput!) {
    addActionItem(input: $input) {
      ...ActionItemFields
    }
  }
`);

export const UpdateActionItemMutation = graphql(`
  mutation UpdateActionItem($input: UpdateActionItemInput!) {
    updateActionItem(input: $input) {
      id
      status
    }
  }
`);

export const UpdateMinutesSummaryMutation = graphql(`
  mutation UpdateMinutesSummary($meetingId: ID!, $summary: String!) {
    updateMinutesSummary(meetingId: $meetingId, summary: $summary) {
      id
      status
      summary
      updatedAt
    }
  }
`);

export const FinalizeMinutesMutation = graphql(`
  mutation FinalizeMinutes($meetingId: ID!) {
    finalizeMinutes(meetingId: $meetingId) {
      id
      status
      contentHash
      finalizedAt
    }
  }
`);

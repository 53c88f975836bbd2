import { graphql } from '../../../gql';

// Three levels of a thread are shown (comment, reply, reply to a reply); deeper replies are
// counted, not fetched, which keeps the query within the API's depth and complexity limits.
export const CommentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id
    parentId
    stance
    body
    hidden
    hiddenReason
    authorSector
    proposalVersion
    createdAt
    replyCount
    author {
      id
      displayName
      organization
    }
  }
`);

/** A top-level comment with two levels of replies. */
export const CommentThreadFieldsFragment = graphql(`
  fragment CommentThreadFields on Comment {
    ...CommentFields
    replies {
      ...CommentFields
      replies {
        ...CommentFields
      }
    }
  }
`);

/** Pages after the first (50 top-level comments each), fetched on request. */
export const MoreCommentsQuery = graphql(`
  query MoreComments($id: ID!, $offset: Int!) {
    proposal(id: $id) {
      id
      comments(first: 50, offset: $offset) {
        ...CommentThreadFields
      }
    }
  }
`);

export const COMMENTS_PAGE = 50;

export const ProposalPageQuery = graphql(`
  query ProposalPage($id: ID!) {
    proposal(id: $id) {
      id
      processId
      pillarId
      title
      body
      status
      version
      createdAt
      updatedAt
      authorId
      authorSector
      author {
        id
        displayName
        organization
      }
      kpis {
        ...KpiFields
      }
      versions(first: 50) {
        version
        title
        note
        createdAt
      }
      commentCount
      comments(first: 50) {
        ...CommentThreadFields
      }
      currentRound {
        id
        rule
        threshold
        minSectors
        quorum
        ballot
        status
        proposalVersion
        openedAt
        turnout
      }
      tally {
        ...TallyFields
      }
      myVote {
        id
        choice
        reason
        updatedAt
      }
      bridgingScore
    }
  }
`);

export const ProposalContextQuery = graphql(`
  query ProposalContext($processId: ID!) {
    process(id: $processId) {
      id
      title
      myMembership {
        id
        role
        sector
      }
      pillars {
        id
        position
        title
        titleEn
      }
    }
  }
`);

export const VersionDiffQuery = graphql(`
  query VersionDiff($id: ID!, $from: Int!, $to: Int!) {
    proposal(id: $id) {
      id
      diff(from: $from, to: $to) {
        from
        to
        kpisChanged
        title {
          value
          added
          removed
        }
        body {
          value
          added
          removed
        }
      }
    }
  }
`);

export const AddCommentMutation = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      ...CommentFields
    }
  }
`);

export const CastVoteMutation = graphql(`
  mutation CastVote($input: CastVoteInput!) {
    castVote(input: $input) {
      id
      choice
      reason
      updatedAt
    }
  }
`);

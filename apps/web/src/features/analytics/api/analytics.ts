import { graphql } from '../../../gql';

/** Everything on the analytics page except the pillar-filtered matrix and the opinion groups. */
export const AnalyticsOverviewQuery = graphql(`
  query AnalyticsOverview($id: ID!) {
    process(id: $id) {
      ...ProcessPillarsFields
      proposals(first: 200) {
        id
        title
        pillarId
        status
      }
      bridgingRanking(first: 20) {
        proposalId
        score
        voters
      }
      dialogueIndex
      crossPillar {
        pillarId
        sector
        meanAgreeShare
        proposals
      }
      inclusion {
        participants
        youth {
          share
          count
          base
          suppressed
        }
        women {
          share
          count
          base
          suppressed
        }
      }
    }
  }
`);

export const AgreementMatrixQuery = graphql(`
  query AgreementMatrix($id: ID!, $pillarId: ID) {
    process(id: $id) {
      id
      agreementMatrix(pillarId: $pillarId) {
        proposalId
        pillarId
        sector
        agreeShare
        voters
        suppressed
      }
    }
  }
`);

/** One sector's share against its target; the targets mutation returns it for the cache too. */
export const SectorShareFieldsFragment = graphql(`
  fragment SectorShareFields on SectorShare {
    sector
    count
    share
    target
    underRepresented
  }
`);

// Members and voters side by side: one request, two readings of who is in the process.
export const RepresentationQuery = graphql(`
  query Representation($id: ID!) {
    process(id: $id) {
      id
      members: representation(basis: MEMBERS) {
        ...SectorShareFields
      }
      voters: representation(basis: VOTERS) {
        ...SectorShareFields
      }
    }
  }
`);

export const SectorWeightedQuery = graphql(`
  query SectorWeighted($id: ID!) {
    process(id: $id) {
      id
      proposals(first: 50) {
        id
        sectorWeighted {
          agreeShare
          rawAgreeShare
          sectors
        }
      }
    }
  }
`);

export const OpinionGroupsQuery = graphql(`
  query OpinionGroups($id: ID!) {
    process(id: $id) {
      id
      opinionGroups {
        id
        size
        sectors {
          sector
          count
        }
        agreement {
          proposalId
          agreeShare
          voters
        }
      }
      splitSectors {
        sector
        members
        largestGroupShare
      }
    }
  }
`);

export const SetRepresentationTargetsMutation = graphql(`
  mutation SetRepresentationTargets($input: SetRepresentationTargetsInput!) {
    setRepresentationTargets(input: $input) {
      ...SectorShareFields
    }
  }
`);

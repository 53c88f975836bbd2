import { graphql } from '../../../gql';

export const MyProcessesQuery = graphql(`
  query MyProcesses {
    processes(first: 100) {
      id
      title
      createdAt
      myMembership {
        id
        role
        sector
      }
    }
  }
`);

export const ProcessOverviewQuery = graphql(`
  query ProcessOverview($id: ID!) {
    process(id: $id) {
      id
      title
      description
      defaultRule
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
        proposalCount
      }
    }
  }
`);

export const PillarProposalsQuery = graphql(`
  query PillarProposals($processId: ID!, $pillarId: ID!) {
    process(id: $processId) {
      id
      proposals(pillarId: $pillarId, first: 200) {
        id
        title
        status
        version
        updatedAt
        authorSector
        author {
          id
          displayName
          organization
        }
        kpis {
          ...KpiFields
        }
      }
    }
  }
`);

export const ProcessMeetingsQuery = graphql(`
  query ProcessMeetings($id: ID!) {
    process(id: $id) {
      id
      meetings(first: 20) {
        id
        title
        status
        startsAt
        location
        joinCode
        currentItem {
          id
          title
          proposalIds
        }
      }
    }
  }
`);

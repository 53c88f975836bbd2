import { graphql } from '../../../gql';

export const NewProposalContextQuery = graphql(`
  query NewProposalContext($id: ID!) {
    process(id: $id) {
      id
      title
      myMembership {
        id
        role
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

export const CreateProposalMutation = graphql(`
  mutation CreateProposal($input: CreateProposalInput!) {
    createProposal(input: $input) {
      id
      processId
      pillarId
      title
      status
      version
    }
  }
`);

export const EditProposalQuery = graphql(`
  query EditProposal($id: ID!) {
    proposal(id: $id) {
      id
      processId
      authorId
      title
      body
      status
      version
      kpis {
        indicator
        baseline
        target
        deadline
      }
    }
  }
`);

export const AmendProposalMutation = graphql(`
  mutation AmendProposal($input: AmendProposalInput!) {
    amendProposal(input: $input) {
      id
      title
      body
      version
      status
    }
  }
`);

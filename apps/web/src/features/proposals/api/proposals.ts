import { graphql } from '../../../gql';

export const NewProposalContextQuery = graphql(`
  query NewProposalContext($id: ID!) {
    process(id: $id) {
      ...ProcessPillarsFields
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
        ...KpiFields
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

import { graphql } from '../../../gql';

export const MyInvitationsQuery = graphql(`
  query MyInvitations {
    myInvitations {
      id
      processId
      processTitle
      role
      sector
      organization
      invitedBy
      expiresAt
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($id: ID!) {
    acceptInvitation(invitationId: $id) {
      id
      processId
      role
      sector
    }
  }
`);

export const DeclineInvitationMutation = graphql(`
  mutation DeclineInvitation($id: ID!) {
    declineInvitation(invitationId: $id)
  }
`);

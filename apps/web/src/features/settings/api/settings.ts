import { graphql } from '../../../gql';

export const CreateProcessMutation = graphql(`
  mutation CreateProcess($input: CreateProcessInput!) {
    createProcess(input: $input) {
      id
      title
    }
  }
`);

export const ProcessSettingsQuery = graphql(`
  query ProcessSettings($id: ID!) {
    process(id: $id) {
      id
      title
      description
      defaultRule
      defaultBallot
      dissentNamed
      myMembership {
        id
        role
      }
      pillars {
        id
        key
        position
        title
        titleEn
        proposalCount
      }
      invitations {
        id
        email
        role
        sector
        organization
        expiresAt
      }
      members(first: 200) {
        id
        role
        sector
        organization
        participantId
        participant {
          id
          displayName
          email
          kind
        }
      }
    }
  }
`);

export const UpdateProcessMutation = graphql(`
  mutation UpdateProcess($input: UpdateProcessInput!) {
    updateProcess(input: $input) {
      id
      title
      description
      defaultRule
      defaultBallot
      dissentNamed
    }
  }
`);

export const AddPillarMutation = graphql(`
  mutation AddPillar($input: AddPillarInput!) {
    addPillar(input: $input) {
      id
      position
      title
      titleEn
    }
  }
`);

export const RenamePillarMutation = graphql(`
  mutation RenamePillar($input: RenamePillarInput!) {
    renamePillar(input: $input) {
      id
      title
      titleEn
    }
  }
`);

export const ReorderPillarsMutation = graphql(`
  mutation ReorderPillars($input: ReorderPillarsInput!) {
    reorderPillars(input: $input) {
      id
      position
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input)
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(invitationId: $id)
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($processId: ID!, $participantId: ID!) {
    removeMember(processId: $processId, participantId: $participantId)
  }
`);

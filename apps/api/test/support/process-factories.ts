import type { Role, Sector } from '@yoriai/domain';
import { Account, newAccount } from './factories';
import { GqlClient } from './graphql-client';

export interface TestProcess {
  id: string;
  pillarIds: string[];
  organizer: Account;
}

const CREATE_PROCESS = /* GraphQL */ `
  mutation CreateProcess($input: CreateProcessInput!) {
    createProcess(input: $input) { id pillars { id position } }
  }
`;
const INVITE_MEMBER = /* GraphQL */ `
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input)
  }
`;
const MY_INVITATIONS = /* GraphQL */ `
  query MyInvitations {
    myInvitations { id processId }
  }
`;
const ACCEPT_INVITATION = /* GraphQL */ `
  mutation AcceptInvitation($id: ID!) {
    acceptInvitation(invitationId: $id) { id role sector }
  }
`;

/** A process (with the five default pillars) organised by a new account. */
export async function newProcess(base: GqlClient, title = '北秋田市 地方創生2.0 地域ビジョン協議会'): Promise<TestProcess> {
  const organizer = await newAccount(base, '主催 一郎');
  const data = await organizer.client.ok<{ createProcess: { id: string; pillars: { id: string }[] } }>(CREATE_PROCESS, { input: { title } });
  return { id: data.createProcess.id, pillarIds: data.createProcess.pillars.map((p) => p.id), organizer };
}

/** Invites the account into the process, and the account accepts (as a person would). */
export async function joinByInvitation(process: TestProcess, account: Account, role: Role, sector: Sector, organization?: string): Promise<void> {
  await process.organizer.client.ok(INVITE_MEMBER, { input: { processId: process.id, email: account.email, role, sector, organization } });
  const { myInvitations } = await account.client.ok<{ myInvitations: { id: string; processId: string }[] }>(MY_INVITATIONS);
  const invitation = myInvitations.find((i) => i.processId === process.id);
  if (!invitation) throw new Error(`no invitation to ${process.id} for ${account.email}`);
  await account.client.ok(ACCEPT_INVITATION, { id: invitation.id });
}

/** A new account made a member of the process with the given role and sector (invited, and accepted). */
export async function newMember(base: GqlClient, process: TestProcess, role: Role, sector: Sector, displayName?: string): Promise<Account> {
  const account = await newAccount(base, displayName);
  await joinByInvitation(process, account, role, sector);
  return account;
}

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
const ADD_MEMBER = /* GraphQL */ `
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) { id role sector }
  }
`;

/** A process (with the five default pillars) organised by a new account. */
export async function newProcess(base: GqlClient, title = '北秋田市 地方創生2.0 地域ビジョン協議会'): Promise<TestProcess> {
  const organizer = await newAccount(base, '主催 一郎');
  const data = await organizer.client.ok<{ createProcess: { id: string; pillars: { id: string }[] } }>(CREATE_PROCESS, { input: { title } });
  return { id: data.createProcess.id, pillarIds: data.createProcess.pillars.map((p) => p.id), organizer };
}

/** A new account made a member of the process with the given role and sector. */
export async function newMember(base: GqlClient, process: TestProcess, role: Role, sector: Sector, displayName?: string): Promise<Account> {
  const account = await newAccount(base, displayName);
  await process.organizer.client.ok(ADD_MEMBER, { input: { processId: process.id, participantId: account.id, role, sector } });
  return account;
}

import { randomUUID } from 'node:crypto';
import { GqlClient } from './graphql-client';

const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { token participant { id displayName } }
  }
`;

export interface Account {
  id: string;
  email: string;
  displayName: string;
  client: GqlClient;
}

/** A new account with a unique email, and a client signed in as it. */
export async function newAccount(base: GqlClient, displayName = `テスト利用者 ${randomUUID().slice(0, 6)}`): Promise<Account> {
  const email = `u-${randomUUID()}@example.test`;
  const data = await base.ok<{ signUp: { token: string; participant: { id: string } } }>(SIGN_UP, {
    input: { email, password: 'correct horse battery staple', displayName },
  });
  return { id: data.signUp.participant.id, email, displayName, client: base.withToken(data.signUp.token) };
}

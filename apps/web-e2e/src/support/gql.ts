/** GraphQL over real HTTP, for setting up data the way any API client would. */
export class Gql {
  constructor(
    private readonly url: string,
    private readonly token?: string,
  ) {}

  as(token: string): Gql {
    return new Gql(this.url, token);
  }

  async run<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length || !body.data) {
      throw new Error(`GraphQL ${JSON.stringify(body.errors)} for ${query.slice(0, 80)}`);
    }
    return body.data;
  }
}

export interface Account {
  id: string;
  token: string;
  email: string;
  password: string;
  name: string;
}

let counter = 0;

export async function newAccount(gql: Gql, name: string): Promise<Account> {
  counter += 1;
  const email = `web-e2e-${Date.now()}-${counter}@example.test`;
  const password = 'correct horse battery staple';
  const r = await gql.run<{ signUp: { token: string; participant: { id: string } } }>(
    'mutation($i: SignUpInput!) { signUp(input: $i) { token participant { id } } }',
    { i: { email, password, displayName: name } },
  );
  return { id: r.signUp.participant.id, token: r.signUp.token, email, password, name };
}

/** Invites the account into the process as the organiser, and the account accepts (nobody is added silently). */
export async function inviteAndAccept(gql: Gql, organiser: Account, account: Account, input: { processId: string; role: string; sector: string; organization?: string }): Promise<void> {
  await gql.as(organiser.token).run('mutation($i: InviteMemberInput!) { inviteMember(input: $i) }', { i: { ...input, email: account.email } });
  const { myInvitations } = await gql.as(account.token).run<{ myInvitations: { id: string; processId: string }[] }>('{ myInvitations { id processId } }');
  const invitation = myInvitations.find((i) => i.processId === input.processId);
  if (!invitation) throw new Error(`no invitation for ${account.email}`);
  await gql.as(account.token).run('mutation($id: ID!) { acceptInvitation(invitationId: $id) { id } }', { id: invitation.id });
}

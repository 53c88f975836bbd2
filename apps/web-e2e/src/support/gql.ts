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

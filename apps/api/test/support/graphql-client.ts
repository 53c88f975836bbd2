export interface GqlError {
  message: string;
  extensions?: { code?: string; reason?: string; details?: unknown };
}

export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: GqlError[];
}

/** A minimal GraphQL-over-HTTP client: tests go through real HTTP like any API client. */
export class GqlClient {
  token?: string;

  constructor(
    readonly baseUrl: string,
    readonly lang: 'ja' | 'en' = 'ja',
  ) {}

  withToken(token: string): GqlClient {
    const c = new GqlClient(this.baseUrl, this.lang);
    c.token = token;
    return c;
  }

  async raw<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': this.lang,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: { data?: T; errors?: GqlError[] };
    try {
      body = JSON.parse(text) as { data?: T; errors?: GqlError[] };
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: res.status, data: body.data ?? undefined, errors: body.errors };
  }

  /** Runs an operation that must succeed; throws with the GraphQL errors otherwise. */
  async ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.raw<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL failed (${r.status}): ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  /** Runs an operation that must fail; returns its first error. */
  async fail(query: string, variables?: Record<string, unknown>): Promise<GqlError> {
    const r = await this.raw(query, variables);
    if (!r.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
    return r.errors[0];
  }
}

import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getComplexity, fieldExtensionsEstimator, simpleEstimator } from 'graphql-query-complexity';
import {
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { aliasLimitRule, depthLimitRule, QUERY_LIMITS } from '../../src/common/graphql/query-limits';
import type { RunningServer } from '../../src/server';
import { newAccount } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { newProcess, type TestProcess } from '../support/process-factories';
import { newComment, newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

/** `replies { … }` nested n times inside proposal → comments: depth 2 + n + 1 (the id leaf). */
function nestedReplies(n: number): string {
  let inner = 'id';
  for (let i = 0; i < n; i++) inner = `replies(first: 1) { ${inner} }`;
  return `query($id: ID!) { proposal(id: $id) { comments(first: 1) { ${inner} } } }`;
}

/** Every operation the web app sends: the keys of the generated document map (apps/web/src/gql/gql.ts). */
function webOperations(): string[] {
  const file = readFileSync(path.join(__dirname, '../../../web/src/gql/gql.ts'), 'utf8');
  const map = file.slice(file.indexOf('const documents: Documents = {'));
  return [...map.slice(0, map.indexOf('\n};')).matchAll(/^\s+("(?:[^"\\]|\\.)*"): types\.\w+,?$/gm)].map((m) => JSON.parse(m[1]) as string);
}

/** A value of the given input type that coerces (required fields filled), for estimating a real operation's cost. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sampleValue(f.type)]));
  }
  return ({ Int: 1, Float: 1, Boolean: true, ID: '00000000-0000-4000-8000-000000000000', DateTime: '2026-01-01T00:00:00.000Z' } as Record<string, unknown>)[type.name] ?? 'x';
}

interface HttpAnswer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string; reason?: string; stacktrace?: unknown } }[] } | string;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<HttpAnswer> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as HttpAnswer['body'] };
  } catch {
    return { status: res.status, body: text };
  }
}

describe('GraphQL abuse is refused before execution, with typed errors', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  let proposalId: string;

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon, '制限テストの協議会');
    proposalId = (await newProposal(p.organizer.client, p)).id;
    await newComment(p.organizer.client, proposalId, { body: '最初のコメント' });
  });
  afterAll(() => server.close());

  it('accepts a query at the depth limit (12) and refuses one level deeper with QUERY_TOO_DEEP', async () => {
    const atLimit = await p.organizer.client.raw(nestedReplies(9), { id: proposalId });
    expect(atLimit.errors).toBeUndefined();
    const tooDeep = await p.organizer.client.raw(nestedReplies(10), { id: proposalId });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.data).toBeUndefined();
    expect(tooDeep.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_DEEP' });
    expect(tooDeep.errors?.[0].message).toMatch(/depth 13 exceeds the limit of 12/);
    // Fragments do not hide depth.
    const viaFragments = await p.organizer.client.raw(
      `query($id: ID!) { proposal(id: $id) { comments(first: 1) { ...A } } }
       fragment A on Comment { replies(first: 1) { ...B } } fragment B on Comment { replies(first: 1) { ...C } }
       fragment C on Comment { replies(first: 1) { ...D } } fragment D on Comment { replies(first: 1) { ...E } }
       fragment E on Comment { replies(first: 1) { ...F } } fragment F on Comment { replies(first: 1) { ...G } }
       fragment G on Comment { replies(first: 1) { ...H } } fragment H on Comment { replies(first: 1) { ...I } }
       fragment I on Comment { replies(first: 1) { ...J } } fragment J on Comment { replies(first: 1) { id } }`,
      { id: proposalId },
    );
    expect(viaFragments.errors?.[0].extensions?.reason).toBe('QUERY_TOO_DEEP');
  });

  it('refuses alias abuse (the same expensive field many times) with TOO_MANY_ALIASES', async () => {
    const copies = (n: number) => `query($id: ID!) { ${Array.from({ length: n }, (_, i) => `a${i}: verifyRecordChain(processId: $id) { valid }`).join(' ')} }`;
    expect((await p.organizer.client.raw(copies(15), { id: p.id })).errors).toBeUndefined();
    const abuse = await p.organizer.client.raw(copies(16), { id: p.id });
    expect(abuse.data).toBeUndefined();
    expect(abuse.errors).toHaveLength(1);
    expect(abuse.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ALIASES' });
    // Aliased mutations: not one of them runs.
    const before = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM comment WHERE proposal_id = $1', [proposalId]);
    const mutations = `mutation { ${Array.from({ length: 40 }, (_, i) => `c${i}: addComment(input: { proposalId: "${proposalId}", stance: SUPPORT, body: "連投 ${i}" }) { id }`).join(' ')} }`;
    const spam = await p.organizer.client.raw(mutations);
    expect(spam.errors?.[0].extensions?.reason).toBe('TOO_MANY_ALIASES');
    expect(await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM comment WHERE proposal_id = $1', [proposalId])).toEqual(before);
  });

  it('refuses queries whose estimated cost is too high (QUERY_TOO_COMPLEX), whether page sizes are literals or variables', async () => {
    const wide = `query($id: ID!) { process(id: $id) { proposals(first: 200) { comments(first: 200) { replies(first: 200) { id body } } } } }`;
    const literal = await p.organizer.client.raw(wide, { id: p.id });
    expect(literal.data).toBeUndefined();
    expect(literal.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' });
    // The same query with its page sizes in variables must not slip past the estimate.
    const viaVariables = await p.organizer.client.raw(
      'query($id: ID!, $n: Int) { process(id: $id) { proposals(first: $n) { comments(first: $n) { replies(first: $n) { id body } } } } }',
      { id: p.id, n: 200 },
    );
    expect(viaVariables.data).toBeUndefined();
    expect(viaVariables.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' });
    // A normal page is fine.
    const normal = await p.organizer.client.raw('query($id: ID!, $n: Int) { process(id: $id) { proposals(first: $n) { id title comments(first: 50) { id } } } }', { id: p.id, n: 20 });
    expect(normal.errors).toBeUndefined();
  });

  it('refuses page sizes outside 1–200', async () => {
    for (const first of [0, 201, -1, 100000]) {
      const r = await p.organizer.client.raw('query($id: ID!, $n: Int) { process(id: $id) { proposals(first: $n) { id } } }', { id: p.id, n: first });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses batched requests (an array of operations) instead of running them', async () => {
    const acct = await newAccount(anon);
    const batch = JSON.stringify(Array.from({ length: 20 }, () => ({ query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }', variables: { e: acct.email, p: 'guess-password-1' } })));
    const res = await post(server.url, batch, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/batch/i);
    expect(JSON.stringify(res.body)).not.toContain('"token"');
  });

  it('refuses bodies over 256 KB with 413 and a typed error, and accepts a 20,000-character proposal', async () => {
    const huge = JSON.stringify({ query: 'mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', variables: { i: { proposalId, stance: 'SUPPORT', body: 'あ'.repeat(100_000) } } });
    expect(Buffer.byteLength(huge)).toBeGreaterThan(256 * 1024);
    const res = await post(server.url, huge, { 'content-type': 'application/json', authorization: `Bearer ${p.organizer.client.token}` });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE' } }] });
    const largest = await p.organizer.client.raw('mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }', {
      i: { processId: p.id, pillarId: p.pillarIds[0], title: '長い提案', body: '\\"改行\n'.repeat(4000).slice(0, 20_000) },
    });
    expect(largest.errors).toBeUndefined();
  });

  it('lets every operation of the web app through the same limits (depth, aliases, complexity)', () => {
    const schema: GraphQLSchema = server.app.get(GraphQLSchemaHost).schema;
    const operations = webOperations();
    expect(operations.length).toBeGreaterThan(20);
    const tooComplex: { operation: string; complexity: number }[] = [];
    for (const source of operations) {
      const doc = parse(source);
      expect({ source, errors: validate(schema, doc, [depthLimitRule(QUERY_LIMITS.maxDepth), aliasLimitRule(QUERY_LIMITS.maxAliases)]).map((e) => e.message) }).toEqual({ source, errors: [] });
      const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const variables = Object.fromEntries(
        (op?.variableDefinitions ?? []).filter((v) => v.type.kind === Kind.NON_NULL_TYPE).map((v) => [v.variable.name.value, sampleValue(typeFromAST(schema, v.type as never) as GraphQLInputType)]),
      );
      const complexity = getComplexity({ schema, query: doc, variables, estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })] });
      if (complexity > QUERY_LIMITS.maxComplexity) tooComplex.push({ operation: op?.name?.value ?? source, complexity });
    }
    expect(tooComplex).toEqual([]);
  });

  it('answers malformed JSON and non-GraphQL bodies with a typed 400, never a stack trace', async () => {
    for (const body of ['{"query": ', 'null', '"just a string"', '{"query": 42}', '{}']) {
      const res = await post(server.url, body, { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+|stacktrace/);
    }
    const syntax = await anon.raw('query { me { id ');
    expect(syntax.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('CSRF: a cookie session cannot be used by a cross-site form or link', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  let cookie: string;
  let proposalId: string;
  const comments = () => sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM comment WHERE proposal_id = $1', [proposalId]).then((r) => r[0].n);
  const mutation = () => `mutation { addComment(input: { proposalId: "${proposalId}", stance: SUPPORT, body: "CSRF で書かれたコメント" }) { id } }`;

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon);
    proposalId = (await newProposal(p.organizer.client, p)).id;
    // Sign in through the API like the web app does, keeping only the session cookie (no bearer token).
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }', variables: { e: p.organizer.email, p: 'correct horse battery staple' } }),
    });
    cookie = (res.headers.getSetCookie().find((c) => c.startsWith('yoriai_session=')) ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^yoriai_session=/);
  });
  afterAll(() => server.close());

  it('the cookie alone works for the web app (JSON POST)', async () => {
    const res = await post(server.url, JSON.stringify({ query: 'query { me { id } }' }), { 'content-type': 'application/json', cookie });
    expect(res.body).toMatchObject({ data: { me: { id: p.organizer.id } } });
  });

  it.each([
    ['text/plain', (q: string) => JSON.stringify({ query: q })],
    ['application/x-www-form-urlencoded', (q: string) => `query=${encodeURIComponent(q)}`],
    ['multipart/form-data; boundary=x', (q: string) => `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${q}\r\n--x--\r\n`],
  ])('refuses a "simple" cross-site POST with content-type %s and writes nothing', async (contentType, encode) => {
    const before = await comments();
    const res = await post(server.url, encode(mutation()), { 'content-type': contentType, cookie, origin: 'https://evil.example' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/CSRF|preflight|content-type/i);
    expect(await comments()).toBe(before);
  });

  it('refuses a mutation sent as GET (a link or <img>), with or without a preflight header, and writes nothing', async () => {
    const before = await comments();
    const plain = await fetch(`${server.url}/graphql?query=${encodeURIComponent(mutation())}`, { headers: { cookie } });
    expect(plain.status).toBeGreaterThanOrEqual(400);
    const withHeader = await fetch(`${server.url}/graphql?query=${encodeURIComponent(mutation())}`, { headers: { cookie, 'apollo-require-preflight': 'true' } });
    expect(withHeader.status).toBe(405);
    expect(await comments()).toBe(before);
  });

  it('refuses a GET query without a preflight header (no cross-site reads through the cookie)', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { id email } }')}`, { headers: { cookie } });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain(p.organizer.email);
  });

  it('sets the session cookie httpOnly and SameSite=Lax, and signOut clears it', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: 'mutation { signOut }' }) });
    expect(res.headers.get('set-cookie')).toMatch(/yoriai_session=;.*Expires=Thu, 01 Jan 1970/i);
  });
});

describe('in production (NODE_ENV=production)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ isProduction: true, nodeEnv: 'production' });
  });
  afterAll(() => server.close());

  it('turns introspection off (__schema and __type), as a typed error', async () => {
    const anon = new GqlClient(server.url);
    for (const q of ['{ __schema { types { name } } }', '{ __type(name: "Vote") { fields { name } } }', 'query IntrospectionQuery { __schema { queryType { name } } }']) {
      const r = await anon.raw(q);
      expect(r.data).toBeUndefined();
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(/introspection/i);
    }
    // __typename is not introspection: clients rely on it.
    expect((await anon.raw('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('serves no GraphQL sandbox or landing page, and sends security headers', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(html).not.toMatch(/sandbox|apollographql\.com|<script/i);
    const api = await fetch(`${server.url}/healthz`);
    expect(api.headers.get('x-powered-by')).toBeNull();
    expect(api.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never sends stack traces, even for errors the server did not expect', async () => {
    const anon = new GqlClient(server.url);
    const answers = await Promise.all([anon.raw('query { me { id '), anon.raw('{ proposal(id: "not-a-uuid") { id } }'), anon.raw('{ nope }')]);
    for (const a of answers) {
      expect(a.errors?.length).toBeGreaterThan(0);
      for (const e of a.errors ?? []) expect(e.extensions).not.toHaveProperty('stacktrace');
    }
  });
});

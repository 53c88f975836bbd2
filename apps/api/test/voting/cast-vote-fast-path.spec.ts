import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../src/common/auth/viewer';
import type { TokenService } from '../../src/common/auth/token.service';
import { castVoteFastPath, castVoteInput, castVoteShape } from '../../src/modules/voting/cast-vote.fast-path';
import type { VoteModel } from '../../src/modules/voting/voting.model';
import type { RunningServer } from '../../src/server';
import { GqlClient, type GqlResponse } from '../support/graphql-client';
import { newAccount, type Account } from '../support/factories';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { newProposal } from '../support/proposal-factories';
import { closeVoting, openVoting } from '../support/voting-factories';
import { startTestServer } from '../support/test-app';

const FIELDS = 'id proposalId roundId choice reason sector proxy updatedAt __typename';
/** Answered by the lean path (a castVote-only document of Vote's plain fields). */
const LEAN = `mutation Cast($i: CastVoteInput!) { castVote(input: $i) { ${FIELDS} } }`;
/** The same fields through Apollo (an inline fragment is not the lean path's shape). */
const APOLLO = `mutation Cast($i: CastVoteInput!) { castVote(input: $i) { ... on Vote { ${FIELDS} } } }`;

describe('castVoteShape: only the plain castVote document is recognised', () => {
  it.each([
    ['the usual document', 'mutation($i: CastVoteInput!) { castVote(input: $i) { id } }', true],
    ['a named one with every plain field', LEAN, true],
    ['an alias of the mutation', 'mutation($i: CastVoteInput!) { v: castVote(input: $i) { id choice } }', true],
    ['Vote.participant (a resolved field)', 'mutation($i: CastVoteInput!) { castVote(input: $i) { id participant { id } } }', false],
    ['an inline fragment', APOLLO, false],
    ['an alias inside', 'mutation($i: CastVoteInput!) { castVote(input: $i) { a: id } }', false],
    ['a directive', 'mutation($i: CastVoteInput!, $s: Boolean!) { castVote(input: $i) @skip(if: $s) { id } }', false],
    ['inline input', 'mutation { castVote(input: { proposalId: "x", choice: AGREE }) { id } }', false],
    ['a nullable variable', 'mutation($i: CastVoteInput) { castVote(input: $i) { id } }', false],
    ['two mutations', 'mutation($i: CastVoteInput!) { castVote(input: $i) { id } b: castVote(input: $i) { id } }', false],
    ['two operations', 'mutation A($i: CastVoteInput!) { castVote(input: $i) { id } } query B { __typename }', false],
    ['a query', 'query($i: CastVoteInput!) { castVote(input: $i) { id } }', false],
    ['another mutation', 'mutation($i: CastProxyVoteInput!) { castProxyVote(input: $i) { id } }', false],
    ['a syntax error', 'mutation($i: CastVoteInput!) { castVote(input: $i) { id }', false],
    ['an unknown field', 'mutation($i: CastVoteInput!) { castVote(input: $i) { id secret } }', false],
  ])('%s', (_, query, recognised) => {
    expect(castVoteShape(query) !== null).toBe(recognised);
  });

  it('accepts only input that coercion and validation would accept', () => {
    const ok = { proposalId: randomUUID(), choice: 'AGREE' };
    expect(castVoteInput({ i: ok }, 'i')).toEqual({ ...ok, reason: null, clientRequestId: null });
    expect(castVoteInput({ i: { ...ok, reason: '理由', clientRequestId: 'abc-1' } }, 'i')).toMatchObject({ reason: '理由', clientRequestId: 'abc-1' });
    for (const bad of [
      { ...ok, proposalId: 'not-a-uuid' },
      { ...ok, choice: 'MAYBE' },
      { ...ok, reason: 'x'.repeat(2001) },
      { ...ok, reason: 'a\u0000b' },
      { ...ok, reason: 5 },
      { ...ok, clientRequestId: '' },
      { ...ok, clientRequestId: 'x'.repeat(65) },
      { ...ok, clientRequestId: 'a b' },
      { ...ok, extra: 1 },
      { choice: 'AGREE' },
    ]) {
      expect(castVoteInput({ i: bad }, 'i')).toBeNull();
    }
    expect(castVoteInput({ i: ok, other: 1 }, 'i')).toBeNull();
    expect(castVoteInput(undefined, 'i')).toBeNull();
  });

  it('the middleware answers a recognised request itself and passes everything else on', async () => {
    const viewer: Viewer = { participantId: randomUUID(), kind: 'ACCOUNT', scopeProcessId: null, sessionId: randomUUID() };
    const vote: VoteModel = { id: randomUUID(), proposalId: randomUUID(), roundId: randomUUID(), choice: 'AGREE', reason: null, sector: 'MEDIA', proxy: false, updatedAt: new Date(0), participantId: viewer.participantId, ballot: 'OPEN' };
    const castVote = jest.fn(async () => vote);
    const handler = castVoteFastPath({ tokens: { authenticate: async () => viewer } as unknown as TokenService, votes: { castVote } });
    const run = (body: unknown, headers: Record<string, string> = {}) =>
      new Promise<{ passed: boolean; json?: unknown }>((resolve) => {
        const req = { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', authorization: 'Bearer t', ...headers }, body, cookies: {}, accepts: () => 'application/json' } as unknown as Request;
        const res = { headersSent: false, writeHead: () => res, end: (json: string) => resolve({ passed: false, json: JSON.parse(json) as unknown }) } as unknown as Response;
        handler(req, res, (() => resolve({ passed: true })) as NextFunction);
      });
    const variables = { i: { proposalId: vote.proposalId, choice: 'AGREE' } };
    expect(await run({ query: 'mutation($i: CastVoteInput!) { castVote(input: $i) { id updatedAt } }', variables })).toEqual({
      passed: false,
      json: { data: { castVote: { id: vote.id, updatedAt: new Date(0).toISOString() } } },
    });
    expect(castVote).toHaveBeenCalledWith(viewer, { proposalId: vote.proposalId, choice: 'AGREE', reason: null, clientRequestId: null });
    expect(await run({ query: APOLLO, variables })).toEqual({ passed: true });
    expect(await run({ query: LEAN, variables }, { 'content-type': 'text/plain' })).toEqual({ passed: true });
    expect(await run({ query: LEAN, variables }, { authorization: '' })).toEqual({ passed: true });
    expect(await run({ query: LEAN, variables, operationName: 'Other' })).toEqual({ passed: true });
    expect(await run({ query: LEAN, variables: { i: { ...variables.i, choice: 'NO' } } })).toEqual({ passed: true });
    expect(castVote).toHaveBeenCalledTimes(1);
  });
});

describe('castVote lean path: the same answers as Apollo', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  let voter: Account;

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon, '近道 協議会');
    voter = await newMember(anon, p, 'PARTICIPANT', 'ACADEMIA', '近道 投票者');
  }, 60_000);
  afterAll(() => server.close());

  /** Both paths' answers for one situation; the vote's own values (ids, times) differ by request. */
  async function both(client: GqlClient, input: (path: 'lean' | 'apollo') => Record<string, unknown>): Promise<[GqlResponse<unknown>, GqlResponse<unknown>]> {
    const lean = await client.raw(LEAN, { i: input('lean') });
    const apollo = await client.raw(APOLLO, { i: input('apollo') });
    return [lean, apollo];
  }
  const errorsOf = (r: GqlResponse<unknown>) => ({ status: r.status, data: r.data ?? null, errors: r.errors?.map((e) => ({ message: e.message, extensions: e.extensions, path: (e as { path?: unknown }).path })) });

  it('a vote: the same fields, stored once per request', async () => {
    const proposal = await newProposal(p.organizer.client, p);
    const round = await openVoting(p.organizer.client, proposal.id);
    const [lean, apollo] = await both(voter.client, () => ({ proposalId: proposal.id, choice: 'DISAGREE', reason: '費用', clientRequestId: randomUUID() }));
    expect(lean.errors).toBeUndefined();
    const a = (apollo.data as { castVote: Record<string, unknown> }).castVote;
    const l = (lean.data as { castVote: Record<string, unknown> }).castVote;
    expect(Object.keys(l)).toEqual(Object.keys(a));
    expect({ ...l, updatedAt: typeof l.updatedAt }).toEqual({ ...a, updatedAt: typeof a.updatedAt });
    expect(l).toMatchObject({ roundId: round.id, choice: 'DISAGREE', reason: '費用', sector: 'ACADEMIA', proxy: false, __typename: 'Vote' });
    expect(new Date(l.updatedAt as string).toISOString()).toBe(l.updatedAt);
  });

  it('refusals: no open round, closed, not a member, reused clientRequestId, invalid input, bad token — in both languages', async () => {
    const proposal = await newProposal(p.organizer.client, p);
    const stranger = await newAccount(anon);
    const cases: Array<[string, GqlClient, (path: 'lean' | 'apollo') => Record<string, unknown>]> = [
      ['no open round', voter.client, () => ({ proposalId: proposal.id, choice: 'AGREE' })],
      ['no such proposal', voter.client, () => ({ proposalId: randomUUID(), choice: 'AGREE' })],
      ['not a member', stranger.client, () => ({ proposalId: proposal.id, choice: 'AGREE' })],
      ['invalid input', voter.client, () => ({ proposalId: proposal.id, choice: 'AGREE', clientRequestId: 'a b' })],
      ['bad token', anon.withToken('not-a-token'), () => ({ proposalId: proposal.id, choice: 'AGREE' })],
      ['no token', anon, () => ({ proposalId: proposal.id, choice: 'AGREE' })],
      ['English', new GqlClient(server.url, 'en').withToken(voter.client.token as string), () => ({ proposalId: proposal.id, choice: 'AGREE' })],
    ];
    for (const [what, client, input] of cases) {
      const [lean, apollo] = await both(client, input);
      expect({ what, ...errorsOf(lean) }).toEqual({ what, ...errorsOf(apollo) });
      expect(lean.errors?.length).toBe(1);
    }

    await openVoting(p.organizer.client, proposal.id);
    const crid = randomUUID();
    await voter.client.ok(LEAN, { i: { proposalId: proposal.id, choice: 'AGREE', clientRequestId: crid } });
    const [reusedLean, reusedApollo] = await both(voter.client, () => ({ proposalId: proposal.id, choice: 'BLOCK', clientRequestId: crid }));
    expect(errorsOf(reusedLean)).toEqual(errorsOf(reusedApollo));
    expect(reusedLean.errors?.[0].extensions).toMatchObject({ code: 'CLIENT_REQUEST_ID_REUSED' });

    await closeVoting(p.organizer.client, proposal.id);
    const [closedLean, closedApollo] = await both(voter.client, () => ({ proposalId: proposal.id, choice: 'AGREE' }));
    expect(errorsOf(closedLean)).toEqual(errorsOf(closedApollo));
    expect(closedLean.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VOTING_CLOSED' });
  });

  it('answers with the content type Apollo negotiates from Accept (none, the web client\'s, JSON only)', async () => {
    const proposal = await newProposal(p.organizer.client, p);
    await openVoting(p.organizer.client, proposal.id);
    for (const accept of [undefined, 'application/graphql-response+json,application/json;q=0.9', 'application/json', '*/*']) {
      const types: string[] = [];
      for (const query of [LEAN, APOLLO]) {
        const res = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${voter.client.token}`, ...(accept ? { accept } : {}) },
          body: JSON.stringify({ query, variables: { i: { proposalId: proposal.id, choice: 'AGREE', clientRequestId: randomUUID() } } }),
        });
        expect(res.status).toBe(200);
        types.push(String(res.headers.get('content-type')));
      }
      expect({ accept, lean: types[0] }).toEqual({ accept, lean: types[1] });
    }
  });

  it('a form post (not JSON) is still refused by the CSRF protection', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${voter.client.token}` },
      body: JSON.stringify({ query: LEAN, variables: { i: { proposalId: randomUUID(), choice: 'AGREE' } } }),
    });
    expect(res.status).toBe(400);
  });
});

import type { RunningServer } from '../../src/server';
import type { Account } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { forceProposalStatus, newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { CAST_VOTE, castVote, closeVoting, OPEN_VOTING, openVoting, PROPOSAL_VOTING, type TestRound } from '../support/voting-factories';

const CLOSE = 'mutation($id: ID!) { closeVoting(proposalId: $id) { id } }';

describe('opening and closing rounds: typed errors, and nothing written on refusal', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  let facilitator: Account;
  let participant: Account;

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon);
    facilitator = await newMember(anon, p, 'FACILITATOR', 'MEDIA');
    participant = await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY');
  });
  afterAll(() => server.close());

  /** Rows a refused request must not have touched. */
  const writes = (proposalId: string) =>
    sql<{ rounds: number; events: number; votes: number; audit: number; status: string; records: number }>(
      server.databaseUrl,
      `SELECT (SELECT count(*)::int FROM voting_round WHERE proposal_id = $1) AS rounds,
              (SELECT count(*)::int FROM vote_event e JOIN voting_round r ON r.id = e.round_id WHERE r.proposal_id = $1) AS events,
              (SELECT count(*)::int FROM vote v JOIN voting_round r ON r.id = v.round_id WHERE r.proposal_id = $1) AS votes,
              (SELECT count(*)::int FROM audit_log WHERE process_id = $2) AS audit,
              (SELECT status FROM proposal WHERE id = $1) AS status,
              (SELECT count(*)::int FROM consensus_record WHERE process_id = $2) AS records`,
      [proposalId, p.id],
    ).then((r) => r[0]);

  it('uses the process defaults, records the version, and refuses rule parameters with INVALID_RULE_PARAMS in Japanese and English', async () => {
    const proposal = await newProposal(participant.client, p);
    const before = await writes(proposal.id);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ rule: 'SUPERMAJORITY', threshold: 1.5 }, '基準（threshold）は 0 より大きく 1 以下の数で指定してください（1.5）', 'threshold must be a number in (0, 1], got 1.5'],
      [{ rule: 'CONSENSUS', threshold: 0 }, '基準（threshold）は 0 より大きく 1 以下の数で指定してください（0）', 'threshold must be a number in (0, 1], got 0'],
      [{ rule: 'MAJORITY', quorum: -1 }, '定足数（quorum）は 0 以上の整数で指定してください（-1）', 'quorum must be an integer ≥ 0, got -1'],
      [{ rule: 'CROSS_SECTOR', minSectors: 8 }, '最低分野数（minSectors）は 1 から 7 の整数で指定してください（8）', 'minSectors must be an integer from 1 to 7, got 8'],
      [{ minSectors: 0 }, '最低分野数（minSectors）は 1 から 7 の整数で指定してください（0）', 'minSectors must be an integer from 1 to 7, got 0'],
    ];
    const en = new GqlClient(server.url, 'en').withToken(facilitator.client.token as string);
    for (const [params, ja, english] of cases) {
      const err = await facilitator.client.fail(OPEN_VOTING, { i: { proposalId: proposal.id, ...params } });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_RULE_PARAMS' });
      expect(err.message).toBe(ja);
      expect((await en.fail(OPEN_VOTING, { i: { proposalId: proposal.id, ...params } })).message).toBe(english);
    }
    for (const bad of [{ rule: 'UNANIMITY' }, { ballot: 'SHOW_OF_HANDS' }, { quorum: 1.5 }, { threshold: 'half' }, { proposalId: 'not-a-uuid' }]) {
      const err = await facilitator.client.fail(OPEN_VOTING, { i: { proposalId: proposal.id, ...bad } });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await writes(proposal.id)).toEqual(before);

    const round = await openVoting(facilitator.client, proposal.id, { ballot: 'SECRET', quorum: 3 });
    expect(round).toMatchObject({ rule: 'CROSS_SECTOR', threshold: 0.6, minSectors: 4, quorum: 3, ballot: 'SECRET', proposalVersion: 1, status: 'OPEN' });
    const supermajority = await openVoting(facilitator.client, (await newProposal(participant.client, p)).id, { rule: 'SUPERMAJORITY', minSectors: 5 });
    // What the rule applied: minSectors only means something for CROSS_SECTOR.
    expect(supermajority).toMatchObject({ rule: 'SUPERMAJORITY', threshold: 2 / 3, minSectors: 1 });
  });

  it('opens only OPEN proposals, one round at a time (also when opened concurrently), and only for organisers and facilitators', async () => {
    const draft = await newProposal(participant.client, p, { draft: true });
    const adopted = await newProposal(participant.client, p);
    await forceProposalStatus(server.databaseUrl, adopted.id, 'ADOPTED');
    for (const id of [draft.id, adopted.id]) {
      const before = await writes(id);
      const err = await facilitator.client.fail(OPEN_VOTING, { i: { proposalId: id } });
      expect(err.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROPOSAL_NOT_OPEN' });
      expect(await writes(id)).toEqual(before);
    }

    const proposal = await newProposal(participant.client, p);
    const before = await writes(proposal.id);
    const denied = await participant.client.fail(OPEN_VOTING, { i: { proposalId: proposal.id } });
    expect(denied.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect(await writes(proposal.id)).toEqual(before);

    const attempts = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? facilitator : p.organizer).client.raw<{ openVoting: TestRound }>(OPEN_VOTING, { i: { proposalId: proposal.id } })));
    const ok = attempts.filter((a) => a.data?.openVoting);
    expect(ok).toHaveLength(1);
    for (const a of attempts.filter((x) => x.errors)) expect(a.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VOTING_ALREADY_OPEN' });
    const after = await writes(proposal.id);
    expect(after).toMatchObject({ rounds: 1, status: 'VOTING', audit: before.audit + 1 });
  });

  it('closes only an open round, only for organisers and facilitators, and a proposal can be voted on again after DEFERRED → OPEN', async () => {
    const proposal = await newProposal(participant.client, p);
    const none = await facilitator.client.fail(CLOSE, { id: proposal.id });
    expect(none.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_OPEN_ROUND' });
    const unknown = await facilitator.client.fail(CLOSE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.extensions?.code).toBe('NOT_FOUND');

    const first = await openVoting(facilitator.client, proposal.id, { rule: 'MAJORITY', quorum: 2 });
    await castVote(participant.client, proposal.id, 'AGREE');
    const before = await writes(proposal.id);
    const denied = await participant.client.fail(CLOSE, { id: proposal.id });
    expect(denied.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect(await writes(proposal.id)).toEqual(before);

    const deferred = await closeVoting(facilitator.client, proposal.id);
    expect(deferred.outcome).toBe('NO_QUORUM');
    await facilitator.client.ok('mutation($id: ID!) { setProposalStatus(proposalId: $id, status: OPEN) { id } }', { id: proposal.id });

    // A second round starts empty; the old round and its record stay.
    const second = await openVoting(facilitator.client, proposal.id, { rule: 'MAJORITY' });
    expect(second.id).not.toBe(first.id);
    const state = await participant.client.ok<{ proposal: { currentRound: TestRound; tally: { total: number }; myVote: unknown } }>(PROPOSAL_VOTING, { id: proposal.id });
    expect(state.proposal).toMatchObject({ currentRound: { id: second.id, status: 'OPEN' }, tally: { total: 0 }, myVote: null });
    await castVote(participant.client, proposal.id, 'AGREE');
    const adopted = await closeVoting(facilitator.client, proposal.id);
    expect(adopted).toMatchObject({ outcome: 'ADOPTED', roundId: second.id, seq: deferred.seq + 1, prevHash: deferred.hash });
    const rounds = await participant.client.ok<{ proposal: { rounds: { id: string; recordId: string; tally: { total: number } }[] } }>(
      'query($id: ID!) { proposal(id: $id) { rounds { id recordId tally { total } } } }',
      { id: proposal.id },
    );
    expect(rounds.proposal.rounds).toEqual([
      { id: second.id, recordId: adopted.id, tally: { total: 1 } },
      { id: first.id, recordId: deferred.id, tally: { total: 1 } },
    ]);
  });

  it('refuses bad vote input with BAD_USER_INPUT and writes nothing', async () => {
    const proposal = await newProposal(participant.client, p);
    await openVoting(facilitator.client, proposal.id);
    const before = await writes(proposal.id);
    const bad: Record<string, unknown>[] = [
      { choice: 'MAYBE' },
      { choice: 'AGREE', reason: 'あ'.repeat(2001) },
      { choice: 'AGREE', reason: 'NUL\u0000文字' },
      { choice: 'AGREE', clientRequestId: 'x'.repeat(65) },
      { choice: 'AGREE', clientRequestId: 'has spaces' },
      { choice: 'AGREE', clientRequestId: '' },
      { choice: 'AGREE', proposalId: 'not-a-uuid' },
    ];
    for (const input of bad) {
      const err = await participant.client.fail(CAST_VOTE, { i: { proposalId: proposal.id, ...input } });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await writes(proposal.id)).toEqual(before);
    // The limits themselves are accepted: 2,000 characters of Japanese and emoji round-trip.
    const longest = '合意🤝'.repeat(666) + '合意';
    const vote = await castVote(participant.client, proposal.id, 'DISAGREE', { reason: longest, clientRequestId: 'c'.repeat(64) });
    expect(vote.reason).toBe(longest);
  });

  it('answers NOT_FOUND (never an internal error) for ids that name nothing, UUID or not', async () => {
    const c = p.organizer.client;
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      for (const [query, vars] of [
        [CLOSE, { id }],
        ['query($id: ID!) { consensusRecord(id: $id) { id } }', { id }],
        ['query($id: ID!) { verifyRecordChain(processId: $id) { valid } }', { id }],
        ['query($id: ID!) { auditLog(processId: $id) { id } }', { id }],
      ] as [string, Record<string, unknown>][]) {
        const err = await c.fail(query, vars);
        expect(err.extensions?.code).toBe('NOT_FOUND');
      }
    }
  });
});

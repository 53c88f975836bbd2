import { SECTORS, type VoteChoice } from '@yoriai/domain';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../src/common/auth/viewer';
import { DomainEventBus } from '../../src/common/events/domain-event-bus';
import type { DomainEvent } from '../../src/common/events/domain-events';
import { VoteBatchWriter, type BatchedVote, type BatchOutcome } from '../../src/modules/voting/vote-batch.writer';
import type { RunningServer } from '../../src/server';
import type { Account } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { newAccount } from '../support/factories';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { newVoters, openVoting } from '../support/voting-factories';

const CHOICES: VoteChoice[] = ['AGREE', 'DISAGREE', 'ABSTAIN', 'BLOCK'];

/**
 * The group commit of castVote (VoteBatchWriter) against the real PostgreSQL: votes given to it in
 * the same turn are written by one transaction (their events share the transaction's now()), every
 * vote gets its event, current vote and audit row, a vote that cannot be cast leaves the batch without
 * failing its neighbours, retries land once, and a later vote of a voter always wins.
 */
describe('VoteBatchWriter: many votes, one transaction, same guarantees', () => {
  let server: RunningServer;
  let writer: VoteBatchWriter;
  let p: TestProcess;
  let voters: Account[];
  const events: DomainEvent[] = [];

  const viewerOf = (a: { id: string }, scopeProcessId: string | null = null): Viewer => ({ participantId: a.id, kind: 'ACCOUNT', scopeProcessId, sessionId: randomUUID() });
  const vote = (a: { id: string }, proposalId: string, choice: VoteChoice, clientRequestId: string = randomUUID()): BatchedVote => ({ viewer: viewerOf(a), proposalId, choice, reason: null, clientRequestId });
  const stored = (o: BatchOutcome) => {
    if (o.kind !== 'stored') throw new Error(`expected a stored vote, got ${JSON.stringify(o)}`);
    return o.vote;
  };

  beforeAll(async () => {
    server = await startTestServer();
    writer = server.app.get(VoteBatchWriter);
    server.app.get(DomainEventBus).subscribe((e) => void events.push(e));
    const anon = new GqlClient(server.url);
    p = await newProcess(anon, '一括書き込み 協議会');
    const bySector = await newVoters(anon, p, { INDUSTRY: 6, GOVERNMENT: 6, ACADEMIA: 6, FINANCE: 6 });
    voters = SECTORS.flatMap((s) => bySector[s] ?? []);
  }, 120_000);
  afterAll(() => server.close());

  it('N votes given together: one transaction, N events, N current votes, N audit rows, N announcements after COMMIT', async () => {
    const proposal = await newProposal(p.organizer.client, p);
    const round = await openVoting(p.organizer.client, proposal.id);
    events.length = 0;
    const outcomes = await Promise.all(voters.map((v, i) => writer.cast(vote(v, proposal.id, CHOICES[i % 4]))));
    outcomes.forEach((o, i) => expect(stored(o)).toMatchObject({ roundId: round.id, participantId: voters[i].id, choice: CHOICES[i % 4], proxy: false }));
    const [counts] = await sql<{ events: number; votes: number; audits: number; transactions: number }>(
      server.databaseUrl,
      `SELECT (SELECT count(*)::int FROM vote_event WHERE round_id = $1) AS events,
              (SELECT count(*)::int FROM vote WHERE round_id = $1) AS votes,
              (SELECT count(*)::int FROM audit_log WHERE action = 'vote.cast' AND target_id = $1::text) AS audits,
              (SELECT count(DISTINCT created_at)::int FROM vote_event WHERE round_id = $1) AS transactions`,
      [round.id],
    );
    expect(counts).toEqual({ events: voters.length, votes: voters.length, audits: voters.length, transactions: 1 });
    const cast = events.filter((e) => e.type === 'vote.cast');
    expect(cast).toHaveLength(voters.length);
    expect(cast.every((e) => e.type === 'vote.cast' && e.roundId === round.id && e.proposalId === proposal.id)).toBe(true);
  });

  it('a vote that cannot be cast (an observer, not a member, guest of another process, no open round) leaves the batch; its neighbours are stored', async () => {
    const proposal = await newProposal(p.organizer.client, p);
    const round = await openVoting(p.organizer.client, proposal.id);
    const closedProposal = await newProposal(p.organizer.client, p);
    const stranger = await newAccount(new GqlClient(server.url));
    const observer = await newMember(new GqlClient(server.url), p, 'OBSERVER', 'MEDIA', '傍聴 者');
    const outcomes = await Promise.all([
      writer.cast(vote(observer, proposal.id, 'AGREE')),
      writer.cast(vote(voters[0], proposal.id, 'AGREE')),
      writer.cast(vote(stranger, proposal.id, 'AGREE')),
      writer.cast({ ...vote(voters[1], proposal.id, 'AGREE'), viewer: viewerOf(voters[1], randomUUID()) }),
      writer.cast(vote(voters[2], closedProposal.id, 'AGREE')),
      writer.cast(vote(voters[3], randomUUID(), 'AGREE')),
      writer.cast(vote(voters[4], proposal.id, 'DISAGREE')),
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(['single', 'stored', 'single', 'single', 'single', 'single', 'stored']);
    const rows = await sql<{ participant_id: string }>(server.databaseUrl, 'SELECT participant_id FROM vote WHERE round_id = $1 ORDER BY participant_id', [round.id]);
    expect(rows.map((r) => r.participant_id)).toEqual([voters[0].id, voters[4].id].sort());
  });

  it('the same clientRequestId given many times at once lands once; each answer is the stored vote', async () => {
    const proposal = await newProposal(p.organizer.client, p);
    const round = await openVoting(p.organizer.client, proposal.id);
    const crid = randomUUID();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => writer.cast(vote(voters[0], proposal.id, 'BLOCK', crid))));
    const ids = new Set(outcomes.map((o) => stored(o).id));
    expect(ids.size).toBe(1);
    const [{ events: n, audits }] = await sql<{ events: number; audits: number }>(
      server.databaseUrl,
      `SELECT (SELECT count(*)::int FROM vote_event WHERE round_id = $1) AS events, (SELECT count(*)::int FROM audit_log WHERE action = 'vote.cast' AND target_id = $1::text) AS audits`,
      [round.id],
    );
    expect({ n, audits }).toEqual({ n: 1, audits: 1 });
    // The same id with another choice is not a retry: refused alone, nothing written.
    await expect(writer.cast(vote(voters[0], proposal.id, 'AGREE', crid))).rejects.toMatchObject({ category: 'CLIENT_REQUEST_ID_REUSED' });
    const [{ choice }] = await sql<{ choice: string }>(server.databaseUrl, 'SELECT choice FROM vote WHERE round_id = $1', [round.id]);
    expect(choice).toBe('BLOCK');
  });

  it('a voter changing their vote while earlier votes and retries are in flight: the last one given wins', async () => {
    const proposal = await newProposal(p.organizer.client, p);
    const round = await openVoting(p.organizer.client, proposal.id);
    const voter = voters[5];
    const first = vote(voter, proposal.id, 'AGREE');
    const second = vote(voter, proposal.id, 'DISAGREE');
    const third = vote(voter, proposal.id, 'ABSTAIN');
    // Given in this order in one turn, with retries of the first two interleaved and other voters around them.
    const outcomes = await Promise.all([
      writer.cast(first),
      writer.cast(vote(voters[6], proposal.id, 'AGREE')),
      writer.cast(second),
      writer.cast({ ...first }),
      writer.cast(third),
      writer.cast({ ...second }),
      writer.cast(vote(voters[7], proposal.id, 'BLOCK')),
    ]);
    expect(outcomes.map((o) => stored(o).choice)).toEqual(['AGREE', 'AGREE', 'DISAGREE', 'AGREE', 'ABSTAIN', 'DISAGREE', 'BLOCK']);
    const [current] = await sql<{ choice: string }>(server.databaseUrl, 'SELECT choice FROM vote WHERE round_id = $1 AND participant_id = $2', [round.id, voter.id]);
    expect(current.choice).toBe('ABSTAIN');
    const [{ n }] = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM vote_event WHERE round_id = $1 AND participant_id = $2', [round.id, voter.id]);
    expect(n).toBe(3);
  });

  it('a batch that fails as a whole: each vote is written alone, and only the one that fails alone takes the one-vote path', async () => {
    const proposal = await newProposal(p.organizer.client, p);
    const round = await openVoting(p.organizer.client, proposal.id);
    // A clientRequestId longer than the column (the GraphQL input refuses it; here it reaches SQL) fails the whole statement.
    const outcomes = await Promise.all([writer.cast(vote(voters[8], proposal.id, 'AGREE')), writer.cast(vote(voters[9], proposal.id, 'AGREE', 'x'.repeat(300)))]);
    expect(outcomes.map((o) => o.kind)).toEqual(['stored', 'single']);
    const rows = await sql<{ participant_id: string }>(server.databaseUrl, 'SELECT participant_id FROM vote_event WHERE round_id = $1', [round.id]);
    expect(rows.map((r) => r.participant_id)).toEqual([voters[8].id]);
  });
});

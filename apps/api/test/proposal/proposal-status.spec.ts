import { ALLOWED_TRANSITIONS, PROPOSAL_STATUSES, type ProposalStatus } from '@yoriai/domain';
import type { RunningServer } from '../../src/server';
import { GqlClient } from '../support/graphql-client';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { forceProposalStatus, newProposal, sql, writeCounts } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

const SET = 'mutation($id: ID!, $s: ProposalStatus!) { setProposalStatus(proposalId: $id, status: $s) { id status version } }';
/** Only openVoting / closeVoting move a proposal into these. */
const VOTING_ONLY: ProposalStatus[] = ['VOTING', 'ADOPTED', 'REJECTED'];

describe('proposal status lifecycle', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon);
  });
  afterAll(() => server.close());

  /** A proposal by the organiser in status `from` (states only voting produces are set directly). */
  async function proposalIn(from: ProposalStatus): Promise<string> {
    const created = await newProposal(p.organizer.client, p, { draft: from === 'DRAFT' });
    if (from !== 'DRAFT' && from !== 'OPEN') await forceProposalStatus(server.databaseUrl, created.id, from);
    return created.id;
  }

  const pairs = PROPOSAL_STATUSES.flatMap((from) => PROPOSAL_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s: allowed exactly when the lifecycle allows it and it is not a voting outcome', async (from, to) => {
    const id = await proposalIn(from);
    const before = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1', [id]);
    const r = await p.organizer.client.raw<{ setProposalStatus: { status: string } }>(SET, { id, s: to });
    const after = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1', [id]);
    const [row] = await sql<{ status: string }>(server.databaseUrl, 'SELECT status FROM proposal WHERE id = $1', [id]);
    if (VOTING_ONLY.includes(to)) {
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'USE_VOTING_ROUND' });
    } else if (ALLOWED_TRANSITIONS[from].includes(to)) {
      expect(r.errors).toBeUndefined();
      expect(r.data?.setProposalStatus.status).toBe(to);
      expect(row.status).toBe(to);
      expect(after[0].n).toBe(before[0].n + 1);
      return;
    } else {
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION', details: { from, to } });
      expect(r.errors?.[0].message).toContain(`(${from})`);
      expect(r.errors?.[0].message).toContain(`(${to})`);
    }
    expect(row.status).toBe(from);
    expect(after[0].n).toBe(before[0].n);
  });

  it('lets an author publish their own draft and withdraw their own proposal, and nothing else', async () => {
    const author = await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY');
    const draft = await newProposal(author.client, p, { draft: true });
    expect((await author.client.ok<{ setProposalStatus: { status: string } }>(SET, { id: draft.id, s: 'OPEN' })).setProposalStatus.status).toBe('OPEN');
    const deferred = await author.client.fail(SET, { id: draft.id, s: 'DEFERRED' });
    expect(deferred.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect((await author.client.ok<{ setProposalStatus: { status: string } }>(SET, { id: draft.id, s: 'WITHDRAWN' })).setProposalStatus.status).toBe('WITHDRAWN');

    const ownDraft = await newProposal(author.client, p, { draft: true });
    expect((await author.client.ok<{ setProposalStatus: { status: string } }>(SET, { id: ownDraft.id, s: 'WITHDRAWN' })).setProposalStatus.status).toBe('WITHDRAWN');

    // Under vote, even the author cannot withdraw: the votes must end in a record.
    const voting = await newProposal(author.client, p);
    await forceProposalStatus(server.databaseUrl, voting.id, 'VOTING');
    const underVote = await author.client.fail(SET, { id: voting.id, s: 'WITHDRAWN' });
    expect(underVote.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });

  it("refuses other participants, observers and the secretariat, and hides other processes' proposals", async () => {
    const author = await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY');
    const created = await newProposal(author.client, p);
    const before = await writeCounts(server.databaseUrl, p.id);
    for (const [role, sector] of [['PARTICIPANT', 'LABOUR'], ['OBSERVER', 'MEDIA'], ['SECRETARIAT', 'GOVERNMENT']] as const) {
      const other = await newMember(anon, p, role, sector);
      const err = await other.client.fail(SET, { id: created.id, s: 'WITHDRAWN' });
      expect(err.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    }
    const elsewhere = await newProcess(anon, '別の協議会');
    const err = await elsewhere.organizer.client.fail(SET, { id: created.id, s: 'DEFERRED' });
    expect(err.extensions?.code).toBe('NOT_FOUND');
    expect(await writeCounts(server.databaseUrl, p.id)).toMatchObject({ proposal: before.proposal, proposal_version: before.proposal_version });
    const [row] = await sql<{ status: string }>(server.databaseUrl, 'SELECT status FROM proposal WHERE id = $1', [created.id]);
    expect(row.status).toBe('OPEN');
  });

  it('explains an illegal move in English too', async () => {
    const id = await proposalIn('WITHDRAWN');
    const en = new GqlClient(server.url, 'en').withToken(p.organizer.client.token as string);
    const err = await en.fail(SET, { id, s: 'OPEN' });
    expect(err.message).toBe('A proposal cannot move from WITHDRAWN to OPEN.');
  });
});

import { hashRecord } from '@yoriai/domain';
import type { RunningServer } from '../../src/server';
import type { Account } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { CLOSE_VOTING, castVote, closeVoting, CONSENSUS_RECORD, openVoting, RECORD_FIELDS, type TestRecord, verifyChain } from '../support/voting-factories';

const CORRECT = `mutation($i: CorrectRecordInput!) { correctRecord(input: $i) { ${RECORD_FIELDS} } }`;
const RECORDS = 'query($id: ID!, $first: Int, $offset: Int) { process(id: $id) { records(first: $first, offset: $offset) { id seq prevHash hash outcome } } }';

describe('the consensus-record hash chain', () => {
  let server: RunningServer;
  let anon: GqlClient;

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
  });
  afterAll(() => server.close());

  /** A process with `n` proposals, each with an open MAJORITY round and one AGREE vote. */
  async function processWithOpenRounds(n: number): Promise<{ p: TestProcess; voter: Account; proposals: string[] }> {
    const p = await newProcess(anon, '記録チェーンの協議会');
    const voter = await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY', '賛成 一郎');
    const proposals: string[] = [];
    for (let i = 0; i < n; i++) {
      const proposal = await newProposal(p.organizer.client, p, { title: `提案 ${i + 1}：地域交通の再編 🚌` });
      await openVoting(p.organizer.client, proposal.id, { rule: 'MAJORITY' });
      await castVote(voter.client, proposal.id, 'AGREE');
      proposals.push(proposal.id);
    }
    return { p, voter, proposals };
  }

  it('stays linear when rounds of one process close concurrently: seq 1…n, each prevHash the previous hash, and it verifies', async () => {
    const { p, proposals } = await processWithOpenRounds(5);
    const closed = await Promise.all(proposals.map((id) => p.organizer.client.ok<{ closeVoting: TestRecord }>(CLOSE_VOTING, { id }).then((d) => d.closeVoting)));
    const chain = [...closed].sort((a, b) => a.seq - b.seq);
    expect(chain.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(chain[0].prevHash).toBeNull();
    for (let i = 1; i < chain.length; i++) expect(chain[i].prevHash).toBe(chain[i - 1].hash);
    expect(new Set(chain.map((r) => r.proposalId)).size).toBe(5);
    expect(await verifyChain(p.organizer.client, p.id)).toEqual({ valid: true, length: 5, brokenAt: null, reason: null });

    // Process.records pages the chain, newest first.
    const page = await p.organizer.client.ok<{ process: { records: { seq: number }[] } }>(RECORDS, { id: p.id, first: 2, offset: 1 });
    expect(page.process.records.map((r) => r.seq)).toEqual([4, 3]);
    const [{ record_seq }] = await sql<{ record_seq: number }>(server.databaseUrl, 'SELECT record_seq FROM process WHERE id = $1', [p.id]);
    expect(record_seq).toBe(5);
  });

  it('detects a changed stored row: a copied column, the body, a hash, a missing record', async () => {
    const { p, proposals } = await processWithOpenRounds(3);
    const records: TestRecord[] = [];
    for (const id of proposals) records.push(await closeVoting(p.organizer.client, id));
    const db = (text: string, params: unknown[]) => sql(server.databaseUrl, text, params);
    const verify = () => verifyChain(p.organizer.client, p.id);
    expect(await verify()).toMatchObject({ valid: true, length: 3 });

    // Someone edits the outcome column of record 2 (the body still says ADOPTED).
    await db(`UPDATE consensus_record SET outcome = 'REJECTED' WHERE id = $1`, [records[1].id]);
    expect(await verify()).toEqual({ valid: false, length: 3, brokenAt: 2, reason: 'COLUMN_MISMATCH:outcome' });
    await db(`UPDATE consensus_record SET outcome = 'ADOPTED' WHERE id = $1`, [records[1].id]);
    expect(await verify()).toMatchObject({ valid: true });

    // … or the hashed body itself (outcome and column changed together: the hash no longer matches).
    await db(`UPDATE consensus_record SET body = jsonb_set(body, '{outcome}', '"REJECTED"'), outcome = 'REJECTED' WHERE id = $1`, [records[1].id]);
    expect(await verify()).toEqual({ valid: false, length: 3, brokenAt: 2, reason: 'HASH_MISMATCH' });
    await db(`UPDATE consensus_record SET body = jsonb_set(body, '{outcome}', '"ADOPTED"'), outcome = 'ADOPTED' WHERE id = $1`, [records[1].id]);
    expect(await verify()).toMatchObject({ valid: true });

    // … or the proposal title inside record 1's body.
    await db(`UPDATE consensus_record SET body = jsonb_set(body, '{proposalTitle}', '"書き換えた題名"') WHERE id = $1`, [records[0].id]);
    expect(await verify()).toMatchObject({ valid: false, brokenAt: 1, reason: 'HASH_MISMATCH' });
    await db(`UPDATE consensus_record SET body = jsonb_set(body, '{proposalTitle}', to_jsonb($2::text)) WHERE id = $1`, [records[0].id, records[0].proposalTitle]);
    expect(await verify()).toMatchObject({ valid: true });

    // … or re-hashes record 2 after editing it: record 3's prevHash no longer links.
    const [row] = await sql<{ body: Record<string, unknown>; prev_hash: string }>(server.databaseUrl, 'SELECT body, prev_hash FROM consensus_record WHERE id = $1', [records[1].id]);
    const forged = { ...row.body, proposalTitle: '偽造' };
    await db('UPDATE consensus_record SET body = $2::jsonb, hash = $3 WHERE id = $1', [records[1].id, JSON.stringify(forged), hashRecord(forged, row.prev_hash)]);
    expect(await verify()).toEqual({ valid: false, length: 3, brokenAt: 3, reason: 'PREV_HASH_MISMATCH' });

    // … or deletes the newest record (the process still counts three appends).
    await db('DELETE FROM consensus_record WHERE process_id = $1 AND seq >= 2', [p.id]);
    expect(await verify()).toEqual({ valid: false, length: 1, brokenAt: 2, reason: 'MISSING_RECORDS' });
  });

  it('corrects a record by appending a superseding one; the old one stays, and only the latest can be corrected again', async () => {
    const { p, proposals } = await processWithOpenRounds(1);
    const secretariat = await newMember(anon, p, 'SECRETARIAT', 'GOVERNMENT', '事務局 三郎');
    const facilitator = await newMember(anon, p, 'FACILITATOR', 'MEDIA');
    const original = await closeVoting(p.organizer.client, proposals[0]);
    expect(original.outcome).toBe('ADOPTED');

    const counts = () => sql<{ n: number; a: number }>(server.databaseUrl, 'SELECT (SELECT count(*)::int FROM consensus_record WHERE process_id = $1) AS n, (SELECT count(*)::int FROM audit_log WHERE process_id = $1) AS a', [p.id]).then((r) => r[0]);
    const before = await counts();
    const denied = await facilitator.client.fail(CORRECT, { i: { recordId: original.id, reason: '集計誤り' } });
    expect(denied.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    for (const bad of [{ reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(2001) }, { reason: 'ok', outcome: 'MAYBE' }, { reason: 'ok', recordId: 'nope' }]) {
      const err = await secretariat.client.fail(CORRECT, { i: { recordId: original.id, ...bad } });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const missing = await secretariat.client.fail(CORRECT, { i: { recordId: '00000000-0000-4000-8000-000000000000', reason: '訂正' } });
    expect(missing.extensions?.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);

    const correction = (await secretariat.client.ok<{ correctRecord: TestRecord }>(CORRECT, { i: { recordId: original.id, reason: '紙投票3票の入力漏れが判明したため（議事録 p.4）', outcome: 'REJECTED' } })).correctRecord;
    expect(correction).toMatchObject({
      seq: 2,
      prevHash: original.hash,
      supersedesId: original.id,
      outcome: 'REJECTED',
      proposalId: original.proposalId,
      roundId: original.roundId,
      proposalHash: original.proposalHash,
      tally: original.tally,
      facilitatorId: secretariat.id,
      correctionReason: '紙投票3票の入力漏れが判明したため（議事録 p.4）',
    });
    const old = (await p.organizer.client.ok<{ consensusRecord: TestRecord }>(CONSENSUS_RECORD, { id: original.id })).consensusRecord;
    expect(old).toMatchObject({ outcome: 'ADOPTED', hash: original.hash, supersededById: correction.id });
    const status = await p.organizer.client.ok<{ proposal: { status: string } }>('query($id: ID!) { proposal(id: $id) { status } }', { id: original.proposalId });
    expect(status.proposal.status).toBe('REJECTED');

    const again = await secretariat.client.fail(CORRECT, { i: { recordId: original.id, reason: 'もう一度' } });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RECORD_SUPERSEDED', details: { supersededById: correction.id } });
    const retitled = (await p.organizer.client.ok<{ correctRecord: TestRecord }>(CORRECT, { i: { recordId: correction.id, reason: '題名の誤記', proposalTitle: '地域交通の再編（改）' } })).correctRecord;
    expect(retitled).toMatchObject({ seq: 3, supersedesId: correction.id, outcome: 'REJECTED', proposalTitle: '地域交通の再編（改）' });
    expect(await verifyChain(p.organizer.client, p.id)).toEqual({ valid: true, length: 3, brokenAt: null, reason: null });
  });
});

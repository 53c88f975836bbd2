import type { RunningServer } from '../../src/server';
import type { Account } from '../support/factories';
import { newAccount } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { newComment, newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { castVote, closeVoting, CONSENSUS_RECORD, openVoting, type TestDissent, type TestRecord, verifyChain } from '../support/voting-factories';

const RESPOND = 'mutation($i: RespondToDissentInput!) { respondToDissent(input: $i) { id kind sector choice stance text authorName response respondedAt respondedBy } }';
const ADD_ITEM = 'mutation($i: AddActionItemInput!) { addActionItem(input: $i) { id recordId title ownerOrganization ownerSector dueDate kpi status } }';
const UPDATE_ITEM = 'mutation($i: UpdateActionItemInput!) { updateActionItem(input: $i) { id title ownerOrganization ownerSector dueDate kpi status } }';
const AUDIT = 'query($id: ID!, $first: Int, $offset: Int) { auditLog(processId: $id, first: $first, offset: $offset) { id action targetType targetId actorId actorName createdAt data } }';

interface AuditEntry {
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  actorId: string;
  actorName: string;
  createdAt: string;
  data: string;
}

describe('the dissent register, action items and the audit log', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  let facilitator: Account;
  let secretariat: Account;
  let participant: Account;
  let observer: Account;
  let record: TestRecord;

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon, '少数意見とアクションの協議会');
    facilitator = await newMember(anon, p, 'FACILITATOR', 'MEDIA', '進行 花子');
    secretariat = await newMember(anon, p, 'SECRETARIAT', 'GOVERNMENT', '事務局 三郎');
    participant = await newMember(anon, p, 'PARTICIPANT', 'LABOUR', '労働 五郎');
    observer = await newMember(anon, p, 'OBSERVER', 'CITIZEN');
    const proposal = await newProposal(p.organizer.client, p, { title: '地元企業のインターンシップ拡充' });
    await newComment(participant.client, proposal.id, { stance: 'CONCERN', body: '学生の交通費は誰が負担するのか' });
    await openVoting(facilitator.client, proposal.id, { rule: 'MAJORITY' });
    await castVote(p.organizer.client, proposal.id, 'AGREE');
    await castVote(facilitator.client, proposal.id, 'AGREE');
    await castVote(participant.client, proposal.id, 'DISAGREE', { reason: '受け入れ企業の負担が大きい' });
    record = await closeVoting(facilitator.client, proposal.id);
  });
  afterAll(() => server.close());

  const dissentOf = async (c: GqlClient) => (await c.ok<{ consensusRecord: TestRecord }>(CONSENSUS_RECORD, { id: record.id })).consensusRecord.dissent;

  it('lets the secretariat answer each dissent item once, and answering again replaces it (the old answer stays in the audit log)', async () => {
    expect(record.dissent.map((d) => [d.kind, d.authorName])).toEqual([
      ['VOTE', '労働 五郎'],
      ['COMMENT', '労働 五郎'],
    ]);
    const [vote, concern] = record.dissent;
    const answered = (await secretariat.client.ok<{ respondToDissent: TestDissent }>(RESPOND, { i: { recordId: record.id, dissentId: vote.id, response: '受け入れ企業には市が謝金を補助します（予算案 第3項）。' } })).respondToDissent;
    expect(answered).toMatchObject({ id: vote.id, kind: 'VOTE', response: '受け入れ企業には市が謝金を補助します（予算案 第3項）。', respondedBy: '事務局 三郎' });
    expect(answered.respondedAt).toBeTruthy();

    const rewritten = (await facilitator.client.ok<{ respondToDissent: TestDissent }>(RESPOND, { i: { recordId: record.id, dissentId: vote.id, response: '謝金補助は上限10万円です 📄' } })).respondToDissent;
    expect(rewritten).toMatchObject({ response: '謝金補助は上限10万円です 📄', respondedBy: '進行 花子' });
    const seen = await dissentOf(observer.client);
    expect(seen.find((d) => d.id === vote.id)).toMatchObject({ response: '謝金補助は上限10万円です 📄', respondedBy: '進行 花子' });
    expect(seen.find((d) => d.id === concern.id)).toMatchObject({ response: null, respondedAt: null, respondedBy: null });
    const [{ n }] = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM dissent_response WHERE record_id = $1', [record.id]);
    expect(n).toBe(1);

    const audit = (await p.organizer.client.ok<{ auditLog: AuditEntry[] }>(AUDIT, { id: p.id, first: 5 })).auditLog;
    expect(audit.slice(0, 2).map((a) => a.action)).toEqual(['dissent.respond.update', 'dissent.respond']);
    expect(JSON.parse(audit[0].data)).toEqual({ dissentId: vote.id, previous: '受け入れ企業には市が謝金を補助します（予算案 第3項）。' });

    // Responses are outside the hash: the chain is unchanged.
    expect(await verifyChain(observer.client, p.id)).toMatchObject({ valid: true, length: 1 });
  });

  it('refuses answers from participants, to unknown items, and bad input; writes nothing', async () => {
    // This process's rows only: other test files write responses to the same database at the same time.
    const count = () => sql<{ n: number }>(server.databaseUrl, 'SELECT (SELECT count(*)::int FROM dissent_response WHERE record_id = $2) + (SELECT count(*)::int FROM audit_log WHERE process_id = $1) AS n', [p.id, record.id]).then((r) => r[0].n);
    const before = await count();
    const concern = record.dissent[1];
    const cases: [GqlClient, Record<string, unknown>, string, string | undefined][] = [
      [participant.client, { recordId: record.id, dissentId: concern.id, response: '自分で答える' }, 'FORBIDDEN', 'ROLE_NOT_ALLOWED'],
      [observer.client, { recordId: record.id, dissentId: concern.id, response: '傍聴から' }, 'FORBIDDEN', 'ROLE_NOT_ALLOWED'],
      [secretariat.client, { recordId: record.id, dissentId: 'v:00000000-0000-4000-8000-000000000000', response: '存在しない' }, 'NOT_FOUND', 'DISSENT_NOT_FOUND'],
      [secretariat.client, { recordId: '00000000-0000-4000-8000-000000000000', dissentId: concern.id, response: '存在しない記録' }, 'NOT_FOUND', 'NOT_FOUND'],
      [secretariat.client, { recordId: record.id, dissentId: concern.id, response: '' }, 'BAD_USER_INPUT', undefined],
      [secretariat.client, { recordId: record.id, dissentId: concern.id, response: ' \n ' }, 'BAD_USER_INPUT', undefined],
      [secretariat.client, { recordId: record.id, dissentId: concern.id, response: 'あ'.repeat(5001) }, 'BAD_USER_INPUT', undefined],
      [secretariat.client, { recordId: record.id, dissentId: 'x'.repeat(65), response: 'ok' }, 'BAD_USER_INPUT', undefined],
    ];
    for (const [client, input, code, reason] of cases) {
      const err = await client.fail(RESPOND, { i: input });
      expect(err.extensions?.code).toBe(code);
      if (reason) expect(err.extensions?.reason).toBe(reason);
    }
    const outsider = await newAccount(anon);
    expect((await outsider.client.fail(RESPOND, { i: { recordId: record.id, dissentId: concern.id, response: '部外者' } })).extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_A_MEMBER' });
    expect(await count()).toBe(before);
  });

  it('tracks action items with owners, due dates and KPIs outside the hashed record', async () => {
    const hashBefore = record.hash;
    const item = (
      await secretariat.client.ok<{ addActionItem: { id: string; status: string; dueDate: string; ownerSector: string } }>(ADD_ITEM, {
        i: { recordId: record.id, title: '受け入れ企業向け説明会を開く 🏢', ownerOrganization: '北秋田商工会', ownerSector: 'INDUSTRY', dueDate: '2026-06-30', kpi: '参加企業 20社以上' },
      })
    ).addActionItem;
    expect(item).toMatchObject({ recordId: record.id, status: 'PLANNED', dueDate: '2026-06-30', ownerSector: 'INDUSTRY', ownerOrganization: '北秋田商工会', kpi: '参加企業 20社以上' });
    await facilitator.client.ok(ADD_ITEM, { i: { recordId: record.id, title: '交通費補助の制度設計' } });

    const done = (await p.organizer.client.ok<{ updateActionItem: Record<string, unknown> }>(UPDATE_ITEM, { i: { id: item.id, status: 'DONE', kpi: null, dueDate: '2026-07-15' } })).updateActionItem;
    expect(done).toMatchObject({ status: 'DONE', kpi: null, dueDate: '2026-07-15', title: '受け入れ企業向け説明会を開く 🏢', ownerOrganization: '北秋田商工会' });

    const seen = (await observer.client.ok<{ consensusRecord: TestRecord }>(CONSENSUS_RECORD, { id: record.id })).consensusRecord;
    expect(seen.actionItems.map((a) => [a.title, a.status])).toEqual([
      ['受け入れ企業向け説明会を開く 🏢', 'DONE'],
      ['交通費補助の制度設計', 'PLANNED'],
    ]);
    expect(seen.hash).toBe(hashBefore);
    expect(await verifyChain(observer.client, p.id)).toMatchObject({ valid: true });

    const audit = (await p.organizer.client.ok<{ auditLog: AuditEntry[] }>(AUDIT, { id: p.id, first: 3 })).auditLog;
    expect(audit[0]).toMatchObject({ action: 'actionItem.update', targetType: 'action_item', targetId: item.id, actorName: '主催 一郎' });
    expect(JSON.parse(audit[0].data)).toMatchObject({ before: { status: 'PLANNED', kpi: '参加企業 20社以上' }, after: { status: 'DONE', kpi: null } });
  });

  it('refuses action items from participants and observers, and bad fields; writes nothing', async () => {
    const count = () => sql<{ n: number }>(server.databaseUrl, 'SELECT (SELECT count(*)::int FROM action_item WHERE record_id = $1) + (SELECT count(*)::int FROM audit_log WHERE process_id = $2) AS n', [record.id, p.id]).then((r) => r[0].n);
    const before = await count();
    for (const who of [participant, observer]) {
      const err = await who.client.fail(ADD_ITEM, { i: { recordId: record.id, title: '勝手な項目' } });
      expect(err.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    }
    const bad: Record<string, unknown>[] = [
      { title: '' },
      { title: '   ' },
      { title: 'あ'.repeat(201) },
      { title: 'ok', dueDate: '2026-02-30' },
      { title: 'ok', dueDate: '30/06/2026' },
      { title: 'ok', dueDate: '2026-06-30T00:00:00Z' },
      { title: 'ok', kpi: 'k'.repeat(501) },
      { title: 'ok', ownerSector: 'CLERGY' },
      { title: 'ok', ownerOrganization: 'o'.repeat(201) },
    ];
    for (const input of bad) {
      const err = await secretariat.client.fail(ADD_ITEM, { i: { recordId: record.id, ...input } });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      // A change is checked like an addition (input is validated before the item is looked up).
      const changed = await secretariat.client.fail(UPDATE_ITEM, { i: { id: '00000000-0000-4000-8000-000000000000', ...input } });
      expect(changed.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const missing = await secretariat.client.fail(ADD_ITEM, { i: { recordId: '00000000-0000-4000-8000-000000000000', title: 'ok' } });
    expect(missing.extensions?.code).toBe('NOT_FOUND');
    const unknownItem = await secretariat.client.fail(UPDATE_ITEM, { i: { id: '00000000-0000-4000-8000-000000000000', status: 'DONE' } });
    expect(unknownItem.extensions?.code).toBe('NOT_FOUND');
    const badStatus = await secretariat.client.fail(UPDATE_ITEM, { i: { id: '00000000-0000-4000-8000-000000000000', status: 'CANCELLED' } });
    expect(badStatus.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });

  it('shows the audit log to organisers only, newest first and paged', async () => {
    const all = (await p.organizer.client.ok<{ auditLog: AuditEntry[] }>(AUDIT, { id: p.id, first: 200 })).auditLog;
    const ids = all.map((a) => Number(a.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const times = all.map((a) => Date.parse(a.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all[all.length - 1].action).toBe('process.create');
    const page = (await p.organizer.client.ok<{ auditLog: AuditEntry[] }>(AUDIT, { id: p.id, first: 3, offset: 2 })).auditLog;
    expect(page.map((a) => a.id)).toEqual(all.slice(2, 5).map((a) => a.id));

    for (const who of [facilitator, secretariat, participant, observer]) {
      expect((await who.client.fail(AUDIT, { id: p.id })).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    }
    const outsider = await newAccount(anon);
    expect((await outsider.client.fail(AUDIT, { id: p.id })).extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await anon.fail(AUDIT, { id: p.id })).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await p.organizer.client.fail(AUDIT, { id: p.id, first: 201 })).extensions?.code).toBe('BAD_USER_INPUT');
  });
});

import type { RunningServer } from '../../src/server';
import type { Account } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { download } from '../support/minutes-factories';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { addItem, daysFromToday, decidedProposal, ITEM_FIELDS, MEASUREMENT_FIELDS, RECORD_MEASUREMENT, SETTINGS, UPDATE_ITEM, type Decided } from '../support/delivery-factories';
import { castVote, closeVoting, openVoting } from '../support/voting-factories';
import { newProposal } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

const MEMBER_VIEW = `query($id: ID!) { proposal(id: $id) { id title kpis { id indicator baseline target deadline unit measurements { ${MEASUREMENT_FIELDS} } } } }`;
const RECORD_ITEMS = `query($id: ID!) { consensusRecord(id: $id) { id seq hash actionItems { ${ITEM_FIELDS} } } }`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every string anywhere in a JSON value. */
function strings(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (x && typeof x === 'object') return Object.values(x).flatMap(strings);
  return [];
}

/**
 * The public progress page's data (progress.json/csv): off by default (anonymous callers get
 * NOT_FOUND, as for a process that does not exist), on when the organiser says so, and never more
 * than a member sees — compared field by field with what members read over GraphQL — and no
 * person at all: no names, e-mails or votes, secret-ballot figures never.
 */
describe('the public progress page: switched on by the organiser, nothing a member page hides', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  let secretariat: Account;
  let voters: Account[];
  let decided: Decided;
  const names = ['主催 一郎', '事務局 花子', '商工会 太郎', '連合 次郎', '大学 三郎', '記者 四郎'];

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon, 'みなと川市 地方創生2.0 協議会');
    secretariat = await newMember(anon, p, 'SECRETARIAT', 'GOVERNMENT', names[1]);
    voters = [await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY', names[2]), await newMember(anon, p, 'PARTICIPANT', 'LABOUR', names[3]), await newMember(anon, p, 'PARTICIPANT', 'ACADEMIA', names[4])];
    decided = await decidedProposal(p.organizer.client, p, voters.map((v) => v.client), { title: '子育て世帯の住み替え支援' });
    const item = await addItem(secretariat.client, decided.record.id, { title: '住み替え相談会', ownerOrganization: 'みなと川市 子育て支援課', ownerSector: 'GOVERNMENT', kpiId: decided.kpiIds[0], startDate: daysFromToday(-100), dueDate: daysFromToday(-5) });
    await secretariat.client.ok(UPDATE_ITEM, { i: { actionItemId: item.id, status: 'DELAYED', reason: '会場の改修が遅れた' } });
    for (const [days, value] of [[-90, 130], [-60, 160], [-30, 170]] as const) {
      await secretariat.client.ok(RECORD_MEASUREMENT, { i: { kpiId: decided.kpiIds[0], value, measuredAt: daysFromToday(days), source: '住民課統計', note: '月次' } });
    }
    // A secret ballot decided too: its per-sector figures (one voter each) must never appear.
    const secret = await newProposal(p.organizer.client, p, { title: '秘密投票で決めた計画' });
    await openVoting(p.organizer.client, secret.id, { rule: 'MAJORITY', ballot: 'SECRET' });
    for (const v of voters) await castVote(v.client, secret.id, 'AGREE', { reason: `${v.displayName} の理由` });
    await closeVoting(p.organizer.client, secret.id);
  }, 60_000);
  afterAll(() => server.close());

  const json = (client?: GqlClient) => download(server.url, `/api/processes/${p.id}/progress.json`, client);

  it('is off by default: anonymous callers get NOT_FOUND for the JSON and the CSV; members always read it', async () => {
    for (const url of [`/api/processes/${p.id}/progress.json`, `/api/processes/${p.id}/progress.csv`]) {
      const res = await download(server.url, url);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body.toString('utf8')).error).toMatchObject({ code: 'NOT_FOUND', reason: 'PROGRESS_NOT_PUBLIC' });
    }
    expect((await download(server.url, '/api/processes/00000000-0000-4000-8000-000000000000/progress.json')).status).toBe(404);
    expect((await json(voters[0]!.client)).status).toBe(200);
    const settings = await p.organizer.client.ok<{ updateDeliverySettings: Json }>('query($id: ID!) { process(id: $id) { id progressPublic region } }'.replace('query', 'query'), { id: p.id });
    expect(settings).toMatchObject({ process: { progressPublic: false, region: null } });
    expect((await voters[0]!.client.fail(SETTINGS, { i: { processId: p.id, progressPublic: true } })).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
  });

  it('when switched on, shows anonymous callers exactly what members see over GraphQL, field by field, and no person', async () => {
    await p.organizer.client.ok(SETTINGS, { i: { processId: p.id, progressPublic: true, region: '架空県みなと川市' } });
    const res = await json();
    expect(res.status).toBe(200);
    const report = JSON.parse(res.body.toString('utf8')) as Json;
    expect(report).toMatchObject({ format: 'yoriai.progress/1', process: { id: p.id, region: '架空県みなと川市' }, summary: { decisions: 2, items: 1, delayed: 1, late: 1 } });
    const member = JSON.parse((await json(voters[0]!.client)).body.toString('utf8')) as Json;
    expect({ ...report, generatedAt: null }).toEqual({ ...member, generatedAt: null });

    const decision = report.pillars.flatMap((x: Json) => x.decisions).find((d: Json) => d.proposalId === decided.proposal.id);
    const proposal = (await voters[0]!.client.ok<{ proposal: Json }>(MEMBER_VIEW, { id: decided.proposal.id })).proposal;
    const record = (await voters[0]!.client.ok<{ consensusRecord: Json }>(RECORD_ITEMS, { id: decided.record.id })).consensusRecord;
    expect(decision).toMatchObject({ title: proposal.title, recordId: record.id, seq: record.seq, hash: record.hash });
    decision.kpis.forEach((k: Json, i: number) => {
      const m = proposal.kpis[i];
      for (const f of ['id', 'indicator', 'baseline', 'target', 'deadline']) expect([f, k[f]]).toEqual([f, m[f]]);
      expect(k.measurements.length).toBe(m.measurements.length);
      k.measurements.forEach((x: Json, j: number) => {
        const y = m.measurements[j];
        expect(Object.keys(x).sort()).toEqual(['createdAt', 'id', 'kpiId', 'measuredAt', 'note', 'proposalId', 'sector', 'source', 'supersedesId', 'value']);
        for (const f of ['id', 'kpiId', 'value', 'measuredAt', 'source', 'note', 'sector', 'supersedesId', 'createdAt']) expect([f, x[f]]).toEqual([f, y[f]]);
      });
    });
    expect(decision.roadmap).toHaveLength(record.actionItems.length);
    decision.roadmap.forEach((x: Json, j: number) => {
      const y = record.actionItems[j];
      expect(Object.keys(x).sort()).toEqual(['dueDate', 'id', 'kpiId', 'late', 'ownerOrganization', 'ownerSector', 'progress', 'proposalId', 'recordId', 'startDate', 'status', 'statusReason', 'title']);
      for (const f of Object.keys(x).filter((k) => k !== 'proposalId')) expect([f, x[f]]).toEqual([f, y[f]]);
    });

    // No person: no member's name or e-mail, no participant id, no vote or its reason, no tally at all.
    const text = res.body.toString('utf8');
    for (const n of names) expect(text).not.toContain(n);
    expect(text).not.toMatch(/@|example\.|理由/);
    for (const who of [p.organizer, secretariat, ...voters]) expect(text).not.toContain(who.id);
    expect(strings(report).some((s) => /AGREE|DISAGREE|BLOCK/.test(s))).toBe(false);
    expect(JSON.stringify(report)).not.toMatch(/"(tally|bySector|agree|voters|authorName|facilitatorId|createdById|email)"/);

    const csv = await download(server.url, `/api/processes/${p.id}/progress.csv`);
    expect(csv.status).toBe(200);
    const csvText = csv.body.toString('utf8');
    expect(csvText.startsWith('\ufeff種別,柱,提案')).toBe(true);
    expect(csvText).toContain('会場の改修が遅れた');
    for (const n of names) expect(csvText).not.toContain(n);
  });

  it('answers NOT_FOUND to anonymous callers again once switched off, while a bad token is still refused', async () => {
    await p.organizer.client.ok(SETTINGS, { i: { processId: p.id, progressPublic: false } });
    expect((await json()).status).toBe(404);
    expect((await download(server.url, `/api/processes/${p.id}/progress.json`, undefined, { authorization: 'Bearer not-a-token' })).status).toBe(401);
    const stranger = await newMember(anon, await newProcess(anon, '別の協議会'), 'PARTICIPANT', 'CITIZEN');
    expect((await json(stranger.client)).status).toBe(404);
  });
});

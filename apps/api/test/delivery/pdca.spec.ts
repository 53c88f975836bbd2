import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RunningServer } from '../../src/server';
import type { Account } from '../support/factories';
import { docxText, pdfText, readZipEntry } from '../support/export-files';
import { GqlClient } from '../support/graphql-client';
import { download, endMeeting, startMeetingWith } from '../support/minutes-factories';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { addItem, daysFromToday, decidedProposal, RECORD_MEASUREMENT, UPDATE_ITEM, type Decided } from '../support/delivery-factories';
import { castVote, closeVoting, CONSENSUS_RECORD, openVoting, verifyChain } from '../support/voting-factories';
import { startTestServer } from '../support/test-app';

const REVIEW = 'query($id: ID!) { progressReview(processId: $id) { title since lastMeetingId proposalIds plannedMinutes newMeasurements lateItems { id title status late } changedItems { id title status } } }';
const REVISE = 'mutation($i: ReviseDecisionInput!) { reviseDecision(input: $i) { id title status revisesRecordId kpis { target } } }';
const RECORDS_JSON = (id: string) => `/api/processes/${id}/records.json`;
const VERIFIER = path.join(__dirname, '../../../../tools/verify-records.mjs');

/**
 * The PDCA loop: the next meeting's agenda starts from 「前回からの進捗確認」 (late items and items
 * changed since the last meeting), the minutes carry a progress section in every format, and a
 * revised plan put to a new vote leaves a record that names the record it revises — in the hashed
 * body, so the chain (and the offline verifier) shows the revision.
 */
describe('PDCA: progress review, progress in the minutes, revised plans in the chain', () => {
  let server: RunningServer;
  let p: TestProcess;
  let secretariat: Account;
  let voter: Account;
  let decided: Decided;
  let lateId: string;
  let meetingId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const anon = new GqlClient(server.url);
    p = await newProcess(anon, 'みなと川市 地方創生2.0 協議会');
    secretariat = await newMember(anon, p, 'SECRETARIAT', 'GOVERNMENT', '事務局 花子');
    voter = await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY', '商工会 太郎');
    decided = await decidedProposal(p.organizer.client, p, [voter.client], { title: '空き店舗のチャレンジショップ化' });
    lateId = (await addItem(secretariat.client, decided.record.id, { title: '改修設計', ownerSector: 'INDUSTRY', dueDate: daysFromToday(-3) })).id;
    await addItem(secretariat.client, decided.record.id, { title: '出店者募集', ownerSector: 'FINANCE', dueDate: daysFromToday(90) });
    // The last meeting: it ends before the changes the next one reviews.
    ({ meetingId } = await startMeetingWith(p.organizer.client, p.id, [{ title: '商店街の再生', proposalIds: [decided.proposal.id] }]));
    await secretariat.client.ok(RECORD_MEASUREMENT, { i: { kpiId: decided.kpiIds[0], value: 140, measuredAt: daysFromToday(-20), source: '商工会調べ' } });
    await endMeeting(p.organizer.client, meetingId);
  }, 60_000);
  afterAll(() => server.close());

  it('proposes 「前回からの進捗確認」 with the late items and the items changed since the last meeting', async () => {
    const first = (await p.organizer.client.ok<{ progressReview: Record<string, any> }>(REVIEW, { id: p.id })).progressReview; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(first).toMatchObject({ title: '前回からの進捗確認', lastMeetingId: meetingId, proposalIds: [decided.proposal.id], changedItems: [], newMeasurements: 0 });
    expect(first.lateItems).toEqual([{ id: lateId, title: '改修設計', status: 'PLANNED', late: true }]);
    await secretariat.client.ok(UPDATE_ITEM, { i: { actionItemId: lateId, status: 'DELAYED', reason: '設計事務所の人手不足' } });
    await secretariat.client.ok(RECORD_MEASUREMENT, { i: { kpiId: decided.kpiIds[0], value: 150, measuredAt: daysFromToday(-1) } });
    const next = (await p.organizer.client.ok<{ progressReview: Record<string, any> }>(REVIEW, { id: p.id })).progressReview; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(next.changedItems).toEqual([{ id: lateId, title: '改修設計', status: 'DELAYED' }]);
    expect(next.newMeasurements).toBe(1);
    expect(next.plannedMinutes).toBeGreaterThanOrEqual(10);
  });

  it('puts the progress section in the minutes, in md, docx, pdf and json', async () => {
    const get = (f: string) => download(server.url, `/api/meetings/${meetingId}/minutes.${f}`, secretariat.client);
    const doc = JSON.parse((await get('json')).body.toString('utf8')).document;
    expect(doc.progress.items.map((x: { title: string }) => x.title)).toEqual(['改修設計', '出店者募集']);
    expect(doc.progress.items[0]).toMatchObject({ late: true, statusLabel: { ja: expect.any(String) } });
    // Measured by the end of the meeting only: the later value is not in these minutes.
    expect(doc.progress.kpis[0]).toMatchObject({ indicator: '移住相談件数', latest: { value: 140 } });
    const md = (await get('md')).body.toString('utf8');
    const section = md.indexOf('## 進捗状況');
    expect(section).toBeGreaterThan(md.indexOf('## 議題 1'));
    expect(md.slice(section)).toContain('改修設計');
    expect(md.slice(section)).toContain('移住相談件数');
    expect((await download(server.url, `/api/meetings/${meetingId}/minutes.md?lang=en`, secretariat.client)).body.toString('utf8')).toContain('## Progress of decisions (KPIs and roadmap)');
    const docx = docxText(readZipEntry((await get('docx')).body, 'word/document.xml'));
    const pdf = pdfText((await get('pdf')).body);
    for (const text of [docx, pdf]) {
      const at = text.indexOf('進捗状況');
      expect(at).toBeGreaterThan(0);
      expect(text.indexOf('改修設計', at)).toBeGreaterThan(at);
      expect(text.indexOf('移住相談件数', at)).toBeGreaterThan(at);
    }
  });

  it('links a re-voted revised plan to the original record inside the hashed body; the chain still verifies offline', async () => {
    const revised = (
      await secretariat.client.ok<{ reviseDecision: { id: string; status: string; revisesRecordId: string; kpis: { target: string }[] } }>(REVISE, {
        i: { recordId: decided.record.id, reason: '出店希望が想定より少ないため目標を見直す', kpis: [{ indicator: '移住相談件数', baseline: '年間120件', target: '年間200件', deadline: '2028-03-31' }] },
      })
    ).reviseDecision;
    expect(revised).toMatchObject({ status: 'OPEN', revisesRecordId: decided.record.id, kpis: [{ target: '年間200件' }] });
    await openVoting(p.organizer.client, revised.id, { rule: 'MAJORITY', ballot: 'OPEN' });
    await castVote(voter.client, revised.id, 'AGREE');
    const record = await closeVoting(p.organizer.client, revised.id);
    expect((await p.organizer.client.ok<{ consensusRecord: { outcome: string } }>(CONSENSUS_RECORD, { id: record.id })).consensusRecord.outcome).toBe('ADOPTED');
    const exported = JSON.parse((await download(server.url, RECORDS_JSON(p.id), secretariat.client)).body.toString('utf8'));
    const last = exported.records[exported.records.length - 1];
    expect(last.body.revises).toEqual({ recordId: decided.record.id, seq: decided.record.seq, hash: decided.record.hash });
    expect(await verifyChain(p.organizer.client, p.id)).toMatchObject({ valid: true });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'records-')), 'records.json');
    writeFileSync(file, JSON.stringify(exported));
    expect(execFileSync(process.execPath, [VERIFIER, file], { encoding: 'utf8' })).toMatch(/^OK: \d+ records verified/);

    const refused = await secretariat.client.fail(REVISE, { i: { recordId: decided.record.id, reason: '   ' } });
    expect(refused.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await voter.client.fail(REVISE, { i: { recordId: decided.record.id, reason: '見直したい' } })).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
  });
});

import type { RunningServer } from '../../src/server';
import { docxText, pdfText, readZipEntry } from '../support/export-files';
import { GqlClient } from '../support/graphql-client';
import { download, endMeeting, startMeetingWith } from '../support/minutes-factories';
import { newMember, newProcess } from '../support/process-factories';
import { newComment, newProposal } from '../support/proposal-factories';
import { castVote, closeVoting, newVoters, openVoting, type TestRecord } from '../support/voting-factories';
import { startTestServer } from '../support/test-app';

const ON_AGENDA = '議題の提案：森のオフィス整備';
const OFF_AGENDA = '議題外の提案：除雪ボランティア制度';
const OFF_OPEN_ONLY = '議題外の提案：空き家バンク（採決は継続中）';
const UNTOUCHED = '会議中に何もなかった提案：観光アプリ';
const OFF_COMMENT = '除雪は高齢者世帯を優先すべきです';
const OTHER = 'その他（議題外）';

/**
 * A facilitator opens and closes votes during a live meeting on proposals that are not on its
 * agenda: the minutes, in every format, hold those decisions too, in 「その他（議題外）」 after
 * the agenda items; proposals nothing happened to during the meeting stay out.
 */
describe('minutes hold every decision of the meeting: off-agenda votes and comments', () => {
  let server: RunningServer;
  let meetingId: string;
  let offRecord: TestRecord;
  let reader: GqlClient;
  const get = (p: string) => download(server.url, p, reader);

  beforeAll(async () => {
    server = await startTestServer();
    const base = new GqlClient(server.url);
    const process = await newProcess(base);
    const organizer = process.organizer;
    const voters = await newVoters(base, process, { INDUSTRY: 2, LABOUR: 1 });
    const observer = await newMember(base, process, 'OBSERVER', 'CITIZEN', '傍聴 五郎');
    reader = observer.client;
    const voter = voters.INDUSTRY[0]!;
    const onAgenda = await newProposal(voter.client, process, { title: ON_AGENDA });
    const off = await newProposal(voter.client, process, { title: OFF_AGENDA });
    const offOpen = await newProposal(voter.client, process, { title: OFF_OPEN_ONLY });
    const untouched = await newProposal(voter.client, process, { title: UNTOUCHED });
    // Before the meeting: a comment on the untouched proposal does not bring it into the minutes.
    await newComment(voter.client, untouched.id, { stance: 'SUPPORT', body: '会議前の意見' });

    ({ meetingId } = await startMeetingWith(organizer.client, process.id, [{ title: '働き方', proposalIds: [onAgenda.id] }]));
    await openVoting(organizer.client, onAgenda.id, { rule: 'MAJORITY', ballot: 'OPEN' });
    for (const a of [...voters.INDUSTRY, ...voters.LABOUR]) await castVote(a.client, onAgenda.id, 'AGREE');
    await closeVoting(organizer.client, onAgenda.id);

    await newComment(voters.LABOUR[0]!.client, off.id, { stance: 'CONCERN', body: OFF_COMMENT });
    await openVoting(organizer.client, off.id, { rule: 'MAJORITY', ballot: 'OPEN' });
    for (const a of voters.INDUSTRY) await castVote(a.client, off.id, 'AGREE');
    await castVote(voters.LABOUR[0]!.client, off.id, 'DISAGREE', { reason: '人手が足りない' });
    offRecord = await closeVoting(organizer.client, off.id);
    await openVoting(organizer.client, offOpen.id, { rule: 'MAJORITY', ballot: 'OPEN' });
    await endMeeting(organizer.client, meetingId);
  });
  afterAll(() => server.close());

  it('minutes.json lists the off-agenda proposals with their decision, comments and dissent; the untouched one is absent', async () => {
    const json = JSON.parse((await get(`/api/meetings/${meetingId}/minutes.json`)).body.toString('utf8'));
    const doc = json.document;
    expect(doc.agenda).toHaveLength(1);
    expect(doc.agenda[0].proposals.map((p: { title: string }) => p.title)).toEqual([ON_AGENDA]);
    expect(doc.offAgenda.map((p: { title: string }) => p.title)).toEqual([OFF_AGENDA, OFF_OPEN_ONLY]);
    const [off, openOnly] = doc.offAgenda;
    expect(off.decisions).toHaveLength(1);
    expect(off.decisions[0]).toMatchObject({ recordId: offRecord.id, hash: offRecord.hash, outcome: 'ADOPTED', tally: { agree: 2, disagree: 1 } });
    expect(off.decisions[0].dissent[0]).toMatchObject({ choice: 'DISAGREE', reason: '人手が足りない' });
    expect(off.discussion.total).toBe(1);
    expect(JSON.stringify(off.discussion)).toContain(OFF_COMMENT);
    expect(openOnly.decisions).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain(UNTOUCHED);
  });

  it('minutes.md has the 「その他（議題外）」 section after the agenda items, and the decisions table holds the off-agenda record', async () => {
    const md = (await get(`/api/meetings/${meetingId}/minutes.md`)).body.toString('utf8');
    const item = md.indexOf('## 議題 1: 働き方');
    const other = md.indexOf(`## ${OTHER}`);
    const decisions = md.indexOf('## 決定事項');
    expect(item).toBeGreaterThan(0);
    expect(other).toBeGreaterThan(item);
    expect(decisions).toBeGreaterThan(other);
    const section = md.slice(other, decisions);
    expect(section).toContain(OFF_AGENDA);
    expect(section).toContain(OFF_COMMENT);
    expect(section).toContain(offRecord.hash);
    expect(section).toContain(OFF_OPEN_ONLY);
    expect(md.slice(decisions)).toContain(offRecord.hash);
    expect(md).not.toContain(UNTOUCHED);
    const en = (await get(`/api/meetings/${meetingId}/minutes.md?lang=en`)).body.toString('utf8');
    expect(en).toContain('## Other business (not on the agenda)');
  });

  it('minutes.docx and minutes.pdf hold the same section, in the same order', async () => {
    const docx = docxText(readZipEntry((await get(`/api/meetings/${meetingId}/minutes.docx`)).body, 'word/document.xml'));
    const pdf = pdfText((await get(`/api/meetings/${meetingId}/minutes.pdf`)).body);
    for (const text of [docx, pdf]) {
      const other = text.indexOf(OTHER);
      expect(other).toBeGreaterThan(text.indexOf('議題 1: 働き方'));
      expect(text.indexOf(OFF_AGENDA, other)).toBeGreaterThan(other);
      expect(text.indexOf(OFF_COMMENT, other)).toBeGreaterThan(other);
      expect(text.replace(/\s+/g, '')).toContain(offRecord.hash);
      expect(text).not.toContain(UNTOUCHED);
    }
  });
});

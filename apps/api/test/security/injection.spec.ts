import MarkdownIt from 'markdown-it';
import type { RunningServer } from '../../src/server';
import { docxText, pdfText, readZipEntry } from '../support/export-files';
import { GqlClient } from '../support/graphql-client';
import { joinAsGuest, uniqueAddress } from '../support/meeting-factories';
import { sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { closeVoting, openVoting, verifyChain } from '../support/voting-factories';

/**
 * Hostile text for one field: SQL metacharacters, HTML and script, Markdown links and emphasis,
 * template and format syntax, a backslash, full-width letters and emoji. The label makes every
 * field's copy unique, so the test can tell which field came back where.
 */
const hostile = (tag: string) => `${tag}';DROP TABLE vote--<script>alert(1)</script><svg onload=alert(1)>**太字**[x](javascript:x)\\全角🎉`;
/** The part that must survive every channel, also PDF text extraction (which may break lines). */
const compact = (s: string) => s.replace(/\s+/g, '');

const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { token participant { id displayName organization } } }';

describe('hostile text in every field: stored verbatim, returned as text, escaped in every export', () => {
  let server: RunningServer;
  let anon: GqlClient;
  const H = {} as Record<string, string>;
  // Short tags (F01, F02 …) keep each copy within the tightest length limit (display names: 100).
  const field = (label: string) => (H[label] = hostile(`F${String(Object.keys(H).length + 1).padStart(2, '0')}`));
  let organizer: GqlClient;
  let member: GqlClient;
  let ids: { process: string; proposal: string; meeting: string; record: string; correction: string; guest: string; member: string; organizer: string; itemIds: string[] };

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    const signUp = async (label: string) => {
      const email = `inj-${label}-${Date.now()}@example.test`;
      const d = await anon.ok<{ signUp: { token: string; participant: { id: string } } }>(SIGN_UP, {
        i: { email, password: 'correct horse battery staple', displayName: field(`${label}.displayName`), organization: field(`${label}.organization`) },
      });
      return { client: anon.withToken(d.signUp.token), id: d.signUp.participant.id, email };
    };
    const org = await signUp('organizer');
    organizer = org.client;
    const mem = await signUp('member');
    member = mem.client;

    const proc = await organizer.ok<{ createProcess: { id: string; pillars: { id: string }[] } }>('mutation($i: CreateProcessInput!) { createProcess(input: $i) { id pillars { id } } }', {
      i: { title: field('process.title'), description: field('process.description') },
    });
    const processId = proc.createProcess.id;
    await organizer.ok('mutation($i: InviteMemberInput!) { inviteMember(input: $i) }', { i: { processId, email: mem.email, role: 'PARTICIPANT', sector: 'LABOUR', organization: field('membership.organization') } });
    const invitations = await member.ok<{ myInvitations: { id: string }[] }>('{ myInvitations { id } }');
    await member.ok('mutation($id: ID!) { acceptInvitation(invitationId: $id) { id } }', { id: invitations.myInvitations[0].id });
    const pillar = await organizer.ok<{ addPillar: { id: string } }>('mutation($i: AddPillarInput!) { addPillar(input: $i) { id } }', { i: { processId, title: field('pillar.title'), titleEn: field('pillar.titleEn') } });
    const proposal = await member.ok<{ createProposal: { id: string } }>('mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }', {
      i: { processId, pillarId: pillar.addPillar.id, title: field('proposal.title'), body: field('proposal.body'), kpis: [{ indicator: field('kpi.indicator'), baseline: field('kpi.baseline'), target: field('kpi.target') }] },
    });
    const proposalId = proposal.createProposal.id;
    await member.ok('mutation($i: AmendProposalInput!) { amendProposal(input: $i) { id } }', { i: { proposalId, body: field('proposal.amendedBody'), note: field('proposal.amendNote') } });

    const meeting = await organizer.ok<{ createMeeting: { id: string; agenda: { id: string }[] } }>('mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id agenda { id } } }', {
      i: { processId, title: field('meeting.title'), location: field('meeting.location'), agenda: [{ title: field('agenda.title'), proposalIds: [proposalId], pillarId: pillar.addPillar.id }] },
    });
    const meetingId = meeting.createMeeting.id;
    const added = await organizer.ok<{ addAgendaItem: { agenda: { id: string }[] } }>('mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { agenda { id } } }', { i: { meetingId, title: field('agenda.added') } });
    const started = await organizer.ok<{ startMeeting: { joinCode: string } }>('mutation($id: ID!) { startMeeting(meetingId: $id) { joinCode } }', { id: meetingId });
    const guest = await joinAsGuest(anon, started.startMeeting.joinCode, { displayName: field('guest.displayName'), organization: field('guest.organization'), sector: 'CITIZEN' }, uniqueAddress());

    const comment = await member.ok<{ addComment: { id: string } }>('mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', { i: { proposalId, stance: 'CONCERN', body: field('comment.body') } });
    await guest.client.ok('mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', { i: { proposalId, stance: 'QUESTION', body: field('reply.body'), parentId: comment.addComment.id } });
    const toHide = await guest.client.ok<{ addComment: { id: string } }>('mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', { i: { proposalId, stance: 'NEUTRAL', body: '非表示にされるコメント' } });
    await organizer.ok('mutation($id: ID!, $r: String!) { hideComment(commentId: $id, reason: $r) { id } }', { id: toHide.addComment.id, r: field('hide.reason') });

    await openVoting(organizer, proposalId, { rule: 'MAJORITY' });
    await member.ok('mutation($i: CastVoteInput!) { castVote(input: $i) { id } }', { i: { proposalId, choice: 'DISAGREE', reason: field('vote.reason') } });
    await organizer.ok('mutation($i: CastProxyVoteInput!) { castProxyVote(input: $i) { id } }', { i: { proposalId, participantId: guest.participant.id, choice: 'BLOCK', reason: field('proxyVote.reason') } });
    await organizer.ok('mutation($i: CastVoteInput!) { castVote(input: $i) { id } }', { i: { proposalId, choice: 'AGREE' } });
    const record = await closeVoting(organizer, proposalId);
    await organizer.ok('mutation($i: RespondToDissentInput!) { respondToDissent(input: $i) { id } }', { i: { recordId: record.id, dissentId: record.dissent[0].id, response: field('dissent.response') } });
    await organizer.ok('mutation($i: AddActionItemInput!) { addActionItem(input: $i) { id } }', {
      i: { recordId: record.id, title: field('action.title'), ownerOrganization: field('action.ownerOrganization'), kpi: field('action.kpi') },
    });
    const correction = await organizer.ok<{ correctRecord: { id: string } }>('mutation($i: CorrectRecordInput!) { correctRecord(input: $i) { id } }', {
      i: { recordId: record.id, reason: field('correction.reason'), proposalTitle: field('correction.proposalTitle') },
    });

    await organizer.ok('mutation($id: ID!) { endMeeting(meetingId: $id) { id } }', { id: meetingId });
    await organizer.ok('mutation($id: ID!, $s: String!) { updateMinutesSummary(meetingId: $id, summary: $s) { id } }', { id: meetingId, s: field('minutes.summary') });
    const itemIds = [...meeting.createMeeting.agenda.map((a) => a.id), ...added.addAgendaItem.agenda.map((a) => a.id)].filter((v, i, a) => a.indexOf(v) === i);
    await organizer.ok('mutation($id: ID!, $s: String!) { updateAgendaItemSummary(itemId: $id, summary: $s) { id } }', { id: itemIds[0], s: field('agenda.summary') });
    ids = { process: processId, proposal: proposalId, meeting: meetingId, record: record.id, correction: correction.correctRecord.id, guest: guest.participant.id, member: mem.id, organizer: org.id, itemIds };
  }, 60_000);
  afterAll(() => server.close());

  it('keeps the database intact (no statement was injected) and the record chain valid', async () => {
    const [row] = await sql<{ tables: number; votes: number }>(
      server.databaseUrl,
      `SELECT (SELECT count(*)::int FROM information_schema.tables WHERE table_name = 'vote') AS tables,
              (SELECT count(*)::int FROM vote v JOIN voting_round r ON r.id = v.round_id WHERE r.proposal_id = $1) AS votes`,
      [ids.proposal],
    );
    expect(row).toEqual({ tables: 1, votes: 3 });
    expect(await verifyChain(organizer, ids.process)).toMatchObject({ valid: true, length: 2 });
  });

  it('returns every field over GraphQL exactly as written (a string, never markup)', async () => {
    const got = await organizer.ok<{
      me: { displayName: string; organization: string };
      process: { title: string; description: string; pillars: { title: string; titleEn: string | null }[]; members: { organization: string | null; participant: { displayName: string; organization: string | null } }[] };
      proposal: { title: string; body: string; kpis: { indicator: string; baseline: string; target: string }[]; versions: { body: string; note: string | null }[]; comments: { body: string; author: { displayName: string }; replies: { body: string }[] }[] };
      meeting: { title: string; location: string; agenda: { title: string }[] };
    }>(
      `query($p: ID!, $pr: ID!, $m: ID!) {
        me { displayName organization }
        process(id: $p) { title description pillars { title titleEn } members(first: 10) { organization participant { displayName organization } } }
        proposal(id: $pr) { title body kpis { indicator baseline target } versions { body note } comments { body author { displayName } replies { body } } }
        meeting(id: $m) { title location agenda { title } }
      }`,
      { p: ids.process, pr: ids.proposal, m: ids.meeting },
    );
    expect(got.me).toEqual({ displayName: H['organizer.displayName'], organization: H['organizer.organization'] });
    expect(got.process.title).toBe(H['process.title']);
    expect(got.process.description).toBe(H['process.description']);
    expect(got.process.pillars).toContainEqual({ title: H['pillar.title'], titleEn: H['pillar.titleEn'] });
    expect(got.process.members).toContainEqual({ organization: H['membership.organization'], participant: { displayName: H['member.displayName'], organization: H['member.organization'] } });
    expect(got.process.members.map((m) => m.participant.displayName)).toContain(H['guest.displayName']);
    expect(got.proposal.title).toBe(H['proposal.title']);
    expect(got.proposal.body).toBe(H['proposal.amendedBody']);
    expect(got.proposal.kpis).toEqual([{ indicator: H['kpi.indicator'], baseline: H['kpi.baseline'], target: H['kpi.target'] }]);
    expect(got.proposal.versions.map((v) => v.body)).toEqual([H['proposal.body'], H['proposal.amendedBody']]);
    expect(got.proposal.versions[1].note).toBe(H['proposal.amendNote']);
    expect(got.proposal.comments[0]).toMatchObject({ body: H['comment.body'], author: { displayName: H['member.displayName'] }, replies: [{ body: H['reply.body'] }] });
    expect(got.meeting).toEqual({ title: H['meeting.title'], location: H['meeting.location'], agenda: [{ title: H['agenda.title'] }, { title: H['agenda.added'] }] });

    const records = await organizer.ok<{ original: { dissent: { text: string; response: string }[]; actionItems: { title: string; ownerOrganization: string; kpi: string }[] }; correction: { proposalTitle: string; correctionReason: string } }>(
      `query($r: ID!, $c: ID!) { original: consensusRecord(id: $r) { dissent { text response } actionItems { title ownerOrganization kpi } } correction: consensusRecord(id: $c) { proposalTitle correctionReason } }`,
      { r: ids.record, c: ids.correction },
    );
    expect(records.original.dissent.map((d) => d.text)).toEqual(expect.arrayContaining([H['vote.reason'], H['proxyVote.reason'], H['comment.body']]));
    expect(records.original.dissent[0].response).toBe(H['dissent.response']);
    expect(records.original.actionItems).toEqual([{ title: H['action.title'], ownerOrganization: H['action.ownerOrganization'], kpi: H['action.kpi'] }]);
    expect(records.correction).toEqual({ proposalTitle: H['correction.proposalTitle'], correctionReason: H['correction.reason'] });
    // And stored byte for byte (no escaping on the way in).
    const [stored] = await sql<{ body: string }>(server.databaseUrl, 'SELECT body FROM comment WHERE proposal_id = $1 AND parent_id IS NULL ORDER BY created_at LIMIT 1', [ids.proposal]);
    expect(stored.body).toBe(H['comment.body']);
  });

  const download = async (path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${organizer.token}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  /** Fields the minutes show (what participants and the secretariat wrote about this meeting). */
  const inMinutes = [
    'meeting.title',
    'meeting.location',
    'agenda.title',
    'agenda.added',
    'agenda.summary',
    'minutes.summary',
    'member.displayName',
    'guest.displayName',
    'guest.organization',
    'proposal.title',
    'comment.body',
    'reply.body',
    'vote.reason',
    'proxyVote.reason',
    'dissent.response',
    'action.title',
    'action.ownerOrganization',
    'action.kpi',
  ];

  it('minutes.md: rendering it as Markdown (raw HTML allowed) yields no element, handler or link from what people wrote', async () => {
    const md = (await download(`/api/meetings/${ids.meeting}/minutes.md`)).toString('utf8');
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    expect(html).not.toMatch(/<script|<svg|<[^>]*\son\w+=|href="javascript:|<strong>太字<\/strong>/i);
    const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const missing = inMinutes.filter((label) => !compact(text).includes(compact(H[label])));
    expect(missing).toEqual([]);
  });

  it('minutes.docx: every hostile text is a literal run of text, no markup', async () => {
    const xml = readZipEntry(await download(`/api/meetings/${ids.meeting}/minutes.docx`), 'word/document.xml');
    expect(xml).not.toMatch(/<script|<svg/);
    const text = compact(docxText(xml));
    expect(inMinutes.filter((label) => !text.includes(compact(H[label])))).toEqual([]);
  });

  it('minutes.pdf: every hostile text appears as text, emoji included', async () => {
    const text = compact(pdfText(await download(`/api/meetings/${ids.meeting}/minutes.pdf`)));
    // Table cells (the action items) wrap inside their column, so text extraction interleaves them
    // with the next cell: there, the literal start of the text is what can be checked.
    const tableCells = ['action.title', 'action.ownerOrganization', 'action.kpi'];
    expect(inMinutes.filter((label) => !text.includes(tableCells.includes(label) ? H[label].slice(0, 9) : compact(H[label])))).toEqual([]);
    expect(text).toContain(compact('<script>alert(1)</script>'));
  });

  it('minutes.json, votes.csv and records.json carry the text verbatim as data', async () => {
    const json = JSON.stringify(JSON.parse((await download(`/api/meetings/${ids.meeting}/minutes.json`)).toString('utf8')));
    expect(inMinutes.filter((label) => !json.includes(JSON.stringify(H[label]).slice(1, -1)))).toEqual([]);
    const csv = (await download(`/api/processes/${ids.process}/votes.csv`)).toString('utf8');
    expect(csv).toContain(H['vote.reason']);
    expect(csv).toContain(H['member.displayName']);
    const records = JSON.stringify(JSON.parse((await download(`/api/processes/${ids.process}/records.json`)).toString('utf8')));
    for (const label of ['vote.reason', 'proxyVote.reason', 'correction.reason', 'correction.proposalTitle']) expect({ label, found: records.includes(JSON.stringify(H[label]).slice(1, -1)) }).toEqual({ label, found: true });
  });
});

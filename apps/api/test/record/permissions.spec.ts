import { ACTIONS, can, PERMISSIONS, ROLES, type Action, type Role } from '@yoriai/domain';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RunningServer } from '../../src/server';
import { type Account, newAccount } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { joinAsGuest, liveMeeting, newMeeting, uniqueAddress } from '../support/meeting-factories';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { newComment, newProposal } from '../support/proposal-factories';
import { castVote, closeVoting, openVoting, type TestRecord } from '../support/voting-factories';
import { startTestServer } from '../support/test-app';

/** What one attempt came to: allowed, or refused with the contract code and our reason. */
type Outcome = { ok: true } | { ok: false; code: string; reason: string };

interface Cell<T> {
  action: Action;
  /** The representative operation, as named in docs/permissions.md. */
  operation: string;
  /** A fresh target for one attempt (made by the organiser, who holds every right). */
  prepare: () => Promise<T>;
  attempt: (client: GqlClient, target: T) => Promise<Outcome>;
  /** The FORBIDDEN reason when it is more specific than ROLE_NOT_ALLOWED (e.g. the author exception's). */
  refusal?: string;
}

const HASH = 'a'.repeat(64);
/** Well-formed, but its hashes prove nothing: it imports as an unverified template. */
const UNVERIFIED_PACKAGE = {
  format: 'yoriai.practice/1',
  exportedAt: '2026-12-01T00:00:00.000Z',
  source: { processId: '00000000-0000-4000-8000-000000000001', processTitle: '他所の協議会', region: null, pillar: null },
  proposal: { id: '00000000-0000-4000-8000-000000000002', version: 1, title: '他所の好事例', body: '本文', kpis: [], contentHash: HASH },
  record: { id: '00000000-0000-4000-8000-000000000003', seq: 1, prevHash: null, hash: HASH, decidedAt: '2026-11-01T00:00:00.000Z', body: {} },
  chain: { length: 1, headHash: HASH, links: [{ seq: 1, prevHash: null, hash: HASH }] },
  progress: { kpis: [], roadmap: [] },
};

const TABLE_FILE = path.join(__dirname, '../../../../docs/permissions.md');
const COLUMN: Record<Role, number> = { ORGANIZER: 0, FACILITATOR: 1, SECRETARIAT: 2, PARTICIPANT: 3, OBSERVER: 4 };

describe('the permission table (docs/permissions.md), cell by cell over GraphQL and HTTP', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  const members = {} as Record<Role, Account>;
  /** Author of the proposals others act on (so nobody below is acting as an author). */
  let author: Account;
  let stranger: Account;
  let guestOfAnother: GqlClient;
  /** A proposal with an open round, and a record with a dissent item, shared by the cells that only add to them. */
  let votingOn: string;
  let record: TestRecord;
  /** An ADOPTED record (its proposal's first KPI is tracked). */
  let adopted: TestRecord;

  const gql = async (client: GqlClient, query: string, variables: Record<string, unknown>): Promise<Outcome> => {
    const r = await client.raw(query, variables);
    if (!r.errors?.length) return { ok: true };
    return { ok: false, code: String(r.errors[0].extensions?.code), reason: String(r.errors[0].extensions?.reason) };
  };

  const http = async (client: GqlClient, url: string): Promise<Outcome> => {
    const res = await fetch(`${server.url}${url}`, { headers: client.token ? { authorization: `Bearer ${client.token}` } : {} });
    if (res.ok) {
      await res.arrayBuffer();
      return { ok: true };
    }
    const body = (await res.json()) as { error: { code: string; reason: string } };
    return { ok: false, code: body.error.code, reason: body.error.reason };
  };

  const organizer = () => p.organizer.client;
  const freshProposal = async () => (await newProposal(author.client, p, { title: `権限テスト ${randomUUID().slice(0, 8)}` })).id;
  /** A closed round with a reasoned DISAGREE in its record. */
  const freshRecord = async (): Promise<TestRecord> => {
    const id = await freshProposal();
    await openVoting(organizer(), id, { rule: 'MAJORITY' });
    await castVote(author.client, id, 'DISAGREE', { reason: '反対の理由' });
    return closeVoting(organizer(), id);
  };

  /** A theme of a fresh proposal's comments (its id names the proposal). */
  const freshTheme = async (): Promise<string> => {
    const id = await freshProposal();
    for (const body of ['路線バスの本数を増やしてほしい', 'バスの終便を遅くしてほしい']) await newComment(author.client, id, { body });
    const data = await organizer().ok<{ proposal: { themes: { id: string }[] } }>('query($id: ID!) { proposal(id: $id) { themes { id } } }', { id });
    return data.proposal.themes[0]!.id;
  };

  const CELLS: Cell<unknown>[] = [
    { action: 'process.read', operation: 'process', prepare: async () => p.id, attempt: (c, id) => gql(c, 'query($id: ID!) { process(id: $id) { id } }', { id }) },
    {
      action: 'process.update',
      operation: 'updateProcess',
      prepare: async () => p.id,
      attempt: (c, id) => gql(c, 'mutation($i: UpdateProcessInput!) { updateProcess(input: $i) { id } }', { i: { processId: id, description: '説明を更新 📝' } }),
    },
    {
      action: 'member.manage',
      operation: 'addMember',
      prepare: async () => (await newMember(anon, p, 'PARTICIPANT', 'CITIZEN')).id,
      attempt: (c, participantId) => gql(c, 'mutation($i: AddMemberInput!) { addMember(input: $i) { id } }', { i: { processId: p.id, participantId, role: 'PARTICIPANT', sector: 'CITIZEN' } }),
    },
    { action: 'audit.read', operation: 'auditLog', prepare: async () => p.id, attempt: (c, id) => gql(c, 'query($id: ID!) { auditLog(processId: $id, first: 1) { id } }', { id }) },
    {
      action: 'proposal.create',
      operation: 'createProposal',
      prepare: async () => p.pillarIds[0],
      attempt: (c, pillarId) => gql(c, 'mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }', { i: { processId: p.id, pillarId, title: '新しい提案', body: '本文' } }),
    },
    {
      action: 'proposal.amendAny',
      operation: 'amendProposal',
      refusal: 'NOT_PROPOSAL_AUTHOR',
      prepare: freshProposal,
      attempt: (c, id) => gql(c, 'mutation($i: AmendProposalInput!) { amendProposal(input: $i) { id } }', { i: { proposalId: id, body: '修正した本文' } }),
    },
    {
      action: 'proposal.setStatus',
      operation: 'setProposalStatus',
      prepare: freshProposal,
      attempt: (c, id) => gql(c, 'mutation($id: ID!) { setProposalStatus(proposalId: $id, status: DEFERRED) { id } }', { id }),
    },
    {
      action: 'comment.add',
      operation: 'addComment',
      prepare: freshProposal,
      attempt: (c, id) => gql(c, 'mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', { i: { proposalId: id, stance: 'QUESTION', body: '質問です' } }),
    },
    {
      action: 'comment.hide',
      operation: 'hideComment',
      prepare: async () => (await newComment(author.client, await freshProposal())).id,
      attempt: (c, id) => gql(c, 'mutation($id: ID!) { hideComment(commentId: $id, reason: "不適切") { id } }', { id }),
    },
    {
      action: 'voting.manage',
      operation: 'openVoting',
      prepare: freshProposal,
      attempt: (c, id) => gql(c, 'mutation($i: OpenVotingInput!) { openVoting(input: $i) { id } }', { i: { proposalId: id } }),
    },
    {
      action: 'vote.cast',
      operation: 'castVote',
      prepare: async () => votingOn,
      attempt: (c, id) => gql(c, 'mutation($i: CastVoteInput!) { castVote(input: $i) { id } }', { i: { proposalId: id, choice: 'AGREE' } }),
    },
    {
      action: 'vote.proxy',
      operation: 'castProxyVote',
      prepare: async () => votingOn,
      attempt: (c, id) => gql(c, 'mutation($i: CastProxyVoteInput!) { castProxyVote(input: $i) { id } }', { i: { proposalId: id, participantId: author.id, choice: 'ABSTAIN' } }),
    },
    {
      action: 'record.respond',
      operation: 'respondToDissent',
      prepare: async () => record,
      attempt: (c, r) =>
        gql(c, 'mutation($i: RespondToDissentInput!) { respondToDissent(input: $i) { id } }', { i: { recordId: (r as TestRecord).id, dissentId: (r as TestRecord).dissent[0].id, response: '回答します' } }),
    },
    {
      action: 'record.correct',
      operation: 'correctRecord',
      prepare: freshRecord,
      attempt: (c, r) => gql(c, 'mutation($i: CorrectRecordInput!) { correctRecord(input: $i) { id } }', { i: { recordId: (r as TestRecord).id, reason: '誤記の訂正' } }),
    },
    {
      action: 'actionItem.manage',
      operation: 'addActionItem',
      prepare: async () => record.id,
      attempt: (c, id) => gql(c, 'mutation($i: AddActionItemInput!) { addActionItem(input: $i) { id } }', { i: { recordId: id, title: '説明会を開く' } }),
    },
    {
      action: 'meeting.manage',
      operation: 'createMeeting',
      prepare: async () => p.id,
      attempt: (c, id) => gql(c, 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', { i: { processId: id, title: '権限テストの会議' } }),
    },
    {
      action: 'minutes.edit',
      operation: 'updateMinutesSummary',
      prepare: async () => (await newMeeting(p)).id,
      attempt: (c, id) => gql(c, 'mutation($id: ID!) { updateMinutesSummary(meetingId: $id, summary: "議事概要") { id } }', { id }),
    },
    {
      action: 'theme.edit',
      operation: 'renameTheme',
      prepare: freshTheme,
      attempt: (c, id) => gql(c, 'mutation($id: ID!) { renameTheme(themeId: $id, label: "交通の論点") { id } }', { id }),
    },
    {
      action: 'kpi.measure',
      operation: 'recordKpiMeasurement',
      prepare: async () => `${adopted.proposalId}:1`,
      attempt: (c, kpiId) => gql(c, 'mutation($i: RecordKpiMeasurementInput!) { recordKpiMeasurement(input: $i) { id } }', { i: { kpiId, value: 3, measuredAt: '2026-01-15' } }),
    },
    {
      action: 'plan.revise',
      operation: 'reviseDecision',
      prepare: async () => adopted.id,
      attempt: (c, id) => gql(c, 'mutation($i: ReviseDecisionInput!) { reviseDecision(input: $i) { id } }', { i: { recordId: id, reason: '計画を見直す' } }),
    },
    {
      action: 'progress.publish',
      operation: 'updateDeliverySettings',
      prepare: async () => p.id,
      attempt: (c, id) => gql(c, 'mutation($i: UpdateDeliverySettingsInput!) { updateDeliverySettings(input: $i) { id } }', { i: { processId: id, region: '秋田県北秋田市' } }),
    },
    { action: 'practice.export', operation: 'GET /api/records/:id/practice.json', prepare: async () => adopted.id, attempt: (c, id) => http(c, `/api/records/${id as string}/practice.json`) },
    {
      action: 'practice.import',
      operation: 'importPractice',
      prepare: async () => p.id,
      attempt: (c, id) => gql(c, 'mutation($p: ID!, $pkg: JSON!) { importPractice(processId: $p, package: $pkg) { id } }', { p: id, pkg: UNVERIFIED_PACKAGE }),
    },
    { action: 'export.download', operation: 'GET /api/processes/:id/votes.csv', prepare: async () => p.id, attempt: (c, id) => http(c, `/api/processes/${id as string}/votes.csv`) },
  ];

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon, '権限表の検証');
    members.ORGANIZER = p.organizer;
    members.FACILITATOR = await newMember(anon, p, 'FACILITATOR', 'MEDIA');
    members.SECRETARIAT = await newMember(anon, p, 'SECRETARIAT', 'GOVERNMENT');
    members.PARTICIPANT = await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY');
    members.OBSERVER = await newMember(anon, p, 'OBSERVER', 'CITIZEN');
    author = await newMember(anon, p, 'PARTICIPANT', 'LABOUR', '提案 作者');
    stranger = await newAccount(anon);
    const other = await newProcess(anon, '別の協議会（ゲスト用）');
    const meeting = await liveMeeting(other);
    guestOfAnother = (await joinAsGuest(anon, meeting.joinCode, { displayName: '他所 ゲスト', sector: 'CITIZEN' }, uniqueAddress())).client;
    votingOn = await freshProposal();
    await openVoting(organizer(), votingOn);
    record = await freshRecord();
    const decided = await freshProposal();
    await openVoting(organizer(), decided, { rule: 'MAJORITY' });
    await castVote(author.client, decided, 'AGREE');
    adopted = await closeVoting(organizer(), decided);
  }, 60_000);
  afterAll(() => server.close());

  it('docs/permissions.md shows exactly the PERMISSIONS table of libs/domain', () => {
    const rows = readFileSync(TABLE_FILE, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => l.split('|').map((c) => c.trim()));
    const documented = Object.fromEntries(rows.map((cells) => [cells[1].replace(/`/g, ''), ROLES.filter((r) => cells[2 + COLUMN[r]] === '✓')]));
    expect(documented).toEqual(Object.fromEntries(ACTIONS.map((a) => [a, ROLES.filter((r) => PERMISSIONS[a].includes(r))])));
  });

  it('covers every action of the table', () => {
    expect(ACTIONS.filter((a) => !CELLS.some((c) => c.action === a))).toEqual([]);
  });

  for (const cell of CELLS) {
    it(`${cell.action} (${cell.operation}): ${ROLES.map((r) => `${r} ${can(r, cell.action) ? '✓' : '✗'}`).join(' · ')}; non-members and other processes' guests refused`, async () => {
      const seen: Record<string, Outcome> = {};
      for (const role of ROLES) seen[role] = await cell.attempt(members[role].client, await cell.prepare());
      const expected = Object.fromEntries(ROLES.map((role) => [role, can(role, cell.action) ? { ok: true } : { ok: false, code: 'FORBIDDEN', reason: cell.refusal ?? 'ROLE_NOT_ALLOWED' }]));
      expect(seen).toEqual(expected);
      expect(await cell.attempt(stranger.client, await cell.prepare())).toEqual({ ok: false, code: 'NOT_FOUND', reason: 'NOT_A_MEMBER' });
      expect(await cell.attempt(guestOfAnother, await cell.prepare())).toEqual({ ok: false, code: 'FORBIDDEN', reason: 'GUEST_OTHER_PROCESS' });
    });
  }

  it('lets authors amend their own proposal, publish their own draft and withdraw it, but not more', async () => {
    const own = await newProposal(members.PARTICIPANT.client, p, { draft: true });
    const amend = 'mutation($i: AmendProposalInput!) { amendProposal(input: $i) { id } }';
    const setStatus = 'mutation($id: ID!, $s: ProposalStatus!) { setProposalStatus(proposalId: $id, status: $s) { id } }';
    expect(await gql(members.PARTICIPANT.client, amend, { i: { proposalId: own.id, body: '自分の下書きを直す' } })).toEqual({ ok: true });
    expect(await gql(members.PARTICIPANT.client, setStatus, { id: own.id, s: 'OPEN' })).toEqual({ ok: true });
    expect(await gql(members.PARTICIPANT.client, amend, { i: { proposalId: own.id, body: '公開後の修正（第2版）' } })).toEqual({ ok: true });
    expect(await gql(members.PARTICIPANT.client, setStatus, { id: own.id, s: 'DEFERRED' })).toEqual({ ok: false, code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect(await gql(members.PARTICIPANT.client, setStatus, { id: own.id, s: 'WITHDRAWN' })).toEqual({ ok: true });
  });
});

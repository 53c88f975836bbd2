import { contentHash } from '@yoriai/domain';
import { randomUUID } from 'node:crypto';
import { DomainEventBus } from '../../src/common/events/domain-event-bus';
import type { DomainEvent } from '../../src/common/events/domain-events';
import type { RunningServer } from '../../src/server';
import { newAccount } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { joinByInvitation, newMember, newProcess } from '../support/process-factories';
import { CREATE_PROPOSAL, forceProposalStatus, newProposal, sql, writeCounts } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

const PROPOSAL = /* GraphQL */ `
  query Proposal($id: ID!) {
    proposal(id: $id) {
      id processId pillarId authorId title body status version createdAt updatedAt
      kpis { indicator baseline target deadline }
      author { id displayName organization email }
      authorSector
      versions { version title body kpis { indicator baseline target deadline } contentHash authorId note createdAt }
    }
  }
`;
const AMEND = 'mutation($i: AmendProposalInput!) { amendProposal(input: $i) { id version title body status kpis { indicator target } } }';
const DIFF = 'query($id: ID!, $from: Int!, $to: Int!) { proposal(id: $id) { diff(from: $from, to: $to) { from to kpisChanged title { value added removed } body { value added removed } } } }';

interface Kpi {
  indicator: string;
  baseline: string | null;
  target: string;
  deadline: string | null;
}
interface Version {
  version: number;
  title: string;
  body: string;
  kpis: Kpi[];
  contentHash: string;
  authorId: string;
  note: string | null;
}
interface Proposal {
  id: string;
  processId: string;
  pillarId: string;
  authorId: string;
  title: string;
  body: string;
  status: string;
  version: number;
  kpis: Kpi[];
  author: { id: string; displayName: string; organization: string | null; email: string | null };
  authorSector: string;
  versions: Version[];
}
interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

describe('proposals', () => {
  let server: RunningServer;
  let anon: GqlClient;
  const events: DomainEvent[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    server.app.get(DomainEventBus).subscribe((e) => void events.push(e));
  });
  afterAll(() => server.close());

  const read = async (client: GqlClient, id: string) => (await client.ok<{ proposal: Proposal }>(PROPOSAL, { id })).proposal;

  it('creates an OPEN proposal with version 1, its content hash, and the author named with their sector', async () => {
    const p = await newProcess(anon);
    const author = await newMember(anon, p, 'PARTICIPANT', 'FINANCE', '金融 花子');
    const kpis = [
      { indicator: '誘致企業数', baseline: '0社', target: '10社', deadline: '2028-03-31' },
      { indicator: '移住者数', target: '年間50人' },
    ];
    const created = await newProposal(author.client, p, { pillarId: p.pillarIds[1], title: '空き家バンクの拡充', body: '## 目的\n\n空き家を減らす。\n', kpis });
    expect(created).toMatchObject({ processId: p.id, pillarId: p.pillarIds[1], status: 'OPEN', version: 1 });

    const viewer = await newMember(anon, p, 'OBSERVER', 'MEDIA');
    const got = await read(viewer.client, created.id);
    const stored = [
      { indicator: '誘致企業数', baseline: '0社', target: '10社', deadline: '2028-03-31' },
      { indicator: '移住者数', baseline: null, target: '年間50人', deadline: null },
    ];
    expect(got).toMatchObject({ title: '空き家バンクの拡充', body: '## 目的\n\n空き家を減らす。\n', kpis: stored, authorId: author.id, authorSector: 'FINANCE' });
    // Only the name (and organisation) of the author is shown to others; never their email.
    expect(got.author).toEqual({ id: author.id, displayName: '金融 花子', organization: null, email: null });
    expect(got.versions).toHaveLength(1);
    expect(got.versions[0]).toMatchObject({ version: 1, title: '空き家バンクの拡充', authorId: author.id, note: null });
    expect(got.versions[0].contentHash).toBe(contentHash({ title: '空き家バンクの拡充', body: '## 目的\n\n空き家を減らす。\n', kpis: stored }));

    const [audit] = await sql<{ action: string; actor_id: string }>(server.databaseUrl, 'SELECT action, actor_id FROM audit_log WHERE target_id = $1', [created.id]);
    expect(audit).toEqual({ action: 'proposal.create', actor_id: author.id });
  });

  it('amends an OPEN proposal into version 2, keeps version 1, and shows what changed', async () => {
    const p = await newProcess(anon);
    const author = await newMember(anon, p, 'PARTICIPANT', 'ACADEMIA');
    const created = await newProposal(author.client, p, { title: '地域交通の再編', body: '一行目\n二行目\n', kpis: [{ indicator: '路線数', target: '5' }] });
    const amended = await author.client.ok<{ amendProposal: { version: number; title: string; status: string } }>(AMEND, {
      i: { proposalId: created.id, title: '地域交通の再編案', body: '一行目\n二行目（修正）\n三行目\n', kpis: [{ indicator: '路線数', target: '7' }], note: '意見を反映' },
    });
    expect(amended.amendProposal).toMatchObject({ version: 2, title: '地域交通の再編案', status: 'OPEN' });

    const got = await read(author.client, created.id);
    expect(got.versions.map((v) => [v.version, v.title, v.note])).toEqual([
      [1, '地域交通の再編', null],
      [2, '地域交通の再編案', '意見を反映'],
    ]);
    expect(got.versions[0].body).toBe('一行目\n二行目\n');
    expect(got.versions[0].contentHash).not.toBe(got.versions[1].contentHash);
    expect(got.versions[1].contentHash).toBe(contentHash({ title: got.title, body: got.body, kpis: got.kpis }));

    const { proposal } = await author.client.ok<{ proposal: { diff: { from: number; to: number; kpisChanged: boolean; title: DiffPart[]; body: DiffPart[] } } }>(DIFF, { id: created.id, from: 1, to: 2 });
    expect(proposal.diff.kpisChanged).toBe(true);
    expect(proposal.diff.title.filter((x) => x.added).map((x) => x.value)).toEqual(['案']);
    expect(proposal.diff.body.filter((x) => x.removed).map((x) => x.value)).toEqual(['二行目\n']);
    expect(proposal.diff.body.filter((x) => x.added).map((x) => x.value)).toEqual(['二行目（修正）\n三行目\n']);

    // An amendment that only touches the body keeps the KPIs; the diff says so.
    await author.client.ok(AMEND, { i: { proposalId: created.id, body: '全面改稿\n' } });
    const d = await author.client.ok<{ proposal: { diff: { kpisChanged: boolean } } }>(DIFF, { id: created.id, from: 2, to: 3 });
    expect(d.proposal.diff.kpisChanged).toBe(false);
    const missing = await author.client.fail(DIFF, { id: created.id, from: 1, to: 9 });
    expect(missing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VERSION_NOT_FOUND' });

    const actions = await sql<{ action: string }>(server.databaseUrl, 'SELECT action FROM audit_log WHERE target_id = $1 ORDER BY created_at', [created.id]);
    expect(actions.map((a) => a.action)).toEqual(['proposal.create', 'proposal.amend', 'proposal.amend']);
  });

  it('edits a DRAFT in place and shows it only to its author and the roles that may amend any proposal', async () => {
    const p = await newProcess(anon);
    const author = await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY');
    const other = await newMember(anon, p, 'PARTICIPANT', 'LABOUR');
    const secretariat = await newMember(anon, p, 'SECRETARIAT', 'GOVERNMENT');
    const draft = await newProposal(author.client, p, { title: '下書き', draft: true });
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1 });
    const firstHash = (await read(author.client, draft.id)).versions[0].contentHash;

    const edited = await author.client.ok<{ amendProposal: { version: number; title: string } }>(AMEND, { i: { proposalId: draft.id, title: '下書き（推敲後）' } });
    expect(edited.amendProposal).toEqual(expect.objectContaining({ version: 1, title: '下書き（推敲後）' }));
    const got = await read(secretariat.client, draft.id);
    expect(got.versions).toHaveLength(1);
    expect(got.versions[0].title).toBe('下書き（推敲後）');
    expect(got.versions[0].contentHash).not.toBe(firstHash);

    const hidden = await other.client.fail(PROPOSAL, { id: draft.id });
    expect(hidden.extensions?.code).toBe('NOT_FOUND');
    const LIST = 'query($id: ID!) { process(id: $id) { proposals { id } pillars { proposalCount } } }';
    const theirs = await other.client.ok<{ process: { proposals: { id: string }[]; pillars: { proposalCount: number }[] } }>(LIST, { id: p.id });
    expect(theirs.process.proposals).toEqual([]);
    expect(theirs.process.pillars[0].proposalCount).toBe(0);
    const mine = await author.client.ok<{ process: { proposals: { id: string }[] } }>(LIST, { id: p.id });
    expect(mine.process.proposals).toEqual([{ id: draft.id }]);

    // The author publishes the draft; from now on an amendment makes version 2.
    const SET = 'mutation($id: ID!, $s: ProposalStatus!) { setProposalStatus(proposalId: $id, status: $s) { status version } }';
    await author.client.ok(SET, { id: draft.id, s: 'OPEN' });
    expect((await read(other.client, draft.id)).status).toBe('OPEN');
    const v2 = await secretariat.client.ok<{ amendProposal: { version: number } }>(AMEND, { i: { proposalId: draft.id, body: '事務局による体裁の修正' } });
    expect(v2.amendProposal.version).toBe(2);
    expect((await read(other.client, draft.id)).versions.map((v) => v.authorId)).toEqual([author.id, secretariat.id]);
  });

  it('refuses an amendment that changes nothing, and amendments by others than the author or amendAny roles', async () => {
    const p = await newProcess(anon);
    const author = await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY');
    const other = await newMember(anon, p, 'PARTICIPANT', 'LABOUR');
    const observer = await newMember(anon, p, 'OBSERVER', 'MEDIA');
    const created = await newProposal(author.client, p, { title: '同じ', body: '本文', kpis: [] });
    const before = await writeCounts(server.databaseUrl, p.id);

    const same = await author.client.fail(AMEND, { i: { proposalId: created.id, title: ' 同じ ', body: '本文', kpis: [] } });
    expect(same.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_CHANGES' });
    const nothing = await author.client.fail(AMEND, { i: { proposalId: created.id } });
    expect(nothing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_CHANGES' });
    for (const who of [other, observer]) {
      const err = await who.client.fail(AMEND, { i: { proposalId: created.id, title: '乗っ取り' } });
      expect(err.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_PROPOSAL_AUTHOR' });
    }
    const stranger = await newAccount(anon);
    const notFound = await stranger.client.fail(AMEND, { i: { proposalId: created.id, title: '乗っ取り' } });
    expect(notFound.extensions?.code).toBe('NOT_FOUND');
    expect(await writeCounts(server.databaseUrl, p.id)).toEqual(before);

    const facilitator = await newMember(anon, p, 'FACILITATOR', 'GOVERNMENT');
    const ok = await facilitator.client.ok<{ amendProposal: { version: number } }>(AMEND, { i: { proposalId: created.id, title: '整理後' } });
    expect(ok.amendProposal.version).toBe(2);
  });

  it('refuses amendments while VOTING and once the proposal is deferred or final (PROPOSAL_NOT_EDITABLE)', async () => {
    const p = await newProcess(anon);
    for (const status of ['VOTING', 'ADOPTED', 'REJECTED', 'WITHDRAWN', 'DEFERRED'] as const) {
      const created = await newProposal(p.organizer.client, p);
      await forceProposalStatus(server.databaseUrl, created.id, status);
      const err = await p.organizer.client.fail(AMEND, { i: { proposalId: created.id, title: '修正' } });
      expect(err.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROPOSAL_NOT_EDITABLE' });
      expect((await read(p.organizer.client, created.id)).versions).toHaveLength(1);
    }
  });

  it('returns the stored proposal when a create is retried with the same clientRequestId, even five at once', async () => {
    const p = await newProcess(anon);
    const author = await newMember(anon, p, 'PARTICIPANT', 'CITIZEN');
    const clientRequestId = randomUUID();
    const input = { processId: p.id, pillarId: p.pillarIds[0], title: '同時送信', body: '電波が悪い会場から', clientRequestId };
    const results = await Promise.all(Array.from({ length: 5 }, () => author.client.raw<{ createProposal: { id: string } }>(CREATE_PROPOSAL, { input })));
    for (const r of results) expect(r.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.data?.createProposal.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const rows = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM proposal WHERE author_id = $1 AND client_request_id = $2', [author.id, clientRequestId]);
    expect(rows[0].n).toBe(1);
    expect((await writeCounts(server.databaseUrl, p.id)).proposal_version).toBe(1);
    const audits = await sql<{ n: number }>(server.databaseUrl, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'proposal.create' AND target_id = $1", [id]);
    expect(audits[0].n).toBe(1);
    expect(events.filter((e) => e.type === 'proposal.created' && e.proposalId === id)).toHaveLength(1);

    // A later retry still answers with the stored proposal; another author's identical id is theirs alone.
    expect((await author.client.ok<{ createProposal: { id: string } }>(CREATE_PROPOSAL, { input })).createProposal.id).toBe(id);
    const other = await newMember(anon, p, 'PARTICIPANT', 'CITIZEN');
    expect((await other.client.ok<{ createProposal: { id: string } }>(CREATE_PROPOSAL, { input })).createProposal.id).not.toBe(id);

    // Reusing the id for a different process is a client bug, refused rather than answered with an unrelated proposal.
    const p2 = await newProcess(anon);
    await joinByInvitation(p2, author, 'PARTICIPANT', 'CITIZEN');
    const reused = await author.client.fail(CREATE_PROPOSAL, { input: { ...input, processId: p2.id, pillarId: p2.pillarIds[0] } });
    expect(reused.extensions).toMatchObject({ code: 'CLIENT_REQUEST_ID_REUSED', reason: 'CLIENT_REQUEST_ID_REUSED' });
  });

  it('lets observers read but not propose, hides proposals from other processes, and requires sign-in', async () => {
    const p = await newProcess(anon);
    const created = await newProposal(p.organizer.client, p);
    const observer = await newMember(anon, p, 'OBSERVER', 'MEDIA');
    expect((await read(observer.client, created.id)).id).toBe(created.id);
    const denied = await observer.client.fail(CREATE_PROPOSAL, { input: { processId: p.id, pillarId: p.pillarIds[0], title: 'x', body: '' } });
    expect(denied.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });

    const elsewhere = await newProcess(anon, '別の協議会');
    const outsider = await newMember(anon, elsewhere, 'ORGANIZER', 'GOVERNMENT');
    expect((await outsider.client.fail(PROPOSAL, { id: created.id })).extensions?.code).toBe('NOT_FOUND');
    expect((await outsider.client.fail(PROPOSAL, { id: randomUUID() })).extensions?.code).toBe('NOT_FOUND');
    expect((await outsider.client.fail(PROPOSAL, { id: 'not-a-uuid' })).extensions?.code).toBe('NOT_FOUND');
    const intoOther = await outsider.client.fail(CREATE_PROPOSAL, { input: { processId: p.id, pillarId: p.pillarIds[0], title: 'x', body: '' } });
    expect(intoOther.extensions?.code).toBe('NOT_FOUND');
    expect((await anon.fail(PROPOSAL, { id: created.id })).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses every bad input with a typed error and writes nothing', async () => {
    const p = await newProcess(anon);
    const other = await newProcess(anon, '隣町の協議会');
    const author = await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY');
    const created = await newProposal(author.client, p);
    const base = { processId: p.id, pillarId: p.pillarIds[0], title: '正しいタイトル', body: '本文' };
    const kpi = { indicator: '指標', target: '目標' };
    // reason undefined: refused by GraphQL's own variable coercion, before any resolver runs.
    const cases: [string, Record<string, unknown>, string | undefined][] = [
      ['empty title', { ...base, title: '' }, 'VALIDATION_FAILED'],
      ['blank title', { ...base, title: '　 ' }, 'TITLE_REQUIRED'],
      ['201-character title', { ...base, title: '長'.repeat(201) }, 'VALIDATION_FAILED'],
      ['20,001-character body', { ...base, body: 'あ'.repeat(20001) }, 'VALIDATION_FAILED'],
      ['21 KPIs', { ...base, kpis: Array.from({ length: 21 }, () => kpi) }, 'VALIDATION_FAILED'],
      ['KPI without target', { ...base, kpis: [{ indicator: '指標', target: '' }] }, 'VALIDATION_FAILED'],
      ['KPI with a blank indicator', { ...base, kpis: [{ indicator: '  ', target: '10' }] }, 'KPI_INCOMPLETE'],
      ['201-character KPI indicator', { ...base, kpis: [{ ...kpi, indicator: '指'.repeat(201) }] }, 'VALIDATION_FAILED'],
      ['201-character KPI baseline', { ...base, kpis: [{ ...kpi, baseline: '基'.repeat(201) }] }, 'VALIDATION_FAILED'],
      ['deadline that is not a date', { ...base, kpis: [{ ...kpi, deadline: '来年度末' }] }, 'VALIDATION_FAILED'],
      ['impossible deadline', { ...base, kpis: [{ ...kpi, deadline: '2027-02-30' }] }, 'VALIDATION_FAILED'],
      ['unknown pillar', { ...base, pillarId: randomUUID() }, 'PILLAR_NOT_IN_PROCESS'],
      ['pillar of another process', { ...base, pillarId: other.pillarIds[0] }, 'PILLAR_NOT_IN_PROCESS'],
      ['malformed process id', { ...base, processId: '1; DROP TABLE proposal' }, 'VALIDATION_FAILED'],
      ['65-character clientRequestId', { ...base, clientRequestId: 'x'.repeat(65) }, 'VALIDATION_FAILED'],
      ['unknown field', { ...base, status: 'ADOPTED' }, undefined],
      ['title that is not a string', { ...base, title: 42 }, undefined],
    ];
    const before = await writeCounts(server.databaseUrl, p.id);
    for (const [name, input, reason] of cases) {
      const err = await author.client.fail(CREATE_PROPOSAL, { input });
      expect({ name, ...err.extensions }).toMatchObject({ name, code: 'BAD_USER_INPUT', ...(reason ? { reason } : {}) });
      expect(err.message).not.toMatch(/QueryFailedError|at .*\.ts/);
    }
    const amendCases: [Record<string, unknown>, string][] = [
      [{ proposalId: created.id, title: '' }, 'VALIDATION_FAILED'],
      [{ proposalId: created.id, body: 'x'.repeat(20001) }, 'VALIDATION_FAILED'],
      [{ proposalId: created.id, note: 'x'.repeat(501) }, 'VALIDATION_FAILED'],
      [{ proposalId: created.id, kpis: [{ indicator: '指標', target: '目標', deadline: '31/03/2028' }] }, 'VALIDATION_FAILED'],
      [{ proposalId: 'nope', title: 'x' }, 'VALIDATION_FAILED'],
    ];
    for (const [i, reason] of amendCases) {
      const err = await author.client.fail(AMEND, { i });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    }
    const badStatus = await author.client.fail('mutation($id: ID!) { setProposalStatus(proposalId: $id, status: APPROVED) { id } }', { id: created.id });
    expect(badStatus.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await writeCounts(server.databaseUrl, p.id)).toEqual(before);

    // The limits themselves are allowed: 200 characters of title (emoji count as one) and 20,000 of body.
    const edge = await newProposal(author.client, p, { title: '🌾'.repeat(200), body: '本'.repeat(20000), kpis: Array.from({ length: 20 }, () => kpi) });
    const got = await read(author.client, edge.id);
    expect([...got.title]).toHaveLength(200);
    expect(got.body).toHaveLength(20000);
    expect(got.kpis).toHaveLength(20);
  });

  it('stores Markdown and HTML verbatim and returns it as text; 全角 and 絵文字 round-trip', async () => {
    const p = await newProcess(anon);
    const title = '＜全角＞ ｶﾀｶﾅ 𠮷野家 👨‍👩‍👧 <b>太字</b>';
    const body = '# 見出し\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n- [リンク](javascript:alert(3))\n\n`code` & "quotes" \'single\'\n絵文字🎌🍙、合字👩🏽‍🌾、異体字葛󠄀\r\n';
    const kpis = [{ indicator: '満足度😊', baseline: '３０％', target: '８０％', deadline: '2030-12-31' }];
    const created = await newProposal(p.organizer.client, p, { title, body, kpis });
    const got = await read(p.organizer.client, created.id);
    expect(got.title).toBe(title);
    expect(got.body).toBe(body);
    expect(got.kpis).toEqual(kpis);
    expect(got.versions[0].body).toBe(body);
    const [row] = await sql<{ title: string; body: string }>(server.databaseUrl, 'SELECT title, body FROM proposal WHERE id = $1', [created.id]);
    expect(row).toEqual({ title, body });
  });

  it('lists the proposals of a process by pillar and status, newest first and paged, and counts them per pillar', async () => {
    const p = await newProcess(anon);
    await newProposal(p.organizer.client, p, { title: 'A', pillarId: p.pillarIds[0] });
    const b = await newProposal(p.organizer.client, p, { title: 'B', pillarId: p.pillarIds[0] });
    await newProposal(p.organizer.client, p, { title: 'C', pillarId: p.pillarIds[2] });
    await newProposal(p.organizer.client, p, { title: 'D (draft)', pillarId: p.pillarIds[2], draft: true });
    await p.organizer.client.ok('mutation($id: ID!) { setProposalStatus(proposalId: $id, status: DEFERRED) { id } }', { id: b.id });
    const member = await newMember(anon, p, 'PARTICIPANT', 'LABOUR');
    const LIST = `query($id: ID!, $pillarId: ID, $status: ProposalStatus, $first: Int, $offset: Int) {
      process(id: $id) { proposals(pillarId: $pillarId, status: $status, first: $first, offset: $offset) { title } pillars { proposalCount } }
    }`;
    type List = { process: { proposals: { title: string }[]; pillars: { proposalCount: number }[] } };
    const titles = async (vars: Record<string, unknown>) => (await member.client.ok<List>(LIST, { id: p.id, ...vars })).process.proposals.map((x) => x.title);
    expect(await titles({})).toEqual(['C', 'B', 'A']);
    expect(await titles({ pillarId: p.pillarIds[0] })).toEqual(['B', 'A']);
    expect(await titles({ status: 'OPEN' })).toEqual(['C', 'A']);
    expect(await titles({ first: 1, offset: 1 })).toEqual(['B']);
    const counts = (await member.client.ok<List>(LIST, { id: p.id })).process.pillars.map((x) => x.proposalCount);
    expect(counts).toEqual([2, 0, 1, 0, 0]);
    const tooMany = await member.client.fail(LIST, { id: p.id, first: 201 });
    expect(tooMany.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('publishes proposal events only for committed changes', async () => {
    const p = await newProcess(anon);
    const created = await newProposal(p.organizer.client, p);
    await p.organizer.client.ok(AMEND, { i: { proposalId: created.id, title: 'イベント確認' } });
    await p.organizer.client.fail(AMEND, { i: { proposalId: created.id, title: 'イベント確認' } });
    await p.organizer.client.fail(CREATE_PROPOSAL, { input: { processId: p.id, pillarId: randomUUID(), title: '失敗', body: '' } });
    const mine = events.filter((e) => 'processId' in e && e.processId === p.id);
    expect(mine).toEqual([
      { type: 'proposal.created', processId: p.id, proposalId: created.id },
      { type: 'proposal.updated', processId: p.id, proposalId: created.id },
    ]);
  });

  it('answers in Japanese by default and in English with Accept-Language: en', async () => {
    const p = await newProcess(anon);
    const created = await newProposal(p.organizer.client, p);
    const ja = await p.organizer.client.fail(AMEND, { i: { proposalId: created.id } });
    expect(ja.message).toBe('修正内容が現在の版と同じです。');
    const en = new GqlClient(server.url, 'en').withToken(p.organizer.client.token as string);
    const err = await en.fail(AMEND, { i: { proposalId: created.id } });
    expect(err.message).toBe('The amendment does not change anything.');
  });
});

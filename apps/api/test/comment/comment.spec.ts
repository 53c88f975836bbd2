import { randomUUID } from 'node:crypto';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { TokenService } from '../../src/common/auth/token.service';
import { DomainEventBus } from '../../src/common/events/domain-event-bus';
import type { DomainEvent } from '../../src/common/events/domain-events';
import { ThemesPublisher } from '../../src/realtime/themes.publisher';
import type { RunningServer } from '../../src/server';
import { type Account, newAccount } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { newMember, newProcess } from '../support/process-factories';
import { ADD_COMMENT, forceProposalStatus, newComment, newProposal, sql, writeCounts } from '../support/proposal-factories';
import { waitUntil } from '../support/live-client';
import { startTestServer } from '../support/test-app';

const HIDE = 'mutation($id: ID!, $reason: String!) { hideComment(commentId: $id, reason: $reason) { id hidden hiddenReason hiddenAt body } }';
const THREAD = /* GraphQL */ `
  query Thread($id: ID!, $first: Int, $offset: Int) {
    proposal(id: $id) {
      commentCount
      comments(first: $first, offset: $offset) {
        id parentId stance body hidden hiddenReason authorSector proposalVersion createdAt replyCount
        author { displayName organization email }
        replies { id parentId stance body hidden hiddenReason authorSector replyCount author { displayName } replies { id body } }
      }
    }
  }
`;

interface Reply {
  id: string;
  parentId: string;
  stance: string;
  body: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  authorSector: string;
  replyCount: number;
  author: { displayName: string };
  replies: { id: string; body: string | null }[];
}
interface TopComment extends Omit<Reply, 'author' | 'replies' | 'parentId'> {
  parentId: string | null;
  proposalVersion: number;
  author: { displayName: string; organization: string | null; email: string | null };
  replies: Reply[];
}
type Thread = { proposal: { commentCount: number; comments: TopComment[] } };

describe('threaded comments', () => {
  let server: RunningServer;
  let anon: GqlClient;
  const events: DomainEvent[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    server.app.get(DomainEventBus).subscribe((e) => void events.push(e));
  });
  afterAll(() => server.close());

  it('threads comments and replies with stance, sector and the version they answer; moderators hide with a reason', async () => {
    const p = await newProcess(anon);
    const author = await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY', '産業 太郎');
    const labour = await newMember(anon, p, 'PARTICIPANT', 'LABOUR', '労働 次郎');
    const academia = await newMember(anon, p, 'PARTICIPANT', 'ACADEMIA', '学術 三郎');
    await p.organizer.client.ok('mutation($i: AddMemberInput!) { addMember(input: $i) { id } }', {
      i: { processId: p.id, participantId: labour.id, role: 'PARTICIPANT', sector: 'LABOUR', organization: '北秋田地区連合' },
    });
    const facilitator = await newMember(anon, p, 'FACILITATOR', 'GOVERNMENT', '進行 四郎');
    const proposal = await newProposal(author.client, p);

    const concern = await newComment(labour.client, proposal.id, { stance: 'CONCERN', body: '雇用条件が心配です。' });
    expect(concern).toMatchObject({ proposalId: proposal.id, parentId: null, stance: 'CONCERN', body: '雇用条件が心配です。', proposalVersion: 1 });
    const answer = await newComment(author.client, proposal.id, { parentId: concern.id, stance: 'NEUTRAL', body: '最低賃金以上を条件にします。' });
    const followUp = await newComment(labour.client, proposal.id, { parentId: answer.id, stance: 'SUPPORT', body: 'それなら賛成です。' });
    await author.client.ok('mutation($i: AmendProposalInput!) { amendProposal(input: $i) { version } }', { i: { proposalId: proposal.id, body: '最低賃金以上を条件とする。' } });
    const question = await newComment(academia.client, proposal.id, { stance: 'QUESTION', body: '効果測定の方法は？' });
    expect(question.proposalVersion).toBe(2);

    const thread = (await academia.client.ok<Thread>(THREAD, { id: proposal.id })).proposal;
    expect(thread.commentCount).toBe(4);
    expect(thread.comments.map((c) => c.id)).toEqual([concern.id, question.id]);
    // The projector shows the latest comments first.
    const newest = await academia.client.ok<{ proposal: { comments: { id: string }[] } }>('query($id: ID!) { proposal(id: $id) { comments(first: 1, newestFirst: true) { id } } }', { id: proposal.id });
    expect(newest.proposal.comments.map((c) => c.id)).toEqual([question.id]);
    const [first, second] = thread.comments;
    expect(first).toMatchObject({ stance: 'CONCERN', authorSector: 'LABOUR', proposalVersion: 1, replyCount: 1, hidden: false, hiddenReason: null });
    expect(first.author).toEqual({ displayName: '労働 次郎', organization: '北秋田地区連合', email: null });
    expect(first.replies).toHaveLength(1);
    expect(first.replies[0]).toMatchObject({ id: answer.id, parentId: concern.id, stance: 'NEUTRAL', authorSector: 'INDUSTRY', replyCount: 1, author: { displayName: '産業 太郎' } });
    expect(first.replies[0].replies).toEqual([{ id: followUp.id, body: 'それなら賛成です。' }]);
    expect(second).toMatchObject({ stance: 'QUESTION', authorSector: 'ACADEMIA', proposalVersion: 2, replyCount: 0, replies: [] });

    // A participant may not hide; a facilitator hides with a reason; nothing is deleted.
    const denied = await author.client.fail(HIDE, { id: concern.id, reason: '不要' });
    expect(denied.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const hidden = await facilitator.client.ok<{ hideComment: { hidden: boolean; hiddenReason: string; hiddenAt: string; body: string } }>(HIDE, { id: concern.id, reason: '個人名が含まれるため' });
    expect(hidden.hideComment).toMatchObject({ hidden: true, hiddenReason: '個人名が含まれるため', body: '雇用条件が心配です。' });
    expect(hidden.hideComment.hiddenAt).toEqual(expect.any(String));
    const twice = await facilitator.client.fail(HIDE, { id: concern.id, reason: 'もう一度' });
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_HIDDEN' });

    // Members see the hidden comment in its place (with its replies) but not its text; moderators still do.
    const seen = (await academia.client.ok<Thread>(THREAD, { id: proposal.id })).proposal;
    expect(seen.commentCount).toBe(4);
    expect(seen.comments.map((c) => c.id)).toEqual([concern.id, question.id]);
    expect(seen.comments[0]).toMatchObject({ hidden: true, hiddenReason: '個人名が含まれるため', body: null, replyCount: 1 });
    expect(seen.comments[0].replies[0].body).toBe('最低賃金以上を条件にします。');
    const moderated = (await facilitator.client.ok<Thread>(THREAD, { id: proposal.id })).proposal;
    expect(moderated.comments[0].body).toBe('雇用条件が心配です。');
    const [row] = await sql<{ body: string; hidden_by_id: string }>(server.databaseUrl, 'SELECT body, hidden_by_id FROM comment WHERE id = $1', [concern.id]);
    expect(row).toEqual({ body: '雇用条件が心配です。', hidden_by_id: facilitator.id });

    // No replies to a hidden comment.
    const replyToHidden = await labour.client.fail(ADD_COMMENT, { input: { proposalId: proposal.id, parentId: concern.id, stance: 'SUPPORT', body: '返信' } });
    expect(replyToHidden.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PARENT_HIDDEN' });

    const actions = await sql<{ action: string }>(server.databaseUrl, "SELECT action FROM audit_log WHERE process_id = $1 AND action LIKE 'comment.%' ORDER BY created_at", [p.id]);
    expect(actions.map((a) => a.action)).toEqual(['comment.add', 'comment.add', 'comment.add', 'comment.add', 'comment.hide']);
    const mine = events.filter((e) => e.type.startsWith('comment.') && 'processId' in e && e.processId === p.id);
    expect(mine.map((e) => e.type)).toEqual(['comment.created', 'comment.created', 'comment.created', 'comment.created', 'comment.hidden']);
    expect(mine[4]).toEqual({ type: 'comment.hidden', processId: p.id, proposalId: proposal.id, commentId: concern.id });
  });

  it('stores a retried comment once, even when the same clientRequestId arrives five times at once', async () => {
    const p = await newProcess(anon);
    const member = await newMember(anon, p, 'PARTICIPANT', 'CITIZEN');
    const proposal = await newProposal(p.organizer.client, p);
    const input = { proposalId: proposal.id, stance: 'SUPPORT', body: '電波の悪い体育館から送信', clientRequestId: randomUUID() };
    const results = await Promise.all(Array.from({ length: 5 }, () => member.client.raw<{ addComment: { id: string } }>(ADD_COMMENT, { input })));
    for (const r of results) expect(r.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.data?.addComment.id));
    expect(ids.size).toBe(1);
    expect((await writeCounts(server.databaseUrl, p.id)).comment).toBe(1);
    const [id] = [...ids];
    const audits = await sql<{ n: number }>(server.databaseUrl, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'comment.add' AND target_id = $1", [id]);
    expect(audits[0].n).toBe(1);
    expect(events.filter((e) => e.type === 'comment.created' && e.commentId === id)).toHaveLength(1);

    // After the proposal closes, a late retry still gets its stored comment rather than an error.
    await forceProposalStatus(server.databaseUrl, proposal.id, 'ADOPTED');
    expect((await member.client.ok<{ addComment: { id: string } }>(ADD_COMMENT, { input })).addComment.id).toBe(id);
    const other = await newProposal(p.organizer.client, p);
    const reused = await member.client.fail(ADD_COMMENT, { input: { ...input, proposalId: other.id } });
    expect(reused.extensions).toMatchObject({ code: 'CLIENT_REQUEST_ID_REUSED', reason: 'CLIENT_REQUEST_ID_REUSED' });
  });

  it('takes comments only on OPEN and VOTING proposals, and only from members who may comment', async () => {
    const p = await newProcess(anon);
    const author = await newMember(anon, p, 'PARTICIPANT', 'INDUSTRY');
    const member = await newMember(anon, p, 'PARTICIPANT', 'FINANCE');
    const observer = await newMember(anon, p, 'OBSERVER', 'MEDIA');
    const secretariat = await newMember(anon, p, 'SECRETARIAT', 'GOVERNMENT');
    const add = (client: GqlClient, proposalId: string) => client.fail(ADD_COMMENT, { input: { proposalId, stance: 'SUPPORT', body: 'コメント' } });

    const open = await newProposal(author.client, p);
    expect((await add(observer.client, open.id)).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const elsewhere = await newProcess(anon, '別の協議会');
    expect((await add(elsewhere.organizer.client, open.id)).extensions?.code).toBe('NOT_FOUND');
    expect((await add(anon, open.id)).extensions?.code).toBe('UNAUTHENTICATED');

    // A draft does not exist for other members; its author and the secretariat see it but cannot discuss it yet.
    const draft = await newProposal(author.client, p, { draft: true });
    expect((await add(member.client, draft.id)).extensions?.code).toBe('NOT_FOUND');
    for (const who of [author, secretariat]) expect((await add(who.client, draft.id)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROPOSAL_NOT_OPEN' });

    for (const status of ['ADOPTED', 'REJECTED', 'DEFERRED', 'WITHDRAWN'] as const) {
      const closed = await newProposal(author.client, p);
      await forceProposalStatus(server.databaseUrl, closed.id, status);
      expect((await add(member.client, closed.id)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROPOSAL_NOT_OPEN', details: { status } });
    }
    const voting = await newProposal(author.client, p);
    await forceProposalStatus(server.databaseUrl, voting.id, 'VOTING');
    expect((await newComment(member.client, voting.id, { stance: 'CONCERN', body: '採決中でも懸念を残したい' })).stance).toBe('CONCERN');
    expect((await writeCounts(server.databaseUrl, p.id)).comment).toBe(1);

    // Hiding needs 'comment.hide' in the comment's own process.
    const c = await newComment(member.client, open.id);
    const outsider = await elsewhere.organizer.client.fail(HIDE, { id: c.id, reason: '理由' });
    expect(outsider.extensions?.code).toBe('NOT_FOUND');
    expect((await secretariat.client.fail(HIDE, { id: c.id, reason: '理由' })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await p.organizer.client.fail(HIDE, { id: randomUUID(), reason: '理由' })).extensions?.code).toBe('NOT_FOUND');
  });

  it('lets a guest who joined one process discuss there and nowhere else', async () => {
    const p = await newProcess(anon);
    const other = await newProcess(anon, '別の協議会');
    const elsewhere = await newProposal(other.organizer.client, other);
    // joinMeeting belongs to the meeting module: make the same kind of guest directly and sign its token.
    const [guest] = await sql<{ id: string }>(
      server.databaseUrl,
      "INSERT INTO participant (kind, display_name, organization, guest_process_id) VALUES ('GUEST', '来場 五郎', '地元高校', $1) RETURNING id",
      [p.id],
    );
    await p.organizer.client.ok('mutation($i: AddMemberInput!) { addMember(input: $i) { id } }', { i: { processId: p.id, participantId: guest.id, role: 'PARTICIPANT', sector: 'CITIZEN' } });
    const { token } = await server.app.get(TokenService).issue({ participantId: guest.id, kind: 'GUEST', scopeProcessId: p.id });
    const client = anon.withToken(token);

    const proposal = await newProposal(p.organizer.client, p);
    const c = await newComment(client, proposal.id, { stance: 'QUESTION', body: '高校生も参加できますか？' });
    const thread = (await p.organizer.client.ok<Thread>(THREAD, { id: proposal.id })).proposal;
    expect(thread.comments[0]).toMatchObject({ id: c.id, authorSector: 'CITIZEN', author: { displayName: '来場 五郎', organization: '地元高校', email: null } });
    const refused = await client.fail(ADD_COMMENT, { input: { proposalId: elsewhere.id, stance: 'SUPPORT', body: '越境' } });
    expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'GUEST_OTHER_PROCESS' });
    expect((await client.fail('query($id: ID!) { proposal(id: $id) { id } }', { id: elsewhere.id })).extensions?.code).toBe('FORBIDDEN');
    expect((await writeCounts(server.databaseUrl, other.id)).comment).toBe(0);
  });

  it('refuses every bad input with a typed error and writes nothing', async () => {
    const p = await newProcess(anon);
    const member = await newMember(anon, p, 'PARTICIPANT', 'LABOUR');
    const proposal = await newProposal(p.organizer.client, p);
    const otherProposal = await newProposal(p.organizer.client, p);
    const foreign = await newComment(p.organizer.client, otherProposal.id);
    const base = { proposalId: proposal.id, stance: 'SUPPORT', body: 'コメント' };
    const cases: [string, Record<string, unknown>, string | undefined][] = [
      ['empty body', { ...base, body: '' }, 'VALIDATION_FAILED'],
      ['blank body', { ...base, body: ' \n　' }, 'BODY_REQUIRED'],
      ['5,001-character body', { ...base, body: '言'.repeat(5001) }, 'VALIDATION_FAILED'],
      ['unknown stance', { ...base, stance: 'ANGRY' }, undefined],
      ['parent of another proposal', { ...base, parentId: foreign.id }, 'PARENT_NOT_IN_PROPOSAL'],
      ['unknown parent', { ...base, parentId: randomUUID() }, 'PARENT_NOT_IN_PROPOSAL'],
      ['malformed parent id', { ...base, parentId: 'abc' }, 'VALIDATION_FAILED'],
      ['malformed proposal id', { ...base, proposalId: 'abc' }, 'VALIDATION_FAILED'],
      ['65-character clientRequestId', { ...base, clientRequestId: 'r'.repeat(65) }, 'VALIDATION_FAILED'],
    ];
    const before = await writeCounts(server.databaseUrl, p.id);
    for (const [name, input, reason] of cases) {
      const err = await member.client.fail(ADD_COMMENT, { input });
      expect({ name, ...err.extensions }).toMatchObject({ name, code: 'BAD_USER_INPUT', ...(reason ? { reason } : {}) });
    }
    for (const [reason, expected] of [['', 'VALIDATION_FAILED'], ['   ', 'REASON_REQUIRED'], ['理'.repeat(501), 'VALIDATION_FAILED']] as const) {
      const err = await p.organizer.client.fail(HIDE, { id: foreign.id, reason });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: expected });
    }
    expect((await p.organizer.client.fail(HIDE, { id: 'abc', reason: '理由' })).extensions?.code).toBe('BAD_USER_INPUT');
    expect(await writeCounts(server.databaseUrl, p.id)).toEqual(before);
    const [row] = await sql<{ hidden_at: Date | null }>(server.databaseUrl, 'SELECT hidden_at FROM comment WHERE id = $1', [foreign.id]);
    expect(row.hidden_at).toBeNull();

    // 5,000 characters (emoji count as one) is the limit, not over it.
    const edge = await newComment(member.client, proposal.id, { body: '🙇'.repeat(5000) });
    expect([...(edge.body ?? '')]).toHaveLength(5000);
  });

  it('stores Markdown and HTML verbatim and returns it as text; 全角 and 絵文字 round-trip', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p);
    const body = '<script>alert(1)</script>\n**太字** ＆ ｈａｎｋａｋｕ 🎉👩‍👩‍👧 𠮷\n<a href="javascript:alert(2)">x</a>';
    const c = await newComment(p.organizer.client, proposal.id, { body, stance: 'QUESTION' });
    expect(c.body).toBe(body);
    const thread = (await p.organizer.client.ok<Thread>(THREAD, { id: proposal.id })).proposal;
    expect(thread.comments[0].body).toBe(body);
    const [row] = await sql<{ body: string }>(server.databaseUrl, 'SELECT body FROM comment WHERE id = $1', [c.id]);
    expect(row.body).toBe(body);
  });

  it('pages top-level comments and replies', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p);
    const tops = [];
    for (let i = 0; i < 5; i++) tops.push(await newComment(p.organizer.client, proposal.id, { body: `意見${i}` }));
    for (let i = 0; i < 3; i++) await newComment(p.organizer.client, proposal.id, { parentId: tops[0].id, body: `返信${i}` });
    const page = (await p.organizer.client.ok<Thread>(THREAD, { id: proposal.id, first: 2, offset: 1 })).proposal;
    expect(page.comments.map((c) => c.body)).toEqual(['意見1', '意見2']);
    const REPLIES = 'query($id: ID!) { proposal(id: $id) { comments(first: 1) { replyCount replies(first: 2, offset: 1) { body } } } }';
    const r = await p.organizer.client.ok<{ proposal: { comments: { replyCount: number; replies: { body: string }[] }[] } }>(REPLIES, { id: proposal.id });
    expect(r.proposal.comments[0]).toEqual({ replyCount: 3, replies: [{ body: '返信1' }, { body: '返信2' }] });
    const tooBig = await p.organizer.client.fail(THREAD, { id: proposal.id, first: 500 });
    expect(tooBig.extensions?.code).toBe('BAD_USER_INPUT');
    // Replies read from the thread in memory are bounded like any page, with the same typed error.
    for (const [first, offset] of [[500, 0], [0, 0], [2, -1]]) {
      const bad = await p.organizer.client.fail('query($id: ID!, $f: Int, $o: Int) { proposal(id: $id) { comments(first: 1) { replies(first: $f, offset: $o) { id } } } }', { id: proposal.id, f: first, o: offset });
      expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' });
    }
  });

  it('reads a proposal page with 200 comments in as many SQL queries as one with 2', async () => {
    const p = await newProcess(anon);
    const members: Account[] = [];
    for (const sector of ['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE', 'LABOUR', 'MEDIA'] as const) members.push(await newMember(anon, p, 'PARTICIPANT', sector));
    const small = await newProposal(p.organizer.client, p);
    const big = await newProposal(p.organizer.client, p);
    await newComment(members[0].client, small.id);
    await newComment(members[1].client, small.id);
    const rows: unknown[] = [];
    for (let i = 0; i < 200; i++) rows.push(big.id, members[i % 6].id, ['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE', 'LABOUR', 'MEDIA'][i % 6], `意見 ${i}`);
    const values = Array.from({ length: 200 }, (_, i) => `($${i * 4 + 1}::uuid, $${i * 4 + 2}::uuid, $${i * 4 + 3}, 'SUPPORT', $${i * 4 + 4}, 1, now() + make_interval(secs => ${i}))`).join(',');
    await sql(server.databaseUrl, `INSERT INTO comment (proposal_id, author_id, sector, stance, body, proposal_version, created_at) VALUES ${values}`, rows);
    // 60 replies on the first 30 comments, and every tenth comment hidden by a moderator.
    await sql(
      server.databaseUrl,
      `INSERT INTO comment (proposal_id, parent_id, author_id, sector, stance, body, proposal_version, created_at)
       SELECT c.proposal_id, c.id, $2::uuid, 'ACADEMIA', 'QUESTION', '返信 ' || c.body || ' ' || n, 1, c.created_at + make_interval(secs => n)
       FROM (SELECT * FROM comment WHERE proposal_id = $1 ORDER BY created_at LIMIT 30) c CROSS JOIN generate_series(1, 2) n`,
      [big.id, members[3].id],
    );
    await sql(server.databaseUrl, `UPDATE comment SET hidden_at = now(), hidden_reason = '不適切' WHERE id IN (SELECT id FROM comment WHERE proposal_id = $1 AND parent_id IS NULL ORDER BY created_at OFFSET 5 LIMIT 14)`, [big.id]);
    // The small page has a hidden comment too: the moderation check is one query per page, asked only when something is hidden.
    await sql(server.databaseUrl, `UPDATE comment SET hidden_at = now(), hidden_reason = '不適切' WHERE id = (SELECT id FROM comment WHERE proposal_id = $1 ORDER BY created_at DESC LIMIT 1)`, [small.id]);

    // The proposal page as the web app (and tools/bench/read-path.mjs) asks for it.
    const PAGE = `query($id: ID!) { proposal(id: $id) {
      title body status version pillarId versions { version contentHash } author { displayName organization } authorSector commentCount
      kpis { indicator baseline target deadline }
      comments(first: 200) { id body stance authorSector createdAt hidden author { displayName organization } replyCount
        replies(first: 50) { id body stance authorSector createdAt author { displayName } replyCount } }
      currentRound { id rule ballot status threshold }
      tally { agree disagree abstain block total bySector { sector agree disagree abstain block total } }
      bridgingScore
    } }`;
    const dataSource = server.app.get(DataSource);
    const logger = dataSource.logger;
    const countQueries = async (id: string) => {
      let n = 0;
      const counting: TypeOrmLogger = { ...logger, logQuery: () => void n++ } as TypeOrmLogger;
      Object.assign(dataSource, { logger: counting });
      try {
        const data = await members[2].client.ok<{ proposal: { comments: Array<{ body: string | null; hidden: boolean; replies: unknown[] }> } }>(PAGE, { id });
        const comments = data.proposal.comments;
        return { n, comments: comments.length, replies: comments.reduce((k, c) => k + c.replies.length, 0), hiddenBodies: comments.filter((c) => c.hidden).map((c) => c.body) };
      } finally {
        Object.assign(dataSource, { logger });
      }
    };
    // The comments above start background work (themes.updated, coalesced over 2 s): count only the page's own queries.
    const themes = server.app.get(ThemesPublisher);
    // On a loaded machine (the whole suite, theme workers of other test servers) the background themes can take a while.
    await waitUntil(() => themes.idle, () => 'themes.updated still being published', 60_000);
    const few = await countQueries(small.id);
    const many = await countQueries(big.id);
    expect(few.comments).toBe(2);
    expect(many.comments).toBe(200);
    expect(many.replies).toBe(60);
    // A member who may not moderate sees the hidden comments in their place, without their text.
    expect(many.hiddenBodies).toEqual(Array.from({ length: 14 }, () => null));
    expect(many.n).toBe(few.n);
    // Session, the proposal with the viewer's membership, versions, the author with their membership, the
    // current round with its counts, the thread with its authors (commentCount is its size), and the
    // moderation check (something is hidden): one each.
    expect(many.n).toBeLessThanOrEqual(7);
  }, 120_000);

  it('answers in English with Accept-Language: en', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p, { draft: true });
    const en = new GqlClient(server.url, 'en').withToken(p.organizer.client.token as string);
    const err = await en.fail(ADD_COMMENT, { input: { proposalId: proposal.id, stance: 'SUPPORT', body: 'x' } });
    expect(err.message).toBe('Comments are closed while the proposal is "Draft" (they are taken while it is open for discussion or voting).');
    const stranger = await newAccount(anon);
    expect((await stranger.client.fail(ADD_COMMENT, { input: { proposalId: proposal.id, stance: 'SUPPORT', body: 'x' } })).message).toBe('この協議プロセスのメンバーではありません。');
  });
});

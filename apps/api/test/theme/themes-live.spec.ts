import { room } from '@yoriai/realtime-contract';
import { quietFor, waitUntil, type LiveClient } from '../support/live-client';
import { useLiveTestServer } from '../support/live-test-server';
import { liveMeeting } from '../support/meeting-factories';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { forceProposalStatus, newComment, newProposal } from '../support/proposal-factories';

/** `themes.updated` over real socket.io: coalesced, after commit, only what each room's readers may read. */
const MEETING_THEMES = 'query($id: ID!) { meeting(id: $id) { themes { id label size commentIds } } }';
const RENAME = 'mutation($id: ID!, $l: String!) { renameTheme(themeId: $id, label: $l) { id label } }';
const HIDE = 'mutation($id: ID!, $reason: String!) { hideComment(commentId: $id, reason: $reason) { id } }';

const TOPICS = [
  ['路線バスの減便で通院が大変です🚌', 'デマンド交通を夜まで走らせてほしい', 'バスの本数を増やして高校生の通学を支えて', '交通空白地域のバス路線を守ってほしい', '乗合タクシーとバスの乗り継ぎを良くして', '通院のためのバスが一日二本しかない', 'コミュニティバスの停留所を病院の前に'],
  ['保育園の待機児童をなくしてほしい', '子育て世帯への保育料の支援を広げて', '病児保育の施設が足りません', '学童保育の時間を延ばしてほしい', '保育士の処遇を改善して保育園を増やす', '子育て支援センターを駅前につくってほしい', '保育園の送迎バスがあると助かる'],
];
const SECTORS = ['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE', 'LABOUR', 'MEDIA', 'CITIZEN'] as const;

async function authors(env: ReturnType<typeof useLiveTestServer>, p: TestProcess) {
  return Promise.all(SECTORS.flatMap((s) => [0, 1, 2].map(() => newMember(env.anon, p, 'PARTICIPANT', s))));
}

describe('themes.updated (広聴, live)', () => {
  const env = useLiveTestServer();

  it('reaches the meeting and process rooms coalesced, after commit, without hidden comments or drafts, and follows a rename', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p, { title: '地域交通と子育て支援' });
    // A proposal sent back to draft keeps its comments; they must leave every shared scope.
    const draft = await newProposal(p.organizer.client, p, { title: '下書きに戻した案' });
    const draftComment = await newComment(p.organizer.client, draft.id, { body: '非公開の下書きへの意見：バス路線の案' });
    const draftHidden = await newComment(p.organizer.client, draft.id, { body: '下書きへのもう一つの意見' });
    await forceProposalStatus(env.server.databaseUrl, draft.id, 'DRAFT');
    const meeting = await liveMeeting(p, { agenda: [{ title: '生活環境', pillarId: p.pillarIds[0], proposalIds: [proposal.id, draft.id] }] });
    const people = await authors(env, p);
    const facilitator = await newMember(env.anon, p, 'FACILITATOR', 'GOVERNMENT');

    const console_ = await env.connect({ token: facilitator.client.token });
    await console_.subscribe(room.meeting(meeting.id));
    const overview = await env.connect({ token: people[0]!.client.token });
    await overview.subscribe(room.process(p.id));
    const page = await env.connect({ token: people[1]!.client.token });
    await page.subscribe(room.proposal(proposal.id));
    const draftRoom = await env.connect({ token: p.organizer.client.token });
    await draftRoom.subscribe(room.proposal(draft.id));

    // 14 comments at once: far fewer events than comments, and the last one holds them all.
    const bodies = TOPICS.flat();
    const posted = await Promise.all(bodies.map((body, i) => newComment(people[i % people.length]!.client, proposal.id, { body, stance: i % 3 ? 'SUPPORT' : 'CONCERN' })));
    await p.organizer.client.ok(HIDE, { id: draftHidden.id, reason: '重複' });
    const meetingScope = `meeting:${meeting.id}`;
    const meetingEvents = () => console_.of('themes.updated', room.meeting(meeting.id));
    await waitUntil(() => meetingEvents().at(-1)?.comments === bodies.length, () => `meeting events: ${JSON.stringify(meetingEvents().map((e) => e.comments))}`, 30_000);
    await waitUntil(() => overview.of('themes.updated').some((e) => e.scope === `process:${p.id}` && e.comments === bodies.length), () => 'no process themes', 30_000);
    await quietFor(300);
    expect(meetingEvents().length).toBeLessThan(bodies.length);
    const last = meetingEvents().at(-1)!;
    expect(last.scope).toBe(meetingScope);
    expect(last.themes.length).toBeGreaterThanOrEqual(2);
    expect(last.themes.reduce((n, t) => n + t.size, 0)).toBe(bodies.length);
    // The event is the committed state: GraphQL gives the same themes.
    const gql = (await facilitator.client.ok<{ meeting: { themes: { id: string; size: number; commentIds: string[] }[] } }>(MEETING_THEMES, { id: meeting.id })).meeting.themes;
    expect(last.themes.map((t) => [t.id, t.size])).toEqual(gql.map((t) => [t.id, t.size]));
    // Sector mix from the summary: small sectors only named.
    expect(last.themes.every((t) => t.sectors.every((s) => s.count >= 1) && Array.isArray(t.silentSectors))).toBe(true);

    // The draft's comments are in no shared scope; a proposal's room stays the comment stream.
    const everywhere = (c: LiveClient) => JSON.stringify(c.events);
    for (const c of [console_, overview, page, draftRoom]) expect(everywhere(c)).not.toContain(draftComment.id);
    expect(overview.of('themes.updated').every((e) => e.scope === `process:${p.id}` || e.scope === `pillar:${p.pillarIds[0]}`)).toBe(true);
    expect(overview.of('themes.updated').filter((e) => e.scope === `process:${p.id}`).at(-1)!.comments).toBe(bodies.length);
    expect(page.of('themes.updated')).toEqual([]);
    expect(draftRoom.of('themes.updated')).toEqual([]);

    // Hidden: the next event has one comment fewer and never names it.
    const hidden = posted[3]!;
    await facilitator.client.ok(HIDE, { id: hidden.id, reason: '個人名を含むため' });
    await waitUntil(() => meetingEvents().at(-1)?.comments === bodies.length - 1, () => 'hide not reflected', 30_000);
    await waitUntil(() => overview.of('themes.updated').filter((e) => e.scope === `process:${p.id}`).at(-1)?.comments === bodies.length - 1, () => 'hide not reflected in the process room', 30_000);
    expect(meetingEvents().at(-1)!.themes.flatMap((t) => t.representativeIds)).not.toContain(hidden.id);
    const after = (await facilitator.client.ok<{ meeting: { themes: { commentIds: string[] }[] } }>(MEETING_THEMES, { id: meeting.id })).meeting.themes;
    expect(after.flatMap((t) => t.commentIds)).not.toContain(hidden.id);

    // A facilitator's rename reaches the panel, and is kept when a new comment arrives.
    const target = meetingEvents().at(-1)!.themes[0]!;
    await facilitator.client.ok(RENAME, { id: target.id, l: 'いま一番の論点🚌' });
    await waitUntil(() => meetingEvents().at(-1)?.themes.some((t) => t.id === target.id && t.label === 'いま一番の論点🚌' && t.renamed) ?? false, () => 'rename not live', 30_000);
    await newComment(people[5]!.client, proposal.id, { body: 'バスの運行本数を増やしてください' });
    await waitUntil(() => meetingEvents().at(-1)?.comments === bodies.length, () => 'new comment not live', 30_000);
    expect(meetingEvents().at(-1)!.themes.find((t) => t.id === target.id)?.label).toBe('いま一番の論点🚌');
  });

  it('is not sent to someone who may not follow the room', async () => {
    const p = await newProcess(env.anon);
    const draft = await newProposal(p.organizer.client, p);
    const draftComment = await newComment(p.organizer.client, draft.id, { body: '下書きへの意見' });
    await forceProposalStatus(env.server.databaseUrl, draft.id, 'DRAFT');
    const other = await newMember(env.anon, p, 'PARTICIPANT', 'CITIZEN');
    const outsider = await newMember(env.anon, await newProcess(env.anon), 'PARTICIPANT', 'CITIZEN');
    const c1 = await env.connect({ token: other.client.token });
    expect((await c1.subscribe(room.proposal(draft.id))).ok).toBe(false);
    const c2 = await env.connect({ token: outsider.client.token });
    expect((await c2.subscribe(room.process(p.id))).ok).toBe(false);
    await p.organizer.client.ok(HIDE, { id: draftComment.id, reason: '重複' });
    await quietFor(600);
    expect(c1.of('themes.updated')).toEqual([]);
    expect(c2.of('themes.updated')).toEqual([]);
  });
});

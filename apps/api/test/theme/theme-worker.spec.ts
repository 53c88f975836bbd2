import { THEME_TERMS_VERSION } from '@yoriai/domain';
import { ThemePool } from '../../src/modules/theme/theme-pool';
import { ThemesPublisher } from '../../src/realtime/themes.publisher';
import type { RunningServer } from '../../src/server';
import { GqlClient } from '../support/graphql-client';
import { waitUntil } from '../support/live-client';
import { newMember, newProcess } from '../support/process-factories';
import { newComment, newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

/** The theme worker (ThemePool): terms kept in the database across restarts, and the last good themes when a job fails. */
const THEMES = 'query($id: ID!) { proposal(id: $id) { themes { id label commentIds } } }';

interface Theme {
  id: string;
  label: string;
  commentIds: string[];
}

const BODIES = [
  '路線バスの減便で通院が大変です',
  'デマンド交通を夜まで走らせてほしい',
  'バスの本数を増やして高校生の通学を支えて',
  '交通空白地域のバス路線を守ってほしい',
  '保育園の待機児童をなくしてほしい',
  '子育て世帯への保育料の支援を広げて',
  '学童保育の時間を延ばしてほしい',
  '保育士の処遇を改善して保育園を増やす',
];

describe('theme worker (広聴)', () => {
  let server: RunningServer;
  let anon: GqlClient;
  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
  });
  afterAll(() => server.close());

  async function proposalWithComments() {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p);
    const authors = await Promise.all(['INDUSTRY', 'ACADEMIA', 'LABOUR'].map((s) => newMember(anon, p, 'PARTICIPANT', s as 'LABOUR')));
    const comments = [];
    for (const [i, body] of BODIES.entries()) comments.push(await newComment(authors[i % 3]!.client, proposal.id, { body }));
    return { p, proposal, authors, comments };
  }

  it('keeps each comment’s terms in the database, and a restarted server clusters from them without tokenising again', async () => {
    const { p, proposal, comments } = await proposalWithComments();
    const first = (await p.organizer.client.ok<{ proposal: { themes: Theme[] } }>(THEMES, { id: proposal.id })).proposal.themes;
    const stored = await sql<{ comment_id: string; terms: string[]; version: number }>(server.databaseUrl, 'SELECT comment_id, terms, version FROM comment_terms WHERE comment_id = ANY ($1::uuid[])', [comments.map((c) => c.id)]);
    expect(stored.map((r) => r.comment_id).sort()).toEqual(comments.map((c) => c.id).sort());
    expect(stored.every((r) => r.version === THEME_TERMS_VERSION && r.terms.length > 0)).toBe(true);
    expect(stored.find((r) => r.comment_id === comments[0]!.id)!.terms).toContain('バス');

    // The comments' own themes.updated work (process and pillar, coalesced over 2 s) is done first.
    const publisher = server.app.get(ThemesPublisher);
    await waitUntil(() => publisher.idle, () => 'themes.updated still being published', 15_000);
    // Bodies changed behind the server's back: a fresh server still gives the same themes (it read the stored terms)...
    await sql(server.databaseUrl, `UPDATE comment SET body = 'まったく別の話題です' WHERE id = ANY ($1::uuid[])`, [comments.slice(1).map((c) => c.id)]);
    // ...except for terms of another version, which are computed again from the body.
    await sql(server.databaseUrl, `UPDATE comment SET body = '図書館の開館時間を延ばしてほしい' WHERE id = $1`, [comments[0]!.id]);
    await sql(server.databaseUrl, 'UPDATE comment_terms SET version = version - 1 WHERE comment_id = $1', [comments[0]!.id]);
    const other = await startTestServer();
    try {
      const again = (await new GqlClient(other.url).withToken(p.organizer.client.token as string).ok<{ proposal: { themes: Theme[] } }>(THEMES, { id: proposal.id })).proposal.themes;
      expect(again.flatMap((t) => t.commentIds).sort()).toEqual(first.flatMap((t) => t.commentIds).sort());
      expect(again.map((t) => t.label).join(' ')).not.toContain('別');
      const [renewed] = await sql<{ terms: string[]; version: number }>(server.databaseUrl, 'SELECT terms, version FROM comment_terms WHERE comment_id = $1', [comments[0]!.id]);
      expect(renewed!.version).toBe(THEME_TERMS_VERSION);
      expect(renewed!.terms).toContain('図書館');
      expect(renewed!.terms).not.toContain('バス');
    } finally {
      await other.close();
    }
  });

  it('keeps the last good themes when the worker times out, answers a typed error when there are none, and recovers', async () => {
    const pool = server.app.get(ThemePool);
    const { p, proposal, authors } = await proposalWithComments();
    const good = (await p.organizer.client.ok<{ proposal: { themes: Theme[] } }>(THEMES, { id: proposal.id })).proposal.themes;
    const late = await newComment(authors[0]!.client, proposal.id, { body: 'バス停に屋根をつけてほしい' });
    const fresh = await proposalWithComments();
    pool.timeoutMs = 1;
    try {
      const stale = (await p.organizer.client.ok<{ proposal: { themes: Theme[] } }>(THEMES, { id: proposal.id })).proposal.themes;
      expect(stale).toEqual(good);
      const err = await fresh.p.organizer.client.fail(THEMES, { id: fresh.proposal.id });
      expect(err.extensions?.reason).toBe('THEMES_TIMEOUT');
    } finally {
      pool.timeoutMs = 60_000;
    }
    const recovered = (await p.organizer.client.ok<{ proposal: { themes: Theme[] } }>(THEMES, { id: proposal.id })).proposal.themes;
    expect(recovered.flatMap((t) => t.commentIds)).toContain(late.id);
    expect((await fresh.p.organizer.client.ok<{ proposal: { themes: Theme[] } }>(THEMES, { id: fresh.proposal.id })).proposal.themes.length).toBeGreaterThan(0);
    // The comments' own themes.updated work (coalesced over 2 s) may still be running here; nothing stays stuck.
    await waitUntil(() => pool.pending === 0 && server.app.get(ThemesPublisher).idle, () => `${pool.pending} theme jobs still pending`, 30_000);
  }, 120_000);
});

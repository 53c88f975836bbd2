import type { RunningServer } from '../../src/server';
import { GqlClient } from '../support/graphql-client';
import { newMember, newProcess } from '../support/process-factories';
import { newComment, newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

/** Themes of a proposal's comments over the real server: what they group, what they never show, and the facilitator's edits. */
const THEMES = 'query($id: ID!) { proposal(id: $id) { themes { id label renamed keyPhrases commentIds representatives { id body } } } }';
const RENAME = 'mutation($id: ID!, $l: String!) { renameTheme(themeId: $id, label: $l) { id label renamed } }';
const MERGE = 'mutation($ids: [ID!]!) { mergeThemes(themeIds: $ids) { id commentIds } }';
const HIDE = 'mutation($id: ID!, $reason: String!) { hideComment(commentId: $id, reason: $reason) { id hidden } }';

interface Theme {
  id: string;
  label: string;
  renamed: boolean;
  keyPhrases: string[];
  commentIds: string[];
  representatives: { id: string; body: string }[];
}

const BUS = ['路線バスの減便で通院が大変です', 'デマンド交通を夜まで走らせてほしい', 'バスの本数を増やして高校生の通学を支えて', '交通空白地域のバス路線を守ってほしい', '乗合タクシーとバスの乗り継ぎを良くして', '通院のためのバスが一日二本しかない'];
const CHILDCARE = ['保育園の待機児童をなくしてほしい', '子育て世帯への保育料の支援を広げて', '病児保育の施設が足りません', '学童保育の時間を延ばしてほしい', '保育士の処遇を改善して保育園を増やす', '子育て支援センターを駅前につくってほしい'];

describe('themes of comments (広聴)', () => {
  let server: RunningServer;
  let anon: GqlClient;
  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
  });
  afterAll(() => server.close());

  it('groups a proposal’s comments by topic, never shows a hidden one, and keeps a facilitator’s rename and merge (audited)', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p);
    const facilitator = await newMember(anon, p, 'FACILITATOR', 'GOVERNMENT');
    const participant = await newMember(anon, p, 'PARTICIPANT', 'CITIZEN');
    const authors = await Promise.all(['INDUSTRY', 'ACADEMIA', 'LABOUR', 'MEDIA', 'FINANCE', 'CITIZEN'].map((s) => newMember(anon, p, 'PARTICIPANT', s as 'CITIZEN')));
    const ids = new Map<string, string>();
    for (const [i, body] of [...BUS, ...CHILDCARE].entries()) ids.set(body, (await newComment(authors[i % authors.length]!.client, proposal.id, { body, stance: i % 3 ? 'SUPPORT' : 'CONCERN' })).id);
    const secret = (await newComment(authors[0]!.client, proposal.id, { body: 'バスの運転手の個人名〇〇さんが失礼でした' })).id;
    await facilitator.client.ok(HIDE, { id: secret, reason: '個人名が含まれるため' });

    const first = (await participant.client.ok<{ proposal: { themes: Theme[] } }>(THEMES, { id: proposal.id })).proposal.themes;
    expect(first.length).toBeGreaterThanOrEqual(2);
    const all = first.flatMap((t) => t.commentIds);
    expect(all).not.toContain(secret);
    expect(first.flatMap((t) => t.representatives.map((r) => r.id))).not.toContain(secret);
    // The bus comments and the childcare comments do not share a theme.
    const themeOf = (body: string) => first.find((t) => t.commentIds.includes(ids.get(body) as string))?.id;
    // Most bus comments share a theme that holds at most one childcare comment, and vice versa.
    const dominant = (bodies: string[]) => {
      const counts = new Map<string | undefined, number>();
      for (const b of bodies) counts.set(themeOf(b), (counts.get(themeOf(b)) ?? 0) + 1);
      return [...counts].sort((x, y) => y[1] - x[1])[0] as [string, number];
    };
    const [busTheme, busCount] = dominant(BUS);
    const [childTheme, childCount] = dominant(CHILDCARE);
    expect(busCount).toBeGreaterThanOrEqual(4);
    expect(childCount).toBeGreaterThanOrEqual(4);
    expect(busTheme).not.toBe(childTheme);
    expect(CHILDCARE.filter((b) => themeOf(b) === busTheme).length).toBeLessThanOrEqual(1);
    // Same input, same output.
    expect((await participant.client.ok<{ proposal: { themes: Theme[] } }>(THEMES, { id: proposal.id })).proposal.themes).toEqual(first);

    const denied = await participant.client.fail(RENAME, { id: busTheme, l: '交通' });
    expect(denied.extensions?.code).toBe('FORBIDDEN');
    const renamed = await facilitator.client.ok<{ renameTheme: { label: string; renamed: boolean } }>(RENAME, { id: busTheme, l: '地域交通・通院の足🚌' });
    expect(renamed.renameTheme).toMatchObject({ label: '地域交通・通院の足🚌', renamed: true });
    const after = (await participant.client.ok<{ proposal: { themes: Theme[] } }>(THEMES, { id: proposal.id })).proposal.themes;
    expect(after.find((t) => t.id === busTheme)?.label).toBe('地域交通・通院の足🚌');

    const merged = await facilitator.client.ok<{ mergeThemes: { id: string; commentIds: string[] } }>(MERGE, { ids: [busTheme, childTheme] });
    expect(merged.mergeThemes.id).toBe(busTheme);
    const busIds = first.find((t) => t.id === busTheme)?.commentIds ?? [];
    const childIds = first.find((t) => t.id === childTheme)?.commentIds ?? [];
    expect([...merged.mergeThemes.commentIds].sort()).toEqual([...busIds, ...childIds].sort());
    const audit = await sql<{ action: string }>(server.databaseUrl, `SELECT action FROM audit_log WHERE process_id = $1 AND action LIKE 'theme.%' ORDER BY created_at`, [p.id]);
    expect(audit.map((a) => a.action)).toEqual(['theme.rename', 'theme.merge']);
  });

  it('gives the same themes, ids included, on another server started on the same database (a restart)', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p);
    const authors = await Promise.all(['INDUSTRY', 'ACADEMIA', 'LABOUR'].map((s) => newMember(anon, p, 'PARTICIPANT', s as 'LABOUR')));
    for (const [i, body] of [...BUS, ...CHILDCARE].entries()) await newComment(authors[i % 3]!.client, proposal.id, { body });
    const first = (await p.organizer.client.ok<{ proposal: { themes: Theme[] } }>(THEMES, { id: proposal.id })).proposal.themes;
    const other = await startTestServer();
    try {
      const again = (await new GqlClient(other.url).withToken(p.organizer.client.token as string).ok<{ proposal: { themes: Theme[] } }>(THEMES, { id: proposal.id })).proposal.themes;
      expect(again).toEqual(first);
      expect(first.length).toBeGreaterThanOrEqual(2);
    } finally {
      await other.close();
    }
  });

  it('answers NOT_FOUND to someone outside the process', async () => {
    const p = await newProcess(anon);
    const proposal = await newProposal(p.organizer.client, p);
    const outsider = await newMember(anon, await newProcess(anon), 'PARTICIPANT', 'CITIZEN');
    expect((await outsider.client.fail(THEMES, { id: proposal.id })).extensions?.code).toBe('NOT_FOUND');
  });
});

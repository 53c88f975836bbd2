import type { Browser, Page } from 'playwright-core';
import { LAPTOP, PROJECTOR, WatchedContext, launchChromium, signIn } from './support/browser';
import { Gql } from './support/gql';
import { startBuiltServer, type E2eServer } from './support/server';
import { setUpLiveWorkshop, type Workshop } from './support/workshop';

// Columns of the agreement matrix, in 産官学金労言・住民 order.
const COL = { INDUSTRY: 0, GOVERNMENT: 1, ACADEMIA: 2, FINANCE: 3, LABOUR: 4, MEDIA: 5, CITIZEN: 6 } as const;

const noReload = (page: Page) => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload);

describe('cross-sector analytics in the browser: projector missing voices and the analytics page', () => {
  let server: E2eServer;
  let browser: Browser;
  let w: Workshop;
  let gql: Gql;
  let hall: WatchedContext;
  let desk: WatchedContext;

  beforeAll(async () => {
    server = await startBuiltServer();
    browser = await launchChromium();
    w = await setUpLiveWorkshop(server.url);
    gql = new Gql(server.url);
    hall = await WatchedContext.create(browser, PROJECTOR);
    desk = await WatchedContext.create(browser, LAPTOP);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    expect([hall, desk].flatMap((c) => c?.problems.splice(0) ?? [])).toEqual([]);
  });

  it('shows on the projector the sectors in the room that have not spoken, and updates them live', async () => {
    const screen = await hall.newPage();
    await signIn(screen, server.url, w.facilitator, `/meetings/${w.meetingId}/screen`);
    const missing = screen.getByTestId('screen-missing-voices');
    // The journalist (言) checked in but has neither commented nor voted.
    await missing.getByRole('listitem').filter({ hasText: '報道・メディア' }).waitFor();
    expect(await missing.getByRole('listitem').count()).toBe(1);
    // Nobody from 官 or 学 is in the room: half their target is not met.
    await screen.getByTestId('screen-representation').filter({ hasText: '出席が目標の半分に満たない分野：行政、大学・教育' }).waitFor();
    await screen.evaluate(() => Object.assign(window, { __noReload: true }));

    // The journalist votes from their phone: the projector follows without a reload.
    await gql.as(w.media.token).run('mutation($i: CastVoteInput!) { castVote(input: $i) { id } }', { i: { proposalId: w.proposalId, choice: 'AGREE' } });
    await missing.getByText('会場のすべての分野が発言・投票しました').waitFor();

    // A student joins by code (住民): a new sector in the room that has not spoken yet…
    const student = await gql.run<{ joinMeeting: { token: string } }>('mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token } }', {
      i: { code: w.joinCode, displayName: '松本 葵', sector: 'CITIZEN', organization: 'みなと川大学 経済学部' },
    });
    await missing.getByRole('listitem').filter({ hasText: '住民' }).waitFor();
    await hall.screenshot(screen, 'projector-missing-voices');
    // …until they comment.
    await gql.as(student.joinMeeting.token).run('mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', {
      i: { proposalId: w.proposalId, stance: 'SUPPORT', body: '夜の便があれば通学に使えます🚌' },
    });
    await missing.getByText('会場のすべての分野が発言・投票しました').waitFor();
    // The latest comments are the newest first.
    await screen.locator('.screen-comments li').first().getByText('夜の便があれば通学に使えます🚌').waitFor();
    expect(await noReload(screen)).toBe(true);
    await screen.close();
  });

  it('shows the agreement matrix, the bridging ranking and representation, and follows new votes live', async () => {
    // Industry answers labour's concern: a reply across sectors (the dialogue index).
    const { proposal } = await gql.as(w.industry.token).run<{ proposal: { comments: { id: string; authorSector: string }[] } }>('query($id: ID!) { proposal(id: $id) { comments(first: 50) { id authorSector } } }', { id: w.proposalId });
    const concern = proposal.comments.find((c) => c.authorSector === 'LABOUR');
    await gql.as(w.industry.token).run('mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', {
      i: { proposalId: w.proposalId, parentId: concern?.id, stance: 'NEUTRAL', body: '運転手の方は再教育して配車係として雇用を続ける計画です。' },
    });
    const page = await desk.newPage();
    await signIn(page, server.url, w.organiser, `/p/${w.processId}`);
    await page.getByRole('link', { name: '分野横断の分析' }).click();
    await page.waitForURL(`${server.url}/p/${w.processId}/analytics`);
    await page.getByRole('heading', { level: 1, name: '分野横断の分析' }).waitFor();

    // The matrix: agree / non-abstaining per sector, the number printed in every cell.
    const row = page.getByTestId('agreement-matrix').getByRole('row').filter({ hasText: w.proposalTitle });
    const cell = (sector: keyof typeof COL) => row.getByRole('cell').nth(COL[sector]);
    await cell('MEDIA').filter({ hasText: '100%' }).waitFor();
    expect(await cell('INDUSTRY').innerText()).toMatch(/^100%\s+1人$/);
    expect(await cell('LABOUR').innerText()).toMatch(/^0%\s+1人$/);
    expect(await cell('GOVERNMENT').innerText()).toContain('—');
    expect(await row.getByRole('cell').count()).toBe(7);
    await page.getByText('非表示（秘密投票・3人未満）').first().waitFor(); // in the legend

    // The ranking: labour's lone "disagree" is the weakest sector, (0 + 1) / (1 + 2).
    const ranking = page.getByTestId('bridging-ranking');
    await ranking.getByRole('listitem').filter({ hasText: w.proposalTitle }).filter({ hasText: '33.3%' }).waitFor();

    // Representation of the members; then of the voters, where 官 and 学 have not voted yet.
    const representation = page.getByTestId('analytics-representation');
    // 8 members (the student joined as a guest member): 官 is the organiser and the secretariat.
    await representation.getByTestId('representation-table').getByRole('row').filter({ hasText: '行政' }).filter({ hasText: '25%' }).waitFor();
    await representation.getByRole('radio', { name: '投票した人' }).check();
    await representation.getByTestId('under-represented').filter({ hasText: '行政、大学・教育' }).waitFor();
    await page.evaluate(() => Object.assign(window, { __noReload: true }));

    // The organiser (官) votes from another device: the matrix and the warning follow without a reload.
    await gql.as(w.organiser.token).run('mutation($i: CastVoteInput!) { castVote(input: $i) { id } }', { i: { proposalId: w.proposalId, choice: 'DISAGREE', reason: '財源の見通しが不十分です。' } });
    await cell('GOVERNMENT').filter({ hasText: '0%' }).waitFor();
    await representation.getByTestId('under-represented').filter({ hasText: '大学・教育' }).filter({ hasNotText: '行政' }).waitFor();
    await ranking.getByRole('listitem').filter({ hasText: w.proposalTitle }).filter({ hasText: '33.3%' }).waitFor();
    expect(await noReload(page)).toBe(true);

    // The other measures are there, each with its one-line explanation.
    await page.getByTestId('dialogue-index').filter({ hasText: '100%' }).waitFor();
    for (const id of ['analytics-dialogue', 'analytics-weighted', 'analytics-groups', 'analytics-cross-pillar', 'analytics-inclusion']) {
      await page.getByTestId(id).locator('.analytics-explain').waitFor();
    }
    await page.getByTestId('sector-weighted-table').getByRole('row').filter({ hasText: w.proposalTitle }).waitFor();
    await page.getByTestId('opinion-groups').waitFor();

    // The organiser gives residents a large target: one resident of eight members is now under half of it.
    await representation.getByRole('radio', { name: 'メンバー' }).check();
    await representation.getByText('代表性の目標を変更（主催者）').click();
    await representation.getByLabel('住民').fill('50');
    await representation.getByRole('button', { name: '目標を保存' }).click();
    await representation.getByText('目標を保存しました。').waitFor();
    await representation.getByTestId('under-represented').filter({ hasText: '住民' }).waitFor();
    await representation.getByTestId('representation-table').getByRole('row').filter({ hasText: '住民' }).filter({ hasText: '33.2%' }).waitFor();
    await representation.getByText('代表性の目標を変更（主催者）').click();
    await desk.screenshot(page, 'analytics');

    // The desk links here too.
    await page.goto(`${server.url}/p/${w.processId}/desk`);
    await page.getByRole('link', { name: '分野横断の分析' }).waitFor();
  });
});

import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, PROJECTOR, WatchedContext, launchChromium, signIn } from './support/browser';
import { Gql } from './support/gql';
import { WORKSPACE, startBuiltServer, type E2eServer } from './support/server';

const run = promisify(execFile);

interface Demo {
  processId: string;
  meetingId: string;
  joinCode: string;
  votingProposalId: string;
  credentials: { role: string; email: string; password: string }[];
}

/** The number in 「N 件の意見から」 / "from N comments" of a themes panel. */
async function commentCount(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).locator('.themes-count').textContent()) ?? '';
  return Number(/\d+/.exec(text.replace(/,/g, ''))?.[0] ?? NaN);
}

/** 広聴 in the browser: the console and projector panels follow new comments live; the analytics chart renders. */
describe('themes (広聴) on the console, the projector and the analytics page', () => {
  let server: E2eServer;
  let browser: Browser;
  let demo: Demo;
  const contexts: WatchedContext[] = [];

  beforeAll(async () => {
    server = await startBuiltServer();
    browser = await launchChromium();
    const { stdout } = await run(process.execPath, [path.join(WORKSPACE, 'tools/demo.mjs'), '--json', server.url], { cwd: WORKSPACE, maxBuffer: 1 << 20 });
    demo = JSON.parse(stdout) as Demo;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    expect(contexts.flatMap((c) => c.problems.splice(0))).toEqual([]);
  });

  it('updates the console and projector panels when comments arrive, and lets the facilitator rename a theme', async () => {
    const laptop = await WatchedContext.create(browser, LAPTOP);
    contexts.push(laptop);
    const facilitator = demo.credentials.find((c) => c.role === 'FACILITATOR')!;
    const console_ = await laptop.newPage();
    await signIn(console_, server.url, facilitator, `/m/${demo.meetingId}/console`);
    const panel = console_.getByTestId('themes-console');
    await panel.getByTestId('theme').first().waitFor();
    const screen = await laptop.newPage();
    await screen.setViewportSize(PROJECTOR.viewport as { width: number; height: number });
    await screen.goto(`${server.url}/meetings/${demo.meetingId}/screen`);
    await screen.getByTestId('themes-screen').getByTestId('theme').first().waitFor();
    const before = await commentCount(console_, 'themes-console');
    expect(await commentCount(screen, 'themes-screen')).toBe(before);
    expect(before).toBeGreaterThan(20);

    // A resident joins by code and writes two comments: both panels follow without a reload.
    const gql = new Gql(server.url);
    const { joinMeeting } = await gql.run<{ joinMeeting: { token: string } }>('mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token } }', {
      i: { code: demo.joinCode, displayName: '会場の住民', sector: 'CITIZEN' },
    });
    for (const body of ['デマンド交通の予約を電話でもできるようにしてほしい📞', '夜のバスが増えれば通院も通学も楽になります']) {
      await new Gql(server.url, joinMeeting.token).run('mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', { i: { proposalId: demo.votingProposalId, stance: 'SUPPORT', body } });
    }
    await console_.waitForFunction((n) => /\d+/.exec(document.querySelector('[data-testid="themes-console"] .themes-count')?.textContent ?? '')?.[0] === String(n), before + 2);
    await screen.waitForFunction((n) => /\d+/.exec(document.querySelector('[data-testid="themes-screen"] .themes-count')?.textContent ?? '')?.[0] === String(n), before + 2);

    // Rename (kept, audited on the server): the projector shows the facilitator's name.
    const first = panel.getByTestId('theme').first();
    await first.getByRole('button', { name: '名前を変更' }).click();
    await first.getByTestId('theme-rename-input').fill('地域交通と通院の足🚌');
    await first.getByRole('button', { name: '保存' }).click();
    await screen.getByTestId('themes-screen').getByTestId('theme-label').filter({ hasText: '地域交通と通院の足🚌' }).waitFor();
    await laptop.screenshot(console_, 'console-themes');
    await laptop.screenshot(screen, 'projector-themes');

    // The projector in English.
    await screen.evaluate(() => localStorage.setItem('yoriai.lang', 'en'));
    await screen.reload();
    await screen.getByTestId('themes-screen').getByRole('heading', { name: 'Themes being raised now' }).waitFor();
    await screen.getByTestId('themes-screen').getByTestId('theme-label').filter({ hasText: '地域交通と通院の足🚌' }).waitFor();
    await screen.getByTestId('themes-screen').getByText(/^\d+ comments?$/).first().waitFor();
    await laptop.screenshot(screen, 'projector-themes-en');
  });

  it('shows themes × sectors on the analytics page', async () => {
    const laptop = await WatchedContext.create(browser, LAPTOP);
    contexts.push(laptop);
    const organizer = demo.credentials.find((c) => c.role === 'ORGANIZER')!;
    const page = await laptop.newPage();
    await signIn(page, server.url, organizer, `/p/${demo.processId}/analytics`);
    const chart = page.getByTestId('themes-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chart.getByTestId('themes-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await chart.scrollIntoViewIfNeeded();
    await laptop.screenshot(page, 'analytics-themes');
  });
});

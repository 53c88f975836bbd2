import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { LAPTOP, PROJECTOR, WatchedContext, launchChromium } from './support/browser';
import { Gql } from './support/gql';
import { WORKSPACE, startBuiltServer, type E2eServer } from './support/server';

const run = promisify(execFile);

describe('the demo workshop (「みなと川市」)', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: WatchedContext[] = [];

  beforeAll(async () => {
    server = await startBuiltServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    expect(contexts.flatMap((c) => c.problems.splice(0))).toEqual([]);
  });

  it('is created by the first-run button on the landing page, which signs the visitor in as its organiser', async () => {
    const laptop = await WatchedContext.create(browser, LAPTOP);
    contexts.push(laptop);
    const page = await laptop.newPage();
    await page.goto(`${server.url}/`);
    await laptop.screenshot(page, 'landing');
    await page.getByRole('button', { name: 'デモを作成' }).click();
    await page.waitForURL(/\/p\/[0-9a-f-]{36}\?demo=1$/, { timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: 'みなと川市 地方創生2.0 地域ビジョン協議会' }).waitFor();
    await page.getByTestId('signed-in-as').filter({ hasText: '佐藤 由紀子' }).waitFor();
    // The five pillars of 地方創生2.0, each with proposals.
    expect(await page.getByRole('tab').count()).toBe(5);
    await page.getByRole('tab', { name: /付加価値創出型の新しい地方経済の創生/ }).click();
    await page.getByRole('link', { name: /みなと川ブランド牡蠣の高付加価値化/ }).waitFor();
    const live = page.getByTestId('live-meeting');
    await live.getByText('いまの議題：④ デジタル：オンデマンド交通').waitFor();
    await laptop.screenshot(page, 'process');

    // The decided proposal's record and its revised plan's (demo-delivery.ts), verified, with its dissent answered and the minutes draft.
    await page.getByRole('link', { name: '事務局デスク' }).click();
    await page.getByTestId('chain-badge').filter({ hasText: '検証済み ✓（2件の記録）' }).waitFor();
    const record = page.getByTestId('record').filter({ hasText: '円卓会議を常設' });
    await record.getByText('採択', { exact: true }).waitFor();
    // The revised plan's record is the newest, so it is the one open at first: open the original.
    await record.locator('summary').first().click();
    await record.getByText('事務局の回答：').waitFor();
    await page.getByTestId('record').filter({ hasText: '円卓会議 2年目の計画見直し' }).getByText('採択', { exact: true }).waitFor();
    await page.getByTestId('minutes').getByLabel('議事概要').waitFor();
    await laptop.screenshot(page, 'demo-desk');

    // Exports are plain links that work with the session cookie.
    const minutes = page.getByTestId('minutes');
    const markdown = await page.request.get(`${server.url}${await minutes.getByRole('link', { name: 'Markdown' }).getAttribute('href')}`);
    expect(markdown.status()).toBe(200);
    expect(await markdown.text()).toContain('第2回 地域ビジョン協議会ワークショップ');
    const votes = await page.request.get(`${server.url}${await page.getByRole('link', { name: '全投票（CSV）' }).getAttribute('href')}`);
    expect(votes.status()).toBe(200);
    expect(await votes.text()).toContain('夜間開催を入れていただいたので賛成します。');

    // Finalising freezes the minutes.
    await minutes.getByRole('button', { name: '議事録を確定する' }).click();
    await minutes.getByText('確定', { exact: true }).waitFor();
    expect(await minutes.getByLabel('議事概要').count()).toBe(0);

    // The projector of the live workshop, opened from the process page.
    const screen = await laptop.newPage();
    await screen.setViewportSize(PROJECTOR.viewport as { width: number; height: number });
    await page.goBack();
    const href = await page.getByRole('link', { name: 'プロジェクター画面を開く' }).getAttribute('href');
    await screen.goto(`${server.url}${href}`);
    await screen.getByTestId('tally-summary').filter({ hasText: '計 9 票' }).waitFor();
    await screen.getByRole('timer').waitFor();
    await laptop.screenshot(screen, 'demo-projector');
  });

  it('is created by `npm run demo <url>`, which prints a join code a phone can use', async () => {
    const { stdout } = await run(process.execPath, [path.join(WORKSPACE, 'tools/demo.mjs'), server.url], { cwd: WORKSPACE });
    expect(stdout).toContain('✔ みなと川市 地方創生2.0 地域ビジョン協議会');
    const code = /参加コード \/ join code:\s+([2-9A-Z]{3}) ([2-9A-Z]{3})/.exec(stdout);
    expect(code).not.toBeNull();
    const joinCode = `${code?.[1]}${code?.[2]}`;
    expect(stdout).toContain(`${server.url}/j/${joinCode}`);
    expect(stdout).toMatch(/ORGANIZER\s+佐藤 由紀子\s+\S+@demo\.minatogawa\.example\s+password: \S+/);

    const preview = await new Gql(server.url).run<{ meetingByJoinCode: { title: string; status: string } }>(
      'query($c: String!) { meetingByJoinCode(code: $c) { title status } }',
      { c: joinCode },
    );
    expect(preview.meetingByJoinCode).toEqual({ title: '第3回 地域ビジョン協議会ワークショップ', status: 'LIVE' });
  });

  it('fails with one clear line when no server answers', async () => {
    const err = await run(process.execPath, [path.join(WORKSPACE, 'tools/demo.mjs'), 'http://127.0.0.1:9'], { cwd: WORKSPACE }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr).toContain('no Yoriai server answers at http://127.0.0.1:9');
  });
});

import type { Browser, Page } from 'playwright-core';
import { LAPTOP, WatchedContext, launchChromium, signIn } from './support/browser';
import { Gql, newAccount } from './support/gql';
import { startBuiltServer, type E2eServer } from './support/server';

/** The organiser's path through the UI: account, process, pillars, members, proposal, meeting. */
describe('an organiser sets up a process in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let laptop: WatchedContext;
  let page: Page;
  let processUrl: string;

  beforeAll(async () => {
    server = await startBuiltServer();
    browser = await launchChromium();
    laptop = await WatchedContext.create(browser, LAPTOP);
    page = await laptop.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    expect(laptop.problems.splice(0)).toEqual([]);
  });

  it('signs up, and gets a clear message for a too-short password first', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'アカウント作成' }).first().click();
    await page.getByLabel('表示名（お名前）').fill('佐藤 由紀子');
    await page.getByLabel('所属団体').fill('みなと川市 企画政策課');
    await page.getByLabel('メールアドレス').fill('sato@minatogawa.example');
    await page.getByLabel('パスワード').fill('short');
    expect(await page.getByLabel('パスワード').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('パスワード').fill('minatogawa-2026-vision');
    await page.getByRole('button', { name: 'アカウントを作成する' }).click();
    await page.getByRole('heading', { name: '参加している協議プロセス' }).waitFor();
    await page.getByTestId('signed-in-as').filter({ hasText: '佐藤 由紀子' }).waitFor();
  });

  it('creates a process, which starts with the five pillars of 地方創生2.0', async () => {
    await page.getByRole('link', { name: '新しい協議プロセスを作成' }).first().click();
    await page.getByLabel('協議プロセスの名前').fill('みなと川市 地方創生2.0 地域ビジョン協議会');
    await page.getByLabel('標準の決め方').selectOption('CROSS_SECTOR');
    await page.getByRole('radio', { name: /行政/ }).check();
    await page.getByRole('button', { name: '作成する' }).click();
    await page.getByRole('heading', { name: '協議プロセスの設定' }).waitFor();
    processUrl = page.url().replace(/\/settings$/, '');
    await page.getByLabel('柱 1 の名前').waitFor();
    expect(await page.getByLabel('柱 1 の名前').inputValue()).toBe('安心して働き、暮らせる地方の生活環境の創生');
    expect(await page.getByLabel(/^柱 \d の名前$/).count()).toBe(5);
  });

  it('renames, reorders and adds pillars', async () => {
    const fifth = page.getByRole('form', { name: '柱 5' });
    await fifth.getByLabel('柱 5 の名前').fill('「産官学金労言」の連携と合意形成');
    await fifth.getByRole('button', { name: '名前を保存' }).click();
    await page.getByRole('button', { name: '「「産官学金労言」の連携と合意形成」を上へ' }).waitFor();

    await page.getByRole('button', { name: '「「産官学金労言」の連携と合意形成」を上へ' }).click();
    await page.getByText('「「産官学金労言」の連携と合意形成」を 4 番目に移動しました。').waitFor();
    expect(await page.getByLabel('柱 4 の名前').inputValue()).toBe('「産官学金労言」の連携と合意形成');

    await page.getByLabel('新しい柱の名前').fill('若者の定着と学び直し');
    await page.getByRole('button', { name: '柱を追加' }).click();
    await page.getByLabel('柱 6 の名前').waitFor();
    expect(await page.getByLabel('柱 6 の名前').inputValue()).toBe('若者の定着と学び直し');
  });

  it('invites a member by email; they accept in their own browser and appear with the role and sector', async () => {
    const member = await newAccount(new Gql(server.url), '田中 誠');
    await page.getByLabel('メールアドレス').fill(member.email);
    await page.getByLabel('所属団体', { exact: true }).fill('みなと川商工会議所');
    await page.getByLabel('役割').selectOption('FACILITATOR');
    await page.getByLabel('分野').selectOption('INDUSTRY');
    await page.getByRole('button', { name: '招待する' }).click();
    await page.getByText(`${member.email} に招待を送りました。`, { exact: false }).waitFor();
    await page.getByTestId('pending-invitations').getByText(member.email).waitFor();
    expect(await page.getByTestId('members-table').getByRole('row').filter({ hasText: '田中 誠' }).count()).toBe(0);

    const theirs = await WatchedContext.create(browser, LAPTOP);
    const theirPage = await theirs.newPage();
    await signIn(theirPage, server.url, member, '/');
    const invitation = theirPage.getByTestId('my-invitations');
    await invitation.getByText('みなと川市 地方創生2.0 地域ビジョン協議会').waitFor();
    await invitation.getByRole('button', { name: '参加する' }).click();
    await theirPage.waitForURL(processUrl);
    expect(theirs.problems).toEqual([]);
    await theirs.close();

    await page.reload();
    const row = page.getByTestId('members-table').getByRole('row').filter({ hasText: '田中 誠' });
    await row.getByText('ファシリテーター').waitFor();
    await row.getByText('産（産業界）').waitFor();
    expect(await page.getByTestId('pending-invitations').getByText(member.email).count()).toBe(0);
    await laptop.screenshot(page, 'settings');
  });

  it('posts a proposal with a Markdown preview (no raw HTML) and KPIs, then amends it into version 2', async () => {
    await page.goto(processUrl);
    await page.getByRole('tab', { name: /デジタル・新技術の徹底活用/ }).click();
    await page.getByRole('link', { name: '提案を投稿' }).click();
    await page.getByLabel('タイトル').fill('AIオンデマンド交通を全市域で運行する');
    await page.getByLabel('提案の内容').fill('## 背景\n路線バスが減便されています。\n\n<b>太字のHTML</b>\n\n- 電話予約を残す');
    await page.getByRole('button', { name: 'プレビュー' }).click();
    const preview = page.getByTestId('markdown-preview');
    await preview.getByRole('heading', { level: 2, name: '背景' }).waitFor();
    expect(await preview.locator('b').count()).toBe(0);
    await page.getByRole('button', { name: '編集に戻る' }).click();
    await page.getByLabel('指標').fill('交通空白地域のカバー率');
    await page.getByLabel('現状値').fill('62%');
    await page.getByLabel('目標値').fill('95%');
    await page.getByLabel('期限').fill('2028-03-31');
    await laptop.screenshot(page, 'new-proposal');
    await page.getByRole('button', { name: '提案を公開する' }).click();

    await page.getByRole('heading', { level: 1, name: 'AIオンデマンド交通を全市域で運行する' }).waitFor();
    await page.getByRole('row', { name: /交通空白地域のカバー率 62% 95% 2028年3月31日\(金\)/ }).waitFor();

    await page.getByRole('link', { name: '提案を修正' }).click();
    await page.getByLabel('タイトル').fill('AIオンデマンド交通を全市域で夜22時まで運行する');
    await page.getByLabel('修正の理由').fill('学生の意見を受けて運行時間を明記');
    await page.getByRole('button', { name: '修正を保存' }).click();
    await page.getByRole('heading', { level: 1, name: 'AIオンデマンド交通を全市域で夜22時まで運行する' }).waitFor();
    await page.getByText('第2版', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '第1版と最新版を比べる' }).click();
    const diff = page.getByTestId('version-diff');
    await diff.locator('ins', { hasText: '夜22時まで' }).waitFor();
  });

  it('creates a meeting with one agenda item per pillar, starts it and opens voting from the console', async () => {
    await page.goto(processUrl);
    await page.getByRole('link', { name: '会議を作成' }).click();
    await page.getByLabel('会議名').fill('第1回 地域ビジョン協議会ワークショップ');
    await page.getByLabel('会場').fill('みなと川市民交流センター');
    await page.getByRole('button', { name: '柱ごとに議題を作る' }).click();
    await page.getByLabel('議題 6 の名前').waitFor();
    await page.getByRole('button', { name: '会議を作成してファシリテーター画面へ' }).click();

    await page.getByRole('button', { name: '会議を開始する' }).click();
    await page.getByTestId('console-join-code').waitFor();
    const item = page.locator('.agenda-item').filter({ hasText: 'デジタル・新技術の徹底活用' });
    await item.getByRole('button', { name: 'この議題に移る' }).click();
    await item.getByText('進行中').waitFor();
    await page.getByRole('heading', { name: 'いまの議題：デジタル・新技術の徹底活用' }).waitFor();
    await page.getByLabel('決め方').selectOption('CONSENSUS');
    expect(await page.getByLabel('賛成の基準（%）').inputValue()).toBe('75');
    await page.getByRole('button', { name: '採決を開始する' }).click();
    await page.getByTestId('tally-summary').filter({ hasText: '計 0 票' }).waitFor();
    await page.getByRole('button', { name: '投票を締め切る' }).waitFor();
  });
});

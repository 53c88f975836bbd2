import type { Browser, Page } from 'playwright-core';
import { LAPTOP, PHONE, PROJECTOR, WatchedContext, launchChromium, signIn } from './support/browser';
import { startBuiltServer, type E2eServer } from './support/server';
import { setUpLiveWorkshop, type Workshop } from './support/workshop';

/** 「ＡＢＣ－２３４」 in lower case and full width, as a phone's Japanese keyboard may type it. */
function asTypedOnAJapanesePhone(code: string): string {
  const wide = [...code.toLowerCase()].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');
  return `${wide.slice(0, 3)}－${wide.slice(3)}`;
}

describe('a live workshop in the browser (built server, real PostgreSQL, Chromium)', () => {
  let server: E2eServer;
  let browser: Browser;
  let w: Workshop;
  let phone: WatchedContext;
  let facilitator: WatchedContext;
  let secretariat: WatchedContext;
  let guest: Page;
  let screen: Page;
  let desk: Page;

  beforeAll(async () => {
    server = await startBuiltServer();
    browser = await launchChromium();
    w = await setUpLiveWorkshop(server.url);
    phone = await WatchedContext.create(browser, PHONE);
    facilitator = await WatchedContext.create(browser, PROJECTOR);
    secretariat = await WatchedContext.create(browser, LAPTOP);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Every step must run without a console error or an uncaught exception on any page.
  afterEach(() => {
    expect([phone, facilitator, secretariat].flatMap((c) => c?.problems.splice(0) ?? [])).toEqual([]);
  });

  it('opens the projector screen with the join code, the current item and the live tally', async () => {
    screen = await facilitator.newPage();
    await signIn(screen, server.url, w.facilitator, `/meetings/${w.meetingId}/screen`);
    await screen.getByTestId('screen-join-code').filter({ hasText: `${w.joinCode.slice(0, 3)} ${w.joinCode.slice(3)}` }).waitFor();
    await screen.getByTestId('screen-item-title').filter({ hasText: 'オンデマンド交通' }).waitFor();
    await screen.getByTestId('tally-summary').filter({ hasText: '計 3 票' }).waitFor();
    // The QR code encodes origin + /j/CODE.
    expect(await screen.locator('.screen-qr svg').count()).toBe(1);
    // Marks this document: if the page reloads later, the mark is gone.
    await screen.evaluate(() => Object.assign(window, { __noReload: true }));
  });

  it('lets the secretariat open the desk before anything is decided', async () => {
    desk = await secretariat.newPage();
    await signIn(desk, server.url, w.secretariat, `/p/${w.processId}/desk`);
    await desk.getByText('合意記録はまだありません').waitFor();
  });

  it('lets a guest join on a phone with the code typed in full-width lower case', async () => {
    guest = await phone.newPage();
    await guest.goto(`${server.url}/`);
    await guest.getByRole('link', { name: '参加コードで参加' }).first().click();
    await guest.getByLabel('参加コード').fill(asTypedOnAJapanesePhone(w.joinCode));
    await guest.getByRole('button', { name: '次へ' }).click();
    await guest.waitForURL(`${server.url}/j/${w.joinCode}`);
    await guest.getByRole('heading', { name: '第3回 地域ビジョン協議会ワークショップ' }).waitFor();
    await guest.getByText(w.processTitle).waitFor();

    // Submitting without a name and a sector says what is missing.
    await guest.getByRole('button', { name: '参加する' }).click();
    await guest.getByText('あなたの立場（分野）を選んでください。').waitFor();

    await guest.getByLabel('お名前（表示名）').fill('松本 葵');
    await guest.getByRole('radio', { name: /住民/ }).check();
    await guest.getByLabel('所属団体・学校など').fill('みなと川大学 経済学部');
    await guest.getByRole('radio', { name: /住民/ }).scrollIntoViewIfNeeded();
    await phone.screenshot(guest, 'phone-join', { fullPage: false });
    await guest.getByRole('button', { name: '参加する' }).click();

    await guest.waitForURL(new RegExp(`/p/${w.processId}`));
    await guest.getByTestId('live-meeting').getByText('いまの議題：④ デジタル：オンデマンド交通').waitFor();
    await guest.getByTestId('signed-in-as').filter({ hasText: '松本 葵' }).waitFor();
    await phone.screenshot(guest, 'phone-process', { fullPage: false });
  });

  it('shows the guest the proposal (Markdown without raw HTML), lets them comment with a stance and reply', async () => {
    await guest.getByRole('link', { name: 'いまの議題の提案を見る' }).click();
    await guest.getByRole('heading', { level: 1, name: w.proposalTitle }).waitFor();
    await guest.locator('.markdown strong', { hasText: 'オンデマンド交通' }).first().waitFor();
    expect(await guest.locator('.markdown script').count()).toBe(0);
    await guest.getByRole('cell', { name: '95%' }).waitFor();

    const form = guest.getByRole('form', { name: 'コメントを書く' });
    await form.getByRole('radio', { name: '質問' }).check();
    await form.getByLabel('コメント').fill('夜22時以降の便はありますか？ 大学の講義の後に使いたいです。');
    await form.getByRole('button', { name: 'コメントを送る' }).click();
    const mine = guest.getByTestId('comment').filter({ hasText: '大学の講義の後に使いたいです。' });
    await mine.waitFor();
    expect(await mine.locator('.chip--QUESTION').innerText()).toBe('質問');

    // A reply to the labour union's concern, threaded under it.
    const concern = guest.getByTestId('comment').filter({ hasText: '運転手の雇用への影響が心配です' }).first();
    await concern.getByRole('button', { name: '返信する' }).click();
    const reply = concern.getByRole('form', { name: '返信を書く' });
    await reply.getByLabel('返信').fill('学生の運転手アルバイトも増やせるとよいと思います。');
    await reply.getByRole('button', { name: '返信を送る' }).click();
    await concern.locator('.replies').getByText('学生の運転手アルバイトも増やせるとよいと思います。').waitFor();

    // The projector shows the latest comment without a reload.
    await screen.locator('.screen-comments').getByText('大学の講義の後に使いたいです。').waitFor();
  });

  it('takes the guest vote with a reason; the projector tally updates without a reload', async () => {
    await guest.getByRole('button', { name: '賛成' }).click();
    await guest.getByLabel('理由（任意）').fill('夜の便があれば通学に使えます。');
    await guest.getByRole('button', { name: '投票する' }).click();
    await guest.getByText('「賛成」で投票しました。').waitFor();
    await guest.getByTestId('my-vote').filter({ hasText: 'いまの投票：賛成' }).waitFor();
    await guest.getByTestId('tally-summary').filter({ hasText: '賛成 3・反対 1・棄権 0・ブロック 0（計 4 票）' }).waitFor();
    // The phone view after voting: the confirmation, "change my vote" and the live chart.
    await guest.getByTestId('my-vote').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await guest.evaluate(() => window.scrollBy(0, 40));
    await phone.screenshot(guest, 'phone-vote', { fullPage: false });

    await screen.getByTestId('tally-summary').filter({ hasText: '賛成 3・反対 1・棄権 0・ブロック 0（計 4 票）' }).waitFor();
    expect(await screen.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it('lets the guest change the vote while the round is open', async () => {
    await guest.getByRole('button', { name: '棄権' }).click();
    await guest.getByRole('button', { name: '投票を変更' }).click();
    await guest.getByText('「棄権」で投票しました。').waitFor();
    await screen.getByTestId('tally-summary').filter({ hasText: '賛成 2・反対 1・棄権 1・ブロック 0（計 4 票）' }).waitFor();
    expect(await screen.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it('lets the facilitator see attendance and close the vote; the record appears on the desk live', async () => {
    const consolePage = await facilitator.newPage();
    await consolePage.setViewportSize({ width: 1366, height: 900 });
    await consolePage.goto(`${server.url}/m/${w.meetingId}/console`);
    await consolePage.getByTestId('console-join-code').waitFor();
    await consolePage.getByTestId('tally-summary').filter({ hasText: '計 4 票' }).waitFor();
    // Four members and the guest (住民) are in the room; the journalist (言) has not spoken yet.
    await consolePage.getByRole('heading', { name: '出席（5人）' }).waitFor();
    await consolePage.getByTestId('missing-voices').getByRole('img', { name: '報道・メディア' }).waitFor();
    expect(await consolePage.getByTestId('missing-voices').getByRole('img').count()).toBe(1);

    // A timer started here counts down on the projector too.
    await consolePage.getByLabel('分').fill('15');
    await consolePage.getByRole('button', { name: '開始' }).click();
    await consolePage.getByRole('timer').filter({ hasText: /^1[45]:\d\d$/ }).waitFor();
    await screen.getByRole('timer').filter({ hasText: /^1[45]:\d\d$/ }).waitFor();
    await facilitator.screenshot(consolePage, 'console');
    await facilitator.screenshot(screen, 'projector');

    await consolePage.getByRole('button', { name: '投票を締め切る' }).click();
    await consolePage.getByText(/締め切りました：(採択|不採択)（合意記録 第1号）/).waitFor();

    // The secretariat's desk, opened before the decision, shows the record without a reload.
    const record = desk.getByTestId('record').filter({ hasText: w.proposalTitle });
    await record.waitFor();
    await desk.getByTestId('chain-badge').filter({ hasText: '検証済み ✓（1件の記録）' }).waitFor();
    await record.getByText('運転手の処遇が計画に書かれるまでは賛成できません。').waitFor();
    await consolePage.close();
  });

  it('lets the secretariat answer the dissent', async () => {
    const record = desk.getByTestId('record').filter({ hasText: w.proposalTitle });
    const dissent = record.locator('li').filter({ hasText: '運転手の処遇が計画に書かれるまでは賛成できません。' });
    await dissent.getByRole('button', { name: '回答する' }).click();
    await dissent.getByLabel('回答').fill('運転手の処遇は事業者との協議会で決め、運行計画に明記します。');
    await dissent.getByRole('button', { name: '回答を保存' }).click();
    await dissent.getByText('事務局の回答：').waitFor();
    await secretariat.screenshot(desk, 'desk');
  });

  it('switches the guest to English, keeps it after a reload and sets <html lang>', async () => {
    await guest.getByRole('button', { name: 'English' }).click();
    await guest.getByRole('heading', { name: 'Result' }).waitFor();
    await guest.getByRole('heading', { name: /^Comments \(\d+\)$/ }).waitFor();
    await guest.getByRole('button', { name: 'Sign out' }).or(guest.getByRole('button', { name: 'Leave' })).waitFor();
    expect(await guest.evaluate(() => document.documentElement.lang)).toBe('en');
    // The domain's labels follow: stance chips and the tally summary.
    await guest.getByTestId('tally-summary').filter({ hasText: 'Agree 2 · Disagree 1 · Abstain 1 · Block 0 (4 votes in total)' }).waitFor();
    await guest.reload();
    await guest.getByRole('heading', { name: 'Result' }).waitFor();
    expect(await guest.evaluate(() => document.documentElement.lang)).toBe('en');
    await phone.screenshot(guest, 'phone-english', { fullPage: false });
  });
});

import type { Browser, Page } from 'playwright-core';
import { PHONE, PROJECTOR, WatchedContext, launchChromium, signIn } from './support/browser';
import { Gql } from './support/gql';
import { startBuiltServer, type E2eServer } from './support/server';
import { SocketGate } from './support/socket-gate';
import { setUpLiveWorkshop, type Workshop } from './support/workshop';

/** Short heartbeats so the watchdog (three silent heartbeats) speaks within seconds. */
const HEARTBEAT_MS = 1_000;
const CAST = 'mutation($i: CastVoteInput!) { castVote(input: $i) { id } }';
const JOIN = 'mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token } }';
/** The browser's own report of a WebSocket the gate refused (expected while the socket is cut). */
const REFUSED_SOCKET = /WebSocket connection to '.*\/socket\.io\/.*' failed/;

const noReload = (page: Page) => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload);

/**
 * Screens never silently wrong, in the browser: the projector and a participant's phone lose their
 * events (the socket stays "connected" but the server's events never arrive), then their socket
 * (cut and refused). Each says it is behind, re-reads the tally from the database, and is live again
 * once events flow — without a reload.
 */
describe('screens that miss events say so and catch up with the database (built server, Chromium)', () => {
  let server: E2eServer;
  let browser: Browser;
  let w: Workshop;
  let gql: Gql;
  let hall: WatchedContext;
  let phone: WatchedContext;
  let screen: Page;
  let participant: Page;
  const gate = new SocketGate();

  /** The database's tally, as the API reports it. */
  const truth = async () =>
    (await gql.as(w.facilitator.token).run<{ proposal: { tally: { total: number } } }>('query($id: ID!) { proposal(id: $id) { tally { total } } }', { id: w.proposalId })).proposal.tally.total;
  const guestVote = async (name: string, choice: string) => {
    const guest = await gql.run<{ joinMeeting: { token: string } }>(JOIN, { i: { code: w.joinCode, displayName: name, sector: 'CITIZEN' } });
    await gql.as(guest.joinMeeting.token).run(CAST, { i: { proposalId: w.proposalId, choice } });
  };
  const indicator = (page: Page, text: string | RegExp) => page.getByTestId('live-indicator').filter({ hasText: text }).first().waitFor();
  const total = (page: Page, n: number) => page.getByTestId('tally-summary').filter({ hasText: `計 ${n} 票` }).first().waitFor();

  beforeAll(async () => {
    server = await startBuiltServer({ LIVE_HEARTBEAT_MS: String(HEARTBEAT_MS) });
    browser = await launchChromium();
    w = await setUpLiveWorkshop(server.url);
    gql = new Gql(server.url);
    hall = await WatchedContext.create(browser, PROJECTOR);
    phone = await WatchedContext.create(browser, PHONE);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    expect([hall, phone].flatMap((c) => c?.problems.splice(0) ?? []).filter((p) => !REFUSED_SOCKET.test(p))).toEqual([]);
  });

  it('shows the projector and a participant live, with the tally of the database', async () => {
    screen = await hall.newPage();
    await gate.install(screen);
    await signIn(screen, server.url, w.facilitator, `/meetings/${w.meetingId}/screen`);
    participant = await phone.newPage();
    await gate.install(participant);
    await signIn(participant, server.url, w.industry, `/p/${w.processId}/proposals/${w.proposalId}`);
    for (const page of [screen, participant]) {
      await total(page, 3);
      await indicator(page, 'リアルタイム更新中');
      await page.evaluate(() => Object.assign(window, { __noReload: true }));
    }
  });

  it('says "更新が遅れています" while events are lost on a connection that looks up, and re-reads the tally from the database', async () => {
    gate.drop = true;
    await gql.as(w.media.token).run(CAST, { i: { proposalId: w.proposalId, choice: 'AGREE' } });
    await gql.as(w.organiser.token).run(CAST, { i: { proposalId: w.proposalId, choice: 'DISAGREE' } });
    expect(await truth()).toBe(5);
    for (const page of [screen, participant]) {
      // No event and no heartbeat for three intervals: the watchdog says so and refetches over GraphQL.
      await indicator(page, '更新が遅れています');
      await total(page, 5);
    }
    expect(gate.dropped).toBeGreaterThan(0);
    await hall.screenshot(screen, 'projector-updates-delayed', { fullPage: false });

    gate.drop = false;
    for (const page of [screen, participant]) await indicator(page, 'リアルタイム更新中');
    await guestVote('遅延後の参加者', 'AGREE');
    for (const page of [screen, participant]) {
      await total(page, 6);
      expect(await noReload(page)).toBe(true);
    }
  });

  it('says it is reconnecting or offline while its socket is cut, and shows the database tally once it is back', async () => {
    await gate.cut();
    for (const page of [screen, participant]) await indicator(page, /再接続しています|オフライン/);
    await guestVote('切断中の参加者', 'ABSTAIN');
    expect(await truth()).toBe(7);
    // No event reaches it over the cut socket; on a slow machine its watchdog may already have re-read the tally over
    // HTTP, so it shows the tally before or after this vote — never another number — and never claims to be live.
    expect(await screen.getByTestId('tally-summary').first().innerText()).toMatch(/計 [67] 票/);
    await indicator(screen, /再接続しています|オフライン/);

    gate.restore();
    for (const page of [screen, participant]) {
      await indicator(page, 'リアルタイム更新中');
      await total(page, 7);
      expect(await noReload(page)).toBe(true);
    }
  });
});

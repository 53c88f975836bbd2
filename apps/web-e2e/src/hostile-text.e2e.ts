import type { Browser, Page } from 'playwright-core';
import { LAPTOP, WatchedContext, launchChromium, signIn } from './support/browser';
import { Gql, inviteAndAccept, newAccount, type Account } from './support/gql';
import { startBuiltServer, type E2eServer } from './support/server';

/**
 * Hostile text — script, an SVG with a handler, a javascript: link, HTML, Markdown emphasis, SQL —
 * in every text field the web app shows, as a participant could type it. In Chromium, on every page
 * that shows it: no dialog opens (no script ran), the DOM holds no element, handler or javascript:
 * link that came from it, and the text itself is visible, as text.
 */
const hostile = (tag: string) => `${tag}<script>alert('${tag}')</script><svg onload=alert(1)><img src=x onerror=alert(2)>[x](javascript:alert(3))**太字**';--`;

const INJECTED = `#root script, #root svg[onload], #root [onerror], #root [onload], #root iframe, #root a[href^="javascript:"], #root img[src="x"]`;

describe('hostile text in the browser: shown as text, never run', () => {
  let server: E2eServer;
  let browser: Browser;
  let laptop: WatchedContext;
  let page: Page;
  const dialogs: string[] = [];
  const ids = { process: '', proposal: '' };
  let organizer: Account;

  beforeAll(async () => {
    server = await startBuiltServer();
    browser = await launchChromium();
    const gql = new Gql(server.url);
    organizer = await newAccount(gql, hostile('N1').slice(0, 100));
    const org = gql.as(organizer.token);
    const member = await newAccount(gql, hostile('N2').slice(0, 100));
    const { createProcess } = await org.run<{ createProcess: { id: string; pillars: { id: string }[] } }>('mutation($i: CreateProcessInput!) { createProcess(input: $i) { id pillars { id } } }', {
      i: { title: hostile('T1'), description: hostile('D1') },
    });
    ids.process = createProcess.id;
    await inviteAndAccept(gql, organizer, member, { processId: ids.process, role: 'PARTICIPANT', sector: 'LABOUR', organization: hostile('O1') });
    const { createProposal } = await gql.as(member.token).run<{ createProposal: { id: string } }>('mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }', {
      i: { processId: ids.process, pillarId: createProcess.pillars[0].id, title: hostile('P1'), body: `${hostile('B1')}\n\n<iframe src="javascript:alert(4)"></iframe>\n\n${hostile('B2')}`, kpis: [{ indicator: hostile('K1'), baseline: hostile('K2'), target: hostile('K3') }] },
    });
    ids.proposal = createProposal.id;
    const { addComment } = await gql.as(member.token).run<{ addComment: { id: string } }>('mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', { i: { proposalId: ids.proposal, stance: 'CONCERN', body: hostile('C1') } });
    await org.run('mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', { i: { proposalId: ids.proposal, stance: 'QUESTION', body: hostile('C2'), parentId: addComment.id } });
    await org.run('mutation($i: OpenVotingInput!) { openVoting(input: $i) { id } }', { i: { proposalId: ids.proposal, rule: 'MAJORITY' } });
    await gql.as(member.token).run('mutation($i: CastVoteInput!) { castVote(input: $i) { id } }', { i: { proposalId: ids.proposal, choice: 'DISAGREE', reason: hostile('R1') } });
    const { closeVoting } = await org.run<{ closeVoting: { id: string; dissent: { id: string }[] } }>('mutation($id: ID!) { closeVoting(proposalId: $id) { id dissent { id } } }', { id: ids.proposal });
    await org.run('mutation($i: RespondToDissentInput!) { respondToDissent(input: $i) { id } }', { i: { recordId: closeVoting.id, dissentId: closeVoting.dissent[0].id, response: hostile('S1') } });
    await org.run('mutation($i: AddActionItemInput!) { addActionItem(input: $i) { id } }', { i: { recordId: closeVoting.id, title: hostile('A1'), ownerOrganization: hostile('A2'), kpi: hostile('A3') } });
    laptop = await WatchedContext.create(browser, LAPTOP);
    page = await laptop.newPage();
    page.on('dialog', (d) => dialogs.push(d.message()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    expect(laptop.problems.splice(0)).toEqual([]);
  });

  /**
   * On the current page: the plain fields' text is visible with its markup as characters, the
   * Markdown fields' own text is visible (their raw HTML is dropped, never rendered), nothing was
   * injected, and no dialog opened.
   */
  async function shownAsText(tags: string[], markdownTags: string[] = []): Promise<void> {
    for (const tag of tags) await page.getByText(`${tag}<script>alert('${tag}')</script>`, { exact: false }).first().waitFor();
    for (const tag of markdownTags) await page.getByText(tag, { exact: false }).first().waitFor();
    expect(await page.locator(INJECTED).count()).toBe(0);
    // Give any injected handler time to fire.
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  }

  it('the process page: its title and the proposal title in the list', async () => {
    await signIn(page, server.url, organizer, `/p/${ids.process}`);
    await shownAsText(['T1', 'P1']);
  });

  it('the proposal page: title, Markdown body, KPIs, comments, replies and author names', async () => {
    await page.goto(`${server.url}/p/${ids.process}/proposals/${ids.proposal}`);
    await shownAsText(['P1', 'K1', 'N2'], ['B1', 'B2', 'C1', 'C2']);
    // The Markdown body: emphasis written by the author is NOT markup here (it is inside the hostile run), and no raw HTML became an element.
    expect(await page.locator('.markdown iframe, .markdown script, .markdown svg').count()).toBe(0);
  });

  it('the secretariat desk: the record, its dissent with the response, and the action item', async () => {
    await page.goto(`${server.url}/p/${ids.process}/desk`);
    await shownAsText(['A1'], ['R1']);
  });
});

import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Account } from './gql';
import { WORKSPACE } from './server';

export const SCREENSHOTS = path.join(WORKSPACE, 'test-output/screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // --lang: date inputs follow the browser's own language, as on a Japanese phone.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=ja-JP'],
  });
}

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const LAPTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
export const PROJECTOR: BrowserContextOptions = { viewport: { width: 1920, height: 1080 } };

/**
 * A browser context that records every console error and uncaught page error of its pages,
 * so a test can assert that a flow ran without any.
 */
export class WatchedContext {
  readonly problems: string[] = [];

  private constructor(readonly context: BrowserContext) {}

  static async create(browser: Browser, options: BrowserContextOptions): Promise<WatchedContext> {
    const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'ja-JP', ...options });
    return new WatchedContext(context);
  }

  async newPage(): Promise<Page> {
    const page = await this.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') this.problems.push(`console.error on ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.problems.push(`pageerror on ${page.url()}: ${e.message}`));
    // Say which request failed (the console only says "400 (Bad Request)").
    page.on('response', (r) => {
      if (r.status() >= 400) {
        void r
          .text()
          .then((body) => this.problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}: ${body.slice(0, 300)}`))
          .catch(() => undefined);
      }
    });
    // Confirmation dialogs (close voting, end meeting) are accepted, as the facilitator would.
    page.on('dialog', (d) => void d.accept());
    return page;
  }

  /** Into test-output/screenshots/; `fullPage: false` keeps what a phone actually shows. */
  async screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Fonts (Noto Sans JP subsets) load lazily: wait so Japanese never renders as boxes.
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** Signs in through the real sign-in page (Japanese labels) and waits for the redirect to `next`. */
export async function signIn(page: Page, url: string, account: Pick<Account, 'email' | 'password'>, next: string): Promise<void> {
  await page.goto(`${url}/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('メールアドレス').fill(account.email);
  await page.getByLabel('パスワード').fill(account.password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL(`${url}${next}`);
}

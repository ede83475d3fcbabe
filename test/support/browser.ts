import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';

/** Screenshots for a reviewer to look at (gitignored). */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'screenshots');

/**
 * The package's flags, less --single-process: that is for one page per Lambda, and the
 * browser dies when a test closes one context and opens the next.
 */
const BROWSER_ARGS = chromium.args.filter((a: string) => a !== '--single-process');

export const WIDTHS = { desktop: 1280, phone: 375 } as const;

/**
 * Real Chromium (the binary @sparticuz/chromium carries in its npm tarball) driven by
 * playwright-core, with a watch on every page: console errors, failed requests, answers of
 * 400 and above, and any request that would leave 127.0.0.1 (refused, and reported).
 */
export class BrowserHarness {
  /** What went wrong on any page since the last `expectClean()`. */
  problems: string[] = [];
  /** Statuses of 400 and above a test expects (an error page it visits on purpose). */
  allowStatus = new Set<string>();

  private constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
  ) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }

  static async start(baseUrl: string): Promise<BrowserHarness> {
    const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: BROWSER_ARGS, headless: true });
    return new BrowserHarness(browser, baseUrl.replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1'));
  }

  /** A page in a fresh context (its own cookies and session storage), watched. */
  async newPage(width: number = WIDTHS.desktop): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width, height: 900 }, baseURL: this.baseUrl, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      this.problems.push(`request leaving 127.0.0.1: ${url.href}`);
      return route.abort('blockedbyclient');
    });
    page.on('console', (m) => {
      // A status of 400 and above is also logged as a console error: the response watch below judges those.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource: the server responded with a status of')) this.problems.push(`console error on ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.problems.push(`uncaught error on ${page.url()}: ${e.message}`));
    page.on('requestfailed', (r) => {
      // A download the page hands to the browser is "aborted" once saved; that is not a failure.
      if (r.failure()?.errorText !== 'net::ERR_ABORTED' || !r.url().includes('/exports/')) this.problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (r.status() >= 400 && !this.allowStatus.has(`${r.status()} ${path}`)) this.problems.push(`${r.status()} for ${r.request().method()} ${r.url()}`);
    });
    return page;
  }

  /** axe-core on the page as it is now: serious and critical violations are problems. */
  async axe(page: Page, name: string): Promise<void> {
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        this.problems.push(`axe ${v.impact} on ${name}: ${v.id} (${v.help}) at ${v.nodes.map((n: { target: unknown[] }) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }
    }
  }

  /** Saves `<name>-<width>.png` under SCREENSHOT_DIR. */
  async screenshot(page: Page, name: string): Promise<void> {
    const width = page.viewportSize()?.width ?? 0;
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  }

  /** axe and screenshots at both widths; returns the desktop page, open, for the test's own checks. */
  async visit(path: string, name: string): Promise<Page> {
    const phone = await this.newPage(WIDTHS.phone);
    await phone.goto(path);
    await this.axe(phone, `${name} at 375 px`);
    await this.screenshot(phone, name);
    // At phone width nothing may run off the side: the page scrolls only down.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) this.problems.push(`${name} is ${overflow} px wider than a 375 px screen`);
    await phone.context().close();
    const page = await this.newPage(WIDTHS.desktop);
    await page.goto(path);
    await this.axe(page, name);
    await this.screenshot(page, name);
    return page;
  }

  /** Fails the test with every problem seen since the last call. */
  expectClean(): void {
    const seen = this.problems;
    this.problems = [];
    expect(seen).toEqual([]);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../../src/api/app.js';
import { WEB_DIST_DIR } from '../../src/api/static.js';
import type { AppContext } from '../../src/context.js';

// Shared by the browser test files: Debian's Chromium (.ci/run installs it) against the real app on
// 127.0.0.1. One server and one browser per file; missing prerequisites fail with a message, never skip.
export const CHROMIUM = '/usr/bin/chromium';

/** The machine may be busy: wait for the page generously (these are not timing assertions). */
export const POLL = { timeout: 15_000 };

/** Fails with what to install or build when Chromium or the built UI is missing. */
export function checkPrerequisites(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does this) to run the browser tests`,
    );
  if (!existsSync(`${WEB_DIST_DIR}/index.html`))
    throw new Error(
      'dist/web/index.html is missing: build the UI with `npm run build` (npm ci runs it) before the browser tests',
    );
}

/** Starts Chromium headless with the flags the CI machine needs (no sandbox as root, no GPU, no updates). */
export function launchChromium(): Promise<Browser> {
  const launching = chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  launching.catch(() => undefined);
  return launching;
}

/** Serves the app on a free port of 127.0.0.1; returns its origin and a close function. */
export async function serveApp(ctx: AppContext): Promise<{ origin: string; close: () => Promise<void> }> {
  const { app } = createApp(ctx);
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface SignedIn {
  page: Page;
  /** Messages of dialogs that opened (alert() from a payload would show here). */
  dialogs: string[];
}

/**
 * Signs people in through the form once each; later calls reuse the session (cookie and the page's
 * storage) in a new browser profile.
 */
export class Sessions {
  private readonly known = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

  constructor(
    private readonly browser: () => Browser,
    private readonly origin: () => string,
    private readonly passwords: Record<string, string>,
  ) {}

  async signIn(username: string, opts: { fresh?: boolean; path?: string } = {}): Promise<SignedIn> {
    const known = opts.fresh ? undefined : this.known.get(username);
    const context = await this.browser().newContext(known ? { storageState: known } : {});
    // Fail a missing element well before the test's own time limit, with the locator in the message.
    context.setDefaultTimeout(POLL.timeout);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${this.origin()}/ui/${opts.path ?? ''}`);
    if (!known) {
      const password = this.passwords[username];
      if (password === undefined) throw new Error(`no password for test user "${username}"`);
      await page.fill('input[name=username]', username);
      await page.fill('input[name=password]', password);
      await page.click('form button[type=submit]');
    }
    await page.getByTestId('who').waitFor();
    if (!known && !opts.fresh) this.known.set(username, await context.storageState());
    return { page, dialogs };
  }
}

/** What a hostile payload set on window, or null when none of its script ran. */
export const pwned = (page: Page) =>
  page.evaluate('window.__pwned === undefined ? null : window.__pwned') as Promise<unknown>;

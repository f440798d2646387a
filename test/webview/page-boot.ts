// The boot both webview harnesses share: a page served from 127.0.0.1 with a
// fresh nonce, the real bundle, Debian's headless Chromium, and the wait for
// the view's own `ready` message (not the load event).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/system-packages.mjs';

export interface PageBootOptions {
  /** The page's HTML: its CSP names the origin and the nonce. */
  html(origin: string, nonce: string): string;
  /** The bundle file, served at `bundleUrl`. */
  bundle: string;
  bundleUrl: string;
  /** Other answers the page needs (images, the favicon); true when answered, else 404. */
  serve?(url: string, response: http.ServerResponse): boolean;
}

export interface BootedPage {
  page: Page;
  origin: string;
  /** Alerts and confirms the page opened (an XSS canary); each is dismissed. */
  dialogs: string[];
  consoleErrors: string[];
  pageErrors: string[];
  /** Chromium's console reports of what the CSP refused ("Refused to …"), from the page's start. */
  cspRefusals: string[];
  /** Delivers a host message as the webview receives it, and waits for the UI to settle. */
  send(message: unknown): Promise<void>;
  close(): Promise<void>;
}

export async function bootPage(options: PageBootOptions): Promise<BootedPage> {
  const { bundle } = options;
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node scripts/test-webview.mjs (it builds first)`);
  const nonce = randomBytes(16).toString('base64');
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(options.html(origin, nonce));
    } else if (url === options.bundleUrl) {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(readFileSync(bundle));
    } else if (!options.serve?.(url, response)) {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const cspRefusals: string[] = [];
  const close = async () => {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  let page: Page;
  try {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
      if (message.text().startsWith('Refused to')) cspRefusals.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(origin, { waitUntil: 'commit' });
    // A function, not source text: string predicates are eval'd in the page, which the CSP forbids.
    const booted = () => (globalThis as { __posted?: { type: string }[] }).__posted?.some((m) => m.type === 'ready') === true;
    await page.waitForFunction(booted, undefined, { timeout: 60_000 });
  } catch (error) {
    await close();
    throw error;
  }

  // Page-side code goes as source text: this project's Node tsconfig has no DOM types.
  const settle = () => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
  return {
    page,
    origin,
    dialogs,
    consoleErrors,
    pageErrors,
    cspRefusals,
    async send(message) {
      await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
      await settle();
      await settle();
    },
    close,
  };
}

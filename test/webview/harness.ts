// A stand-in for the VS Code webview: a page served from 127.0.0.1 under the
// same strict CSP and nonce the host uses, a fake acquireVsCodeApi that
// records what the webview posts, and the real bundle dist/webview.js,
// driven in Debian's headless Chromium through playwright-core.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PNG } from 'pngjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostToWebview } from '../../src/protocol';
import { REPO_ROOT } from '../helpers/dataset';
import { contentSecurityPolicy } from '../../src/host/editor/model/html';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/system-packages.mjs';
import { themeBodyStyle, type ThemeName } from './themes';

const BUNDLE = path.join(REPO_ROOT, 'dist', 'webview.js');

/** Theme colours the tests set on the body and expect to see in computed styles. */
export const THEME = {
  '--vscode-editor-background': 'rgb(10, 20, 30)',
  '--vscode-foreground': 'rgb(200, 210, 220)',
  '--vscode-focusBorder': 'rgb(250, 100, 0)',
  '--vscode-badge-background': 'rgb(1, 2, 3)',
};

function smallPng(): Buffer {
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

function page(origin: string, nonce: string, savedState: unknown, themeName?: ThemeName): string {
  // The host's own CSP, with webview.cspSource = this server's origin. The
  // csp-nonce meta lets the toolkit's style probe (FAST) carry the nonce.
  const csp = contentSecurityPolicy(origin, nonce);
  const body = themeName
    ? themeBodyStyle(themeName)
    : {
        className: '',
        css: Object.entries(THEME)
          .map(([name, value]) => `${name}: ${value};`)
          .join(' '),
      };
  return `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>synthetic.shard.jsonl</title>
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta property="csp-nonce" content="${nonce}">
<style nonce="${nonce}">body { margin: 0; ${body.css} }</style>
<script nonce="${nonce}">
  window.__posted = [];
  window.__violations = [];
  window.__savedState = ${JSON.stringify(savedState ?? null).replace(/</g, '\\u003c')} ?? undefined;
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' @' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber));
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
    getState: () => window.__savedState,
    setState: (s) => { window.__savedState = s; },
  });
</script>
<script type="module" nonce="${nonce}" src="${origin}/dist/webview.js"></script>
</head><body class="${body.className}"></body></html>`;
}

export interface Harness {
  page: Page;
  origin: string;
  /** Alerts/confirms the page opened (XSS canary). */
  dialogs: string[];
  pageErrors: string[];
  /** Chromium's console reports of what the CSP refused ("Refused to …"), from the page's start. */
  cspRefusals: string[];
  /** Messages the webview posted so far. */
  posted(): Promise<Record<string, any>[]>;
  clearPosted(): Promise<void>;
  /** Delivers a host message and waits for the UI to settle. */
  send(message: HostToWebview): Promise<void>;
  violations(): Promise<string[]>;
  /** Takes the focus out of any field, as a click on the background would. */
  blurFocus(): Promise<void>;
  /** Evaluates a page expression (source text). */
  pageValue(expression: string): Promise<any>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The webview bundle to serve; default dist/webview.js (the benchmark builds its own elsewhere). */
  bundle?: string;
  /** What VS Code kept with setState before a reload: getState() returns it from the start. */
  savedState?: unknown;
  /** One of VS Code's default themes, with its real colours; default: the marker colours of THEME. */
  theme?: ThemeName;
}

export async function openHarness(options: HarnessOptions = {}): Promise<Harness> {
  const bundle = options.bundle ?? BUNDLE;
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node scripts/test-webview.mjs (it builds first)`);
  const nonce = randomBytes(16).toString('base64');
  const png = smallPng();
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page(origin, nonce, options.savedState, options.theme));
    } else if (url === '/dist/webview.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(readFileSync(bundle));
    } else if (url.startsWith('/img/ok')) {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(png);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const cspRefusals: string[] = [];
  const close = async () => {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  let tab: Page;
  try {
    tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    tab.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    tab.on('console', (message) => {
      if (message.text().startsWith('Refused to')) cspRefusals.push(message.text());
    });
    // The webview's own `ready` message is the signal, not the load event.
    await tab.goto(origin, { waitUntil: 'commit' });
    // A function, not source text: string predicates are eval'd in the page, which the CSP forbids.
    const booted = () => (globalThis as { __posted?: { type: string }[] }).__posted?.some((m) => m.type === 'ready') === true;
    await tab.waitForFunction(booted, undefined, { timeout: 60_000 });
  } catch (error) {
    await close();
    throw error;
  }

  // Page-side code goes as source text: this project's Node tsconfig has no DOM types.
  const settle = () => tab.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
  return {
    page: tab,
    origin,
    dialogs,
    pageErrors,
    cspRefusals,
    posted: () => tab.evaluate('window.__posted'),
    clearPosted: async () => void (await tab.evaluate('window.__posted = []')),
    async send(message) {
      await tab.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
      await settle();
      await settle();
    },
    violations: () => tab.evaluate('window.__violations'),
    blurFocus: async () => void (await tab.evaluate('document.activeElement?.blur()')),
    pageValue: (expression) => tab.evaluate(expression),
    close,
  };
}

/** Posted messages of one type, without their seq (which only counts). */
export function ofType(messages: Record<string, any>[], type: string): Record<string, any>[] {
  return messages.filter((m) => m.type === type).map(({ seq: _seq, ...rest }) => rest);
}

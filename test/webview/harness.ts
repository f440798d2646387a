// A stand-in for the VS Code webview: a page served from 127.0.0.1 under the
// same strict CSP and nonce the host uses, a fake acquireVsCodeApi that
// records what the webview posts, and the real bundle dist/webview.js,
// driven in Debian's headless Chromium through playwright-core (page-boot.ts).
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import type { HostToWebview } from '../../src/protocol';
import { REPO_ROOT } from '../helpers/dataset';
import { contentSecurityPolicy } from '../../src/host/editor/state/html';
import { bootPage } from './page-boot';
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
  /** Shows a request afresh for the next test: sent, `ready` drawn, no field focused, nothing posted yet. */
  showAfresh(message: HostToWebview, ready?: string): Promise<void>;
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
  const png = smallPng();
  const booted = await bootPage({
    html: (origin, nonce) => page(origin, nonce, options.savedState, options.theme),
    bundle: options.bundle ?? BUNDLE,
    bundleUrl: '/dist/webview.js',
    serve(url, response) {
      if (!url.startsWith('/img/ok')) return false;
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(png);
      return true;
    },
  });
  const tab = booted.page;
  const blurFocus = async () => void (await tab.evaluate('document.activeElement?.blur()'));
  return {
    page: tab,
    origin: booted.origin,
    dialogs: booted.dialogs,
    pageErrors: booted.pageErrors,
    cspRefusals: booted.cspRefusals,
    posted: () => tab.evaluate('window.__posted'),
    clearPosted: async () => void (await tab.evaluate('window.__posted = []')),
    send: (message) => booted.send(message),
    violations: () => tab.evaluate('window.__violations'),
    blurFocus,
    async showAfresh(message, ready = 'ia-comment') {
      await booted.send(message);
      await tab.locator(ready).first().waitFor();
      await blurFocus();
      await tab.evaluate('window.__posted = []');
    },
    // Page-side code goes as source text: this project's Node tsconfig has no DOM types.
    pageValue: (expression) => tab.evaluate(expression),
    close: booted.close,
  };
}

/** Posted messages of one type, without their seq (which only counts). */
export function ofType(messages: Record<string, any>[], type: string): Record<string, any>[] {
  return messages.filter((m) => m.type === type).map(({ seq: _seq, ...rest }) => rest);
}

// The report view in headless Chromium: a page served from 127.0.0.1 under
// the report's own CSP (src/host/report/report-page.ts), a fake
// acquireVsCodeApi recording posts, and the real bundle dist/report.js.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { HostToReport } from '../../src/protocol';
import { reportContentSecurityPolicy } from '../../src/host/report/report-page';
import { REPO_ROOT } from '../helpers/dataset';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/system-packages.mjs';
import { themeBodyStyle, type ThemeName } from './themes';

const BUNDLE = path.join(REPO_ROOT, 'dist', 'report.js');

export const REPORT_THEME = { '--vscode-charts-blue': 'rgb(11, 22, 33)', '--vscode-foreground': 'rgb(200, 210, 220)' };

function page(origin: string, nonce: string, themeName?: ThemeName): string {
  const body = themeName
    ? themeBodyStyle(themeName)
    : {
        className: '',
        css: Object.entries(REPORT_THEME)
          .map(([name, value]) => `${name}: ${value};`)
          .join(' '),
      };
  return `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Report</title>
<meta http-equiv="Content-Security-Policy" content="${reportContentSecurityPolicy(origin, nonce)}">
<style nonce="${nonce}">body { margin: 0; ${body.css} }</style>
<script nonce="${nonce}">
  window.__posted = [];
  window.__violations = [];
  window.__consoleErrors = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))), getState: () => undefined, setState: () => {} });
</script>
<script type="module" nonce="${nonce}" src="${origin}/dist/report.js"></script>
</head><body class="${body.className}"></body></html>`;
}

export interface ReportHarness {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  send(message: HostToReport): Promise<void>;
  posted(): Promise<Record<string, any>[]>;
  violations(): Promise<string[]>;
  value(expression: string): Promise<any>;
  close(): Promise<void>;
}

/** `theme`: one of VS Code's default themes with its real colours; default: the marker colours of REPORT_THEME. */
export async function openReportHarness(theme?: ThemeName): Promise<ReportHarness> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run node scripts/test-webview.mjs (it builds first)`);
  const nonce = randomBytes(16).toString('base64');
  const server = http.createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page(origin, nonce, theme));
    } else if (request.url === '/dist/report.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(readFileSync(BUNDLE));
    } else if (request.url === '/favicon.ico') {
      response.writeHead(204); // the browser asks on its own; not the view's doing
      response.end();
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const close = async () => {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  tab.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  tab.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await tab.goto(origin, { waitUntil: 'commit' });
    const booted = () => (globalThis as { __posted?: { type: string }[] }).__posted?.some((m) => m.type === 'ready') === true;
    await tab.waitForFunction(booted, undefined, { timeout: 60_000 });
  } catch (error) {
    await close();
    throw error;
  }
  const settle = () => tab.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
  return {
    page: tab,
    consoleErrors,
    pageErrors,
    async send(message) {
      await tab.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
      await settle();
      await settle();
    },
    posted: () => tab.evaluate('window.__posted'),
    violations: () => tab.evaluate('window.__violations'),
    value: (expression) => tab.evaluate(expression),
    close,
  };
}

// The report view in headless Chromium: a page served from 127.0.0.1 under
// the report's own CSP (src/host/report/report-page.ts), a fake
// acquireVsCodeApi recording posts, and the real bundle dist/report.js.
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { HostToReport } from '../../src/protocol';
import { reportContentSecurityPolicy } from '../../src/host/report/report-page';
import { REPO_ROOT } from '../helpers/dataset';
import { bootPage } from './page-boot';
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
  const booted = await bootPage({
    html: (origin, nonce) => page(origin, nonce, theme),
    bundle: BUNDLE,
    bundleUrl: '/dist/report.js',
    serve(url, response) {
      if (url !== '/favicon.ico') return false;
      response.writeHead(204); // the browser asks on its own; not the view's doing
      response.end();
      return true;
    },
  });
  const tab = booted.page;
  return {
    page: tab,
    consoleErrors: booted.consoleErrors,
    pageErrors: booted.pageErrors,
    send: (message) => booted.send(message),
    posted: () => tab.evaluate('window.__posted'),
    violations: () => tab.evaluate('window.__violations'),
    value: (expression) => tab.evaluate(expression),
    close: booted.close,
  };
}

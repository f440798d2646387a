// The webview page: strict CSP, one nonce per render used by the only script.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy, renderPage } from '../../../src/host/editor/state/html';

test('the CSP allows only nonce scripts, and styles/images/fonts from the webview source', () => {
  assert.equal(
    contentSecurityPolicy('https://src.example', 'N0nce'),
    "default-src 'none'; script-src 'nonce-N0nce'; style-src https://src.example 'nonce-N0nce'; img-src https://src.example https:; font-src https://src.example",
  );
});

test('each render has a fresh nonce, on the module script, and escapes the title', () => {
  const inputs = { cspSource: 'https://src.example', scriptUri: 'https://src.example/dist/webview.js', title: '<b>"x"</b>' };
  const first = renderPage(inputs);
  const second = renderPage(inputs);
  const nonceOf = (html: string) => /nonce="([^"]+)"/.exec(html)?.[1];
  assert.ok(nonceOf(first) && nonceOf(first) !== nonceOf(second));
  assert.match(
    first,
    new RegExp(`<script type="module" nonce="${nonceOf(first)}" src="https://src.example/dist/webview.js"></script>`),
  );
  assert.ok(first.includes(`'nonce-${nonceOf(first)}'`));
  assert.ok(!first.includes('<b>') && first.includes('&lt;b&gt;&quot;x&quot;'));
  assert.equal((first.match(/<script/g) ?? []).length, 1);
});

test("the report's CSP adds only Plot's fixed style hash, and loads no remote image", async () => {
  const { PLOT_STYLE_HASH, renderReportPage } = await import('../../../src/host/report/report-page');
  const page = renderReportPage(
    { cspSource: 'https://src.example', scriptUri: 'https://src.example/dist/report.js', title: 'R' },
    'N0nce',
  );
  assert.ok(
    page.includes(
      `default-src 'none'; script-src 'nonce-N0nce'; style-src https://src.example 'nonce-N0nce' '${PLOT_STYLE_HASH}'; img-src https://src.example; font-src https://src.example`,
    ),
  );
  assert.equal((page.match(/<script/g) ?? []).length, 1);
});

// The report view's page: the editor's strict CSP plus one fixed style hash.
// Observable Plot puts one constant <style> element in every SVG it draws; its
// sha256 is allowed and nothing else inline is (a test checks the hash against
// the style Plot really emits, so a Plot upgrade that changes it fails loudly).
// No vscode import: the panel passes the URIs as strings.
import { newNonce } from '../editor/model/html';

/** sha256 of the <style> text Observable Plot 0.6.17 inserts (class "plot-d6a7b5"). */
export const PLOT_STYLE_HASH = 'sha256-jSYQUrW7J0b3jPqhZP9C2Xh1PyJKHKXd4s0fpGGKrww=';

export function reportContentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}' '${PLOT_STYLE_HASH}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderReportPage(inputs: { cspSource: string; scriptUri: string; title: string }, nonce = newNonce()): string {
  const csp = reportContentSecurityPolicy(inputs.cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="csp-nonce" content="${nonce}">
<title>${escapeAttribute(inputs.title)}</title>
</head>
<body>
<script type="module" nonce="${nonce}" src="${escapeAttribute(inputs.scriptUri)}"></script>
</body>
</html>`;
}

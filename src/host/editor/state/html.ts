// The webview's page: a strict CSP with a fresh nonce per render, and one
// module script. No vscode import: the panel passes the URIs as strings.
import { randomBytes } from '../../../core/node-crypto';

export interface PageInputs {
  /** `webview.cspSource`. */
  cspSource: string;
  /** Webview URI of dist/webview.js. */
  scriptUri: string;
  title: string;
}

/** What a page may load beyond its own nonce'd script and styles. */
export interface PagePolicy {
  /** Hashes ('sha256-…') of fixed inline styles a library inserts. */
  styleHashes?: readonly string[];
  /** Remote https images (the editor shows the posts' images; the report shows none). */
  remoteImages?: boolean;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function contentSecurityPolicy(cspSource: string, nonce: string, policy: PagePolicy = { remoteImages: true }): string {
  const hashes = (policy.styleHashes ?? []).map((hash) => ` '${hash}'`).join('');
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'${hashes}`,
    `img-src ${cspSource}${policy.remoteImages ? ' https:' : ''}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderPage(inputs: PageInputs, nonce = newNonce(), policy?: PagePolicy): string {
  const csp = contentSecurityPolicy(inputs.cspSource, nonce, policy);
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

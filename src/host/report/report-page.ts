// The report view's page: the editor's strict CSP plus one fixed style hash.
// Observable Plot puts one constant <style> element in every SVG it draws; its
// sha256 is allowed and nothing else inline is (a test checks the hash against
// the style Plot really emits, so a Plot upgrade that changes it fails loudly).
// No vscode import: the panel passes the URIs as strings.
import { contentSecurityPolicy, newNonce, renderPage, type PageInputs } from '../editor/state/html';

/** sha256 of the <style> text Observable Plot 0.6.17 inserts (class "plot-d6a7b5"). */
export const PLOT_STYLE_HASH = 'sha256-jSYQUrW7J0b3jPqhZP9C2Xh1PyJKHKXd4s0fpGGKrww=';

const REPORT_POLICY = { styleHashes: [PLOT_STYLE_HASH], remoteImages: false };

export function reportContentSecurityPolicy(cspSource: string, nonce: string): string {
  return contentSecurityPolicy(cspSource, nonce, REPORT_POLICY);
}

export function renderReportPage(inputs: PageInputs, nonce = newNonce()): string {
  return renderPage(inputs, nonce, REPORT_POLICY);
}

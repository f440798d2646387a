// The report's blocks as Markdown or as one self-contained HTML page (no
// script, no external resource). Every piece of text is escaped: annotator
// names, subreddits and items come from data.
import { clampText } from './display-text';
import type { Block } from './report-blocks';
import { isolatedRuns, stripUnpairedBidi } from '../untrusted-text';

// C0 and C1 controls but tab (line breaks become spaces first): they are no text, and a terminal would obey them.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** Markdown's own characters escaped, `$` too (a preview reads `$…$` as math); no control, no unpaired bidi control. */
const escapeMarkdown = (text: string): string =>
  stripUnpairedBidi(
    text
      .replace(/[\r\n]+/g, ' ')
      .replace(CONTROL, '')
      .replace(/[\\`*_[\]<>|#$]/g, (char) => `\\${char}`),
  );

export function blocksToMarkdown(blocks: readonly Block[]): string {
  return (
    blocks
      .map((block) => {
        switch (block.kind) {
          case 'h1':
            return `# ${escapeMarkdown(block.text)}`;
          case 'h2':
            return `## ${escapeMarkdown(block.text)}`;
          case 'h3':
            return `### ${escapeMarkdown(block.text)}`;
          case 'p':
            return escapeMarkdown(block.text);
          case 'table': {
            if (block.rows.length === 0) return '_None._';
            const line = (cells: string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
            return [line(block.headers), line(block.headers.map(() => '---')), ...block.rows.map(line)].join('\n');
          }
        }
      })
      .join('\n\n') + '\n'
  );
}

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** Escaped text whose data runs (see isolate()) are each a `<bdi>`: an override in a name stays inside it. */
const htmlText = (text: string): string =>
  isolatedRuns(text)
    .map((run) => (run.data ? `<bdi>${escapeHtml(run.text)}</bdi>` : escapeHtml(run.text)))
    .join('');

/** Longest paragraph shown whole (a paragraph is our sentence with names in it). */
export const PARAGRAPH_MAX = 1000;

export function blocksToHtmlBody(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      if (block.kind !== 'table') {
        // A paragraph names annotators and queues: a giant name is folded, whole in the tooltip.
        const shown = clampText(block.text, PARAGRAPH_MAX);
        const title = shown === block.text ? '' : ` title="${escapeHtml(block.text)}"`;
        return `<${block.kind}${title}>${htmlText(shown)}</${block.kind}>`;
      }
      if (block.rows.length === 0) return '<p><em>None.</em></p>';
      const head = block.headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
      const rows = block.rows.map((row) => `<tr>${row.map(cellHtml).join('')}</tr>`).join('\n');
      return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
    })
    .join('\n');
}

/** A cell from data: clamped, with the whole value as its tooltip. */
function cellHtml(cell: string): string {
  const shown = clampText(cell);
  return shown === cell ? `<td>${htmlText(cell)}</td>` : `<td title="${escapeHtml(cell)}">${htmlText(shown)}</td>`;
}

export const STANDALONE_CSS = `:root{--vscode-foreground:#1f1f1f;--vscode-descriptionForeground:#616161}
@media (prefers-color-scheme:dark){:root{--vscode-foreground:#dddddd;--vscode-descriptionForeground:#9d9d9d}}
body{font:14px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f;background:#fff}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th,td,p,li,figcaption{overflow-wrap:anywhere}th,td{min-width:3em}
th{background:#f3f3f3}figure{margin:1rem 0}svg{max-width:100%;height:auto}
@media (prefers-color-scheme:dark){body{color:#ddd;background:#1e1e1e}th{background:#2a2a2a}th,td{border-color:#444}}`;

/**
 * A complete HTML document: `extraBody` (e.g. the plots as SVG) goes after the first `extraBodyAt` blocks (the
 * heading and its introduction), `extraCss` after the page's own style.
 */
export function standaloneHtml(
  blocks: readonly Block[],
  title = 'Validation report',
  extraBody = '',
  extraCss = '',
  extraBodyAt = 0,
): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STANDALONE_CSS}${extraCss}</style>
</head>
<body>
${blocksToHtmlBody(blocks.slice(0, extraBodyAt))}
${extraBody}${blocksToHtmlBody(blocks.slice(extraBodyAt))}
</body>
</html>
`;
}

// <ia-report>: the validation report with its plots. Everything from data is
// rendered by lit as text (annotator names, subreddits, items), clamped to a
// display length with the whole value as its tooltip; the plots are SVG from
// Observable Plot. A disagreement opens its request in the editor. Export asks
// the host, which draws the exported page from the report's data itself.
import { css, html, LitElement, nothing, unsafeCSS, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Disagreement } from '../../src/core/report/agreement';
import type { Report } from '../../src/core/report/report';
import { reportBlocks, type Block } from '../../src/core/report/report-blocks';
import { clampText } from '../../src/core/report/display-text';
import { PARAGRAPH_MAX } from '../../src/core/report/report-format';
import type { HostToReport, ReportToHost } from '../../src/protocol';
import { isolatedRuns } from '../../src/core/untrusted-text';
import { themeStyles } from '../theme';
import { COLOURS, reportPlots, type PlotSpec } from '../../src/core/report/plots';

/** One name or item inside a disagreement line is shown up to this long (whole in the line's tooltip). */
const ANSWER_ITEM_MAX = 200;

export type Post = (message: ReportToHost) => void;

@customElement('ia-report')
export class IaReport extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        padding: 12px 20px;
        max-width: 1100px;
      }
      /* Data can be one long token (a 100,000-character model name): it wraps instead of widening the page. */
      p,
      li,
      td,
      th,
      .legend span {
        overflow-wrap: anywhere;
      }
      header {
        display: flex;
        gap: 8px;
        align-items: baseline;
        flex-wrap: wrap;
      }
      header h1 {
        font-size: 1.3em;
        margin: 0 auto 0 0;
      }
      button {
        color: var(--vscode-button-foreground, #fff);
        background: var(--vscode-button-background, #0e639c);
        border: 1px solid var(--vscode-button-border, transparent);
        padding: 3px 10px;
        cursor: pointer;
        font: inherit;
      }
      button:hover {
        background: var(--vscode-button-hoverBackground, #1177bb);
      }
      button.link {
        background: none;
        color: var(--vscode-textLink-foreground, #3794ff);
        padding: 0;
        border: 0;
        text-align: left;
      }
      .plots {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(420px, 1fr));
        gap: 12px;
        margin: 12px 0;
      }
      figure {
        margin: 0;
      }
      figcaption {
        font-weight: 600;
        margin-bottom: 4px;
      }
      .legend {
        display: flex;
        gap: 12px;
        flex-wrap: wrap;
        margin: 2px 0 4px;
      }
      .swatch {
        display: inline-block;
        width: 10px;
        height: 10px;
        margin-right: 4px;
        vertical-align: middle;
      }
      ${unsafeCSS(COLOURS.map((colour, i) => `.swatch.c${i} { background: ${colour}; }`).join('\n'))}
      table {
        border-collapse: collapse;
        margin: 6px 0 12px;
      }
      th,
      td {
        border: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.35));
        padding: 2px 8px;
        text-align: left;
        vertical-align: top;
        min-width: 3em;
      }
      th {
        background: var(--vscode-editorWidget-background, transparent);
      }
      h1.section {
        font-size: 1.3em;
      }
      h2 {
        font-size: 1.15em;
        margin-top: 18px;
      }
      ul.disagreements {
        padding-left: 18px;
      }
    `,
  ];

  @state() private report: Report | null = null;
  @state() private updatedAt = '';
  @state() private error = '';
  private post: Post = () => undefined;
  private plots: PlotSpec[] = [];

  attach(post: Post): void {
    this.post = post;
  }

  receive(message: HostToReport): void {
    if (message.type === 'report') {
      this.report = message.report;
      this.updatedAt = message.updated;
      this.error = '';
    } else if (message.type === 'reportError') this.error = message.message;
  }

  protected override render(): TemplateResult {
    const report = this.report;
    return html`
      <header>
        <h1>Validation report</h1>
        ${this.updatedAt ? html`<span class="muted" role="status">updated ${this.updatedAt}</span>` : nothing}
        <button @click=${() => this.post({ type: 'refresh' })}>Refresh</button>
        <button ?disabled=${!report} @click=${() => this.post({ type: 'exportReport', format: 'html' })}>Export HTML…</button>
        <button ?disabled=${!report} @click=${() => this.post({ type: 'exportReport', format: 'md' })}>Export Markdown…</button>
      </header>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${report ? this.renderReport(report) : html`<p class="muted">Reading the shards and annotation logs…</p>`}
    `;
  }

  private renderReport(report: Report): TemplateResult {
    const width = Math.max(360, Math.min(540, (this.clientWidth || 900) / 2 - 30));
    this.plots = reportPlots(report, width);
    const blocks = reportBlocks(report).slice(1); // the page has its own heading
    return html`
      <section class="plots" aria-label="Plots">${this.plots.map((plot) => this.renderPlot(plot))}</section>
      ${this.renderBlocks(blocks, report.agreement.disagreements)}
    `;
  }

  private renderPlot(plot: PlotSpec): TemplateResult {
    return html`<figure data-plot=${plot.id} aria-label=${plot.title}>
      <figcaption>${plot.title}</figcaption>
      ${
        plot.legend?.length
          ? html`<div class="legend">
              ${plot.legend.map(
                (entry) =>
                  html`<span title=${entry.label}
                    ><span class="swatch c${entry.colour}"></span>${clampText(entry.label, 40)}</span
                  >`,
              )}
            </div>`
          : nothing
      }
      ${plot.svg ?? html`<p class="muted">No data yet.</p>`}
      <p class="sr-only">${plot.description}</p>
    </figure>`;
  }

  private renderBlocks(blocks: Block[], disagreements: Disagreement[]): TemplateResult[] {
    const out: TemplateResult[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i];
      if (block.kind === 'h3' && block.text === 'Disagreements') {
        out.push(
          html`<h3>Disagreements (${disagreements.length})</h3>
            ${this.renderDisagreements(disagreements)}`,
        );
        i++; // the static table of the same rows
        continue;
      }
      if (block.kind === 'table') out.push(renderTable(block.headers, block.rows));
      else if (block.kind === 'h1' || block.kind === 'h2') out.push(html`<h2>${isolated(block.text)}</h2>`);
      else if (block.kind === 'h3') out.push(html`<h3>${isolated(block.text)}</h3>`);
      else out.push(clamped('p', block.text, PARAGRAPH_MAX));
    }
    return out;
  }

  private renderDisagreements(disagreements: Disagreement[]): TemplateResult {
    if (disagreements.length === 0) return html`<p class="muted">None.</p>`;
    return html`<ul class="disagreements">
      ${disagreements.map(
        (d) =>
          html`<li>
            <button
              class="link"
              data-request=${d.request}
              @click=${() => this.post({ type: 'openRequest', shard: d.shard, request: d.request })}
            >
              ${clampText(`${d.request}${d.comment ? ` · comment ${d.comment}` : ''}`, 80)}
            </button>
            — ${d.kind}${d.adjudicated ? ' (adjudicated)' : ''}: ${answersLine(d)}
          </li>`,
      )}
    </ul>`;
  }
}

function renderTable(headers: string[], rows: string[][]): TemplateResult {
  if (rows.length === 0) return html`<p class="muted">None.</p>`;
  return html`<table>
    <thead>
      <tr>
        ${headers.map((header) => html`<th scope="col">${header}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${row.map((cell) => clamped('td', cell))}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Text whose data runs (marked by the core's isolate()) are each a <bdi>: an override in a name reverses nothing of ours. */
function isolated(text: string): (string | TemplateResult)[] {
  return isolatedRuns(text).map((run) => (run.data ? html`<bdi>${run.text}</bdi>` : run.text));
}

/** "ana: valid", "ben: alpha - song; beta - book": each name and item in its own <bdi>, each folded to a display length. */
function answer(v: Disagreement['values'][number]): TemplateResult {
  const items = v.items?.length
    ? v.items.map((item, j) => html`${j ? '; ' : ''}<bdi>${clampText(item, ANSWER_ITEM_MAX)}</bdi>`)
    : '(no items)';
  return html`<bdi>${clampText(v.annotator, ANSWER_ITEM_MAX)}</bdi>: ${v.validity ?? items}`;
}

/** The answers, each name and item isolated; a line too long is folded whole (one isolated run), the whole in its tooltip. */
function answersLine(d: Disagreement): TemplateResult {
  const whole = answersText(d);
  const shown = clampText(whole);
  if (shown !== whole) return html`<span title=${whole}><bdi>${shown}</bdi></span>`;
  return html`<span>${d.values.map((v, i) => html`${i ? ' · ' : ''}${answer(v)}`)}</span>`;
}

/** The whole answers, for the tooltip. */
const answersText = (d: Disagreement): string =>
  d.values.map((v) => `${v.annotator}: ${v.validity ?? (v.items!.length ? v.items!.join('; ') : '(no items)')}`).join(' · ');

/** A data string folded to a display length; the whole value is the element's tooltip. */
function clamped(tag: 'p' | 'td' | 'span', text: string, max?: number): TemplateResult {
  const shown = clampText(text, max);
  const title = shown === text ? nothing : text;
  if (tag === 'p') return html`<p title=${title}>${isolated(shown)}</p>`;
  if (tag === 'td') return html`<td title=${title}>${isolated(shown)}</td>`;
  return html`<span title=${title}>${isolated(shown)}</span>`;
}

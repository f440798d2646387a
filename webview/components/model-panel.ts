// <ia-model-panel>: stored model answers for the request, read-only: the
// titles a rec_title run generated (marked when they hit the live ground
// truth, by the paper's matcher) and the letter a rec_choice run picked.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LETTERS, parseChoice } from '../../src/core/paper/choice';
import { GroundTruthMatcher } from '../../src/core/paper/matcher';
import { parseTitles } from '../../src/core/paper/titles';
import { runKey, type MultipleChoice, type StoredRun } from '../../src/core/shard/schema';
import { themeStyles } from '../theme';

const HIT_AT = [1, 10, 20] as const;

function answerText(run: StoredRun): string {
  return Array.isArray(run.answer) ? run.answer.join('\n') : run.answer;
}

@customElement('ia-model-panel')
export class IaModelPanel extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; }
      article { margin-bottom: 8px; }
      ol { margin: 4px 0; padding-left: 2em; }
      li { overflow-wrap: anywhere; }
      .hit { color: var(--vscode-testing-iconPassed, #73c991); font-weight: 600; }
      .truth { font-weight: 600; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; font-family: var(--vscode-editor-font-family, monospace); }
    `,
  ];

  @property({ attribute: false }) runs: StoredRun[] = [];
  /** The live ground truth (corrected S_r items). */
  @property({ attribute: false }) groundTruth: string[] = [];
  @property({ attribute: false }) choice: MultipleChoice | null = null;

  override render() {
    const runs = this.runs.filter((run) => run.task !== 'description');
    if (runs.length === 0) return html`<section class="panel" aria-label="Model answers"><h2>Model answers</h2><p class="muted">No stored runs.</p></section>`;
    const matcher = new GroundTruthMatcher(this.groundTruth);
    return html`<section class="panel" aria-label="Model answers">
      <h2>Model answers <span class="muted">(${runs.length} stored runs)</span></h2>
      ${runs.map((run) => (run.task === 'rec_title' ? this.renderTitles(run, matcher) : this.renderChoice(run)))}
    </section>`;
  }

  private renderTitles(run: StoredRun, matcher: GroundTruthMatcher) {
    const titles = parseTitles(answerText(run));
    const hits = titles.map((title) => matcher.matches(title));
    const hitAt = HIT_AT.map((k) => `Hit@${k} ${hits.slice(0, k).some(Boolean) ? 1 : 0}`).join(' · ');
    return html`<article class="run" data-run=${runKey(run)}>
      <h3>${run.model} <span class="muted">${run.input} · titles · ${hitAt}</span></h3>
      ${titles.length
        ? html`<ol>
            ${titles.map(
              (title, i) => html`<li class=${hits[i] ? 'hit' : ''}>
                ${hits[i] ? html`<span aria-label="matches the ground truth">✓ </span>` : nothing}${title}
              </li>`,
            )}
          </ol>`
        : html`<p class="muted">No parsable titles.</p>`}
      ${this.renderRaw(run)}
    </article>`;
  }

  private renderChoice(run: StoredRun) {
    const picked = parseChoice(answerText(run));
    const choice = this.choice;
    const verdict = picked === null ? 'no letter (wrong)' : choice ? (picked === choice.true_index ? 'correct' : 'wrong') : 'no truth stored';
    return html`<article class="run" data-run=${runKey(run)}>
      <h3>${run.model} <span class="muted">${run.input} · choice · picked ${picked === null ? '—' : LETTERS[picked]}: ${verdict}</span></h3>
      ${choice
        ? html`<ol type="A">
            ${choice.choices.map(
              (text, i) => html`<li class=${i === choice.true_index ? 'truth' : ''}>
                ${text}${i === choice.true_index ? ' (truth)' : ''}${i === picked ? ' ← picked' : ''}
              </li>`,
            )}
          </ol>`
        : nothing}
      ${this.renderRaw(run)}
    </article>`;
  }

  private renderRaw(run: StoredRun) {
    return html`<details><summary>Raw answer</summary><pre>${answerText(run)}</pre></details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-model-panel': IaModelPanel;
  }
}

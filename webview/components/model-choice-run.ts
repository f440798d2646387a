// <ia-model-choice-run>: one multiple-choice run: the 5 candidates, the pick
// as the paper's parser reads the answer (its quirk included: an answer that
// starts with "A" alone reads as no pick), the true answer, right or wrong,
// and the annotator's agree / disagree.
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LETTERS } from '../../src/core/paper/choice';
import type { MultipleChoice } from '../../src/core/shard/schema';
import { type ChoiceScore, type PanelRun } from '../models/panel-runs';
import { CHOICE_VERDICTS, verdictLabel, type ChoiceVerdict } from '../models/verdicts';
import { clampText } from '../../src/core/report/display-text';
import { themeStyles } from '../theme';
import { modelCardStyles } from './model-styles';
import { provenanceLine, rawAnswer, runHeading } from './model-run-header';

@customElement('ia-model-choice-run')
export class IaModelChoiceRun extends LitElement {
  static override styles = [themeStyles, modelCardStyles];

  @property({ attribute: false }) run!: PanelRun;
  @property({ attribute: false }) choice: MultipleChoice | null = null;
  @property({ attribute: false }) score!: ChoiceScore;
  @property() verdict: string | undefined = undefined;
  @property({ type: Boolean }) selected = false;
  @property({ type: Boolean }) rawOpen = false;

  override render() {
    const { run, score, choice } = this;
    const picked = score.picked === null ? 'no letter read' : `picked ${LETTERS[score.picked]}`;
    const outcome = score.correct === null ? 'no true answer stored' : score.correct ? 'right' : 'wrong';
    const summary = html`<span class="score outcome" data-correct=${String(score.correct)}>${picked}: ${outcome}</span>`;
    return html`<article class="run" data-run=${run.key} data-task="rec_choice" aria-current=${this.selected ? 'true' : 'false'}>
      ${runHeading(run, summary)} ${provenanceLine(run)}
      ${
        choice
          ? html`<ol type="A" class="choices">
              ${choice.choices.map(
                (text, i) =>
                  html`<li class=${i === choice.true_index ? 'truth' : ''}>
                    ${clampText(text)}${i === choice.true_index ? ' (true answer)' : ''}${i === score.picked ? " ← model's pick" : ''}
                  </li>`,
              )}
            </ol>`
          : nothing
      }
      <p>
        ${this.verdict ? html`<span class="verdict" data-verdict=${this.verdict}>[${verdictLabel(this.verdict)}]</span>` : nothing}
        <span class="verdicts" role="group" aria-label="Verdict on the choice">
          ${CHOICE_VERDICTS.map(
            (entry) =>
              html`<button
                type="button"
                aria-pressed=${this.verdict === entry.verdict ? 'true' : 'false'}
                aria-keyshortcuts=${entry.key}
                @click=${() => this.emit('ia-choice-verdict', { verdict: entry.verdict satisfies ChoiceVerdict })}
              >
                ${entry.label}
              </button>`,
          )}
        </span>
      </p>
      ${rawAnswer(run.answer, this.rawOpen, (open) => this.emit('ia-raw-toggle', { open }), run.inline?.thinking)}
    </article>`;
  }

  private emit(type: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** <ia-model-choice-run>: a verdict on the choice answer. */
    'ia-choice-verdict': CustomEvent<{ verdict: ChoiceVerdict }>;
  }
  interface HTMLElementTagNameMap {
    'ia-model-choice-run': IaModelChoiceRun;
  }
}

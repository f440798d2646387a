// <ia-model-live-run>: a run started from the editor, while it streams and
// after: the text so far, the wait of a rate limit, a fault's message, and
// Cancel / Keep / Dismiss. The answer is shown as text, never as markup.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LiveModelRun } from '../../src/protocol';
import { themeStyles } from '../theme';
import { modelCardStyles } from './model-styles';
import { runTitle } from './model-run-header';
import '../ui-kit';
import './long-text';

export type LiveRunAction = 'cancel' | 'keep' | 'dismiss';

const PHASE_WORDS: Record<LiveModelRun['phase'], string> = {
  running: 'Running…',
  waiting: 'Waiting…',
  stored: 'Scored and stored',
  unparseable: 'Answer could not be parsed',
  truncated: 'Answer cut at the token limit',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

@customElement('ia-model-live-run')
export class IaModelLiveRun extends LitElement {
  static override styles = [
    themeStyles,
    modelCardStyles,
    css`
      article {
        border-color: var(--vscode-panel-border, rgba(128, 128, 128, 0.35));
      }
      .actions {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
      }
    `,
  ];

  @property({ attribute: false }) run!: LiveModelRun;

  override render() {
    const run = this.run;
    const active = run.phase === 'running' || run.phase === 'waiting';
    return html`<article class="live" data-live=${run.id} data-phase=${run.phase} aria-busy=${active ? 'true' : 'false'}>
      <h3>
        ${runTitle({ model: run.model, input: run.input, task: run.task, source: `profile ${run.profile}`, prompt: run.prompt })}
        <span class="phase" role="status">${PHASE_WORDS[run.phase]}</span>
      </h3>
      ${
        run.phase === 'waiting' && run.wait
          ? html`<p class="wait" role="status">${run.wait.reason}: retry ${run.wait.attempt} in ${run.wait.seconds} s</p>`
          : nothing
      }
      ${(run.phase === 'failed' || run.phase === 'truncated') && run.error ? html`<p class="error fault" role="alert" data-kind=${run.error.kind}>${run.error.message}</p>` : nothing}
      ${
        run.phase === 'unparseable'
          ? html`<p class="unparseable" role="alert">
              No ${run.task === 'rec_choice' ? 'choice letter' : 'title'} could be read from this answer. It is not stored unless
              you keep it.
            </p>`
          : nothing
      }
      ${
        run.thinking
          ? html`<details class="thinking">
              <summary>Thinking (${run.thinking.length} characters, not scored)</summary>
              <ia-long-text .text=${run.thinking}></ia-long-text>
            </details>`
          : nothing
      }
      ${run.text || active ? html`<ia-long-text pre-class="stream" ?live=${active} .text=${run.text}></ia-long-text>` : nothing}
      <div class="actions">
        ${active ? html`<ia-button label="Cancel run" keys="Escape" @click=${() => this.act('cancel')}>Cancel</ia-button>` : nothing}
        ${
          run.phase === 'unparseable'
            ? html`<ia-button @click=${() => this.act('keep')}
                >${run.task === 'rec_choice' ? 'Keep as a run with no choice' : 'Keep as a run with zero titles'}</ia-button
              >`
            : nothing
        }
        ${run.phase === 'truncated' ? html`<ia-button @click=${() => this.act('keep')}>Keep the cut answer</ia-button>` : nothing}
        ${active ? nothing : html`<ia-button label="Dismiss run message" @click=${() => this.act('dismiss')}>Dismiss</ia-button>`}
      </div>
    </article>`;
  }

  private act(action: LiveRunAction) {
    this.dispatchEvent(new CustomEvent('ia-live-run', { detail: { action, id: this.run.id }, bubbles: true, composed: true }));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** <ia-model-live-run>: cancel, keep (an unparseable answer) or dismiss a run started here. */
    'ia-live-run': CustomEvent<{ action: LiveRunAction; id: string }>;
  }
  interface HTMLElementTagNameMap {
    'ia-model-live-run': IaModelLiveRun;
  }
}

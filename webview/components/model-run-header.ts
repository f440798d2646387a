// The heading and provenance line shared by every model run card.
import { html, nothing } from 'lit';
import { clampText, DISPLAY_MAX } from '../../src/core/report/display-text';
import { answerText, type PanelRun } from '../models/panel-runs';
import { runDetails, type LabelledRun } from '../models/run-label';
import './long-text';

/** Longest annotator name shown whole in "run by …". */
const NAME_SHOWN = 40;

/** A kept run (stored or inline) as the label names it. */
export function labelled(run: PanelRun): LabelledRun {
  return { model: run.model, input: run.input, task: run.task, source: run.origin };
}

/** The model's name (clamped, whole in its tooltip), then the rest of the run's one label (models/run-label.ts). */
export function runTitle(run: LabelledRun) {
  return html`<span class="model" title=${run.model.length > DISPLAY_MAX ? run.model : nothing}>${clampText(run.model)}</span>
    <span class="muted run-details">· ${clampText(runDetails(run).join(' · '))}</span>`;
}

export function runHeading(run: PanelRun, summary: unknown) {
  return html`<h3>
    ${runTitle(labelled(run))}
    ${run.by === undefined ? nothing : html`<span class="by" title=${run.by.length > NAME_SHOWN ? run.by : nothing}>run by <bdi>${clampText(run.by, NAME_SHOWN)}</bdi></span>`}
    ${summary}
  </h3>`;
}

/** Where an inline run came from: profile, host, prompt, timing and usage (never a key). */
export function provenanceLine(run: PanelRun) {
  const inline = run.inline;
  if (!inline) return nothing;
  const parts = [
    inline.profile && `profile ${inline.profile}`,
    inline.host && `host ${inline.host}`,
    inline.prompt && `prompt ${inline.prompt}`,
    inline.latencyMs !== undefined && `${(inline.latencyMs / 1000).toFixed(1)} s`,
    inline.usage?.totalTokens !== undefined && `${inline.usage.totalTokens} tokens`,
    inline.usage?.reasoningTokens !== undefined && `${inline.usage.reasoningTokens} reasoning`,
    inline.sent && `${inline.sent.tokenParameter} ${inline.sent.tokenLimit}`,
    inline.finishReason && `finish ${inline.finishReason}`,
    inline.temperatureApplied === false
      ? 'temperature could not be set'
      : inline.temperature !== undefined && inline.temperature !== null && `temperature ${inline.temperature}`,
    inline.unparseable && 'kept unparseable',
    inline.truncated && 'kept cut at the token limit',
  ].filter(Boolean);
  return html`<p class="muted provenance">${parts.join(' · ')}</p>`;
}

/**
 * The raw answer and, below it, the model's thinking (never scored): R opens both. Rendered only while open, each
 * clamped (ia-long-text): a 1.9 MB answer in the DOM made every show, toggle and Keep take seconds.
 */
export function rawAnswer(
  answer: string | string[],
  open: boolean,
  onToggle: (open: boolean) => void,
  thinking?: string | string[],
) {
  const thought = Array.isArray(thinking) ? thinking.filter(Boolean).join('\n\n') : thinking;
  return html`<details ?open=${open} @toggle=${(e: Event) => onToggle((e.target as HTMLDetailsElement).open)}>
    <summary>Raw answer${thought ? ' and thinking' : ''} <span class="muted">(R)</span></summary>
    ${
      open
        ? html`<ia-long-text pre-class="raw" .text=${answerText(answer)}></ia-long-text> ${
              thought
                ? html`<p class="muted">Thinking (not scored):</p>
                    <ia-long-text pre-class="raw thinking" .text=${thought}></ia-long-text>`
                : nothing
            }`
        : nothing
    }
  </details>`;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A model run card's raw answer was opened or closed. */
    'ia-raw-toggle': CustomEvent<{ open: boolean }>;
  }
}

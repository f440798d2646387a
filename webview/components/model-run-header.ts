// The heading and provenance line shared by every model run card.
import { html, nothing } from 'lit';
import type { PanelRun } from '../models/panel-runs';

export function runHeading(run: PanelRun, summary: unknown) {
  return html`<h3>
    <span class="model">${run.model}</span>
    <span class="muted">${run.origin === 'inline' ? 'inline' : 'stored'} · ${run.input} · ${run.task}</span>
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

/** The raw answer and, below it, the model's thinking (never scored): R opens both. */
export function rawAnswer(text: string, open: boolean, onToggle: (open: boolean) => void, thinking?: string | string[]) {
  const thought = Array.isArray(thinking) ? thinking.filter(Boolean).join('\n\n') : thinking;
  return html`<details ?open=${open} @toggle=${(e: Event) => onToggle((e.target as HTMLDetailsElement).open)}>
    <summary>Raw answer${thought ? ' and thinking' : ''} <span class="muted">(R)</span></summary>
    <pre class="raw">${text}</pre>
    ${
      thought
        ? html`<p class="muted">Thinking (not scored):</p>
            <pre class="raw thinking">${thought}</pre>`
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

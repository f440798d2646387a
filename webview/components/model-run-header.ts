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
    inline.finishReason && `finish ${inline.finishReason}`,
    inline.temperatureApplied === false
      ? 'temperature could not be set'
      : inline.temperature !== undefined && `temperature ${inline.temperature}`,
    inline.unparseable && 'kept unparseable',
  ].filter(Boolean);
  return html`<p class="muted provenance">${parts.join(' · ')}</p>`;
}

export function rawAnswer(text: string, open: boolean, onToggle: (open: boolean) => void) {
  return html`<details ?open=${open} @toggle=${(e: Event) => onToggle((e.target as HTMLDetailsElement).open)}>
    <summary>Raw answer <span class="muted">(R)</span></summary>
    <pre class="raw">${text}</pre>
  </details>`;
}

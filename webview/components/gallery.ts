// <ia-gallery>: the request's images. Click to enlarge (←/→ inside, Esc
// closes); a missing or broken image shows its URL and the error as text;
// adult posts stay blurred until revealed. Stored description runs appear
// under their image, one run at a time.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ResolvedImage } from '../../src/protocol';
import { runKey, type StoredRun } from '../../src/core/shard/schema';
import { themeStyles } from '../theme';
import { galleryStyles } from './gallery-styles';
import type { ValueEvent } from '../ui-kit';
import '../ui-kit';

@customElement('ia-gallery')
export class IaGallery extends LitElement {
  static override styles = [themeStyles, galleryStyles];

  @property({ attribute: false }) images: ResolvedImage[] = [];
  @property({ attribute: false }) runs: StoredRun[] = [];
  @property({ type: Boolean }) adult = false;
  /** Changes when another request is shown; resets the enlarged view. */
  @property() requestId = '';

  @state() private enlarged: number | null = null;
  @state() private revealed = false;
  @state() private failed = new Map<number, string>();
  @state() private descriptionRun = '';

  @query('.overlay') private overlay?: HTMLElement;

  get isOpen(): boolean {
    return this.enlarged !== null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('requestId')) {
      this.enlarged = null;
      this.revealed = false;
      this.failed = new Map();
    }
    const runs = this.descriptionRuns();
    if (!runs.some((run) => runKey(run) === this.descriptionRun)) this.descriptionRun = runs[0] ? runKey(runs[0]) : '';
  }

  override render() {
    if (this.images.length === 0) return html`<p class="muted">No images.</p>`;
    const runs = this.descriptionRuns();
    const run = runs.find((candidate) => runKey(candidate) === this.descriptionRun);
    return html`<section aria-label="Images">
      <div class="bar">
        <h2>Images (${this.images.length})</h2>
        ${
          this.adult
            ? html`<ia-button
                class="reveal"
                label=${this.revealed ? 'Blur adult images' : 'Reveal NSFW images'}
                @click=${() => (this.revealed = !this.revealed)}
                >${this.revealed ? 'Blur' : 'Reveal NSFW'}</ia-button
              >`
            : nothing
        }
        ${
          runs.length > 0
            ? html`<ia-dropdown
                class="descriptions"
                label="Description run"
                .value=${this.descriptionRun}
                .options=${runs.map((r) => ({ value: runKey(r), label: `${r.model} (${r.input})` }))}
                @ia-change=${(e: ValueEvent) => (this.descriptionRun = e.detail.value)}
              ></ia-dropdown>`
            : nothing
        }
      </div>
      <div class="grid">
        ${this.images.map(
          (image, index) =>
            html`<figure>
              <button
                class="thumb ${this.blurred ? 'blurred' : ''}"
                aria-label=${ifDefined(this.unavailable(image, index) ? undefined : `Enlarge image ${index + 1}`)}
                @click=${() => this.open(index)}
              >
                ${this.renderImage(image, index)}
              </button>
              ${run ? html`<figcaption>${this.description(run, index)}</figcaption>` : nothing}
            </figure>`,
        )}
      </div>
      ${this.enlarged === null ? nothing : this.renderOverlay(this.enlarged)}
    </section>`;
  }

  /** Why the image cannot be shown, or undefined when it can. */
  private unavailable(image: ResolvedImage, index: number): string | undefined {
    return image.src === null ? (image.error ?? 'no local copy of this image') : this.failed.get(index);
  }

  private renderImage(image: ResolvedImage, index: number) {
    const error = this.unavailable(image, index);
    if (error !== undefined || image.src === null) {
      // Plain text, which also names the button around it: what a screen reader says is what is seen.
      return html`<span class="placeholder">
        <strong>Image ${index + 1} unavailable</strong>
        <span class="error">${error}</span>
        <span class="url">${image.url ?? 'no URL'}</span>
      </span>`;
    }
    return html`<img src=${image.src} alt=${`Image ${index + 1} of the request`} @error=${() => this.markFailed(index)} />`;
  }

  private renderOverlay(index: number) {
    return html`<div
      class="overlay ${this.blurred ? 'blurred' : ''}"
      role="dialog"
      aria-modal="true"
      aria-label=${`Image ${index + 1} of ${this.images.length}; arrow keys switch, Escape closes`}
      tabindex="-1"
      @keydown=${this.onOverlayKey}
      @click=${(e: Event) => e.target === e.currentTarget && this.close()}
    >
      ${this.renderImage(this.images[index], index)}
      <span>${index + 1} / ${this.images.length}</span>
      <ia-button label="Close" keys="Escape" @click=${this.close}>Close</ia-button>
    </div>`;
  }

  private get blurred(): boolean {
    return this.adult && !this.revealed;
  }

  private descriptionRuns(): StoredRun[] {
    return this.runs.filter((run) => run.task === 'description');
  }

  private description(run: StoredRun, index: number): string {
    const answer = Array.isArray(run.answer) ? run.answer[index] : index === 0 ? run.answer : undefined;
    return answer ?? '(no description for this image)';
  }

  private markFailed(index: number) {
    this.failed = new Map(this.failed).set(index, 'the image failed to load');
  }

  private async open(index: number) {
    this.enlarged = index;
    await this.updateComplete;
    this.overlay?.focus();
  }

  /** Closes the enlarged view; true when it was open. */
  close = (): boolean => {
    const wasOpen = this.enlarged !== null;
    this.enlarged = null;
    return wasOpen;
  };

  private onOverlayKey(event: KeyboardEvent) {
    const count = this.images.length;
    if (event.key === 'Escape') this.close();
    else if (event.key === 'ArrowRight') this.enlarged = ((this.enlarged ?? 0) + 1) % count;
    else if (event.key === 'ArrowLeft') this.enlarged = ((this.enlarged ?? 0) - 1 + count) % count;
    else return;
    // Keep the request-level hotkeys (←/→ change request) out of the enlarged view.
    event.stopPropagation();
    event.preventDefault();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-gallery': IaGallery;
  }
}

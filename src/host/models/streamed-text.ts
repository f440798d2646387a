// The text of a streaming answer as the panels receive it: pieces gathered
// for a short interval, then only the part not yet sent, with its offset.
// Posting the whole text each time sent a long answer again and again.

export class StreamedText {
  private sent = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Sends `part`, the text from offset `at` on. */
    private readonly post: (at: number, part: string) => void,
    private readonly intervalMs = 50,
  ) {}

  /** The text so far grew to `text`: its new part goes out within the interval. */
  grew(text: () => string): void {
    this.timer ??= setTimeout(() => this.flush(text()), this.intervalMs);
  }

  /** Sends what `text` holds past the part already sent, now. */
  flush(text: string): void {
    this.cancel();
    if (text.length <= this.sent) return;
    this.post(this.sent, text.slice(this.sent));
    this.sent = text.length;
  }

  /** The whole text went out in a full message: later parts start from its end. */
  sentWhole(text: string): void {
    this.cancel();
    this.sent = text.length;
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

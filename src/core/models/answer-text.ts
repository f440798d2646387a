// Keeps the model's thinking out of its answer. Servers without a reasoning
// parser put it inline in `content` as a leading <think>…</think> block (or,
// when the chat template opened the block itself, as text ending in </think>).
// The answer is what follows; the thinking is kept apart and never scored.

const OPEN = '<think>';
const CLOSE = '</think>';

export interface SplitAnswer {
  answer: string;
  /** The thinking, without its tags; undefined when there was none. */
  thinking?: string;
}

/** Splits a whole content text into its thinking and its answer. */
export function splitThinking(text: string): SplitAnswer {
  const start = text.trimStart();
  if (start.startsWith(OPEN)) {
    const end = start.indexOf(CLOSE);
    // An unclosed block is all thinking: the answer never began.
    if (end < 0) return { answer: '', thinking: start.slice(OPEN.length).trim() };
    return { answer: start.slice(end + CLOSE.length).trimStart(), thinking: start.slice(OPEN.length, end).trim() };
  }
  // The template opened the block in the prompt: only the close appears, with no open before it.
  const close = text.indexOf(CLOSE);
  if (close >= 0 && !text.slice(0, close).includes(OPEN))
    return { answer: text.slice(close + CLOSE.length).trimStart(), thinking: text.slice(0, close).trim() };
  return { answer: text };
}

/**
 * The same split while the answer streams: deltas inside a leading <think>
 * block go to thinking, the rest to the answer. Text is held back only while
 * it may still be the start of "<think>".
 */
export class ThinkSplitter {
  /** `opening`: just after </think>, where whitespace before the answer is dropped. */
  private state: 'undecided' | 'thinking' | 'opening' | 'answer' = 'undecided';
  private held = '';

  constructor(
    private readonly onAnswer: (text: string) => void,
    private readonly onThinking: (text: string) => void,
  ) {}

  push(delta: string): void {
    if (this.state === 'answer') return this.onAnswer(delta);
    if (this.state === 'opening') return this.open(delta);
    this.held += delta;
    if (this.state === 'undecided') {
      const start = this.held.trimStart();
      if (start.length < OPEN.length && OPEN.startsWith(start)) return; // may still become "<think>"
      if (!start.startsWith(OPEN)) return this.flushAsAnswer();
      this.state = 'thinking';
      this.held = start.slice(OPEN.length);
    }
    const end = this.held.indexOf(CLOSE);
    if (end < 0) {
      // Keep a tail that may be the start of "</think>".
      const safe = Math.max(0, this.held.length - CLOSE.length + 1);
      if (safe > 0) this.onThinking(this.held.slice(0, safe));
      this.held = this.held.slice(safe);
      return;
    }
    if (end > 0) this.onThinking(this.held.slice(0, end));
    const rest = this.held.slice(end + CLOSE.length);
    this.held = '';
    this.state = 'opening';
    this.open(rest);
  }

  private open(text: string): void {
    const answer = text.trimStart();
    if (answer === '') return;
    this.state = 'answer';
    this.onAnswer(answer);
  }

  /** The stream ended: text still held is answer text (or the end of unclosed thinking). */
  end(): void {
    if (this.held === '') return;
    if (this.state === 'thinking') this.onThinking(this.held);
    else this.onAnswer(this.held);
    this.held = '';
  }

  private flushAsAnswer(): void {
    this.state = 'answer';
    const text = this.held;
    this.held = '';
    this.onAnswer(text);
  }
}

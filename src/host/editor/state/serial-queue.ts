// Runs async jobs one after another: appends, undo/redo and re-reads of the
// log must not interleave, or state could be replayed from a half-applied step.
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    // A failed job must not block the ones after it; its caller still sees the error.
    this.tail = result.catch(() => undefined);
    return result;
  }
}

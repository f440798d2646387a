// Forwards a page's uncaught errors to the host's Output channel. The browser's
// "ResizeObserver loop" notice is not an error of ours: it says some resize
// notifications wait for the next frame (the virtualizer's rows re-measure
// themselves), nothing failed, so it is not forwarded.
const BENIGN = /^(Uncaught )?ResizeObserver loop (completed with undelivered notifications|limit exceeded)/;

export function forwardWindowErrors(report: (message: string) => void): void {
  const send = (message: string) => report(message.slice(0, 10_000));
  window.addEventListener('error', (event) => {
    if (BENIGN.test(event.message)) return;
    send(`${event.message} (${event.filename}:${event.lineno})`);
  });
  window.addEventListener('unhandledrejection', (event) => send(String((event.reason as Error)?.stack ?? event.reason)));
}

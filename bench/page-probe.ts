// Page-side instrumentation (installed as source text: the Node tsconfig has
// no DOM types). Key press time is the keydown's own timeStamp; "painted" is
// a task queued from the first animation frame whose DOM already shows the
// expected text, i.e. just after that frame was rendered. `arrived` splits
// the host's round trip off the webview's own rendering.
export const PROBE_SOURCE = `(() => {
  const probe = (window.__bench = { t0: 0, done: null, arrived: null });
  window.addEventListener('keydown', (event) => { probe.t0 = event.timeStamp; probe.arrived = null; }, true);
  // When the host's answer reached the page: the rest is the webview's own work.
  window.addEventListener('message', () => { probe.arrived ??= performance.now() - probe.t0; }, true);
  const app = () => document.querySelector('ia-app')?.shadowRoot;
  probe.title = () => app()?.querySelector('ia-query')?.shadowRoot?.querySelector('h1.title')?.textContent ?? null;
  probe.currentComment = () => {
    const list = app()?.querySelector('ia-comment-list')?.shadowRoot;
    for (const row of list?.querySelectorAll('ia-comment') ?? []) {
      const current = row.shadowRoot?.querySelector('article[aria-current="true"]');
      if (current) return current.textContent;
    }
    return null;
  };
  const painted = (check) => new Promise((resolve) => {
    const frame = () => (check() ? setTimeout(() => resolve(performance.now() - probe.t0), 0) : requestAnimationFrame(frame));
    requestAnimationFrame(frame);
  });
  probe.armTitle = (expected) => { probe.done = painted(() => probe.title() === expected); };
  probe.armComment = (expected) => { probe.done = painted(() => (probe.currentComment() ?? '').includes(expected)); };
})()`;

/** Forwards every message the webview posts to a page binding, as the real webview API hands them to the host. */
export const FORWARD_POSTS_SOURCE = `(() => {
  const posted = window.__posted;
  posted.push = function (message) {
    Array.prototype.push.call(this, message);
    window.__benchHost(message);
    return this.length;
  };
})()`;

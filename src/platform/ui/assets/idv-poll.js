/*
 * Verification status polling: progressive enhancement for the "we are checking your documents" page
 * (CSP script-src 'self', connect-src 'self'). Without JavaScript the page still has its own refresh link.
 *
 * For [data-idv-poll="<same-origin JSON URL>"]: fetches the URL every 2 s (every 5 s after the first
 * 30 s). The answer is { "state": "pending" | "done", "message"?: string, "next"?: string }.
 * `message` (already in the person's language) goes into the [data-idv-poll-status] child, an
 * aria-live="polite" region, only when it changes so screen readers are not repeated to. On "done" with
 * a same-origin `next` path, the browser goes there. After 10 minutes polling stops and the hidden
 * [data-idv-poll-timeout] child is shown. Network and server errors are retried quietly.
 */
(function () {
  'use strict';

  const FAST_MS = 2000;
  const SLOW_MS = 5000;
  const SLOW_AFTER_MS = 30 * 1000;
  const GIVE_UP_AFTER_MS = 10 * 60 * 1000;
  const REQUEST_TIMEOUT_MS = 10 * 1000;

  /** The URL if it resolves to this origin, else null (never follow or fetch elsewhere). */
  function sameOrigin(value) {
    if (typeof value !== 'string' || value === '') return null;
    try {
      const url = new URL(value, location.href);
      return url.origin === location.origin ? url : null;
    } catch {
      return null;
    }
  }

  /** `next` must be a path on this site: "/…" but not "//…" or "/\…" (protocol-relative). */
  function nextPath(value) {
    if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value)) return null;
    const url = sameOrigin(value);
    return url ? url.pathname + url.search + url.hash : null;
  }

  function poll(root) {
    const url = sameOrigin(root.getAttribute('data-idv-poll'));
    if (!url) return;
    const status = root.querySelector('[data-idv-poll-status]');
    const timeout = root.querySelector('[data-idv-poll-timeout]');
    const started = Date.now();
    let stopped = false;

    function show(message) {
      if (status && typeof message === 'string' && message !== '' && status.textContent !== message) {
        status.textContent = message;
      }
    }

    async function once() {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
      try {
        const response = await fetch(url.href, {
          credentials: 'same-origin',
          cache: 'no-store',
          headers: { accept: 'application/json' },
          signal: abort.signal,
        });
        if (!response.ok) return;
        const body = await response.json();
        if (!body || typeof body !== 'object') return;
        show(body.message);
        if (body.state === 'done') {
          stopped = true;
          const next = nextPath(body.next);
          if (next) location.assign(next);
        }
      } catch {
        // Offline, timed out or not JSON: try again at the next tick.
      } finally {
        clearTimeout(timer);
      }
    }

    async function loop() {
      if (stopped) return;
      const elapsed = Date.now() - started;
      if (elapsed >= GIVE_UP_AFTER_MS) {
        stopped = true;
        if (timeout) timeout.hidden = false;
        return;
      }
      await once();
      if (!stopped) setTimeout(loop, Date.now() - started < SLOW_AFTER_MS ? FAST_MS : SLOW_MS);
    }

    setTimeout(loop, FAST_MS);
  }

  function init() {
    document.querySelectorAll('[data-idv-poll]').forEach(poll);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();

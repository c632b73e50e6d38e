// Idle-session warning (progressive enhancement). The page carries a hidden dialog,
// translated on the server. This script asks the server how long the session has left
// (without extending it), shows the dialog shortly before the end, counts down, and
// "Stay signed in" extends the session. Without JavaScript the session simply ends and
// the next page says so.
(function () {
  'use strict';
  var box = document.getElementById('session-timeout');
  if (!box || !window.fetch) return;
  var statusUrl = box.getAttribute('data-status-url');
  var warnSeconds = Number(box.getAttribute('data-warn-seconds') || '150');
  var form = box.querySelector('form');
  var countdown = box.querySelector('[data-countdown]');
  var deadline = 0;
  var ticker = 0;

  function format(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ':' + (s < 10 ? '0' : '') + s;
  }

  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    if (countdown) countdown.textContent = format(left);
    if (left <= 0) window.location.reload();
  }

  function show() {
    if (!box.hidden) return;
    box.hidden = false;
    var button = box.querySelector('button');
    if (button) button.focus();
    ticker = window.setInterval(tick, 1000);
  }

  function hide() {
    box.hidden = true;
    window.clearInterval(ticker);
  }

  function check() {
    fetch(statusUrl, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) {
        return r.ok ? r.json() : { secondsLeft: 0 };
      })
      .then(function (status) {
        if (status.warnSeconds) warnSeconds = status.warnSeconds;
        deadline = Date.now() + status.secondsLeft * 1000;
        if (status.secondsLeft <= warnSeconds) {
          tick();
          show();
        } else {
          hide();
        }
      })
      .catch(function () {});
  }

  if (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        body: new URLSearchParams(new FormData(form)),
      })
        .then(function () {
          hide();
          check();
        })
        .catch(function () {});
    });
  }
  check();
  window.setInterval(check, 30000);
  // Coming back to the tab (or window) asks again at once.
  window.addEventListener('focus', check);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) check();
  });
})();

/*
 * Password strength meter: progressive enhancement, served from our own origin (CSP script-src 'self').
 *
 * For every input[data-password-strength], adds right after it:
 *   <div class="app-strength app-strength--{empty|weak|fair|good|strong}" aria-live="polite">
 *     <div class="app-strength__bar" aria-hidden="true"><div class="app-strength__fill"></div></div>
 *     <p class="app-strength__text">Password strength: good</p>
 *   </div>
 * Styles come from password-strength.css (classes only: the CSP blocks style attributes too), which
 * this script links next to itself when the page has not linked it already.
 *
 * The estimate is a small heuristic: length, character classes, repeated, sequential and
 * keyboard-adjacent characters, and a short list of very common passwords and words. It only helps
 * people choose; the server enforces the real rules (length, breached list, email parts).
 * The text changes only when the level changes, so screen readers are not interrupted on every key.
 */
(function () {
  'use strict';

  const MIN_LENGTH = 12;
  const LEVELS = ['weak', 'fair', 'good', 'strong'];
  const TEXT = {
    en: { prefix: 'Password strength: ', levels: ['weak', 'fair', 'good', 'strong'] },
    es: {
      prefix: 'Seguridad de la contrase\u00f1a: ',
      levels: ['d\u00e9bil', 'aceptable', 'buena', 'fuerte'],
    },
  };
  // Very common passwords and the words they are made of (English and Spanish). A match counts as
  // one character: it is one guess from a short list, however long it looks.
  const COMMON = (
    'password passwort contrasena clave secret secreto qwerty qwertz azerty asdf zxcv letmein ' +
    'welcome bienvenido admin login usuario user iloveyou teamo tequiero love amor hello hola ' +
    'monkey dragon master shadow football futbol baseball soccer sunshine princess princesa ' +
    'superman batman trustno1 starwars whatever freedom summer winter spring autumn changeme ' +
    'default computer internet google facebook michael jennifer jordan hunter charlie killer ' +
    'pepper cookie chocolate flower purple blink pokemon mustang maria jesus angel abc 123 000 ' +
    '111 2020 2021 2022 2023 2024 2025 2026 tax irs refund account cuenta'
  ).split(' ');
  const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];
  const LEET = { 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't', '@': 'a', $: 's', '!': 'i' };

  function neighbours(a, b) {
    for (const row of ROWS) {
      const i = row.indexOf(a);
      const j = row.indexOf(b);
      if (i !== -1 && j !== -1 && Math.abs(i - j) === 1) return true;
    }
    return false;
  }

  function poolSize(chars) {
    let lower = 0;
    let upper = 0;
    let digit = 0;
    let symbol = 0;
    let other = 0;
    for (const c of chars) {
      if (c >= 'a' && c <= 'z') lower = 26;
      else if (c >= 'A' && c <= 'Z') upper = 26;
      else if (c >= '0' && c <= '9') digit = 10;
      else if (c.charCodeAt(0) < 128) symbol = 33;
      else other = 100;
    }
    return lower + upper + digit + symbol + other;
  }

  /** Returns { level: 0..3 (weak, fair, good, strong), bits: rough guessing entropy }. */
  function estimate(password) {
    const chars = Array.from(password);
    const lower = chars.map((c) => c.toLowerCase());
    const leet = lower.map((c) => LEET[c] || c);
    const cost = lower.map((c, i) => {
      if (i === 0) return 1;
      const prev = lower[i - 1];
      if (c === prev) return 0.2; // aaaa
      if (i > 2 && c === lower[i - 2] && prev === lower[i - 3]) return 0.3; // abab
      if (neighbours(prev, c)) return 0.4; // abcd, 1234, qwer
      return 1;
    });
    for (let i = 0; i < lower.length; i++) {
      for (const word of COMMON) {
        let k = 0;
        while (k < word.length && (lower[i + k] === word[k] || leet[i + k] === word[k])) k++;
        if (k === word.length) for (k = 1; k < word.length; k++) cost[i + k] = 0;
      }
    }
    const effective = cost.reduce((sum, c) => sum + c, 0);
    const bits = effective * Math.log2(Math.max(poolSize(chars), 2));
    let level = 0;
    if (chars.length >= MIN_LENGTH) level = bits < 50 ? 0 : bits < 65 ? 1 : bits < 80 ? 2 : 3;
    return { level, bits };
  }

  const script = document.currentScript;

  function linkStylesheet() {
    if (document.querySelector('link[href$="password-strength.css"]')) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href =
      script && script.src ? script.src.replace(/\.js(\?.*)?$/, '.css') : '/assets/password-strength.css';
    document.head.appendChild(link);
  }

  function enhance(input, text) {
    if (input.hasAttribute('data-password-strength-ready')) return;
    input.setAttribute('data-password-strength-ready', '');
    const box = document.createElement('div');
    box.className = 'app-strength app-strength--empty';
    box.setAttribute('aria-live', 'polite');
    const bar = document.createElement('div');
    bar.className = 'app-strength__bar';
    bar.setAttribute('aria-hidden', 'true');
    const fill = document.createElement('div');
    fill.className = 'app-strength__fill';
    bar.appendChild(fill);
    const label = document.createElement('p');
    label.className = 'app-strength__text';
    box.appendChild(bar);
    box.appendChild(label);
    input.parentNode.insertBefore(box, input.nextSibling);

    let shown;
    function update() {
      const level = input.value === '' ? -1 : estimate(input.value).level;
      if (level === shown) return;
      shown = level;
      box.classList.remove('app-strength--empty', ...LEVELS.map((name) => 'app-strength--' + name));
      box.classList.add('app-strength--' + (level < 0 ? 'empty' : LEVELS[level]));
      label.textContent = level < 0 ? '' : text.prefix + text.levels[level];
    }
    input.addEventListener('input', update);
    update(); // the browser may have filled the field already (back button, autofill)
  }

  function start() {
    const inputs = document.querySelectorAll('input[data-password-strength]');
    if (inputs.length === 0) return;
    const lang = (document.documentElement.lang || 'en').toLowerCase();
    const text = lang.indexOf('es') === 0 ? TEXT.es : TEXT.en;
    linkStylesheet();
    for (const input of Array.from(inputs)) enhance(input, text);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

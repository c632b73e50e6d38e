// The new-password policy (length, confirmation, breached list, email parts, in that order), its
// messages, and the browser strength meter that helps people meet it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import {
  EMAIL_PART_MIN_LENGTH,
  checkNewPassword,
  forbiddenEmailParts,
} from '../../apps/identity/src/auth/password-policy.ts';
import { loadBreachedPasswords } from '../../apps/identity/src/auth/breached-passwords.ts';
import { en } from '#platform/i18n/messages/en.ts';
import { es } from '#platform/i18n/messages/es.ts';

const { isBreached } = loadBreachedPasswords();
const ADA = 'ada.lovelace@computing.org';
const check = (password: string, email = ADA) =>
  checkNewPassword({ password, confirmation: password, email, breached: isBreached });

describe('checkNewPassword', () => {
  const cases: [name: string, password: string, expected: string | undefined][] = [
    ['too short', 'short', 'idp.password.tooShort'],
    ['11 characters', 'x7#kq9!mz2w', 'idp.password.tooShort'],
    ['129 characters', 'q'.repeat(129), 'idp.password.tooLong'],
    ['a common password', 'password1234', 'idp.password.breached'],
    ['a common password in capitals', 'PASSWORD1234', 'idp.password.breached'],
    ['a common keyboard walk', 'qwertyuiop123', 'idp.password.breached'],
    ['a common number', '123456789012', 'idp.password.breached'],
    ['a passphrase', 'orange-tulip-harbor-42', undefined],
    ['a passphrase with spaces', 'velvet anchor spiral 1987 quietly', undefined],
    ['random characters', 'Kf7#pQ2!zM9xWv', undefined],
    ['12 emoji', '🦊🌲🎻🚲🧭🍋🦉🌊🎲🪁🧩🌵', undefined],
    ['Spanish words', 'ñandú-migratorio-sobre-tierra', undefined],
  ];
  for (const [name, password, expected] of cases) {
    it(`${name} → ${expected ?? 'accepted'}`, () => {
      assert.equal(check(password), expected);
    });
  }

  it('applies the rules in order: length, confirmation, breached list, email', () => {
    const always = () => true;
    const never = () => false;
    const run = (password: string, confirmation: string, breached: (p: string) => boolean) =>
      checkNewPassword({ password, confirmation, email: ADA, breached });
    // A short password that also mismatches, is breached and contains the email: length wins.
    assert.equal(run('lovelace', 'other', always), 'idp.password.tooShort');
    // Long enough, mismatched, breached, containing the email: the mismatch wins.
    assert.equal(run('lovelace-1234', 'lovelace-1235', always), 'idp.password.mismatch');
    // Matching, breached and containing the email: the breached list wins.
    assert.equal(run('lovelace-1234', 'lovelace-1234', always), 'idp.password.breached');
    assert.equal(run('lovelace-1234', 'lovelace-1234', never), 'idp.password.containsEmail');
    assert.equal(run('harbor-tulip-1234', 'harbor-tulip-1234', never), undefined);
  });

  it('does not consult the breached list for a password that fails an earlier rule', () => {
    const seen: string[] = [];
    const spy = (password: string) => {
      seen.push(password);
      return false;
    };
    checkNewPassword({ password: 'short', confirmation: 'short', email: ADA, breached: spy });
    checkNewPassword({ password: 'long-enough-1', confirmation: 'long-enough-2', email: ADA, breached: spy });
    assert.deepEqual(seen, []);
    checkNewPassword({ password: 'long-enough-1', confirmation: 'long-enough-1', email: ADA, breached: spy });
    assert.deepEqual(seen, ['long-enough-1']);
  });
});

describe('email parts in the password', () => {
  it(`only pieces of ${EMAIL_PART_MIN_LENGTH}+ characters count`, () => {
    assert.equal(EMAIL_PART_MIN_LENGTH, 4);
  });

  const parts: [email: string, forbidden: string[]][] = [
    [ADA, [ADA, 'ada.lovelace', 'lovelace', 'computing']],
    ['  Ada.Lovelace@Computing.ORG ', [ADA, 'ada.lovelace', 'lovelace', 'computing']],
    [
      'maria.garcia+tax@example.com',
      ['maria.garcia+tax@example.com', 'maria.garcia+tax', 'maria', 'garcia', 'example'],
    ],
    ['al@ex.io', ['al@ex.io']],
    ['jo_2024@mail.example.gov', ['jo_2024@mail.example.gov', 'jo_2024', '2024', 'mail', 'example']],
    ['josé.núñez@correo.es', ['josé.núñez@correo.es', 'josé.núñez', 'josé', 'núñez', 'correo']],
    ['', []],
  ];
  for (const [email, forbidden] of parts) {
    it(`${JSON.stringify(email)} forbids ${forbidden.map((p) => JSON.stringify(p)).join(', ') || 'nothing'}`, () => {
      assert.deepEqual(forbiddenEmailParts(email), forbidden);
    });
  }

  const cases: [email: string, password: string, expected: string | undefined][] = [
    [ADA, 'ada.lovelace@computing.org', 'idp.password.containsEmail'],
    [ADA, 'my-ada.lovelace-secret', 'idp.password.containsEmail'],
    [ADA, 'lovelace-harbor-tulip', 'idp.password.containsEmail'],
    [ADA, 'tulip-LOVELACE-harbor', 'idp.password.containsEmail'],
    [ADA, 'harbor-Computing-tulip', 'idp.password.containsEmail'],
    [ADA, 'harborcomputingtulip', 'idp.password.containsEmail'],
    [ADA, 'ｌｏｖｅｌａｃｅ-harbor-tulip', 'idp.password.containsEmail'], // full-width letters
    [ADA, 'ada-harbor-tulip-7', undefined], // "ada" is shorter than 4
    [ADA, 'organ-harbor-tulip', undefined], // "org" is shorter than 4
    [ADA, 'love-lace-harbor-7', undefined], // "lovelace" split up is not "lovelace"
    [ADA, 'i-like-computers-9', undefined], // "computing" is not "computers"
    ['maria.garcia+tax@example.com', 'tax-season-harbor', undefined],
    ['maria.garcia+tax@example.com', 'tulip-Garcia-harbor', 'idp.password.containsEmail'],
    ['maria.garcia+tax@example.com', 'an-example-of-words', 'idp.password.containsEmail'],
    ['al@ex.io', 'totally-real-words', undefined],
    ['al@ex.io', 'x-al@ex.io-harbor', 'idp.password.containsEmail'],
    ['josé.núñez@correo.es', 'harbor-NÚÑEZ-tulip', 'idp.password.containsEmail'],
    ['josé.núñez@correo.es', 'harbor-nunez-tulip', undefined], // accents are letters of their own
  ];
  for (const [email, password, expected] of cases) {
    it(`${email}: ${JSON.stringify(password)} → ${expected ?? 'accepted'}`, () => {
      assert.equal(check(password, email), expected);
    });
  }
});

describe('password policy messages', () => {
  it('has its two keys in the catalogs, in English and Spanish', () => {
    const keys = ['idp.password.breached', 'idp.password.containsEmail'] as const;
    for (const key of keys) {
      assert.ok(en[key].length > 20 && es[key].length > 20);
      assert.notEqual(en[key], es[key]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Strength meter (src/platform/ui/assets/password-strength.js), run against a tiny fake DOM.

const METER_URL = new URL('../../src/platform/ui/assets/password-strength.js', import.meta.url);
const meterSource = readFileSync(METER_URL, 'utf8');
const meterCss = readFileSync(new URL('password-strength.css', METER_URL), 'utf8');

class FakeElement {
  parentNode: FakeElement | undefined;
  children: FakeElement[] = [];
  attributes = new Map<string, string>();
  listeners = new Map<string, (() => void)[]>();
  className = '';
  textContent = '';
  value = '';
  rel = '';
  href = '';
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string) {
    return this.attributes.has(name);
  }
  appendChild(child: FakeElement) {
    child.parentNode = this;
    this.children.push(child);
    return child;
  }
  insertBefore(child: FakeElement, before: FakeElement | null) {
    child.parentNode = this;
    const at = before ? this.children.indexOf(before) : -1;
    if (at === -1) this.children.push(child);
    else this.children.splice(at, 0, child);
    return child;
  }
  get nextSibling(): FakeElement | null {
    const siblings = this.parentNode?.children ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  get classList() {
    const names = () => this.className.split(/\s+/).filter(Boolean);
    return {
      add: (...add: string[]) => {
        this.className = [...new Set([...names(), ...add])].join(' ');
      },
      remove: (...remove: string[]) => {
        this.className = names()
          .filter((n) => !remove.includes(n))
          .join(' ');
      },
      contains: (name: string) => names().includes(name),
    };
  }
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  type(value: string) {
    this.value = value;
    for (const listener of this.listeners.get('input') ?? []) listener();
  }
}

function runMeter(lang: string, inputCount = 1) {
  const head = new FakeElement('head');
  const form = new FakeElement('form');
  const inputs = Array.from({ length: inputCount }, () => {
    const input = form.appendChild(new FakeElement('input'));
    input.setAttribute('data-password-strength', '');
    form.appendChild(new FakeElement('button'));
    return input;
  });
  const document = {
    readyState: 'complete',
    documentElement: { lang },
    head,
    currentScript: { src: 'http://localhost:4000/assets/password-strength.js' },
    createElement: (tag: string) => new FakeElement(tag),
    querySelectorAll: (selector: string) => (selector === 'input[data-password-strength]' ? inputs : []),
    querySelector: (selector: string) =>
      selector === 'link[href$="password-strength.css"]'
        ? (head.children.find((c) => c.tagName === 'link' && c.href.endsWith('password-strength.css')) ??
          null)
        : null,
    addEventListener: () => {},
  };
  vm.runInNewContext(meterSource, { document }, { filename: 'password-strength.js' });
  return { head, form, inputs };
}

function meterAfter(input: FakeElement) {
  const box = input.nextSibling!;
  return { box, text: box.children[1]!.textContent, level: box.className.replace('app-strength ', '') };
}

describe('password strength meter script', () => {
  it('parses as a classic browser script', () => {
    assert.doesNotThrow(() => new vm.Script(meterSource, { filename: 'password-strength.js' }));
  });

  it('builds DOM safely: no eval, Function, innerHTML, document.write or style attributes', () => {
    for (const banned of [
      /\beval\s*\(/,
      /\bFunction\s*\(/,
      /innerHTML/,
      /outerHTML/,
      /insertAdjacentHTML/,
      /document\.write/,
      /\.style\b/,
      /setAttribute\(\s*['"]style/,
      /setTimeout\(\s*['"]/,
    ]) {
      assert.doesNotMatch(meterSource, banned);
    }
  });

  it('is small (under 15 KB) and its stylesheet defines every class it uses', () => {
    assert.ok(Buffer.byteLength(meterSource) < 15 * 1024, `${Buffer.byteLength(meterSource)} bytes`);
    for (const name of ['empty', 'weak', 'fair', 'good', 'strong']) {
      assert.match(meterCss, new RegExp(`\\.app-strength--${name}\\b`));
    }
    for (const part of ['bar', 'fill', 'text'])
      assert.match(meterCss, new RegExp(`\\.app-strength__${part}\\b`));
  });

  it('inserts a polite live region after the input, empty until something is typed', () => {
    const { form, inputs } = runMeter('en');
    const input = inputs[0]!;
    const { box, text, level } = meterAfter(input);
    assert.equal(box.tagName, 'div');
    assert.equal(box.getAttribute('aria-live'), 'polite');
    assert.equal(form.children.indexOf(box), form.children.indexOf(input) + 1);
    assert.equal(box.children[0]!.getAttribute('aria-hidden'), 'true');
    assert.equal(level, 'app-strength--empty');
    assert.equal(text, '');
  });

  it('links its stylesheet once, next to the script', () => {
    const { head } = runMeter('en', 2);
    const links = head.children.filter((c) => c.tagName === 'link');
    assert.equal(links.length, 1);
    assert.equal(links[0]!.rel, 'stylesheet');
    assert.equal(links[0]!.href, 'http://localhost:4000/assets/password-strength.css');
  });

  const levels: [password: string, level: string][] = [
    ['short', 'weak'],
    ['password1234', 'weak'],
    ['P@ssw0rd2024!', 'weak'],
    ['aaaaaaaaaaaa', 'weak'],
    ['abcdefghijkl', 'weak'],
    ['qwertyuiop123', 'weak'],
    ['monkeymonkey', 'weak'],
    ['kfjwoqpzmxnv', 'fair'],
    ['Kf7#pQ2!zM9x', 'good'],
    ['orange-tulip-harbor-42', 'strong'],
    ['correct horse battery staple', 'strong'],
    ['xK9$mP2vL#qR7nW4', 'strong'],
  ];
  for (const [password, level] of levels) {
    it(`rates ${JSON.stringify(password)} ${level}`, () => {
      const { inputs } = runMeter('en');
      inputs[0]!.type(password);
      const meter = meterAfter(inputs[0]!);
      assert.equal(meter.level, `app-strength--${level}`);
      assert.equal(meter.text, `Password strength: ${level}`);
    });
  }

  it('speaks Spanish on Spanish pages and goes back to empty when cleared', () => {
    const { inputs } = runMeter('es');
    const input = inputs[0]!;
    input.type('password1234');
    assert.equal(meterAfter(input).text, 'Seguridad de la contraseña: débil');
    input.type('orange-tulip-harbor-42');
    assert.equal(meterAfter(input).text, 'Seguridad de la contraseña: fuerte');
    input.type('');
    assert.equal(meterAfter(input).level, 'app-strength--empty');
    assert.equal(meterAfter(input).text, '');
  });

  it('enhances every marked input', () => {
    const { inputs } = runMeter('en', 2);
    for (const input of inputs) assert.ok(meterAfter(input).box.classList.contains('app-strength'));
  });
});

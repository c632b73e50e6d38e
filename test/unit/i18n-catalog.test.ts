// The message catalogs and language negotiation (pure; no server).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  LOCALES,
  allCatalogs,
  isLocale,
  negotiateLocale,
  translator,
  type MessageKey,
} from '#platform/i18n/catalog.ts';

const { en, es } = allCatalogs();

const placeholders = (message: string): string[] =>
  [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();

const englishKeys = Object.keys(en) as MessageKey[];

describe('message catalogs', () => {
  it('has a reasonable number of English messages (guards the checks below against an empty catalog)', () => {
    assert.ok(englishKeys.length >= 50, `only ${englishKeys.length} English keys`);
  });

  it('Spanish has exactly the English keys', () => {
    assert.deepEqual(Object.keys(es).sort(), [...englishKeys].sort());
  });

  it('allCatalogs() serves one catalog per supported locale, with the same keys', () => {
    const catalogs = allCatalogs();
    assert.deepEqual(Object.keys(catalogs).sort(), [...LOCALES].sort());
    for (const locale of LOCALES) {
      assert.deepEqual(Object.keys(catalogs[locale]).sort(), [...englishKeys].sort(), locale);
    }
  });

  it('every key belongs to one of the documented groups (common, error, idp, acct, benefits)', () => {
    const stray = englishKeys.filter(
      (key) => !/^(common|error|idp|acct|benefits|idv)\.[A-Za-z0-9_.]+$/.test(key),
    );
    assert.deepEqual(stray, []);
  });

  it('no message is empty or only whitespace, in any language', () => {
    const empty = LOCALES.flatMap((locale) =>
      englishKeys.filter((key) => allCatalogs()[locale][key].trim() === '').map((key) => `${locale}:${key}`),
    );
    assert.deepEqual(empty, []);
  });

  it('every {placeholder} in English appears in Spanish and vice versa', () => {
    const mismatched = englishKeys
      .filter((key) => placeholders(en[key]).join(',') !== placeholders(es[key]).join(','))
      .map(
        (key) => `${key}: en {${placeholders(en[key]).join(',')}} es {${placeholders(es[key]).join(',')}}`,
      );
    assert.deepEqual(mismatched, []);
  });

  it('the placeholder check itself sees placeholders (so the comparison above is not vacuous)', () => {
    assert.deepEqual(placeholders(en['common.errorCode']), ['code']);
    assert.deepEqual(placeholders(es['idp.consent.title']), ['agency']);
    assert.deepEqual(placeholders('{a} and {b} and {a}'), ['a', 'b']);
  });

  it('no placeholder is left half-written (a lone { or } outside {name})', () => {
    const broken = LOCALES.flatMap((locale) =>
      englishKeys
        .filter((key) => /[{}]/.test(allCatalogs()[locale][key].replace(/\{\w+\}/g, '')))
        .map((key) => `${locale}:${key}`),
    );
    assert.deepEqual(broken, []);
  });
});

describe('isLocale', () => {
  const cases: [unknown, boolean][] = [
    ['en', true],
    ['es', true],
    ['fr', false],
    ['EN', false],
    ['es-MX', false],
    ['', false],
    [undefined, false],
    [null, false],
    [['es'], false],
    [1, false],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value) ?? 'undefined'} → ${expected}`, () => {
      assert.equal(isLocale(value), expected);
    });
  }
});

describe('negotiateLocale: explicit choice > saved cookie > Accept-Language > en', () => {
  const cases: { name: string; choice: unknown; saved: unknown; header: string | undefined; want: string }[] =
    [
      { name: 'nothing at all → en', choice: undefined, saved: undefined, header: undefined, want: 'en' },
      { name: 'empty header → en', choice: undefined, saved: undefined, header: '', want: 'en' },
      {
        name: 'explicit choice beats cookie and header',
        choice: 'es',
        saved: 'en',
        header: 'en',
        want: 'es',
      },
      { name: 'explicit en beats a Spanish cookie', choice: 'en', saved: 'es', header: 'es', want: 'en' },
      { name: 'saved cookie beats header', choice: undefined, saved: 'es', header: 'en-US,en', want: 'es' },
      {
        name: 'saved en cookie beats Spanish header',
        choice: undefined,
        saved: 'en',
        header: 'es',
        want: 'en',
      },
      { name: 'unsupported choice falls to cookie', choice: 'fr', saved: 'es', header: 'en', want: 'es' },
      {
        name: 'array choice (?lang=es&lang=es) is ignored',
        choice: ['es'],
        saved: undefined,
        header: 'en',
        want: 'en',
      },
      {
        name: 'unsupported cookie falls to header',
        choice: undefined,
        saved: 'de',
        header: 'es',
        want: 'es',
      },
      { name: 'header: plain es', choice: undefined, saved: undefined, header: 'es', want: 'es' },
      { name: 'header: region tag es-MX', choice: undefined, saved: undefined, header: 'es-MX', want: 'es' },
      {
        name: 'header: region tag es-419',
        choice: undefined,
        saved: undefined,
        header: 'es-419,en;q=0.5',
        want: 'es',
      },
      { name: 'header: upper-case ES-us', choice: undefined, saved: undefined, header: 'ES-us', want: 'es' },
      {
        name: 'header: browser default with q-values',
        choice: undefined,
        saved: undefined,
        header: 'es-MX,es;q=0.9,en-US;q=0.8,en;q=0.7',
        want: 'es',
      },
      {
        name: 'header: unsupported languages skipped',
        choice: undefined,
        saved: undefined,
        header: 'fr-CA, fr;q=0.9, es;q=0.5',
        want: 'es',
      },
      {
        name: 'header: en-GB first',
        choice: undefined,
        saved: undefined,
        header: 'en-GB,es;q=0.5',
        want: 'en',
      },
      {
        name: 'header: only unsupported → en',
        choice: undefined,
        saved: undefined,
        header: 'de, fr;q=0.8',
        want: 'en',
      },
      { name: 'header: wildcard → en', choice: undefined, saved: undefined, header: '*', want: 'en' },
      { name: 'header: garbage → en', choice: undefined, saved: undefined, header: ';;,,;q=', want: 'en' },
    ];
  for (const { name, choice, saved, header, want } of cases) {
    it(name, () => {
      assert.equal(negotiateLocale(choice, saved, header), want);
    });
  }

  it('header: q-values decide the order, and q=0 means "not acceptable"', () => {
    assert.equal(negotiateLocale(undefined, undefined, 'en;q=0.1, es;q=0.9'), 'es');
    assert.equal(negotiateLocale(undefined, undefined, 'es;q=0, en'), 'en');
  });

  it('header: a three-letter language whose code starts with "es" (esu, Central Yupik) is not Spanish', () => {
    assert.equal(negotiateLocale(undefined, undefined, 'esu'), 'en');
  });
});

describe('translator', () => {
  it('looks messages up in the chosen language', () => {
    assert.equal(translator('en')('common.continue'), 'Continue');
    assert.equal(translator('es')('common.continue'), 'Continuar');
  });

  it('interpolates named placeholders, including numbers', () => {
    assert.equal(translator('en')('common.errorCode', { code: 'E404' }), 'Error code E404');
    assert.equal(translator('es')('common.errorCode', { code: 500 }), 'Código de error 500');
  });

  it('replaces every occurrence of a placeholder', () => {
    const message = translator('en')('idp.consent.lead', { agency: 'Tax Agency' });
    assert.ok(message.startsWith('Tax Agency '), message);
    assert.ok(!message.includes('{agency}'), message);
  });

  it('leaves an unknown or missing placeholder as written', () => {
    assert.equal(translator('en')('common.errorCode'), 'Error code {code}');
    assert.equal(translator('en')('common.errorCode', { other: 'x' }), 'Error code {code}');
  });

  it('inserts values literally (no $& replacement patterns, no second pass)', () => {
    assert.equal(
      translator('en')('acct.home.greeting', { name: "$& $1 $' {name}" }),
      "Welcome, $& $1 $' {name}",
    );
  });

  it('ignores extra parameters', () => {
    assert.equal(translator('en')('common.back', { unused: 'x' }), 'Back');
  });
});

// The identity-verification error codes: stable numbers, messages in English and Spanish, every code
// documented, never a dead end (at least two ways forward, always the offline transcript options),
// a support reference without input text, and a page per code with its number in the one h1.
// (Pure; no server.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LOCALES, translator, type Locale } from '#platform/i18n/catalog.ts';
import { enIdvErrors } from '#platform/i18n/messages/en-idv-errors.ts';
import { esIdvErrors } from '#platform/i18n/messages/es-idv-errors.ts';
import type { PageContext } from '#platform/ui/page-context.ts';
import { renderDocument } from '#platform/ui/render.ts';
import { FAILURE_CODES } from '../../apps/identity/src/verification/engine/idv-checks.ts';
import {
  DOCUMENT_REASON_KEYS,
  IDV_ERRORS,
  OFFLINE_ALTERNATIVES,
  documentReasonKey,
  giveUpOidcError,
  idvError,
  supportReference,
  type IdvErrorEntry,
  type IdvErrorId,
} from '../../apps/identity/src/verification/flow/idv-error-catalog.ts';
import { IdvErrorIndexPage, IdvErrorPage } from '../../apps/identity/src/views/idv-error-page.tsx';

const EXPECTED: [number, IdvErrorId][] = [
  [6000, 'document_not_verified'],
  [6001, 'records_not_matched'],
  [6002, 'document_attempts_exceeded'],
  [6003, 'records_attempts_exceeded'],
  [6004, 'tin_attempts_exceeded'],
  [6005, 'selfie_attempts_exceeded'],
  [6006, 'duplicate_person'],
  [6007, 'records_unavailable'],
  [6008, 'analysis_unavailable'],
  [6009, 'phone_not_confirmed'],
  [6010, 'letter_code_failed'],
  [6011, 'video_unavailable'],
  [6012, 'details_do_not_match_document'],
  [6013, 'journey_expired'],
];

const context = (locale: Locale = 'en'): PageContext => ({
  locale,
  t: translator(locale),
  csrfToken: 'csrf-token-value',
  path: '/verify/errors/6001',
});

const messageKeys = (entry: IdvErrorEntry) => [entry.titleKey, entry.causeKey, entry.tryKey, entry.actionKey];

/** The <main> element only (the layout's hidden session-timeout dialog has its own h2). */
const main = (html: string): string => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ');
const headingLevels = (html: string): number[] =>
  [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));

/** Nothing that betrays a missing message or parameter. */
function assertComplete(html: string, what: string): void {
  const visible = text(html);
  assert.doesNotMatch(visible, /undefined|null|NaN|\[object/, `${what}: undefined text`);
  assert.doesNotMatch(visible, /\{\w+\}/, `${what}: placeholder left`);
  assert.doesNotMatch(visible, /\bidv\.[a-z]/, `${what}: raw message key`);
}

/** One h1, and no level skipped going down (h1 → h2 → h3). */
function assertHeadingOrder(html: string, what: string): void {
  const levels = headingLevels(main(html));
  assert.equal(levels.filter((level) => level === 1).length, 1, `${what}: one h1`);
  assert.equal(levels[0], 1, `${what}: h1 first`);
  levels.reduce((previous, level) => {
    assert.ok(level <= previous + 1, `${what}: h${previous} followed by h${level}`);
    return level;
  });
}

describe('IDV error catalog', () => {
  it('has exactly the documented codes and ids, in order, each unique', () => {
    assert.deepEqual(
      IDV_ERRORS.map((entry) => [entry.code, entry.id]),
      EXPECTED,
    );
    assert.equal(new Set(IDV_ERRORS.map((entry) => entry.code)).size, IDV_ERRORS.length);
    assert.equal(new Set(IDV_ERRORS.map((entry) => entry.id)).size, IDV_ERRORS.length);
  });

  it('HTTP status: 429 for limits, 503 for unavailable services, 422 otherwise, never 404', () => {
    for (const entry of IDV_ERRORS) {
      const want = entry.id.endsWith('_attempts_exceeded')
        ? 429
        : entry.id.endsWith('_unavailable')
          ? 503
          : 422;
      assert.equal(entry.httpStatus, want, `${entry.code} ${entry.id}`);
    }
  });

  it('every entry offers at least two alternatives, without repeats, always the offline transcript options', () => {
    for (const entry of IDV_ERRORS) {
      assert.ok(entry.alternatives.length >= 2, `${entry.code}: ${entry.alternatives.join(', ')}`);
      assert.equal(new Set(entry.alternatives).size, entry.alternatives.length, `${entry.code}: repeats`);
      for (const offline of ['transcript_by_mail', 'transcript_by_phone'] as const) {
        assert.ok(entry.alternatives.includes(offline), `${entry.code} lacks ${offline}`);
      }
      // Beyond the offline options, one more way forward online.
      assert.ok(
        entry.alternatives.some((alt) => !OFFLINE_ALTERNATIVES.includes(alt)),
        `${entry.code}`,
      );
    }
  });

  it('the alternatives the issue names appear where they belong', () => {
    const offers = (code: number, alt: string) =>
      (idvError(code)?.alternatives as readonly string[] | undefined)?.includes(alt);
    assert.ok(offers(6000, 'another_document') && offers(6000, 'video_agent'));
    assert.ok(offers(6009, 'mail_letter') && offers(6010, 'mail_letter'));
    assert.ok(offers(6006, 'sign_in_other_account') && offers(6006, 'report_identity_theft'));
    assert.ok(!offers(6011, 'video_agent'), 'the video page does not offer video');
    assert.ok(offers(6013, 'start_again'));
  });

  it('idvError finds entries by id and by number, and nothing else', () => {
    for (const [code, id] of EXPECTED) {
      assert.equal(idvError(code)?.id, id);
      assert.equal(idvError(id)?.code, code);
    }
    assert.equal(idvError(404), undefined);
    assert.equal(idvError('nope' as IdvErrorId), undefined);
  });

  it('every entry has its messages in English and Spanish, through the real translator', () => {
    for (const entry of IDV_ERRORS) {
      for (const key of messageKeys(entry)) {
        assert.ok(enIdvErrors[key].trim(), `en ${key}`);
        assert.ok(esIdvErrors[key].trim(), `es ${key}`);
        assert.equal(translator('en')(key), enIdvErrors[key], `${key} not wired into catalog.ts (en)`);
        assert.equal(translator('es')(key), esIdvErrors[key], `${key} not wired into catalog.ts (es)`);
      }
      // The cause and what to try are really translated, not copied.
      assert.notEqual(esIdvErrors[entry.causeKey], enIdvErrors[entry.causeKey], `${entry.code} cause`);
      assert.notEqual(esIdvErrors[entry.tryKey], enIdvErrors[entry.tryKey], `${entry.code} try`);
    }
    assert.deepEqual(Object.keys(esIdvErrors).sort(), Object.keys(enIdvErrors).sort());
  });

  it('explains every engine reason it names, and only real engine reasons', () => {
    for (const reason of Object.keys(DOCUMENT_REASON_KEYS)) {
      assert.ok(reason in FAILURE_CODES || reason === 'required_check_not_made', reason);
      assert.ok(documentReasonKey(reason), reason);
    }
    assert.equal(documentReasonKey('image_blurry'), undefined);
    assert.equal(documentReasonKey('toString'), undefined);
    assert.equal(documentReasonKey(undefined), undefined);
  });

  it('supportReference: IDV-<code>-<6 hex>, stable per flow, different across flows, no input text', () => {
    const flowId = 'flow_0f8e7d6c-5b4a-4321-9abc-def012345678';
    const reference = supportReference(6001, flowId);
    assert.match(reference, /^IDV-6001-[0-9A-F]{6}$/);
    assert.equal(supportReference(6001, flowId), reference);
    assert.equal(supportReference(6002, flowId).slice(-6), reference.slice(-6));
    const many = new Set(Array.from({ length: 200 }, (_, i) => supportReference(6001, `flow-${i}`)));
    assert.ok(many.size >= 199, `only ${many.size} distinct references for 200 flows`);
    for (const input of [flowId, 'Maria Garcia 123-45-6789', 'ABCDEF']) {
      const ref = supportReference(6000, input);
      assert.ok(!ref.includes(input) && !ref.toLowerCase().includes(input.toLowerCase().slice(0, 6)), ref);
    }
  });

  it('giveUpOidcError: access_denied with the code only', () => {
    assert.deepEqual(giveUpOidcError(6001), {
      error: 'access_denied',
      error_description: 'Identity verification not completed (IDV-6001)',
    });
  });
});

describe('IDV error codes documentation', () => {
  const doc = readFileSync(
    new URL('../../docs/identity-verification-error-codes.md', import.meta.url),
    'utf8',
  );
  const rows = new Map(
    doc
      .split('\n')
      .filter((line) => /^\| \d{4} /.test(line))
      .map((line) => {
        const cells = line.split('|').map((cell) => cell.trim());
        return [Number(cells[1]), cells] as const;
      }),
  );

  it('has one table row per code, with its id, HTTP status and retryability', () => {
    assert.deepEqual(
      [...rows.keys()],
      EXPECTED.map(([code]) => code),
    );
    for (const entry of IDV_ERRORS) {
      const cells = rows.get(entry.code)!;
      assert.equal(cells[2], `\`${entry.id}\``, `${entry.code} id`);
      assert.equal(cells[6], String(entry.httpStatus), `${entry.code} status`);
      assert.equal(cells[7], entry.retryable ? 'yes' : 'no', `${entry.code} retryable`);
      assert.match(cells[5]!, /transcript by mail, transcript by phone/, `${entry.code} alternatives`);
    }
  });

  it('documents the give-up OIDC error', () => {
    assert.ok(doc.includes('error=access_denied'));
    assert.ok(doc.includes(giveUpOidcError(6001).error_description));
  });
});

describe('IDV error page', () => {
  const when = new Date('2026-11-26T17:30:00Z');

  for (const locale of LOCALES) {
    it(`${locale}: every code renders with its number in the h1 and title, complete, headings in order`, () => {
      for (const entry of IDV_ERRORS) {
        const reference = supportReference(entry.code, 'flow-1');
        const html = renderDocument(
          IdvErrorPage(context(locale), { entry, reference, retryHref: '/verify/retry', retryAfter: when }),
        );
        const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
        assert.match(h1, new RegExp(`^Error ${entry.code}: \\S`), `${entry.code} h1: ${h1}`);
        assert.match(html, new RegExp(`<title>Error ${entry.code}: `), `${entry.code} title`);
        assert.ok(html.includes(reference), `${entry.code} reference`);
        assertComplete(html, `${locale} ${entry.code}`);
        assertHeadingOrder(html, `${locale} ${entry.code}`);
        // Offline options are always there: the phone line and Form 4506-T.
        assert.ok(
          html.includes('href="tel:+18009089946"') && html.includes('800-908-9946'),
          `${entry.code} phone`,
        );
        assert.ok(html.includes('4506-T'), `${entry.code} form`);
        // The retry button only for retryable codes.
        assert.equal(html.includes('href="/verify/retry"'), entry.retryable, `${entry.code} retry button`);
      }
    });
  }

  it('shows the video call as "not available yet", never as a link, unless the flow gives one', () => {
    const entry = idvError('document_not_verified')!;
    const html = renderDocument(IdvErrorPage(context(), { entry, reference: 'IDV-6000-ABCDEF' }));
    const item = /<li[^>]*data-alternative="video_agent"[^>]*>([\s\S]*?)<\/li>/.exec(html)?.[1] ?? '';
    assert.match(item, /Not available yet/);
    assert.doesNotMatch(item, /<a /);
    const linked = renderDocument(
      IdvErrorPage(context(), {
        entry,
        reference: 'IDV-6000-ABCDEF',
        alternativeHrefs: { video_agent: '/verify/video' },
      }),
    );
    assert.ok(linked.includes('href="/verify/video"'));
    assert.ok(
      renderDocument(IdvErrorPage(context('es'), { entry, reference: 'x' })).includes(
        'Todavía no disponible',
      ),
    );
  });

  it('limits say when to try again, in the person’s language', () => {
    const entry = idvError(6002)!;
    const en = text(renderDocument(IdvErrorPage(context('en'), { entry, reference: 'r', retryAfter: when })));
    assert.match(en, /You can try again after Nov 26, 2026, 12:30\sPM EST\./);
    const es = text(renderDocument(IdvErrorPage(context('es'), { entry, reference: 'r', retryAfter: when })));
    assert.match(es, /Puede intentarlo de nuevo después de: 26 nov 2026/);
  });

  it('6000 adds one sentence for each known engine reason, and ignores others', () => {
    const entry = idvError(6000)!;
    for (const [reason, key] of Object.entries(DOCUMENT_REASON_KEYS)) {
      const html = renderDocument(IdvErrorPage(context(), { entry, reason, reference: 'r' }));
      assert.ok(text(html).includes(enIdvErrors[key]), reason);
    }
    const plain = renderDocument(IdvErrorPage(context(), { entry, reason: 'mystery_code', reference: 'r' }));
    assert.doesNotMatch(plain, /What we found|mystery_code/);
    // The reason is for 6000 only.
    const other = renderDocument(
      IdvErrorPage(context(), { entry: idvError(6001)!, reason: 'document_expired', reference: 'r' }),
    );
    assert.doesNotMatch(other, /What we found/);
  });

  it('offers "Return to <agency>": a POST to giveUpAction with the code and the CSRF field', () => {
    const entry = idvError(6001)!;
    const html = renderDocument(
      IdvErrorPage(context(), {
        entry,
        reference: 'r',
        agencyName: 'Tax Agency Online Account',
        giveUpAction: '/verify/give-up',
      }),
    );
    const form = /<form method="post" action="\/verify\/give-up">([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
    assert.match(form, /<input type="hidden" name="_csrf" value="csrf-token-value"\/>/);
    assert.match(form, /<input type="hidden" name="code" value="6001"\/>/);
    assert.match(form, /Return to Tax Agency Online Account/);
    const without = renderDocument(IdvErrorPage(context(), { entry, reference: 'r' }));
    assert.doesNotMatch(without, /Return to|name="code"/);
  });

  it('6006 links to signing in, recovery and both identity-theft sites', () => {
    const html = renderDocument(IdvErrorPage(context(), { entry: idvError(6006)!, reference: 'r' }));
    for (const href of [
      '/sign-in',
      '/forgot-password',
      'https://www.irs.gov/identity-theft-central',
      'https://www.identitytheft.gov/',
    ]) {
      assert.ok(html.includes(`href="${href}"`), href);
    }
  });
});

describe('IDV error help page', () => {
  for (const locale of LOCALES) {
    it(`${locale}: lists every code with a link, explains the options and a path without photos`, () => {
      const html = renderDocument(IdvErrorIndexPage(context(locale), { entries: IDV_ERRORS }));
      for (const entry of IDV_ERRORS) {
        assert.match(
          html,
          new RegExp(`<a class="usa-link" href="/verify/errors/${entry.code}">Error ${entry.code}: `),
        );
      }
      assert.ok(html.includes('href="tel:+18009089946"'));
      assert.ok(html.includes(translator(locale)('idv.error.notAvailableYet')));
      assert.ok(html.includes(translator(locale)('idv.error.index.inPerson.title')));
      assertComplete(html, `${locale} index`);
      assertHeadingOrder(html, `${locale} index`);
    });
  }
});

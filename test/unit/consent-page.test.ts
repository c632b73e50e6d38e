// The consent screen lists exactly what the agency will receive, one label per scope, in
// English and Spanish; verified-only attributes say so until the identity is verified. The
// "Connected agencies" list uses the same labels. (Pure rendering; no server.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { translator, type Locale } from '#platform/i18n/catalog.ts';
import type { PageContext } from '#platform/ui/page-context.ts';
import { renderDocument } from '#platform/ui/render.ts';
import { SUPPORTED_SCOPES, VERIFIED_ONLY_SCOPES } from '../../apps/identity/src/federation/scopes.ts';
import { ConsentPage } from '../../apps/identity/src/views/consent-page.tsx';
import { ATTRIBUTE_LABELS } from '../../apps/identity/src/views/agency-attributes.tsx';
import {
  ConnectedAgenciesPage,
  RevokeAgencyPage,
  type ConnectedAgency,
} from '../../apps/identity/src/views/connected-agencies-pages.tsx';

const context = (locale: Locale = 'en'): PageContext => ({
  locale,
  t: translator(locale),
  csrfToken: 'csrf-token-value',
  path: '/interaction/abc',
});

/** The attribute list items: [scope, text without tags], in page order. */
function attributes(html: string): [string, string][] {
  return [...html.matchAll(/<li data-scope="([^"]+)">(.*?)<\/li>/g)].map((m) => [
    m[1]!,
    m[2]!.replace(/<[^>]+>/g, ''),
  ]);
}

const render = (scopes: string[], verified?: boolean, locale: Locale = 'en') =>
  renderDocument(
    ConsentPage(context(locale), {
      uid: 'abc',
      agencyName: 'Tax Agency Online Account',
      scopes,
      ...(verified === undefined ? {} : { verified }),
    }),
  );

describe('consent page', () => {
  it('lists each requested attribute once, in a stable order, and nothing it did not ask for', () => {
    const html = render(['email', 'openid', 'profile:name', 'unknown-scope', 'email'], true);
    assert.deepEqual(attributes(html), [
      ['openid', 'A unique identifier for you at this agency (not shared with other agencies)'],
      ['email', 'Your email address'],
      ['profile:name', 'Your name'],
    ]);
    assert.doesNotMatch(html, /unknown-scope/);
  });

  it('labels every supported scope', () => {
    assert.deepEqual(attributes(render([...SUPPORTED_SCOPES], true)), [
      ['openid', 'A unique identifier for you at this agency (not shared with other agencies)'],
      ['email', 'Your email address'],
      ['profile:name', 'Your name'],
      ['profile:birthdate', 'Your date of birth'],
      ['profile', 'Your name and date of birth'],
      ['address', 'Your address'],
      ['phone', 'Your phone number'],
      ['social_security_number', 'Your Social Security number or ITIN'],
    ]);
    for (const locale of ['en', 'es'] as const) {
      const labels = SUPPORTED_SCOPES.map((scope) => translator(locale)(ATTRIBUTE_LABELS[scope]));
      assert.equal(new Set(labels).size, SUPPORTED_SCOPES.length, `${locale}: one distinct label per scope`);
    }
  });

  it('marks verified-only attributes "(once you verify your identity)" when not verified, and by default', () => {
    for (const html of [render([...SUPPORTED_SCOPES], false), render([...SUPPORTED_SCOPES])]) {
      const marked = attributes(html)
        .filter(([, text]) => text.endsWith(' (once you verify your identity)'))
        .map(([scope]) => scope);
      assert.deepEqual(marked.sort(), [...VERIFIED_ONLY_SCOPES].sort());
      assert.ok(marked.includes('social_security_number'));
      assert.ok(!marked.includes('email') && !marked.includes('openid'));
    }
  });

  it('marks nothing once the identity is verified', () => {
    const html = render([...SUPPORTED_SCOPES], true);
    assert.doesNotMatch(html, /once you verify your identity/);
    assert.doesNotMatch(html, /data-verified-only/);
  });

  it('says consent is remembered for one year and where to revoke it; keeps Allow and Don’t allow', () => {
    const html = render(['openid', 'email'], true);
    assert.match(html, /remember your choice for one year/);
    assert.match(html, /under “Connected agencies” on your account page/);
    assert.match(html, /<form method="post" action="\/interaction\/abc\/consent"/);
    assert.match(html, /name="_csrf" value="csrf-token-value"/);
    assert.match(html, /name="decision" value="allow"/);
    assert.match(html, /name="decision" value="deny"/);
  });

  it('speaks Spanish', () => {
    const html = render(['openid', 'social_security_number'], false, 'es');
    assert.deepEqual(attributes(html), [
      ['openid', 'Un identificador único para usted en esta agencia (no se comparte con otras agencias)'],
      ['social_security_number', 'Su número de Seguro Social o ITIN (cuando verifique su identidad)'],
    ]);
    assert.match(html, /durante un año/);
    assert.match(html, /“Agencias conectadas”/);
  });

  it('escapes the agency name', () => {
    const html = renderDocument(
      ConsentPage(context(), { uid: 'abc', agencyName: '<script>alert(1)</script>', scopes: ['openid'] }),
    );
    assert.ok(!html.includes('<script>alert(1)'), html);
  });
});

describe('connected agencies', () => {
  const agency: ConnectedAgency = {
    clientId: 'tax-account',
    name: 'Tax Agency Online Account',
    scopes: ['openid', 'email', 'address'],
    grantedAt: new Date('2026-11-25T15:00:00Z'),
    expiresAt: new Date('2027-11-25T15:00:00Z'),
    lastSignInAt: null,
  };

  it('shows what each agency receives, when consent was given and ends, and its last sign-in', () => {
    const html = renderDocument(ConnectedAgenciesPage(context(), { agencies: [agency] }));
    assert.deepEqual(
      attributes(html).map(([scope]) => scope),
      ['openid', 'email', 'address'],
    );
    assert.doesNotMatch(html, /once you verify/, 'the account page lists labels only');
    assert.match(html, /<dd data-granted-at="true">Nov 25, 2026, 10:00\sAM<\/dd>/);
    assert.match(html, /<dd data-expires-at="true">Nov 25, 2027, 10:00\sAM<\/dd>/);
    assert.match(html, /<dd data-last-sign-in="true">Never<\/dd>/);
    assert.match(html, /href="\/account\/connected-agencies\/tax-account\/revoke"/);
    assert.match(html, /aria-label="Revoke: Tax Agency Online Account"/);
  });

  it('formats dates in Spanish and shows a success alert after a revoke', () => {
    const html = renderDocument(
      ConnectedAgenciesPage(context('es'), {
        agencies: [{ ...agency, lastSignInAt: new Date('2026-12-01T20:30:00Z') }],
        revokedAgency: 'Benefits Agency',
      }),
    );
    assert.match(html, /<dd data-last-sign-in="true">1 dic 2026, 3:30\sp\.\s?m\.<\/dd>/);
    assert.match(html, /usa-alert--success/);
    assert.match(html, /Dejó de compartir su información con Benefits Agency/);
  });

  it('says so when there is no agency', () => {
    const html = renderDocument(ConnectedAgenciesPage(context(), { agencies: [] }));
    assert.match(html, /You are not sharing your information with any agency/);
  });

  it('confirms before revoking, with a CSRF-protected POST', () => {
    const html = renderDocument(RevokeAgencyPage(context(), { agency }));
    assert.match(html, /Stop sharing with Tax Agency Online Account\?/);
    assert.match(html, /The agency will have to ask again next time/);
    assert.match(html, /<form method="post" action="\/account\/connected-agencies\/tax-account\/revoke"/);
    assert.match(html, /name="_csrf" value="csrf-token-value"/);
  });
});

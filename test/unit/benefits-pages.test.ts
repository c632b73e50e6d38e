// The benefits agency's callback problems and pages, rendered without a server: every problem
// says what happened in plain language with a way on, and what came from outside is escaped.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { translator, type Locale } from '#platform/i18n/catalog.ts';
import type { PageContext } from '#platform/ui/page-context.ts';
import { renderDocument } from '#platform/ui/render.ts';
import {
  identityProviderProblem,
  NOT_COMPLETED,
  PROVIDER_DOWN,
  STALE_SIGN_IN,
} from '../../apps/benefits/src/oidc/callback-errors.ts';
import {
  HomePage,
  IdentityNotConfirmedPage,
  SignedInPage,
  SignedOutPage,
  SignInProblemPage,
} from '../../apps/benefits/src/views/benefits-pages.tsx';

const context = (locale: Locale = 'en'): PageContext => ({
  locale,
  t: translator(locale),
  csrfToken: 'csrf-token-value',
  path: '/',
});

describe('benefits callback problems', () => {
  const known: [string, number][] = [
    ['access_denied', 400],
    ['unmet_authentication_requirements', 400],
    ['login_required', 400],
    ['interaction_required', 400],
    ['consent_required', 400],
    ['temporarily_unavailable', 503],
    ['server_error', 503],
  ];
  for (const [error, status] of known) {
    it(`${error}: its own code, a specific message and status ${status}`, () => {
      const problem = identityProviderProblem(error);
      assert.equal(problem.code, error);
      assert.equal(problem.status, status);
      assert.notEqual(problem.messageKey, 'benefits.problem.unknownError');
    });
  }

  it('an unknown error is never echoed back: a fixed code and a generic message', () => {
    for (const error of ['<script>', 'invalid_request', 'toString', '__proto__', '']) {
      const problem = identityProviderProblem(error);
      assert.equal(problem.code, 'E400-IDP', error);
      assert.equal(problem.messageKey, 'benefits.problem.unknownError');
    }
  });

  it('each problem reads differently (no one-size-fits-all message)', () => {
    const keys = [
      ...known.map(([error]) => identityProviderProblem(error).messageKey),
      STALE_SIGN_IN.messageKey,
      NOT_COMPLETED.messageKey,
    ];
    assert.ok(new Set(keys).size >= 6);
    assert.equal(PROVIDER_DOWN.status, 503);
  });
});

describe('benefits pages', () => {
  it('home: a demo agency with a sign-in button, in English and Spanish', () => {
    const en = renderDocument(HomePage(context('en')));
    assert.match(en, /State Benefits Agency \(demo\)/);
    assert.match(
      en,
      /<a class="usa-button usa-button--big" href="\/sign-in"[^>]*>Sign in with the identity provider</,
    );
    const es = renderDocument(HomePage(context('es')));
    assert.match(es, /<html lang="es">/);
    assert.match(es, /Iniciar sesión con el proveedor de identidad/);
  });

  it('signed in: greets by email and lists what was received, escaped', () => {
    const html = renderDocument(
      SignedInPage(
        context(),
        {
          sub: 'pairwise-<b>sub</b>',
          email: 'maria.garcia@example.com',
          ial: 'urn:tia:ial:auth-only',
          aal: 'urn:tia:aal:2',
          acr: 'urn:tia:ial:auth-only',
        },
        15,
      ),
    );
    assert.match(html, /<h1>Hello, maria.garcia@example.com<\/h1>/);
    assert.match(html, /pairwise-&lt;b>sub&lt;\/b>/);
    assert.ok(!html.includes('<b>sub</b>'));
    assert.match(html, /urn:tia:aal:2/);
    assert.match(html, /15 minutes after signing in/);
    assert.match(html, /<form method="post" action="\/sign-out">/);
    assert.match(html, /name="_csrf" value="csrf-token-value"/);
  });

  it('signed in without ial/aal/acr/email: says "Not provided" rather than leaving gaps', () => {
    const html = renderDocument(SignedInPage(context(), { sub: 'abc' }, 15));
    assert.match(html, /<h1>Hello<\/h1>/);
    assert.equal(html.match(/Not provided/g)?.length, 4);
  });

  it('a sign-in problem: plain language, the code, and ways on (try again, home, other ways)', () => {
    const html = renderDocument(SignInProblemPage(context(), identityProviderProblem('access_denied')));
    assert.match(html, /We could not sign you in/);
    assert.match(html, /Nothing was shared/);
    assert.match(html, /Error code access_denied/);
    assert.match(html, /href="\/sign-in"[^>]*>Try again</);
    assert.match(html, /href="\/"[^>]*>Go to the home page</);
    assert.match(html, /href="\/failed"/);
  });

  it('failure_url and signed-out pages offer a way back', () => {
    const failed = renderDocument(IdentityNotConfirmedPage(context()));
    assert.match(failed, /We could not confirm your identity/);
    assert.match(failed, /href="\/sign-in"/);
    const signedOut = renderDocument(SignedOutPage(context()));
    assert.match(signedOut, /You have signed out/);
    assert.match(signedOut, /href="\/sign-in"/);
  });
});

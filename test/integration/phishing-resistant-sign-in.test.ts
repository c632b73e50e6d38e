// An agency registered for phishing-resistant sign-ins (AAL2 with a passkey or security key):
// a person who signed in with an emailed code is not sent back as if it were enough. She sees
// what the agency asks for and the ways on; going back tells the agency, with an error it can
// handle; signing in again ends this session and starts over inside the same request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as oidc from 'openid-client';
import { createTestClock } from '#platform/time/clock.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import {
  MARIA,
  createBrowser,
  describeLanding,
  isSignInPage,
  registerTestAgency,
  signIn,
  type PersonDriver,
  type TestAgency,
} from '../support/oidc-test-agency.ts';

describe('a phishing-resistant agency and a sign-in with an emailed code', { timeout: 90_000 }, () => {
  const clock = createTestClock(new Date());
  let system: TestSystem;
  let driver: PersonDriver;
  let agency: TestAgency;

  before(async () => {
    system = await startTestSystem({ clock });
    driver = { server: system.identity.server, clock };
    agency = await registerTestAgency(system, {
      clientId: 'strict-agency',
      authMethod: 'client_secret_basic',
      ial: 1,
      scopes: ['openid', 'email'],
      phishingResistant: true,
    });
    await system.identity.refreshAgencies();
  });
  after(() => system?.stop());

  const authUrl = () =>
    `/oidc/auth?${new URLSearchParams({
      client_id: agency.clientId,
      response_type: 'code',
      scope: 'openid email',
      redirect_uri: agency.redirectUri,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
    })}`;

  it('without a key: says what the agency asks for, offers to add one, and going back tells the agency', async () => {
    const browser = createBrowser(system.identity.server, system.identityUrl);
    const landing = await signIn(driver, browser, await browser.follow(authUrl()), MARIA);
    assert.equal(landing.kind, 'page', describeLanding(landing));
    const page = landing as Extract<typeof landing, { kind: 'page' }>;
    assert.match(page.path, /^\/interaction\/[^/]+\/phishing-resistant$/);
    assert.match(page.body, /asks for a passkey or security key/);
    // Maria has no key yet: she is offered to add one, or to go back.
    assert.match(page.body, /href="\/mfa-setup\/webauthn"/);
    assert.doesNotMatch(page.body, /sign-in-again/);
    const uid = /\/interaction\/([^/]+)\/phishing-resistant/.exec(page.path)![1]!;

    const back = await browser.post(`/interaction/${uid}/abort`, {});
    const landed = await browser.continueFrom(back);
    assert.equal(landed.kind, 'agency', describeLanding(landed));
    const params = (landed as { url: URL }).url.searchParams;
    assert.equal(params.get('error'), 'unmet_authentication_requirements');
    assert.match(params.get('error_description') ?? '', /phishing-resistant/);
  });

  it('with a key on the account, offers to sign in again, which starts over in the same request', async () => {
    const account = await system.identity.accounts.findByEmail(MARIA.email);
    assert.ok(account);
    // A passkey row is enough for the offer (signing with it is covered by the browser tests).
    await system.identity.db.query(
      `INSERT INTO mfa_methods (id, account_id, kind, label, created_at)
       VALUES (gen_random_uuid(), $1, 'webauthn', 'Test key', now())`,
      [account.id],
    );
    const browser = createBrowser(system.identity.server, system.identityUrl);
    const landing = await signIn(driver, browser, await browser.follow(authUrl()), MARIA);
    const page = landing as Extract<typeof landing, { kind: 'page' }>;
    assert.match(page.path ?? '', /phishing-resistant$/, describeLanding(landing));
    const uid = /\/interaction\/([^/]+)\/phishing-resistant/.exec(page.path)![1]!;
    assert.match(page.body, new RegExp(`action="/interaction/${uid}/sign-in-again"`));
    const again = await browser.continueFrom(await browser.post(`/interaction/${uid}/sign-in-again`, {}));
    assert.ok(isSignInPage(again), describeLanding(again));
    assert.equal((again as { path: string }).path, `/interaction/${uid}`);
  });
});

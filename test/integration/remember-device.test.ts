// "Remember this browser" (issue #3), over HTTP. The box is offered only inside the request of an
// agency that accepts AAL1; a remembered browser then needs only the password there (the agency
// receives amr ["pwd"] and aal urn:tia:aal:1), and nowhere else: AAL2 agencies (by single sign-on
// or a fresh sign-in), the account page, another account on the same browser. Forgetting (the
// account page, sign out everywhere, a password reset, a lock) and the 30-day expiry (test clock;
// oidc-provider keeps real time, so later sign-ins use prompt=login) end it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as oidc from 'openid-client';
import { createTestClock } from '#platform/time/clock.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import {
  clientConfiguration,
  consent,
  createBrowser,
  describeLanding,
  isConsentPage,
  isSignInPage,
  registerTestAgency,
  type Browser,
  type Landing,
  type Page,
  type Person,
  type TestAgency,
} from '../support/oidc-test-agency.ts';

const DAY = 24 * 3600;
const REMEMBER_BOX = /name="rememberDevice"/;

interface TestPerson extends Person {
  id: string;
}

interface AuthRequest {
  agency: TestAgency;
  url: URL;
  state: string;
  nonce: string;
}

describe('remember this browser (AAL1 agencies only)', { timeout: 240_000 }, () => {
  const clock = createTestClock(new Date());
  let system: TestSystem;
  let aal1: TestAgency;
  let aal2: TestAgency;
  const configs = new Map<string, oidc.Configuration>();
  let people = 0;

  before(async () => {
    system = await startTestSystem({ clock });
    aal1 = await registerTestAgency(system, {
      clientId: 'library-card',
      authMethod: 'client_secret_basic',
      ial: 1,
      aal: 1,
      scopes: ['openid', 'email'],
    });
    aal2 = await registerTestAgency(system, {
      clientId: 'parking-permits',
      authMethod: 'client_secret_basic',
      ial: 1,
      scopes: ['openid', 'email'],
    });
    await system.identity.refreshAgencies();
    for (const agency of [aal1, aal2])
      configs.set(agency.clientId, await clientConfiguration(system, agency));
  });
  after(() => system?.stop());

  /** A new account: a password and an emailed code as its one method. */
  async function newPerson(): Promise<TestPerson> {
    people += 1;
    const { identity } = system;
    const email = `remember.person${people}@example.com`;
    const password = `quiet-lantern-orchard-${people}7`;
    const passwordHash = await identity.hasher.hash(password);
    const account = await identity.db.transaction((tx) =>
      identity.accounts.create(tx, {
        email,
        givenName: 'Rosalind',
        familyName: `Okafor${people}`,
        passwordHash,
      }),
    );
    await identity.mfa.addCodeMethod(account.id, 'email', email, 'Email');
    return { email, password, id: account.id };
  }

  const newBrowser = () => createBrowser(system.identity.server, system.identityUrl);

  function request(agency: TestAgency, extra: Record<string, string> = {}): AuthRequest {
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configs.get(agency.clientId)!, {
      redirect_uri: agency.redirectUri,
      scope: 'openid email',
      state,
      nonce,
      ...extra,
    });
    return { agency, url, state, nonce };
  }

  async function outbox(): Promise<{ recipient: string; subject: string; body: string }[]> {
    const response = await system.identity.server.inject({
      method: 'GET',
      url: '/dev/outbox.json',
      remoteAddress: '10.79.0.1',
    });
    return response.json().messages;
  }

  async function latestEmail(recipient: string, body: RegExp): Promise<string> {
    const message = (await outbox()).find((m) => m.recipient === recipient && body.test(m.body));
    assert.ok(message, `an email to ${recipient} matching ${body}`);
    return message.body;
  }

  /** The password on the sign-in page of an agency's request. */
  async function enterPassword(browser: Browser, landing: Landing, person: Person) {
    assert.ok(isSignInPage(landing), `expected the sign-in page, got ${describeLanding(landing)}`);
    const action = /action="(\/interaction\/[^"/]+\/sign-in)"/.exec(landing.body)![1]!;
    const base = action.slice(0, -'/sign-in'.length);
    const answer = await browser.post(action, { email: person.email, password: person.password });
    assert.equal(answer.status, 303, `the password step answered ${answer.status}`);
    return { base, answer };
  }

  /** Sends an emailed code and opens the page to enter it (`base`: an agency's request, or ''). */
  async function openCodePage(browser: Browser, base: string) {
    const choose = await browser.get(`${base}/mfa`);
    const methodId = /name="methodId" value="([^"]+)"/.exec(choose.body)?.[1];
    assert.ok(methodId, `the second-factor page lists a method (${choose.status})`);
    clock.advance(11); // at most 2 codes per 10 s
    const started = await browser.post(`${base}/mfa/start`, { methodId });
    assert.equal(started.status, 303, `sending the code answered ${started.status}`);
    const challengeId = started.location!.searchParams.get('challenge') ?? '';
    const page = await browser.get(started.location!);
    assert.equal(page.status, 200);
    return { page, methodId, challengeId };
  }

  async function enterCode(
    browser: Browser,
    base: string,
    person: Person,
    opened: { methodId: string; challengeId: string },
    remember: boolean,
  ): Promise<Page> {
    const code = /one-time code is (\d{6})/.exec(
      await latestEmail(person.email, /one-time code is \d{6}/),
    )![1]!;
    const verified = await browser.post(`${base}/mfa/${opened.methodId}`, {
      code,
      challengeId: opened.challengeId,
      ...(remember ? { rememberDevice: 'yes' } : {}),
    });
    assert.equal(verified.status, 303, `the code was refused (${verified.status})`);
    return verified;
  }

  /** Consents if asked, and expects to be back at the agency. */
  async function backAtAgency(browser: Browser, landing: Landing): Promise<URL> {
    const last = isConsentPage(landing) ? await consent(browser, landing) : landing;
    assert.equal(last.kind, 'agency', describeLanding(last));
    return (last as Extract<Landing, { kind: 'agency' }>).url;
  }

  /**
   * What the agency learns: the ID token's claims and userinfo, and the sign-in's `amr` behind
   * them (oidc-provider keeps it with the code; the ID token carries `aal`, derived from it).
   */
  async function redeem(auth: AuthRequest, callback: URL) {
    const [code] = await system.identity.db.query<{ amr: string[] }>(
      `SELECT payload -> 'amr' AS amr FROM oidc_models WHERE model = 'AuthorizationCode' AND id = $1`,
      [callback.searchParams.get('code')],
    );
    const config = configs.get(auth.agency.clientId)!;
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      expectedState: auth.state,
      expectedNonce: auth.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    return { claims, userinfo, amr: code?.amr };
  }

  /** A full sign-in with password and code at `auth`'s agency, ticking the box when asked. */
  async function signInWithCode(browser: Browser, auth: AuthRequest, person: Person, remember: boolean) {
    const { base, answer } = await enterPassword(browser, await browser.follow(auth.url), person);
    assert.equal(answer.location?.pathname, `${base}/mfa`, 'the second factor is asked for');
    const opened = await openCodePage(browser, base);
    const verified = await enterCode(browser, base, person, opened, remember);
    return {
      opened,
      verified,
      ...(await redeem(auth, await backAtAgency(browser, await browser.continueFrom(verified)))),
    };
  }

  /** A sign-in at the AAL1 agency (prompt=login: the password again) expected to skip the second factor. */
  async function signInRemembered(browser: Browser, person: Person) {
    const auth = request(aal1, { prompt: 'login' });
    const { base, answer } = await enterPassword(browser, await browser.follow(auth.url), person);
    assert.notEqual(answer.location?.pathname, `${base}/mfa`, 'no second factor on a remembered browser');
    return redeem(auth, await backAtAgency(browser, await browser.continueFrom(answer)));
  }

  /** A sign-in (prompt=login) at `agency` expected to ask for the second factor after the password. */
  async function expectSecondFactor(browser: Browser, agency: TestAgency, person: Person) {
    const auth = request(agency, { prompt: 'login' });
    const { base, answer } = await enterPassword(browser, await browser.follow(auth.url), person);
    assert.equal(answer.location?.pathname, `${base}/mfa`, 'the second factor is asked for');
  }

  /** Signs out at the agency (RP-initiated logout), which ends the sessions on this browser. */
  async function signOutAtAgency(browser: Browser, agency: TestAgency) {
    const confirm = await browser.get(`/oidc/session/end?client_id=${agency.clientId}`);
    const action = /<form method="post" action="([^"]+)"/.exec(confirm.body)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.body)?.[1];
    assert.ok(action && xsrf, `the logout confirmation (${confirm.status})`);
    const done = await browser.continueFrom(await browser.post(action, { xsrf, logout: 'yes' }));
    assert.equal(done.kind, 'page', describeLanding(done));
  }

  /** A browser remembered for `person`, after a sign-in at the AAL1 agency with the box ticked. */
  async function rememberedBrowser(person: TestPerson): Promise<Browser> {
    const browser = newBrowser();
    await signInWithCode(browser, request(aal1), person, true);
    assert.ok(browser.cookie('idp_remember'), 'the browser got the idp_remember cookie');
    return browser;
  }

  async function rememberedRows(accountId: string) {
    return system.identity.db.query<{
      token_hash: string;
      device_id: string;
      created_at: Date;
      expires_at: Date;
      last_used_at: Date | null;
    }>(
      'SELECT token_hash, device_id, created_at, expires_at, last_used_at FROM remembered_devices WHERE account_id = $1',
      [accountId],
    );
  }

  it('offers the box only inside the request of an agency that accepts AAL1', async () => {
    const person = await newPerson();

    const atAal1 = newBrowser();
    const auth = request(aal1);
    const { base } = await enterPassword(atAal1, await atAal1.follow(auth.url), person);
    const { page } = await openCodePage(atAal1, base);
    assert.match(page.body, REMEMBER_BOX);
    assert.match(page.body, /Remember this browser for 30 days/);
    assert.match(
      page.body,
      /Only agencies that allow it will then sign you in on this browser with your password alone/,
    );

    // An AAL2 agency; the AAL1 agency asking for AAL2; the identity provider's own pages.
    for (const [where, url] of [
      ['an AAL2 agency', request(aal2).url],
      ['the AAL1 agency asking for urn:tia:aal:2', request(aal1, { acr_values: 'urn:tia:aal:2' }).url],
    ] as const) {
      const browser = newBrowser();
      const step = await enterPassword(browser, await browser.follow(url), person);
      const opened = await openCodePage(browser, step.base);
      assert.doesNotMatch(opened.page.body, REMEMBER_BOX, where);
      // A box ticked anyway (a forged form) remembers nothing.
      await enterCode(browser, step.base, person, opened, true);
      assert.equal(browser.cookie('idp_remember'), undefined, where);
    }
    const own = newBrowser();
    await own.get('/sign-in');
    const signedIn = await own.post('/sign-in', { email: person.email, password: person.password });
    assert.equal(signedIn.location?.pathname, '/mfa');
    const opened = await openCodePage(own, '');
    assert.doesNotMatch(opened.page.body, REMEMBER_BOX, 'the account pages');
    await enterCode(own, '', person, opened, true);
    assert.equal(own.cookie('idp_remember'), undefined);
    assert.equal((await rememberedRows(person.id)).length, 0);
  });

  it('remembers for 30 days (token hashed, httpOnly Lax cookie); the next sign-in there needs only the password, and the agency gets amr pwd and aal 1', async () => {
    const person = await newPerson();
    const browser = newBrowser();
    const first = await signInWithCode(browser, request(aal1), person, true);
    const cookie = ([] as string[])
      .concat((first.verified.headers['set-cookie'] as string | string[] | undefined) ?? [])
      .find((line) => line.startsWith('idp_remember='));
    assert.ok(cookie, 'Set-Cookie idp_remember');
    assert.match(cookie, /; Max-Age=2592000/);
    assert.match(cookie, /; Path=\//);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.doesNotMatch(cookie, /; Secure/, 'Secure only on https');
    // The sign-in that remembered was a full one.
    assert.deepEqual(first.amr, ['pwd', 'otp']);
    assert.equal(first.claims.aal, 'urn:tia:aal:2');
    assert.equal(first.userinfo.aal, 'urn:tia:aal:2');

    const [row, ...others] = await rememberedRows(person.id);
    assert.ok(row);
    assert.equal(others.length, 0);
    assert.notEqual(row.token_hash, browser.cookie('idp_remember'), 'only a hash is stored');
    assert.equal(row.expires_at.getTime() - row.created_at.getTime(), 30 * DAY * 1000);
    assert.equal(row.device_id, browser.cookie('idp_device'));
    assert.equal(row.last_used_at, null);

    const next = await signInRemembered(browser, person);
    assert.deepEqual(next.amr, ['pwd']);
    assert.equal(next.claims.acr, 'urn:tia:ial:auth-only');
    assert.equal(next.claims.aal, 'urn:tia:aal:1', 'the ID token says AAL1');
    assert.equal(next.userinfo.aal, 'urn:tia:aal:1', 'userinfo too');
    assert.equal(next.userinfo.ial, 'urn:tia:ial:auth-only');
    assert.ok((await rememberedRows(person.id))[0]!.last_used_at, 'last used is recorded');
    const kinds = await system.identity.db.query<{ kind: string }>(
      'SELECT kind FROM security_events WHERE account_id = $1 ORDER BY id',
      [person.id],
    );
    assert.equal(kinds.filter((k) => k.kind === 'sign_in').length, 2, 'both sign-ins are in the history');
  });

  it('still needs the second factor at an AAL2 agency (single sign-on or fresh), and for the account page', async () => {
    const person = await newPerson();
    const browser = await rememberedBrowser(person);
    await signInRemembered(browser, person);

    // Single sign-on from a password-only sign-in: the AAL2 agency gets the second-factor page.
    const auth = request(aal2);
    const landing = await browser.follow(auth.url);
    assert.equal(landing.kind, 'page', describeLanding(landing));
    const page = landing as Extract<Landing, { kind: 'page' }>;
    assert.match(page.path, /^\/interaction\/[^/]+\/mfa$/, describeLanding(landing));
    const base = page.path.slice(0, -'/mfa'.length);
    const opened = await openCodePage(browser, base);
    assert.doesNotMatch(opened.page.body, REMEMBER_BOX);
    const verified = await enterCode(browser, base, person, opened, false);
    const signedIn = await redeem(auth, await backAtAgency(browser, await browser.continueFrom(verified)));
    assert.deepEqual(signedIn.amr, ['pwd', 'otp']);
    assert.equal(signedIn.claims.aal, 'urn:tia:aal:2');
    assert.equal(signedIn.userinfo.aal, 'urn:tia:aal:2');

    // A fresh sign-in there asks for it too.
    await expectSecondFactor(browser, aal2, person);

    // After a password-only sign-in, the account page asks for the second factor first.
    await signInRemembered(browser, person);
    const account = await browser.get('/account');
    assert.equal(account.status, 303);
    assert.equal(account.location?.pathname, '/mfa');
  });

  it('does not skip the second factor for another account on the same browser', async () => {
    const remembered = await newPerson();
    const other = await newPerson();
    const browser = await rememberedBrowser(remembered);
    const cookie = browser.cookie('idp_remember');
    await expectSecondFactor(browser, aal1, other);
    assert.equal(browser.cookie('idp_remember'), cookie, 'the other account’s remembered browser is kept');
    const again = await signInRemembered(browser, remembered);
    assert.deepEqual(again.amr, ['pwd']);

    // One cookie per browser: the other account remembering it here takes the cookie over…
    await signOutAtAgency(browser, aal1);
    await signInWithCode(browser, request(aal1), other, true);
    assert.notEqual(browser.cookie('idp_remember'), cookie);
    assert.deepEqual((await signInRemembered(browser, other)).amr, ['pwd']);
    await signOutAtAgency(browser, aal1);
    await expectSecondFactor(browser, aal1, remembered);
    // …and remembering it again for the first account replaces that account's row for this browser.
    await signOutAtAgency(browser, aal1);
    await signInWithCode(browser, request(aal1), remembered, true);
    assert.equal((await rememberedRows(remembered.id)).length, 1);
    assert.deepEqual((await signInRemembered(browser, remembered)).amr, ['pwd']);
  });

  it('forgets every remembered browser from the account page', async () => {
    const person = await newPerson();
    const browser = await rememberedBrowser(person);
    const elsewhere = await rememberedBrowser(person);
    assert.equal((await rememberedRows(person.id)).length, 2);

    const account = await browser.get('/account');
    assert.equal(account.status, 200, 'the session is at AAL2 after the sign-in that remembered');
    assert.match(account.body, /Remembered browsers/);
    assert.match(account.body, /2 browsers are remembered\./);
    assert.match(account.body, /action="\/account\/remembered-browsers\/forget"/);

    const forgot = await browser.post('/account/remembered-browsers/forget', {});
    assert.equal(forgot.status, 303);
    assert.equal(forgot.location?.pathname, '/account');
    const after = await browser.get(forgot.location!);
    assert.match(after.body, /Every remembered browser was forgotten/);
    assert.match(after.body, /No browser is remembered\./);
    assert.doesNotMatch(after.body, /action="\/account\/remembered-browsers\/forget"/);
    assert.match(after.body, /Remembered browsers forgotten/, 'in the security history');
    assert.match(
      await latestEmail(person.email, /Every browser remembered for your account was forgotten/),
      /This wasn’t me/,
    );
    assert.equal((await rememberedRows(person.id)).length, 0);

    await expectSecondFactor(browser, aal1, person);
    assert.equal(browser.cookie('idp_remember'), undefined, 'a cookie that remembers nothing is cleared');
    await expectSecondFactor(elsewhere, aal1, person);

    // Without a CSRF token, nothing happens.
    const forged = await system.identity.server.inject({
      method: 'POST',
      url: '/account/remembered-browsers/forget',
      remoteAddress: '10.79.0.2',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    assert.equal(forged.statusCode, 403);
  });

  it('forgets them on "sign out everywhere", a password reset and a "this wasn’t me" lock', async () => {
    // Sign out everywhere.
    const a = await newPerson();
    const browserA = await rememberedBrowser(a);
    await browserA.get('/account');
    const out = await browserA.post('/sign-out-everywhere', {});
    assert.equal(out.location?.pathname, '/signed-out');
    assert.equal((await rememberedRows(a.id)).length, 0, 'sign out everywhere');
    await expectSecondFactor(browserA, aal1, a);

    // A password reset (from any browser).
    const b = await newPerson();
    const browserB = await rememberedBrowser(b);
    const resetting = newBrowser();
    await resetting.get('/forgot-password');
    await resetting.post('/forgot-password', { email: b.email });
    const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(
      await latestEmail(b.email, /\/reset-password\?token=/),
    )![1]!;
    await resetting.get(`/reset-password?token=${token}`);
    const newPassword = 'amber-kettle-horizon-58';
    const reset = await resetting.post('/reset-password', {
      token,
      password: newPassword,
      passwordConfirmation: newPassword,
    });
    assert.equal(reset.location?.pathname, '/reset-password/done');
    assert.equal((await rememberedRows(b.id)).length, 0, 'a password reset');
    await expectSecondFactor(browserB, aal1, { ...b, password: newPassword });

    // "This wasn't me" from the new-sign-in email: the account is locked and forgets its browsers.
    const c = await newPerson();
    await rememberedBrowser(c);
    const notMe = /\/security\/not-me\?token=([A-Za-z0-9_%-]+)/.exec(
      await latestEmail(c.email, /\/security\/not-me\?token=/),
    )![1]!;
    const locking = newBrowser();
    await locking.get(`/security/not-me?token=${notMe}`);
    const locked = await locking.post('/security/not-me', { token: decodeURIComponent(notMe) });
    assert.equal(locked.status, 200);
    assert.equal((await rememberedRows(c.id)).length, 0, 'a lock');
  });

  it('expires 30 days after it was set, however often it was used', async () => {
    const person = await newPerson();
    const browser = await rememberedBrowser(person);
    clock.advance(29 * DAY);
    assert.deepEqual((await signInRemembered(browser, person)).amr, ['pwd'], 'day 29');
    clock.advance(1 * DAY + 60);
    await expectSecondFactor(browser, aal1, person);
    assert.equal(browser.cookie('idp_remember'), undefined, 'the expired cookie is cleared');
  });
});

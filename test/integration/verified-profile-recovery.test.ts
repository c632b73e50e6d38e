// The sealed verified profile (ADR 0014) end to end over HTTP: a sign-in to the tax account
// releases the verified claims (encrypted) for that agency; a password reset locks the profile and
// forgets the releases, so the next sign-in goes to the personal-key page instead of the agency;
// the personal key (with the new password) reactivates it and gives a new key, the old one stops
// working; a session that has not unlocked the profile is asked for the password first. Also the
// verified identity service on its own (seal, unlock, details, release, lock, reactivate).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestClock } from '#platform/time/clock.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import {
  consent,
  createBrowser,
  describeLanding,
  isConsentPage,
  isSignInPage,
  type Browser,
  type Landing,
  type Page,
  type Person,
} from '../support/oidc-test-agency.ts';
import { createHttpClient, type HttpClient } from '../support/http-client.ts';
import { createIdpSessionsRepo } from '../../apps/identity/src/db/idp-sessions-repo.ts';
import type { VerifiedDetails } from '../../apps/identity/src/db/verified-profiles-repo.ts';

const MARIA: Person = { email: 'maria.garcia@example.com', password: 'orange-tulip-harbor-42' };
const DAVID: Person = { email: 'david.okafor@example.com', password: 'amber-willow-canyon-84' };
const MARIA_NEW_PASSWORD = 'quiet-lantern-orchard-91';
const PERSONAL_KEY = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const REACTIVATE_WRONG = 'That personal key or password is not right. Check them and try again.';

/** The personal key shown on a page (`<p … data-personal-key>KEY</p>`). */
const shownKey = (html: string) => /data-personal-key(?:="[^"]*")?>\s*([^<\s]+)\s*</.exec(html)?.[1];

/** Details of a made-up verified person (a number the tax agency never saw). */
function detailsFor(givenName: string, familyName: string, tin: string): VerifiedDetails {
  return {
    givenName,
    familyName,
    birthdate: '1979-08-30',
    address: {
      street_address: '7 Larch Ln',
      locality: 'Montpelier',
      region: 'VT',
      postal_code: '05602',
      country: 'US',
    },
    phone: undefined,
    tin,
    tinType: 'ssn',
  };
}

describe(
  'verified profile: release, lock on password reset, personal key, unlock',
  { timeout: 180_000 },
  () => {
    const clock = createTestClock(new Date());
    let system: TestSystem;
    let taxClientId: string;

    before(async () => {
      system = await startTestSystem({ clock });
      taxClientId = system.config.account.oidc.clientId;
    });

    after(async () => {
      await system?.stop();
    });

    // --- Helpers ---------------------------------------------------------------------------------

    const accountIdOf = async (email: string) => {
      const account = await system.identity.accounts.findByEmail(email);
      assert.ok(account, `an account for ${email}`);
      return account.id;
    };

    const releasesOf = (accountId: string) =>
      system.identity.db.query<{ client_id: string; claims_enc: string }>(
        'SELECT client_id, claims_enc FROM claim_releases WHERE account_id = $1',
        [accountId],
      );

    const lockedAt = async (accountId: string) => {
      const rows = await system.identity.db.query<{ locked_at: Date | null }>(
        'SELECT locked_at FROM verified_profiles WHERE account_id = $1',
        [accountId],
      );
      assert.equal(rows.length, 1, 'one verified profile');
      return rows[0]!.locked_at;
    };

    interface Outbox {
      messages: { recipient: string; subject: string; body: string }[];
    }
    const outbox = async () =>
      (
        await system.identity.server.inject({
          method: 'GET',
          url: '/dev/outbox.json',
          remoteAddress: '10.79.0.1',
        })
      ).json<Outbox>().messages;

    /** A new account with an email-code second factor and a profile sealed with `password`. */
    async function createVerifiedPerson(email: string, password: string, details: VerifiedDetails) {
      const id = system.identity;
      const passwordHash = await id.hasher.hash(password);
      const account = await id.db.transaction((tx) =>
        id.accounts.create(tx, {
          email,
          givenName: details.givenName,
          familyName: details.familyName,
          passwordHash,
        }),
      );
      await id.mfa.addCodeMethod(account.id, 'email', email, 'Email');
      const sealed = await id.verifiedIdentity.seal({
        accountId: account.id,
        level: 'verified',
        method: 'test',
        password,
        details,
        verifiedAt: new Date('2026-02-02T15:00:00Z'),
      });
      assert.ok(sealed.ok, 'sealed');
      assert.match(sealed.personalKey, PERSONAL_KEY);
      return { accountId: account.id, personalKey: sealed.personalKey };
    }

    /** Forgot password → the emailed link → a new password. */
    async function resetPassword(email: string, newPassword: string) {
      const browser = createBrowser(system.identity.server, system.identityUrl);
      await browser.get('/forgot-password');
      const asked = await browser.post('/forgot-password', { email });
      assert.equal(asked.status, 303, 'forgot password');
      const mail = (await outbox()).find((m) => m.recipient === email && m.subject === 'Reset your password');
      const link = /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(mail?.body ?? '')?.[0];
      assert.ok(link, `a reset link to ${email}`);
      const form = await browser.get(link);
      assert.equal(form.status, 200, 'the new-password form');
      const token = new URL(link).searchParams.get('token')!;
      const done = await browser.post('/reset-password', {
        token,
        password: newPassword,
        passwordConfirmation: newPassword,
      });
      assert.equal(done.status, 303, `the reset answered ${done.status}`);
      assert.equal(done.location?.pathname, '/reset-password/done');
    }

    /** Starts a sign-in at the tax account: its client, an IdP browser and the sign-in page. */
    async function startTaxSignIn() {
      const client = createHttpClient(system.account.server);
      const start = await client.get('/sign-in');
      assert.equal(start.status, 303);
      assert.ok(start.location?.startsWith(system.identityUrl), 'sent to the identity provider');
      const browser = createBrowser(system.identity.server, system.identityUrl);
      const landing = await browser.follow(start.location!);
      assert.ok(isSignInPage(landing), `the sign-in page, got ${describeLanding(landing)}`);
      const uid = /action="\/interaction\/([^"/]+)\/sign-in"/.exec(landing.body)![1]!;
      return { client, browser, landing, uid };
    }

    /**
     * Password, then the emailed code, on the agency's sign-in page; `afterPassword` runs between
     * the two. Returns the answer to the code (a redirect).
     */
    async function passwordAndCode(
      browser: Browser,
      uid: string,
      person: Person,
      afterPassword?: () => Promise<void>,
    ): Promise<Page> {
      const base = `/interaction/${uid}`;
      const password = await browser.post(`${base}/sign-in`, {
        email: person.email,
        password: person.password,
      });
      assert.equal(password.status, 303, `password step answered ${password.status}`);
      assert.equal(password.location?.pathname, `${base}/mfa`);
      await afterPassword?.();
      const choose = await browser.get(`${base}/mfa`);
      const methodId = /name="methodId" value="([^"]+)"/.exec(choose.body)?.[1];
      assert.ok(methodId, 'the second-factor page lists a method');
      clock.advance(11); // one-time code sends are limited to 2 per 10 s
      const started = await browser.post(`${base}/mfa/start`, { methodId });
      assert.equal(started.status, 303, `sending the code answered ${started.status}`);
      const challengeId = started.location!.searchParams.get('challenge') ?? '';
      await browser.get(started.location!);
      const mail = (await outbox()).find(
        (m) => m.recipient === person.email && /one-time code is \d{6}/.test(m.body),
      );
      const code = /one-time code is (\d{6})/.exec(mail?.body ?? '')?.[1];
      assert.ok(code, `an emailed code for ${person.email}`);
      const verified = await browser.post(`${base}/mfa/${methodId}`, { code, challengeId });
      assert.equal(verified.status, 303, `the code was refused (${verified.status})`);
      return verified;
    }

    /** Follows redirects inside the identity provider, noting each path it went through. */
    async function hops(browser: Browser, first: Page): Promise<{ paths: string[]; landing: Landing }> {
      const paths: string[] = [];
      let page = first;
      for (let hop = 0; hop < 12; hop++) {
        if (page.status < 300 || page.status >= 400 || !page.location)
          return {
            paths,
            landing: { kind: 'page', status: page.status, path: paths.at(-1) ?? '', body: page.body },
          };
        if (page.location.origin !== new URL(system.identityUrl).origin)
          return { paths, landing: { kind: 'agency', url: page.location } };
        paths.push(page.location.pathname);
        page = await browser.get(page.location);
      }
      throw new Error('too many redirects inside the identity provider');
    }

    /** From a landing inside the provider (consent or none) back to the tax account's home page. */
    async function backAtTaxAccount(client: HttpClient, browser: Browser, landing: Landing) {
      const back = isConsentPage(landing) ? await consent(browser, landing) : landing;
      assert.equal(back.kind, 'agency', describeLanding(back));
      const url = (back as Extract<Landing, { kind: 'agency' }>).url;
      assert.equal(url.origin, new URL(system.accountUrl).origin, 'back at the tax account');
      const callback = await client.get(`${url.pathname}${url.search}`);
      assert.equal(callback.status, 303, `callback answered ${callback.status}`);
      assert.equal(callback.location, '/');
      const home = await client.get('/');
      return { status: home.status, body: home.body };
    }

    async function taxSubjectOf(tin: string): Promise<string> {
      const taxpayer = await system.account.taxpayers.findByTin(tin);
      assert.ok(taxpayer, 'the demo taxpayer is seeded');
      const rows = await system.account.db.query<{ subject: string }>(
        'SELECT subject FROM taxpayer_links WHERE taxpayer_id = $1',
        [taxpayer.id],
      );
      assert.equal(rows.length, 1, 'one link');
      return rows[0]!.subject;
    }

    /** Signs in to the tax account with a locked profile; ends on the personal-key page. */
    async function signInToLockedProfile(person: Person) {
      const { client, browser, uid } = await startTaxSignIn();
      const { paths, landing } = await hops(browser, await passwordAndCode(browser, uid, person));
      assert.deepEqual(paths, [`/interaction/${uid}/verify`, '/verify/reactivate'], describeLanding(landing));
      assert.equal(landing.kind, 'page');
      const page = landing as Extract<Landing, { kind: 'page' }>;
      assert.equal(page.status, 200);
      assert.match(page.body, /<h1[^>]*>Enter your personal key<\/h1>/);
      assert.match(page.body, /action="\/verify\/reactivate"/);
      return { client, browser, uid };
    }

    // --- 1. Release ------------------------------------------------------------------------------

    let mariaId: string;

    it('a sign-in to the tax account releases Maria’s verified claims to it, encrypted', async () => {
      mariaId = await accountIdOf(MARIA.email);
      assert.equal(await lockedAt(mariaId), null);
      assert.deepEqual(await releasesOf(mariaId), [], 'nothing released before she signs in');

      const { client, browser, uid } = await startTaxSignIn();
      const { landing } = await hops(browser, await passwordAndCode(browser, uid, MARIA));
      const home = await backAtTaxAccount(client, browser, landing);
      assert.equal(home.status, 200);
      assert.match(home.body, /<h1[^>]*>Welcome, Maria<\/h1>/);
      assert.match(home.body, /<tr data-year="2024">/, 'her records, found with her verified SSN');

      const subject = await taxSubjectOf('400123456');
      const link = await system.account.links.find(subject);
      assert.equal(link?.claims.familyName, 'Garcia', 'the tax account received her verified claims');

      const releases = await releasesOf(mariaId);
      assert.equal(releases.length, 1, 'one release');
      assert.equal(releases[0]!.client_id, taxClientId);
      for (const plain of ['Garcia', 'Maria', '400123456', '400-12-3456'])
        assert.ok(!releases[0]!.claims_enc.includes(plain), `claims_enc holds no "${plain}"`);
      const vault = await system.identity.db.query<{ vault: unknown }>(
        'SELECT vault FROM verified_profiles WHERE account_id = $1',
        [mariaId],
      );
      assert.ok(!JSON.stringify(vault[0]?.vault).includes('Garcia'), 'the profile itself is sealed');
    });

    // --- 2. A password reset locks the profile ---------------------------------------------------

    it('a password reset locks the profile, forgets the releases and sends her to the personal-key page', async () => {
      await resetPassword(MARIA.email, MARIA_NEW_PASSWORD);
      assert.ok((await lockedAt(mariaId)) instanceof Date, 'locked_at is set');
      assert.deepEqual(await releasesOf(mariaId), [], 'the releases are gone');

      const person = { email: MARIA.email, password: MARIA_NEW_PASSWORD };
      const { client, browser } = await signInToLockedProfile(person);
      assert.deepEqual(await releasesOf(mariaId), [], 'nothing released to the tax account');
      assert.ok((await lockedAt(mariaId)) instanceof Date, 'still locked');
      // The tax account got nothing: it still waits for its callback.
      assert.equal((await client.get('/')).body.includes('Welcome, Maria'), false);

      // Her demo personal key was never kept: a made-up one (well formed, or not) is refused.
      for (const personalKey of ['7KQ2-M9XA-3PRT-W4HZ', 'not a key']) {
        await browser.get('/verify/reactivate');
        const wrong = await browser.post('/verify/reactivate', { personalKey, password: MARIA_NEW_PASSWORD });
        assert.equal(wrong.status, 400, personalKey);
        assert.ok(wrong.body.includes(REACTIVATE_WRONG), `the error text for ${personalKey}`);
        assert.ok(!wrong.body.includes('data-personal-key'), 'no new key shown');
      }
      assert.ok((await lockedAt(mariaId)) instanceof Date, 'still locked after wrong keys');
      // The way out without the key: verify again.
      assert.match((await browser.get('/verify/reactivate')).body, /action="\/verify\/reverify"/);
    });

    // --- 3. The personal key reactivates ---------------------------------------------------------

    it('the personal key and the new password reactivate the profile with a new personal key', async () => {
      const email = 'rowan.hale@example.com';
      const first = 'granite-meadow-lantern-63';
      const second = 'copper-harbor-willow-27';
      const third = 'silver-thicket-ember-84';
      const { accountId, personalKey: oldKey } = await createVerifiedPerson(
        email,
        first,
        detailsFor('Rowan', 'Hale', '433556677'),
      );

      await resetPassword(email, second);
      assert.ok((await lockedAt(accountId)) instanceof Date, 'locked by the reset');
      const { client, browser } = await signInToLockedProfile({ email, password: second });

      // A wrong key, and the right key with the old password, are both refused.
      await browser.get('/verify/reactivate');
      const wrongKey = await browser.post('/verify/reactivate', {
        personalKey: '0000-0000-0000-0000',
        password: second,
      });
      assert.equal(wrongKey.status, 400);
      assert.ok(wrongKey.body.includes(REACTIVATE_WRONG));
      const oldPassword = await browser.post('/verify/reactivate', { personalKey: oldKey, password: first });
      assert.equal(oldPassword.status, 400, 'the old password does not go with the key');
      assert.ok((await lockedAt(accountId)) instanceof Date);

      // The right key, typed loosely (lower case, spaces instead of dashes), and the new password.
      const typed = oldKey.toLowerCase().replace(/-/g, ' ');
      const shown = await browser.post('/verify/reactivate', { personalKey: typed, password: second });
      assert.equal(shown.status, 200, 'reactivated');
      const newKey = shownKey(shown.body);
      assert.ok(newKey, 'a new personal key on the page');
      assert.match(newKey, PERSONAL_KEY);
      assert.notEqual(newKey, oldKey);
      assert.equal(await lockedAt(accountId), null, 'unlocked');

      // Saving the key goes back to the agency's request, which now receives the claims.
      const action = /action="(\/verify\/reactivated\?next=[^"]+)"/.exec(shown.body)?.[1];
      assert.ok(action, 'the "I saved it" form');
      const saved = await browser.post(action.replace(/&amp;/g, '&'), { acknowledged: 'yes' });
      assert.equal(saved.status, 303);
      const { paths, landing } = await hops(browser, saved);
      assert.match(paths[0] ?? '', /^\/interaction\/[^/]+\/verify\/return$/);
      const home = await backAtTaxAccount(client, browser, landing);
      // Verified, with a number the tax agency has no record of: the claims arrived.
      assert.equal(home.status, 403);
      assert.match(home.body, /data-link-problems="tin"/);
      const releases = await releasesOf(accountId);
      assert.deepEqual(
        releases.map((r) => r.client_id),
        [taxClientId],
      );
      assert.ok(!releases[0]!.claims_enc.includes('Hale'));

      // Locked again by a second reset: the old key is refused, the new one works.
      await resetPassword(email, third);
      assert.ok((await lockedAt(accountId)) instanceof Date, 'locked by the second reset');
      assert.deepEqual(await releasesOf(accountId), []);
      const again = await signInToLockedProfile({ email, password: third });
      const withOld = await again.browser.post('/verify/reactivate', {
        personalKey: oldKey,
        password: third,
      });
      assert.equal(withOld.status, 400, 'the old personal key stopped working');
      assert.ok(withOld.body.includes(REACTIVATE_WRONG));
      const withNew = await again.browser.post('/verify/reactivate', {
        personalKey: newKey,
        password: third,
      });
      assert.equal(withNew.status, 200, 'the new personal key works');
      const newest = shownKey(withNew.body);
      assert.match(newest ?? '', PERSONAL_KEY);
      assert.ok(newest !== newKey && newest !== oldKey, 'yet another key');
      assert.equal(await lockedAt(accountId), null);
    });

    // --- 4. The service on its own ---------------------------------------------------------------

    it('verifiedIdentity: seal, unlock for a session, details, release, lock, reactivate', async () => {
      const id = system.identity;
      const vi = id.verifiedIdentity;
      const email = 'sage.morrow@example.com';
      const password = 'birch-canyon-pebble-19';
      const details = detailsFor('Sage', 'Morrow', '433889900');
      const { accountId, personalKey } = await createVerifiedPerson(email, password, details);
      const sessions = createIdpSessionsRepo(id.db, system.config.identity.idpSession);
      const newSession = () =>
        sessions.create({ accountId, deviceId: 'unit-test-device', deviceLabel: 'Test', now: clock.now() });
      const token = await newSession();
      const other = await newSession();

      // One verified account per SSN: another account with the same number is refused.
      const twinHash = await id.hasher.hash(password);
      const twin = await id.db.transaction((tx) =>
        id.accounts.create(tx, {
          email: 'sage.twin@example.com',
          givenName: 'Sage',
          familyName: 'Twin',
          passwordHash: twinHash,
        }),
      );
      assert.deepEqual(
        await vi.seal({ accountId: twin.id, level: 'verified', method: 'test', password, details }),
        {
          ok: false,
          reason: 'duplicate',
        },
      );
      assert.equal(await vi.detailsForSession(accountId, token), undefined, 'not unlocked yet');
      assert.equal(await vi.release(accountId, taxClientId, token), false);
      assert.equal(await vi.unlockForSession(accountId, 'not-the-password-00', token), false);
      assert.equal(await sessions.profileKey(token), undefined, 'a wrong password keeps nothing');
      assert.equal(await vi.unlockForSession(accountId, password, token), true);
      const found = await vi.detailsForSession(accountId, token);
      const asStored = JSON.parse(JSON.stringify(details)) as VerifiedDetails; // no `phone: undefined`
      assert.deepEqual(found?.details, asStored);
      assert.equal(found?.status.level, 'verified');
      assert.equal(await vi.detailsForSession(accountId, other), undefined, 'another session has no key');
      assert.equal(await vi.sessionCanRelease(accountId, token), true);
      // The sealed session key only opens with its own session's token.
      const sealed = await sessions.profileKey(token);
      assert.ok(sealed);
      await sessions.setProfileKey(other, sealed);
      assert.equal(await vi.detailsForSession(accountId, other), undefined, 'a copied key does not open');

      assert.equal(await vi.release(accountId, taxClientId, token), true);
      const released = await id.db.query<{ claims_enc: string }>(
        'SELECT claims_enc FROM claim_releases WHERE account_id = $1',
        [accountId],
      );
      assert.equal(released.length, 1);
      assert.ok(!released[0]!.claims_enc.includes('Morrow'));

      await id.db.transaction((tx) => vi.lock(tx, accountId));
      assert.ok((await vi.status(accountId))?.lockedAt instanceof Date);
      assert.deepEqual(await releasesOf(accountId), [], 'lock forgets the releases');
      assert.equal(await vi.release(accountId, taxClientId, token), false, 'no release once locked');
      assert.equal(await vi.detailsForSession(accountId, token), undefined);
      assert.equal(
        await vi.unlockForSession(accountId, password, token),
        false,
        'the password cannot unlock',
      );

      const newPassword = 'harbor-sparrow-violet-52';
      assert.deepEqual(await vi.reactivate(accountId, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', newPassword, token), {
        ok: false,
      });
      assert.deepEqual(await vi.reactivate(accountId, 'short', newPassword, token), { ok: false });
      const back = await vi.reactivate(accountId, personalKey, newPassword, token);
      assert.ok(back.ok);
      assert.match(back.personalKey, PERSONAL_KEY);
      assert.notEqual(back.personalKey, personalKey);
      assert.equal((await vi.status(accountId))?.lockedAt, undefined, 'unlocked');
      assert.deepEqual((await vi.detailsForSession(accountId, token))?.details, asStored, 'usable at once');
      assert.equal(await vi.release(accountId, taxClientId, token), true);
      // Rewrapped: the old password and the old personal key open nothing, the new ones do.
      assert.equal(await vi.unlockForSession(accountId, password, other), false);
      assert.equal(await vi.unlockForSession(accountId, newPassword, other), true);
      assert.deepEqual(await vi.reactivate(accountId, personalKey, newPassword, other), { ok: false });
    });

    // --- 5. A session without the profile key ----------------------------------------------------

    it('a session that has not unlocked the profile is asked for the password before the agency', async () => {
      const davidId = await accountIdOf(DAVID.email);
      const { client, browser, uid } = await startTaxSignIn();
      const answer = await passwordAndCode(browser, uid, DAVID, async () => {
        // As if this session had signed in before the profile was sealed.
        await system.identity.db.query(
          'UPDATE idp_sessions SET profile_key_enc = NULL WHERE account_id = $1',
          [davidId],
        );
      });
      const { paths, landing } = await hops(browser, answer);
      const unlockPath = `/interaction/${uid}/verify/unlock`;
      assert.deepEqual(paths, [unlockPath], describeLanding(landing));
      assert.equal(landing.kind, 'page');
      const page = landing as Extract<Landing, { kind: 'page' }>;
      assert.equal(page.status, 200);
      assert.match(page.body, /<h1[^>]*>Unlock your verified identity<\/h1>/);
      assert.match(page.body, /Tax Agency Online Account/);
      assert.ok(page.body.includes(`action="${unlockPath}"`));
      assert.deepEqual(await releasesOf(davidId), [], 'nothing released yet');

      const wrong = await browser.post(unlockPath, { password: 'not-his-password-11' });
      assert.equal(wrong.status, 400);
      assert.match(wrong.body, /That is not your password\. Try again\./);
      assert.deepEqual(await releasesOf(davidId), []);

      const right = await browser.post(unlockPath, { password: DAVID.password });
      assert.equal(right.status, 303);
      const { landing: onward } = await hops(browser, right);
      const home = await backAtTaxAccount(client, browser, onward);
      assert.equal(home.status, 200);
      assert.match(home.body, /<h1[^>]*>Welcome, David<\/h1>/);
      assert.deepEqual(
        (await releasesOf(davidId)).map((r) => r.client_id),
        [taxClientId],
      );
    });
  },
);

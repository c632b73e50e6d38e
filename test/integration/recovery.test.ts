// Recovery through the real identity provider (in-process inject, embedded PGlite, a
// controllable clock): password reset by emailed link, account reset after a 24-hour wait,
// cancelling it, and deleting an account. Emails are read from the development outbox.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '#platform/log/logger.ts';
import { createTestClock, type TestClock } from '#platform/time/clock.ts';
import { readSystemConfig } from '../../src/system/system-config.ts';
import { buildIdentityApp, type IdentityApp } from '../../apps/identity/src/main.ts';
import { systemAgencyRegistrations } from '../../src/system/agency-registrations.ts';
import { loadOrCreateClientKey } from '../../apps/benefits/src/oidc/client-key.ts';
import { seedIdentity } from '../../apps/identity/src/seed/seed-identity.ts';
import { loadBreachedPasswords } from '../../apps/identity/src/auth/breached-passwords.ts';
import { createAccountLocksRepo } from '../../apps/identity/src/db/account-locks-repo.ts';
import type { AccountResetService } from '../../apps/identity/src/flows/account-reset-service.ts';
import { createScratchPostgresDatabase, postgresUrl } from '../support/db/test-databases.ts';

const MARIA = { email: 'maria.garcia@example.com', password: 'orange-tulip-harbor-42' };
const JAMES_EMAIL = 'james.wilson@example.com';
const NEW_PASSWORD = 'quiet-lantern-orchard-91';
const MINUTE = 60;
const HOUR = 3600;

interface System {
  app: IdentityApp;
  server: FastifyInstance;
  clock: TestClock;
  /** The app's own service, to send the periodic "you can continue" emails on demand. */
  accountReset: AccountResetService;
  stop(): Promise<void>;
}

type Backend = 'pglite' | 'postgres';

/** The identity provider alone (no tax account), on embedded PGlite or a scratch PostgreSQL database. */
async function startRecoverySystem(backend: Backend): Promise<System> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tia-recovery-'));
  const scratch = backend === 'postgres' ? await createScratchPostgresDatabase() : undefined;
  const config = readSystemConfig({
    APP_ENV: 'test',
    DATA_DIR: dataDir,
    IDP_PORT: '4100',
    ACCOUNT_PORT: '3100',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...(scratch ? { IDP_DATABASE_URL: scratch.url } : {}),
  });
  const cleanUp = async () => {
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const clock = createTestClock(new Date());
  const logger = createLogger({ name: 'test', level: config.identity.logLevel });
  const app = await buildIdentityApp(config.identity, logger, undefined, { clock }).catch(async (error) => {
    await cleanUp();
    throw error;
  });
  try {
    await seedIdentity(app, {
      agencies: systemAgencyRegistrations(
        config,
        loadOrCreateClientKey(config.benefits.clientKeyFile).publicJwk,
      ),
      demoPeople: true,
    });
    return {
      app,
      server: app.server,
      clock,
      accountReset: app.accountReset,
      async stop() {
        await app.close();
        await cleanUp();
      },
    };
  } catch (error) {
    await app.close();
    await cleanUp();
    throw error;
  }
}

interface Page {
  status: number;
  location: string | undefined;
  body: string;
}

/** One browser: keeps cookies and the latest CSRF token, like a person's tab. */
class Browser {
  private readonly jar = new Map<string, string>();
  private csrf = '';
  constructor(private readonly server: FastifyInstance) {}

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  async get(url: string): Promise<Page> {
    return this.send('GET', url);
  }

  /** Posts a form with the CSRF token of the last page this browser saw. */
  async post(url: string, form: Record<string, string>): Promise<Page> {
    return this.send('POST', url, new URLSearchParams({ _csrf: this.csrf, ...form }).toString());
  }

  private async send(method: 'GET' | 'POST', url: string, payload?: string): Promise<Page> {
    const response = await this.server.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload }),
      headers: {
        accept: 'text/html',
        cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(payload === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
    });
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone = c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now());
      if (gone) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    const location = response.headers.location;
    return {
      status: response.statusCode,
      location: typeof location === 'string' ? location : undefined,
      body: response.body,
    };
  }
}

interface Email {
  recipient: string;
  subject: string;
  body: string;
}

// PGlite always; PostgreSQL too when TEST_PG_URL names a server.
const BACKENDS: Backend[] = postgresUrl() ? ['pglite', 'postgres'] : ['pglite'];

for (const backend of BACKENDS) describeRecovery(backend);

function describeRecovery(backend: Backend) {
  describe(
    `recovery: password reset, account reset, deleting an account (${backend})`,
    { timeout: 180_000 },
    () => {
      let system: System;
      let server: FastifyInstance;

      before(async () => {
        system = await startRecoverySystem(backend);
        server = system.server;
      });
      after(() => system?.stop());

      const emailsTo = async (recipient: string): Promise<Email[]> => {
        const response = await server.inject({ method: 'GET', url: '/dev/outbox.json' });
        return (response.json().messages as Email[]).filter((m) => m.recipient === recipient);
      };
      /** The newest email to `recipient` whose subject matches. */
      const latestEmail = async (recipient: string, subject: RegExp): Promise<Email> => {
        const found = (await emailsTo(recipient)).find((m) => subject.test(m.subject));
        assert.ok(found, `an email "${subject.source}" to ${recipient}`);
        return found;
      };
      const pathOf = (link: string) => {
        const url = new URL(link);
        return url.pathname + url.search;
      };
      const linkIn = (body: string, path: string): string => {
        const match = new RegExp(
          `https?://[^\\s]+${path.replace(/[?/]/g, '\\$&')}\\?token=[A-Za-z0-9_-]+`,
        ).exec(body);
        assert.ok(match, `a ${path} link in:\n${body}`);
        return pathOf(match[0]);
      };

      /** A new account with an email-code second factor, like the demo people. */
      const createPerson = async (email: string, password: string) => {
        const { app } = system;
        const passwordHash = await app.hasher.hash(password);
        const account = await app.db.transaction((tx) =>
          app.accounts.create(tx, { email, givenName: 'Test', familyName: 'Person', passwordHash }),
        );
        await app.mfa.addCodeMethod(account.id, 'email', email, 'Email');
        return account;
      };

      const signInWithPassword = async (browser: Browser, email: string, password: string) => {
        await browser.get('/sign-in');
        return browser.post('/sign-in', { email, password });
      };

      /** Completes the second factor from the /mfa page with the emailed code. */
      const passMfa = async (browser: Browser, email: string) => {
        // Keeps clear of the "2 codes per 10 seconds" limit between sign-ins.
        system.clock.advance(11);
        const page = await browser.get('/mfa');
        assert.equal(page.status, 200, `the /mfa page (got ${page.status} → ${page.location})`);
        const methodId = /name="methodId" value="([^"]+)"/.exec(page.body)?.[1];
        assert.ok(methodId, 'the /mfa page lists a method');
        const started = await browser.post('/mfa/start', { methodId });
        assert.equal(started.status, 303);
        const challengeId = new URL(started.location!, 'http://x').searchParams.get('challenge');
        assert.ok(challengeId, 'a challenge id');
        const code = /one-time code is (\d{6})/.exec((await latestEmail(email, /one-time code/)).body)?.[1];
        assert.ok(code, 'a code in the email');
        return browser.post(`/mfa/${methodId}`, { code, challengeId });
      };

      const signInFully = async (browser: Browser, email: string, password: string) => {
        const first = await signInWithPassword(browser, email, password);
        assert.equal(first.status, 303);
        assert.equal(first.location, '/mfa');
        const done = await passMfa(browser, email);
        assert.equal(done.status, 303);
        return done;
      };

      const requestResetLink = async (email: string) => {
        const browser = new Browser(server);
        await browser.get('/forgot-password');
        const response = await browser.post('/forgot-password', { email });
        assert.equal(response.status, 303);
        return linkIn((await latestEmail(email, /^Reset your password$/)).body, '/reset-password');
      };

      const setNewPassword = async (link: string, password: string, confirmation = password) => {
        const browser = new Browser(server);
        const form = await browser.get(link);
        assert.equal(form.status, 200, 'the new-password form');
        const token = new URL(link, 'http://x').searchParams.get('token')!;
        return browser.post('/reset-password', { token, password, passwordConfirmation: confirmation });
      };

      it('registers the recovery pages in the identity app itself (main.ts wiring)', () => {
        assert.ok(
          system.server.hasRoute({ method: 'GET', url: '/forgot-password' }),
          'buildIdentityApp does not register /forgot-password: add the recovery lines to apps/identity/src/main.ts',
        );
      });

      it('answers "forgot password" the same way whether or not an account exists', async () => {
        const known = new Browser(server);
        const unknown = new Browser(server);
        await known.get('/forgot-password');
        await unknown.get('/forgot-password');
        const a = await known.post('/forgot-password', { email: MARIA.email });
        const b = await unknown.post('/forgot-password', { email: 'nobody.here@example.com' });
        assert.equal(a.status, 303);
        assert.equal(b.status, 303);
        assert.equal(a.location, b.location);
        const pageA = await known.get(a.location!);
        const pageB = await unknown.get(b.location!);
        assert.equal(pageA.status, 200);
        assert.equal(
          pageA.body.replace(/name="_csrf" value="[^"]+"/, '').replace(MARIA.email, 'X'),
          pageB.body.replace(/name="_csrf" value="[^"]+"/, '').replace('nobody.here@example.com', 'X'),
          'the same page apart from the address typed',
        );
        assert.match(pageA.body, /If there is an account with this address/);

        const toMaria = await latestEmail(MARIA.email, /./);
        assert.equal(toMaria.subject, 'Reset your password');
        assert.match(toMaria.body, /\/reset-password\?token=/);
        const toNobody = await latestEmail('nobody.here@example.com', /./);
        assert.equal(toNobody.subject, 'Password reset request');
        assert.match(toNobody.body, /there is no account with this address/);
        assert.doesNotMatch(toNobody.body, /token=/);

        const invalid = await known.post('/forgot-password', { email: 'not an email' });
        assert.equal(invalid.status, 400);
        assert.match(invalid.body, /format name@example\.com/);
      });

      it('resets the password with a link that works once, ends every session and keeps the second factor', async () => {
        const email = 'reset.once@example.com';
        const oldPassword = 'maple-river-copper-55';
        const account = await createPerson(email, oldPassword);
        const elsewhere = new Browser(server);
        await signInFully(elsewhere, email, oldPassword);
        assert.equal((await elsewhere.get('/account')).status, 200, 'signed in on another device');

        const link = await requestResetLink(email);
        const form = await new Browser(server).get(link);
        assert.match(form.body, /Choose a new password/);
        assert.match(form.body, /authentication methods stay the same/);
        const done = await setNewPassword(link, NEW_PASSWORD);
        assert.equal(done.status, 303);
        assert.equal(done.location, '/reset-password/done');
        assert.match((await new Browser(server).get(done.location!)).body, /Your password was changed/);

        const after = await elsewhere.get('/account');
        assert.equal(after.status, 303, 'the other session ended');
        assert.equal(after.location, '/sign-in');

        const again = await new Browser(server).get(link);
        assert.equal(again.status, 400);
        assert.match(again.body, /This link was already used/);
        assert.match(again.body, /href="\/forgot-password"/);
        const replay = new Browser(server);
        await replay.get('/forgot-password');
        const reused = await replay.post('/reset-password', {
          token: new URL(link, 'http://x').searchParams.get('token')!,
          password: 'another-fresh-phrase-77',
          passwordConfirmation: 'another-fresh-phrase-77',
        });
        assert.equal(reused.status, 400, 'a used link cannot set a password');
        assert.match(reused.body, /This link was already used/);

        assert.equal((await signInWithPassword(new Browser(server), email, oldPassword)).status, 401);
        const withNew = await signInWithPassword(new Browser(server), email, NEW_PASSWORD);
        assert.equal(withNew.status, 303);
        assert.equal(withNew.location, '/mfa', 'the second factor is still required');
        assert.equal((await system.app.methods.list(account.id)).length, 1, 'methods kept');
        const events = await system.app.db.query<{ kind: string }>(
          'SELECT kind FROM security_events WHERE account_id = $1',
          [account.id],
        );
        assert.ok(events.some((e) => e.kind === 'password_changed'));
      });

      it('unlocks an account locked by "This wasn\'t me" once the password is reset (and refuses an account reset until then)', async () => {
        const email = 'locked.out@example.com';
        const password = 'thistle-beacon-quartz-36';
        const account = await createPerson(email, password);
        await createAccountLocksRepo(system.app.db).lock(account.id, 'not_me', system.clock.now());
        assert.equal((await signInWithPassword(new Browser(server), email, password)).status, 403);
        const browser = new Browser(server);
        await browser.get('/account-reset');
        const refused = await browser.post('/account-reset', { email, password });
        assert.equal(refused.status, 403);
        assert.match(refused.body, /Reset your password to unlock it/);

        assert.equal((await setNewPassword(await requestResetLink(email), NEW_PASSWORD)).status, 303);
        const signIn = await signInWithPassword(new Browser(server), email, NEW_PASSWORD);
        assert.equal(signIn.status, 303);
        assert.equal(signIn.location, '/mfa');
      });

      it('gives unknown, replaced and expired links each their own page with a way forward', async () => {
        const email = 'reset.expiry@example.com';
        await createPerson(email, 'harbor-violet-stone-12');
        const unknown = await new Browser(server).get('/reset-password?token=' + 'A'.repeat(43));
        assert.equal(unknown.status, 400);
        assert.match(unknown.body, /This link doesn’t work/);

        const first = await requestResetLink(email);
        const second = await requestResetLink(email);
        assert.notEqual(first, second);
        const replaced = await new Browser(server).get(first);
        assert.equal(replaced.status, 400);
        assert.match(replaced.body, /This link was replaced/);

        system.clock.advance(29 * MINUTE);
        assert.equal((await new Browser(server).get(second)).status, 200, 'still valid after 29 minutes');
        system.clock.advance(2 * MINUTE);
        const expired = await new Browser(server).get(second);
        assert.equal(expired.status, 400);
        assert.match(expired.body, /This link has expired/);
        assert.match(expired.body, /work for 30 minutes/);
        assert.match(expired.body, /href="\/forgot-password"[^>]*>Send a new link/);
      });

      it('enforces the password rules on the new password, and the link survives a refused attempt', async () => {
        const email = 'rules.check@example.com';
        await createPerson(email, 'ember-garden-falcon-33');
        const link = await requestResetLink(email);
        const breached = ['password1234', 'passwordpassword', '123456789012', 'qwertyuiopasdfgh'].find((p) =>
          loadBreachedPasswords().isBreached(p),
        );
        assert.ok(breached, 'one sample password is on the breached list');
        const cases: [string, string, RegExp][] = [
          ['short-one', 'short-one', /at least 12 characters/],
          [NEW_PASSWORD, NEW_PASSWORD + 'x', /passwords do not match/],
          [breached, breached, /too common or has appeared in a data breach/],
          ['rules-check-sunrise', 'rules-check-sunrise', /cannot contain your email/],
        ];
        for (const [password, confirmation, message] of cases) {
          const refused = await setNewPassword(link, password, confirmation);
          assert.equal(refused.status, 400, password);
          assert.match(refused.body, message, password);
        }
        const accepted = await setNewPassword(link, NEW_PASSWORD);
        assert.equal(accepted.status, 303);
      });

      it('lets only one of two simultaneous submissions of a link set the password', async () => {
        const email = 'double.click@example.com';
        await createPerson(email, 'pebble-orchid-summit-19');
        const link = await requestResetLink(email);
        const token = new URL(link, 'http://x').searchParams.get('token')!;
        const submit = async (password: string) => {
          const browser = new Browser(server);
          await browser.get(link);
          return browser.post('/reset-password', { token, password, passwordConfirmation: password });
        };
        const results = await Promise.all([
          submit('first-of-two-phrases-1'),
          submit('second-of-two-phrases-2'),
        ]);
        assert.deepEqual(results.map((r) => r.status).sort(), [303, 400]);
        assert.match(results.find((r) => r.status === 400)!.body, /This link was already used/);
      });

      it('sends at most 20 reset emails per hour to one address', async () => {
        const email = 'limit.probe@example.com';
        const browser = new Browser(server);
        await browser.get('/forgot-password');
        for (let i = 0; i < 20; i++) {
          assert.equal((await browser.post('/forgot-password', { email })).status, 303, `email ${i + 1}`);
        }
        const refused = await browser.post('/forgot-password', { email });
        assert.equal(refused.status, 429);
        assert.match(refused.body, /Wait \d+ minutes/);
        assert.equal((await emailsTo(email)).length, 20);
        assert.equal(
          (await browser.post('/forgot-password', { email: 'other.probe@example.com' })).status,
          303,
        );
        system.clock.advance(HOUR + 1);
        assert.equal(
          (await browser.post('/forgot-password', { email })).status,
          303,
          'allowed again an hour later',
        );
      });

      it('resets an account after 24 hours, not before, and then asks for new methods at sign-in', async () => {
        const email = 'lost.phone@example.com';
        const password = 'saffron-meadow-kettle-48';
        const account = await createPerson(email, password);
        const browser = new Browser(server);
        assert.equal((await signInWithPassword(browser, email, password)).location, '/mfa');

        const start = await browser.get('/account-reset');
        assert.equal(start.status, 200);
        assert.match(start.body, /You are resetting the account for lost\.phone@example\.com/);
        assert.doesNotMatch(start.body, /name="password"/, 'the password step is already done');
        const requested = await browser.post('/account-reset', {});
        assert.equal(requested.status, 303);
        assert.equal(requested.location, '/account-reset/requested');
        assert.match((await browser.get(requested.location!)).body, /You can continue after/);

        const first = await latestEmail(email, /You asked to reset your account/);
        const continueLink = linkIn(first.body, '/account-reset/continue');
        linkIn(first.body, '/account-reset/cancel');

        const early = await new Browser(server).get(continueLink);
        assert.equal(early.status, 403);
        assert.match(early.body, /You can continue after/);
        const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;
        const earlyPost = await browser.post('/account-reset/continue', {
          token: tokenOf(continueLink),
          choice: 'remove-methods',
        });
        assert.equal(earlyPost.status, 403);
        assert.equal(
          (await system.app.methods.list(account.id)).length,
          1,
          'nothing removed before the wait',
        );
        assert.equal(await system.accountReset.sendDueAccountResetEmails(system.clock.now()), 0);

        system.clock.advance(23 * HOUR + 59 * MINUTE);
        assert.equal((await new Browser(server).get(continueLink)).status, 403, 'still waiting at 23:59');
        system.clock.advance(2 * MINUTE);
        assert.equal(await system.accountReset.sendDueAccountResetEmails(system.clock.now()), 1);
        assert.equal(await system.accountReset.sendDueAccountResetEmails(system.clock.now()), 0, 'sent once');
        const ready = await latestEmail(email, /You can now reset your account/);
        assert.equal(linkIn(ready.body, '/account-reset/continue'), continueLink, 'the same continue link');

        const chooser = new Browser(server);
        const choices = await chooser.get(continueLink);
        assert.equal(choices.status, 200);
        assert.match(choices.body, /Remove my methods/);
        assert.match(choices.body, /Delete my account/);
        const removed = await chooser.post('/account-reset/continue', {
          token: tokenOf(continueLink),
          choice: 'remove-methods',
        });
        assert.equal(removed.status, 200);
        assert.match(removed.body, /Your authentication methods were removed/);
        assert.equal((await system.app.methods.list(account.id)).length, 0);
        assert.ok(await system.app.accounts.findById(account.id), 'the account is kept');

        const reused = await new Browser(server).get(continueLink);
        assert.equal(reused.status, 400);
        assert.match(reused.body, /already completed/);
        const signIn = await signInWithPassword(new Browser(server), email, password);
        assert.equal(signIn.status, 303);
        assert.equal(signIn.location, '/mfa-setup', 'sent to set up a new method');
      });

      it('asks for the password when there is no session, and the link expires 24 hours after the wait', async () => {
        const email = 'no.session@example.com';
        const password = 'cobalt-prairie-lilac-62';
        const account = await createPerson(email, password);
        const browser = new Browser(server);
        const start = await browser.get('/account-reset');
        assert.match(start.body, /name="password"/);
        const wrong = await browser.post('/account-reset', { email, password: 'not-the-password-0' });
        assert.equal(wrong.status, 401);
        assert.match(wrong.body, /do not match our records/);
        const unknownPerson = await browser.post('/account-reset', { email: 'ghost@example.com', password });
        assert.equal(unknownPerson.status, 401, 'an unknown email gets the same answer');
        assert.equal((await emailsTo(email)).filter((m) => /reset your account/.test(m.subject)).length, 0);

        const right = await browser.post('/account-reset', { email, password });
        assert.equal(right.status, 303);
        const continueLink = linkIn(
          (await latestEmail(email, /You asked to reset your account/)).body,
          '/account-reset/continue',
        );
        system.clock.advance(48 * HOUR + MINUTE);
        const expired = await new Browser(server).get(continueLink);
        assert.equal(expired.status, 400);
        assert.match(expired.body, /This link has expired/);
        assert.match(expired.body, /href="\/account-reset"/);
        assert.equal((await system.app.methods.list(account.id)).length, 1);
      });

      it('deletes the account when that is the choice after the wait', async () => {
        const email = 'start.over@example.com';
        const password = 'tundra-pepper-violin-27';
        const account = await createPerson(email, password);
        const browser = new Browser(server);
        await browser.get('/account-reset');
        assert.equal((await browser.post('/account-reset', { email, password })).status, 303);
        const continueLink = linkIn(
          (await latestEmail(email, /You asked to reset your account/)).body,
          '/account-reset/continue',
        );
        system.clock.advance(24 * HOUR + MINUTE);
        const chooser = new Browser(server);
        await chooser.get(continueLink);
        const deleted = await chooser.post('/account-reset/continue', {
          token: new URL(continueLink, 'http://x').searchParams.get('token')!,
          choice: 'delete',
        });
        assert.equal(deleted.status, 200);
        assert.match(deleted.body, /Your account was deleted/);
        assert.equal(await system.app.accounts.findById(account.id), undefined);
        assert.match((await latestEmail(email, /./)).subject, /Your account was deleted/);
        const gone = await new Browser(server).get(continueLink);
        assert.equal(gone.status, 400, 'the link dies with the account');
      });

      it('cancels an account reset from the emailed link (after a confirmation, never on the GET alone)', async () => {
        const email = 'not.me@example.com';
        const password = 'granite-willow-sparrow-84';
        const account = await createPerson(email, password);
        const browser = new Browser(server);
        await browser.get('/account-reset');
        assert.equal((await browser.post('/account-reset', { email, password })).status, 303);
        const first = await latestEmail(email, /You asked to reset your account/);
        const cancelLink = linkIn(first.body, '/account-reset/cancel');
        const continueLink = linkIn(first.body, '/account-reset/continue');

        const other = new Browser(server);
        const confirm = await other.get(cancelLink);
        assert.equal(confirm.status, 200);
        assert.match(confirm.body, /Cancel your account reset\?/);
        assert.equal(
          (await new Browser(server).get(continueLink)).status,
          403,
          'a GET alone cancels nothing',
        );
        const cancelled = await other.post('/account-reset/cancel', {
          token: new URL(cancelLink, 'http://x').searchParams.get('token')!,
        });
        assert.equal(cancelled.status, 200);
        assert.match(cancelled.body, /Your request was cancelled/);
        assert.match((await latestEmail(email, /./)).subject, /cancelled/);

        system.clock.advance(24 * HOUR + MINUTE);
        assert.equal(await system.accountReset.sendDueAccountResetEmails(system.clock.now()), 0);
        const dead = await new Browser(server).get(continueLink);
        assert.equal(dead.status, 400);
        assert.match(dead.body, /This request was cancelled/);
        assert.equal((await system.app.methods.list(account.id)).length, 1, 'the account is untouched');
      });

      it('deletes an account only after a recent second factor and the password; its grants and consents go too', async () => {
        const { app } = system;
        const maria = (await app.accounts.findByEmail(MARIA.email))!;
        const james = (await app.accounts.findByEmail(JAMES_EMAIL))!;
        await app.db.query(
          `INSERT INTO consents (account_id, client_id, scopes, expires_at) VALUES ($1, 'tax-account', '{openid}', now() + interval '1 day')`,
          [maria.id],
        );
        for (const [model, id, accountId] of [
          ['Grant', 'grant-maria', maria.id],
          ['Session', 'session-maria', maria.id],
          ['AccessToken', 'token-maria', maria.id],
          ['Grant', 'grant-james', james.id],
        ] as const) {
          await app.db.query(
            `INSERT INTO oidc_models (model, id, payload, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
            [model, id, JSON.stringify({ accountId, kind: model })],
          );
        }

        const anonymous = await new Browser(server).get('/account/delete');
        assert.equal(anonymous.status, 303);
        assert.equal(anonymous.location, '/sign-in');

        const browser = new Browser(server);
        await signInFully(browser, MARIA.email, MARIA.password);
        assert.equal((await browser.get('/account/delete')).status, 200, 'a second factor just now');

        system.clock.advance(10 * MINUTE);
        assert.equal((await browser.get('/account')).status, 200);
        system.clock.advance(11 * MINUTE);
        const stale = await browser.get('/account/delete');
        assert.equal(stale.status, 303, 'the second factor is 21 minutes old');
        assert.equal(stale.location, '/mfa');
        assert.equal(browser.cookie('idp_return'), '/account/delete');
        const staleDelete = await browser.post('/account/delete', { password: MARIA.password });
        assert.equal(staleDelete.status, 303);
        assert.ok(await app.accounts.findById(maria.id), 'not deleted without a recent second factor');

        const back = await passMfa(browser, MARIA.email);
        assert.equal(back.location, '/account/delete');
        const page = await browser.get('/account/delete');
        assert.match(page.body, /This can’t be undone/);

        const wrong = await browser.post('/account/delete', { password: 'not-marias-password' });
        assert.equal(wrong.status, 400);
        assert.match(wrong.body, /That password is not right/);
        assert.ok(await app.accounts.findById(maria.id), 'not deleted with a wrong password');

        const deleted = await browser.post('/account/delete', { password: MARIA.password });
        assert.equal(deleted.status, 200);
        assert.match(deleted.body, /Your account was deleted/);
        assert.equal(browser.cookie('idp_sid'), undefined, 'the session cookie is cleared');

        assert.equal(await app.accounts.findById(maria.id), undefined);
        const count = async (sql: string, params: unknown[]) =>
          (await app.db.query<{ n: number }>(sql, params))[0]!.n;
        assert.equal(
          await count('SELECT count(*)::int AS n FROM consents WHERE account_id = $1', [maria.id]),
          0,
        );
        assert.equal(
          await count(`SELECT count(*)::int AS n FROM oidc_models WHERE payload ->> 'accountId' = $1`, [
            maria.id,
          ]),
          0,
          'grants, OIDC sessions and tokens are gone',
        );
        assert.equal(
          await count(`SELECT count(*)::int AS n FROM oidc_models WHERE id = 'grant-james'`, []),
          1,
          'other people’s grants stay',
        );
        for (const table of ['idp_sessions', 'mfa_methods', 'security_events']) {
          assert.equal(
            await count(`SELECT count(*)::int AS n FROM ${table} WHERE account_id = $1`, [maria.id]),
            0,
            table,
          );
        }
        assert.equal((await latestEmail(MARIA.email, /./)).subject, 'Your account was deleted');
        assert.equal((await browser.get('/account')).location, '/sign-in');
        assert.equal(
          (await signInWithPassword(new Browser(server), MARIA.email, MARIA.password)).status,
          401,
        );
      });
    },
  );
}

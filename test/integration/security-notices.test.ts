// Security notices: an email for each security event with a "This wasn't me" link, the
// new-device and repeated-wrong-code rules, and the link that locks the account and ends
// its sessions (confirmation page first, CSRF, single use, 7 days). The identity app is
// built on a temporary embedded database; the notifier and the routes run on a separate
// small server sharing its database, with a controllable clock and a captured log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '#platform/log/logger.ts';
import { createWebServer } from '#platform/http/web-server.ts';
import { errorPage } from '#platform/ui/error-page.tsx';
import { createTestClock } from '#platform/time/clock.ts';
import { hashToken } from '#platform/crypto/tokens.ts';
import { allCatalogs } from '#platform/i18n/catalog.ts';
import type { EmailMessage, EmailSender } from '#platform/mail/email-port.ts';
import { readSystemConfig } from '../../src/system/system-config.ts';
import { buildIdentityApp, type IdentityApp } from '../../apps/identity/src/main.ts';
import { systemAgencyRegistrations } from '../../src/system/agency-registrations.ts';
import { loadOrCreateClientKey } from '../../apps/benefits/src/oidc/client-key.ts';
import { seedIdentity } from '../../apps/identity/src/seed/seed-identity.ts';
import { createIdpSessionsRepo, type IdpSessionsRepo } from '../../apps/identity/src/db/idp-sessions-repo.ts';
import {
  createAccountLocksRepo,
  type AccountLocksRepo,
} from '../../apps/identity/src/db/account-locks-repo.ts';
import {
  createSecurityNoticeTokensRepo,
  type SecurityNoticeTokensRepo,
} from '../../apps/identity/src/db/security-notice-tokens-repo.ts';
import type { SecurityEventKind } from '../../apps/identity/src/db/security-events-repo.ts';
import {
  createNotifyingSecurityEvents,
  type NotifyingSecurityEvents,
} from '../../apps/identity/src/flows/security-notifier.ts';
import { registerSecurityNoticeRoutes } from '../../apps/identity/src/http/security-notice-routes.tsx';
import { LockedSignInPage } from '../../apps/identity/src/views/security-notice-pages.tsx';
import { sessionCookieJar } from '../../apps/identity/src/session/idp-session-cookies.ts';

const START = new Date('2025-01-15T17:30:00Z'); // 12:30 PM in New York (EST)
const NEW_YORK_TIME = /January 15, 2025 at 12:30\sPM EST/;
const LINK = /http:\/\/localhost:4000\/security\/not-me\?token=([A-Za-z0-9_%-]+)/;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('security notices and the "This wasn\'t me" link', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tia-notices-'));
  const lines: string[] = [];
  const sent: EmailMessage[] = [];
  const people: { email: string; givenName: string }[] = [];
  const clock = createTestClock(START);
  let identity: IdentityApp;
  let server: FastifyInstance;
  let events: NotifyingSecurityEvents;
  let tokens: SecurityNoticeTokensRepo;
  let locks: AccountLocksRepo;
  let sessions: IdpSessionsRepo;
  const capture: EmailSender = { name: 'capture', send: async (message) => void sent.push(message) };
  const logger = createLogger({
    name: 'test',
    level: 'info',
    destination: { write: (line: string) => void lines.push(line) },
  });

  before(async () => {
    const config = readSystemConfig({ APP_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    identity = await buildIdentityApp(config.identity, logger, undefined, { clock });
    await seedIdentity(identity, {
      agencies: systemAgencyRegistrations(
        config,
        loadOrCreateClientKey(config.benefits.clientKeyFile).publicJwk,
      ),
      demoPeople: true,
    });
    tokens = createSecurityNoticeTokensRepo(identity.db);
    locks = createAccountLocksRepo(identity.db);
    sessions = createIdpSessionsRepo(identity.db, config.identity.idpSession);
    events = createNotifyingSecurityEvents({
      db: identity.db,
      accounts: identity.accounts,
      email: capture,
      tokens,
      baseUrl: config.identity.issuer,
      clock,
      logger,
    });
    server = await createWebServer({
      name: 'identity',
      logger,
      cookieSecret: config.identity.cookieSecret,
      cookiePrefix: 'idp',
      secureCookies: false,
      formActionOrigins: () => [],
      errorPage: errorPage('idp.name', '/'),
      rateLimit: { max: 10_000, timeWindowMs: 60_000 },
      health: async () => ({}),
    });
    registerSecurityNoticeRoutes(server, {
      tokens,
      locks,
      sessions,
      cookies: sessionCookieJar(false),
      clock,
    });
    server.get('/probe/locked-sign-in', (_req, reply) => reply.page((ctx) => LockedSignInPage(ctx)));
  });

  after(async () => {
    await server?.close();
    await identity?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let counter = 0;
  async function newAccount() {
    counter += 1;
    const person = {
      email: `notice.person${counter}@example.com`,
      givenName: `Quillon${counter}x`,
      familyName: `Marchetti${counter}y`,
    };
    people.push(person);
    return identity.db.transaction((tx) =>
      identity.accounts.create(tx, { ...person, passwordHash: 'not-a-real-hash' }),
    );
  }

  const record = (
    accountId: string,
    kind: SecurityEventKind,
    deviceId = 'device-a',
    extra: { locale?: 'en' | 'es' } = {},
  ) =>
    events.record({ accountId, kind, deviceId, deviceLabel: 'Chrome on Linux', at: clock.now(), ...extra });

  const mailsTo = (email: string) => sent.filter((m) => m.to === email);
  const tokenOf = (message: EmailMessage) => {
    const match = LINK.exec(message.text);
    assert.ok(match, `the notice carries a not-me link: ${message.text}`);
    return decodeURIComponent(match[1]!);
  };
  const eventCount = async (accountId: string) =>
    (
      await identity.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM security_events WHERE account_id = $1',
        [accountId],
      )
    )[0]!.n;

  /** Opens the confirmation page and returns what a browser would post back. */
  async function openLink(token: string) {
    const page = await server.inject({
      method: 'GET',
      url: `/security/not-me?token=${encodeURIComponent(token)}`,
    });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return { page, csrf, cookie };
  }
  const postLink = (token: string, csrf: string | undefined, cookie: string) =>
    server.inject({
      method: 'POST',
      url: '/security/not-me',
      payload: `${csrf ? `_csrf=${encodeURIComponent(csrf)}&` : ''}token=${encodeURIComponent(token)}`,
      headers: { ...FORM, cookie },
    });

  it('emails a plain-language notice for each kind of event, with device, New York time and a not-me link', async () => {
    clock.set(START);
    const account = await newAccount();
    const kinds: SecurityEventKind[] = [
      'account_created',
      'password_changed',
      'mfa_added',
      'mfa_removed',
      'mfa_renamed',
      'signed_out_everywhere',
    ];
    for (const kind of kinds) await record(account.id, kind);
    await record(account.id, 'sign_in', 'device-never-seen');
    const mails = mailsTo(account.email);
    assert.equal(mails.length, 7);
    const en = allCatalogs().en;
    const all = [...kinds, 'sign_in' as const];
    assert.deepEqual(
      mails.map((m) => m.kind),
      all.map((k) => `security-notice-${k}`),
    );
    assert.deepEqual(
      mails.map((m) => m.subject),
      all.map((k) => en[`idp.notice.email.subject.${k}`]),
    );
    assert.equal(new Set(mails.map((m) => m.subject)).size, 7, 'each kind has its own subject');
    assert.equal(mails[1]!.subject, 'Your password was changed');
    assert.equal(mails[6]!.subject, 'New sign-in to your account');
    for (const mail of mails) {
      assert.match(mail.text, NEW_YORK_TIME);
      assert.match(mail.text, /Device: Chrome on Linux/);
      assert.match(mail.text, /This wasn’t me/);
      assert.match(mail.text, /never ask for your password or security codes/);
      assert.match(mail.text, LINK);
    }
    // Only hashes are stored, one per notice, each pointing at its event, valid 7 days.
    const rows = await identity.db.query<{ token_hash: string; expires_at: Date; kind: string }>(
      `SELECT t.token_hash, t.expires_at, e.kind FROM security_notice_tokens t
       JOIN security_events e ON e.id = t.event_id WHERE t.account_id = $1`,
      [account.id],
    );
    assert.equal(rows.length, 7);
    for (const [index, mail] of mails.entries()) {
      const token = tokenOf(mail);
      assert.ok(token.length >= 43, 'a 256-bit random token');
      const row = rows.find((r) => r.token_hash === hashToken(token));
      assert.ok(row, 'the hash of the link token is stored');
      assert.equal(row.kind, all[index]);
      assert.equal(row.expires_at.getTime(), START.getTime() + 7 * 24 * 3600_000);
      assert.ok(!rows.some((r) => r.token_hash === token), 'the token itself is never stored');
    }
    // Same interface as the plain repository: the history lists every event.
    const listed = await events.list(account.id, 20);
    assert.deepEqual(listed.map((e) => e.kind).sort(), [...all].sort());
  });

  it('writes the notice in Spanish when the event carries a locale, English otherwise', async () => {
    clock.set(START);
    const account = await newAccount();
    await record(account.id, 'password_changed', 'device-a', { locale: 'es' });
    await record(account.id, 'password_changed', 'device-a');
    const [es, en] = mailsTo(account.email);
    assert.equal(es?.subject, 'Se cambió su contraseña');
    assert.match(es!.text, /15 de enero de 2025/);
    assert.match(es!.text, /Dispositivo: Chrome on Linux/);
    assert.match(es!.text, /Nunca le pediremos su contraseña ni sus códigos/);
    assert.match(es!.text, LINK);
    assert.equal(en?.subject, 'Your password was changed');
  });

  it('reports a sign-in only from a device that never signed in to or created the account', async () => {
    clock.set(START);
    const account = await newAccount();
    const other = await newAccount();
    const signInMails = () => mailsTo(account.email).filter((m) => m.kind === 'security-notice-sign_in');

    await record(account.id, 'account_created', 'device-1');
    await record(account.id, 'sign_in', 'device-1');
    assert.equal(signInMails().length, 0, 'the device that created the account is known');

    await record(account.id, 'sign_in', 'device-2');
    assert.equal(signInMails().length, 1, 'a new device is reported');
    await record(account.id, 'sign_in', 'device-2');
    assert.equal(signInMails().length, 1, 'the second sign-in from it is not');

    await record(account.id, 'sign_in_failed_mfa', 'device-3');
    await record(account.id, 'sign_in', 'device-3');
    assert.equal(signInMails().length, 2, 'a wrong code does not make a device known');

    await record(other.id, 'sign_in', 'device-2');
    assert.equal(
      mailsTo(other.email).filter((m) => m.kind === 'security-notice-sign_in').length,
      1,
      'devices are known per account',
    );
  });

  it('reports wrong second-factor codes only on the 3rd within an hour', async () => {
    clock.set(START);
    const account = await newAccount();
    const failedMails = () =>
      mailsTo(account.email).filter((m) => m.kind === 'security-notice-sign_in_failed_mfa');

    // Three spread over more than an hour: never three within one.
    await record(account.id, 'sign_in_failed_mfa');
    clock.advance(40 * 60);
    await record(account.id, 'sign_in_failed_mfa');
    clock.advance(40 * 60);
    await record(account.id, 'sign_in_failed_mfa');
    assert.equal(failedMails().length, 0);

    clock.advance(2 * 3600);
    await record(account.id, 'sign_in_failed_mfa');
    await record(account.id, 'sign_in_failed_mfa');
    assert.equal(failedMails().length, 0, 'not on the 1st or 2nd');
    await record(account.id, 'sign_in_failed_mfa');
    assert.equal(failedMails().length, 1, 'on the 3rd');
    assert.equal(failedMails()[0]!.subject, 'Wrong security codes were entered on your account');
    assert.match(failedMails()[0]!.text, LINK);
    await record(account.id, 'sign_in_failed_mfa');
    assert.equal(failedMails().length, 1, 'not again on the 4th');
  });

  it('keeps the event and the action when the email cannot be sent, and logs no address', async () => {
    clock.set(START);
    const account = await newAccount();
    const failing = createNotifyingSecurityEvents({
      db: identity.db,
      accounts: identity.accounts,
      email: {
        name: 'broken',
        send: async (message) => {
          throw new Error(`SMTP refused ${message.to}`);
        },
      },
      tokens,
      baseUrl: 'http://localhost:4000',
      clock,
      logger,
    });
    const before = lines.length;
    await failing.record({ accountId: account.id, kind: 'password_changed', at: clock.now() });
    assert.equal((await events.list(account.id, 5))[0]?.kind, 'password_changed');
    const logged = lines.slice(before).join('\n');
    assert.match(logged, /security_notice_failed/);
    assert.doesNotMatch(logged, new RegExp(account.email.replace('.', '\\.')));
  });

  it('shows a confirmation page on GET and changes nothing', async () => {
    clock.set(START);
    const account = await newAccount();
    const live = await sessions.create({
      accountId: account.id,
      deviceId: 'device-a',
      deviceLabel: 'Chrome on Linux',
      now: clock.now(),
    });
    await record(account.id, 'sign_in', 'device-unfamiliar');
    const token = tokenOf(mailsTo(account.email).at(-1)!);

    const { page, csrf } = await openLink(token);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Lock your account\?<\/h1>/);
    assert.match(page.body, /<form class="usa-form" method="post" action="\/security\/not-me">/);
    assert.match(page.body, /Lock my account/);
    assert.ok(csrf, 'the form carries a CSRF token');
    assert.ok(page.body.includes(`name="token" value="${token}"`));
    assert.match(page.body, /Signed in/);
    assert.match(page.body, /Chrome on Linux/);
    assert.match(page.body, NEW_YORK_TIME);
    assert.equal(page.headers['cache-control'], 'no-store');

    const es = await server.inject({
      method: 'GET',
      url: `/security/not-me?token=${encodeURIComponent(token)}`,
      headers: { 'accept-language': 'es' },
    });
    assert.match(es.body, /Bloquear mi cuenta/);

    assert.equal(await locks.isLocked(account.id), false);
    assert.ok(await sessions.peek(live, clock.now()), 'the session is untouched');
    assert.equal((await tokens.inspect(token, clock.now())).status, 'valid');
  });

  it('refuses the lock without a CSRF token', async () => {
    clock.set(START);
    const account = await newAccount();
    await record(account.id, 'mfa_added');
    const token = tokenOf(mailsTo(account.email).at(-1)!);
    const { cookie } = await openLink(token);
    const response = await postLink(token, undefined, cookie);
    assert.equal(response.statusCode, 403);
    assert.equal(await locks.isLocked(account.id), false);
    assert.equal((await tokens.inspect(token, clock.now())).status, 'valid');
  });

  it('locks the account, ends every session, sends no further notice, and works once', async () => {
    clock.set(START);
    const account = await newAccount();
    const bystander = await newAccount();
    const here = await sessions.create({
      accountId: account.id,
      deviceId: 'device-a',
      deviceLabel: 'Chrome on Linux',
      now: clock.now(),
    });
    const there = await sessions.create({
      accountId: account.id,
      deviceId: 'device-b',
      deviceLabel: 'Safari on iOS',
      now: clock.now(),
    });
    const untouched = await sessions.create({
      accountId: bystander.id,
      deviceId: 'device-c',
      deviceLabel: 'Firefox on Windows',
      now: clock.now(),
    });
    await record(account.id, 'mfa_removed');
    const token = tokenOf(mailsTo(account.email).at(-1)!);
    const mailsBefore = sent.length;
    const eventsBefore = await eventCount(account.id);

    const { csrf, cookie } = await openLink(token);
    const locked = await postLink(token, csrf, cookie);
    assert.equal(locked.statusCode, 200);
    assert.match(locked.body, /Your account is locked\. Reset your password to unlock it\./);
    assert.match(locked.body, /href="\/forgot-password"/);
    assert.ok(
      locked.cookies.some((c) => c.name === 'idp_sid' && c.value === ''),
      'the session cookie on this browser is cleared',
    );

    assert.equal(await locks.isLocked(account.id), true);
    assert.equal(await sessions.peek(here, clock.now()), undefined);
    assert.equal(await sessions.peek(there, clock.now()), undefined);
    assert.ok(await sessions.peek(untouched, clock.now()), "another account's session stays");
    assert.equal(await locks.isLocked(bystander.id), false);
    assert.equal(sent.length, mailsBefore, 'locking sends no notice (no loop)');
    assert.equal(await eventCount(account.id), eventsBefore, 'locking records no security event');

    const again = await postLink(token, csrf, cookie);
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /This link was already used/);
    const reopened = await openLink(token);
    assert.equal(reopened.page.statusCode, 410);
    assert.match(reopened.page.body, /This link was already used/);
    assert.doesNotMatch(reopened.page.body, /Lock my account/);

    // A successful password reset calls unlock.
    assert.equal(await locks.unlock(account.id), true);
    assert.equal(await locks.isLocked(account.id), false);
    assert.equal(await locks.unlock(account.id), false);
    const afterReset = await postLink(token, csrf, cookie);
    assert.equal(afterReset.statusCode, 410, 'a used link cannot lock again after the reset');
    assert.equal(await locks.isLocked(account.id), false);
  });

  it('keeps a link 7 days, then explains it expired; unknown and missing tokens get their own page', async () => {
    clock.set(START);
    const account = await newAccount();
    await record(account.id, 'mfa_renamed');
    const token = tokenOf(mailsTo(account.email).at(-1)!);
    const { csrf, cookie } = await openLink(token);

    clock.advance(7 * 24 * 3600 - 60);
    assert.equal((await openLink(token)).page.statusCode, 200, 'still valid just before 7 days');
    clock.advance(61);
    const expired = await openLink(token);
    assert.equal(expired.page.statusCode, 410);
    assert.match(expired.page.body, /This link has expired/);
    assert.match(expired.page.body, /href="\/forgot-password"/);
    const post = await postLink(token, csrf, cookie);
    assert.equal(post.statusCode, 410);
    assert.match(post.body, /This link has expired/);
    assert.equal(await locks.isLocked(account.id), false);

    const unknown = await openLink('x'.repeat(43));
    assert.equal(unknown.page.statusCode, 404);
    assert.match(unknown.page.body, /We do not recognize this link/);
    const missing = await server.inject({ method: 'GET', url: '/security/not-me' });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /We do not recognize this link/);
    const unknownPost = await postLink('y'.repeat(43), csrf, cookie);
    assert.equal(unknownPost.statusCode, 404);
  });

  it('has a sign-in page for locked accounts that points to a password reset, in both languages', async () => {
    const en = await server.inject({ method: 'GET', url: '/probe/locked-sign-in' });
    assert.match(en.body, /Your account is locked because someone used the “This wasn’t me” link/);
    assert.match(en.body, /href="\/forgot-password"/);
    const es = await server.inject({ method: 'GET', url: '/probe/locked-sign-in?lang=es' });
    assert.match(es.body, /Su cuenta está bloqueada porque/);
  });

  it('logs no email address, name or link token along the way', async () => {
    clock.set(START);
    const account = await newAccount();
    const before = lines.length;
    await record(account.id, 'sign_in', 'device-somewhere-new');
    const token = tokenOf(mailsTo(account.email).at(-1)!);
    const { csrf, cookie } = await openLink(token);
    await postLink(token, csrf, cookie);
    const logged = lines.slice(before).join('\n');
    assert.match(logged, /security_notice_sent/, 'the notice is logged for operators');
    assert.match(logged, /account_locked/, 'the lock is logged for operators');
    assert.match(logged, /\/security\/not-me\?token=\[redacted\]/, 'request URLs are logged, token masked');
    assert.ok(!logged.includes(token), 'no link token');
    assert.ok(!logged.includes(hashToken(token)), 'not even its hash');
    for (const person of people) {
      assert.ok(!logged.includes(person.email) && !lines.join('\n').includes(person.email), person.email);
      assert.ok(!lines.join('\n').includes(person.givenName), 'no given name');
    }
    assert.doesNotMatch(lines.join('\n'), /Chrome on Linux/, 'no device label');
  });
});

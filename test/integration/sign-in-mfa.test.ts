// AAL2 sign-in over HTTP with a controllable clock: every code-based method, code expiry and
// reuse, TOTP drift, backup codes used once, lockouts, session idle and absolute expiry,
// recent-MFA for sensitive actions, the last method kept — and no PII in the logs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { createHttpClient, type HttpClient } from '../support/http-client.ts';
import { createTestClock } from '#platform/time/clock.ts';
import { currentTotp } from '../../apps/identity/src/auth/mfa/totp.ts';

const clock = createTestClock(new Date('2026-11-25T15:00:00.000Z'));
const PASSWORD = 'quartz-lantern-meadow-58';
const PHONE = '(202) 555-0143';

describe('AAL2 sign-in and MFA methods', { timeout: 180_000 }, () => {
  let system: TestSystem;
  const logLines: string[] = [];
  let seq = 0;

  before(async () => {
    system = await startTestSystem({ clock, logLines, env: { LOG_LEVEL: 'info' } });
  });
  after(() => system?.stop());

  const idp = () => system.identity.server;

  async function newAccount(): Promise<{ email: string; id: string }> {
    seq += 1;
    const email = `person.${seq}.${Date.now()}@example.com`;
    const passwordHash = await system.identity.hasher.hash(PASSWORD);
    const account = await system.identity.db.transaction((tx) =>
      system.identity.accounts.create(tx, {
        email,
        givenName: 'Test',
        familyName: `Person${seq}`,
        passwordHash,
      }),
    );
    return { email, id: account.id };
  }

  async function outbox(): Promise<{ channel: string; recipient: string; subject: string; body: string }[]> {
    const r = await idp().inject({ method: 'GET', url: '/dev/outbox.json' });
    return r.json().messages;
  }

  async function latestCode(recipient: string): Promise<string> {
    const message = (await outbox()).find((m) => m.recipient === recipient);
    assert.ok(message, `a message to ${recipient}`);
    const digits = /code is ((?:\d ?){6})/.exec(message.body)?.[1]?.replace(/ /g, '');
    assert.ok(digits, `a code in: ${message.body}`);
    return digits;
  }

  async function passwordStep(client: HttpClient, email: string, password = PASSWORD) {
    await client.get('/sign-in');
    return client.post('/sign-in', { email, password });
  }

  function methodIds(html: string): string[] {
    return [...html.matchAll(/name="methodId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
  }

  async function setUpEmailMethod(client: HttpClient, email: string) {
    const start = await client.submit('/mfa-setup/email', {});
    assert.equal(start.status, 200);
    const sealed = /name="sealed" value="([^"]+)"/.exec(start.body)![1]!;
    const challengeId = /name="challengeId" value="([^"]+)"/.exec(start.body)![1]!;
    return client.post('/mfa-setup/email/confirm', { sealed, challengeId, code: await latestCode(email) });
  }

  it('asks for a second factor after the password, and sets one up when there is none', async () => {
    const { email } = await newAccount();
    const client = createHttpClient(idp());
    const afterPassword = await passwordStep(client, email);
    assert.equal(afterPassword.status, 303);
    assert.equal(afterPassword.location, '/mfa-setup');
    assert.equal((await client.get('/account')).location, '/mfa', 'no account page at AAL1');
    const setup = await client.get('/mfa-setup');
    assert.match(setup.body, /Secure your account/);
    const confirmed = await setUpEmailMethod(client, email);
    assert.match(confirmed.body, /Add a second method\?/);
    const account = await client.get('/account');
    assert.equal(account.status, 200);
    assert.match(account.body, /Email code/);
    assert.match(account.body, /Add a second way to sign in/, 'one method: reminded to add a second');
  });

  it('sends text-message and voice codes through the telephony port to the outbox', async () => {
    const { email } = await newAccount();
    const client = createHttpClient(idp());
    await passwordStep(client, email);
    const bad = await client.submit('/mfa-setup/sms', { phone: '911-555-0143' });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /Enter a 10-digit US phone number/);
    const start = await client.submit('/mfa-setup/sms', { phone: PHONE });
    const sms = (await outbox()).find((m) => m.recipient === '+12025550143');
    assert.equal(sms?.channel, 'sms');
    const sealed = /name="sealed" value="([^"]+)"/.exec(start.body)![1]!;
    const challengeId = /name="challengeId" value="([^"]+)"/.exec(start.body)![1]!;
    const wrong = await client.post('/mfa-setup/sms/confirm', {
      sealed,
      challengeId,
      code: '000000' === (await latestCode('+12025550143')) ? '111111' : '000000',
    });
    assert.equal(wrong.status, 400);
    const ok = await client.post('/mfa-setup/sms/confirm', {
      sealed,
      challengeId,
      code: await latestCode('+12025550143'),
    });
    assert.match(ok.body, /Add a second method\?/);
    clock.advance(11);
    const voice = await client.submit('/mfa-setup/voice', { phone: '202.555.0177' });
    assert.equal(voice.status, 200);
    const call = (await outbox()).find((m) => m.recipient === '+12025550177');
    assert.equal(call?.channel, 'voice');
    assert.match(call!.body, /code is (\d ){5}\d/, 'digits are read one by one');
  });

  it('verifies email codes once, and only within 10 minutes', async () => {
    const { email } = await newAccount();
    const setupClient = createHttpClient(idp());
    await passwordStep(setupClient, email);
    await setUpEmailMethod(setupClient, email);

    clock.advance(11);
    const client = createHttpClient(idp());
    assert.equal((await passwordStep(client, email)).location, '/mfa');
    const choose = await client.get('/mfa');
    const [methodId] = methodIds(choose.body);
    const sent = await client.post('/mfa/start', { methodId: methodId! });
    const challengeId = new URL(sent.location!, 'http://x').searchParams.get('challenge')!;
    const code = await latestCode(email);
    await client.get(sent.location!);
    clock.advance(10 * 60 + 1);
    const late = await client.post(`/mfa/${methodId}`, { code, challengeId });
    assert.equal(late.status, 400);
    assert.match(late.body, /That code has expired/);

    clock.advance(11);
    const again = await client.post('/mfa/start', { methodId: methodId! });
    const freshChallenge = new URL(again.location!, 'http://x').searchParams.get('challenge')!;
    const fresh = await latestCode(email);
    await client.get(again.location!);
    const ok = await client.post(`/mfa/${methodId}`, { code: fresh, challengeId: freshChallenge });
    assert.equal(ok.status, 303);
    assert.equal(ok.location, '/account');
    await client.get('/mfa');
    const replay = await client.post(`/mfa/${methodId}`, { code: fresh, challengeId: freshChallenge });
    assert.match(replay.body, /already used/);
  });

  it('accepts TOTP within one step of drift, refuses a reused code and codes two steps off', async () => {
    const { email, id } = await newAccount();
    const setup = await system.identity.mfa.startTotpSetup(id, email);
    const added = await system.identity.mfa.finishTotpSetup(
      id,
      setup.sealed,
      currentTotp(setup.secret, clock.now()),
      'Phone',
    );
    assert.ok(added.ok);
    clock.advance(60);
    const client = createHttpClient(idp());
    await passwordStep(client, email);
    const methodId = added.method.id;
    await client.get(`/mfa/${methodId}`);
    const twoStepsAgo = currentTotp(setup.secret, new Date(clock.now().getTime() - 60_000));
    const current = currentTotp(setup.secret, clock.now());
    if (twoStepsAgo !== current) {
      const old = await client.post(`/mfa/${methodId}`, { code: twoStepsAgo, challengeId: '' });
      assert.equal(old.status, 400, 'two steps of drift is refused');
    }
    const previous = currentTotp(setup.secret, new Date(clock.now().getTime() - 30_000));
    const ok = await client.post(`/mfa/${methodId}`, { code: previous, challengeId: '' });
    assert.equal(ok.status, 303, 'one step of drift is accepted');

    const other = createHttpClient(idp());
    await passwordStep(other, email);
    await other.get(`/mfa/${methodId}`);
    const reused = await other.post(`/mfa/${methodId}`, { code: previous, challengeId: '' });
    assert.equal(reused.status, 400);
    assert.match(reused.body, /already used/);
  });

  it('uses each backup code once, even when two requests race', async () => {
    const { email, id } = await newAccount();
    const { method, codes } = await system.identity.mfa.createBackupCodes(id, 'Backup codes');
    assert.equal(codes.length, 10);
    const [a, b] = [createHttpClient(idp()), createHttpClient(idp())];
    await passwordStep(a, email);
    await passwordStep(b, email);
    await a.get(`/mfa/${method.id}`);
    await b.get(`/mfa/${method.id}`);
    const [ra, rb] = await Promise.all([
      a.post(`/mfa/${method.id}`, { code: codes[0]!, challengeId: '' }),
      b.post(`/mfa/${method.id}`, { code: codes[0]!, challengeId: '' }),
    ]);
    assert.deepEqual(
      [ra.status, rb.status].sort(),
      [303, 400],
      'exactly one of two racing requests succeeds',
    );
    assert.equal(await system.identity.mfa.remainingBackupCodes(method.id), 9);
  });

  it('locks one-time codes for 10 minutes after 10 wrong ones', async () => {
    const { email, id } = await newAccount();
    const { method, codes } = await system.identity.mfa.createBackupCodes(id, 'Backup codes');
    const client = createHttpClient(idp());
    await passwordStep(client, email);
    await client.get(`/mfa/${method.id}`);
    for (let i = 0; i < 10; i += 1) {
      const wrong = await client.post(`/mfa/${method.id}`, { code: 'ZZZZ-ZZZZ-ZZZZ', challengeId: '' });
      assert.equal(wrong.status, 400, `wrong code ${i + 1}`);
    }
    const locked = await client.post(`/mfa/${method.id}`, { code: codes[1]!, challengeId: '' });
    assert.equal(locked.status, 429);
    assert.match(locked.body, /Too many wrong codes/);
    clock.advance(10 * 60 + 1);
    await passwordStep(client, email);
    await client.get(`/mfa/${method.id}`);
    const ok = await client.post(`/mfa/${method.id}`, { code: codes[1]!, challengeId: '' });
    assert.equal(
      ok.status,
      303,
      'allowed again after the lockout: ' +
        (ok.body.match(/usa-error-message[^>]*>([^<]*)/)?.[1] ?? ok.location),
    );
  });

  it('limits wrong passwords to 5 a minute per browser, without revealing the account', async () => {
    const { email } = await newAccount();
    const client = createHttpClient(idp());
    for (let i = 0; i < 5; i += 1) {
      const wrong = await passwordStep(client, email, 'not-the-password-at-all');
      assert.equal(wrong.status, 401);
    }
    const limited = await passwordStep(client, email);
    assert.equal(limited.status, 429, 'even the right password waits');
    assert.match(limited.body, /Too many sign-in attempts/);
    const stranger = await passwordStep(client, 'nobody.at.all@example.com');
    assert.equal(stranger.status, 429, 'unknown emails get the same answer');
    clock.advance(61);
    assert.equal((await passwordStep(client, email)).status, 303);
  });

  it('ends sessions after 15 idle minutes and after 12 hours, and asks for a recent second factor', async () => {
    const { email } = await newAccount();
    const client = createHttpClient(idp());
    await passwordStep(client, email);
    await setUpEmailMethod(client, email);
    assert.equal((await client.get('/account')).status, 200);
    clock.advance(14 * 60);
    assert.equal((await client.get('/account')).status, 200, 'activity within 15 minutes keeps it alive');
    clock.advance(15 * 60 + 1);
    const idle = await client.get('/account');
    assert.equal(idle.status, 303, 'idle for more than 15 minutes: signed out');

    clock.advance(11);
    const keeper = createHttpClient(idp());
    await passwordStep(keeper, email);
    const methodId = methodIds((await keeper.get('/mfa')).body)[0]!;
    const sent = await keeper.post('/mfa/start', { methodId });
    const challengeId = new URL(sent.location!, 'http://x').searchParams.get('challenge')!;
    await keeper.get(sent.location!);
    assert.equal(
      (await keeper.post(`/mfa/${methodId}`, { code: await latestCode(email), challengeId })).location,
      '/account',
    );
    // 21 minutes later (kept alive): changing methods needs a fresh second factor.
    for (let i = 0; i < 3; i += 1) {
      clock.advance(7 * 60);
      assert.equal((await keeper.get('/account')).status, 200);
    }
    const remove = await keeper.post(`/account/methods/${methodId}/remove`, {});
    assert.equal(remove.location, '/mfa');
    assert.equal(
      (await keeper.get('/mfa-setup')).location,
      '/mfa',
      'adding a method also needs a recent second factor',
    );
    for (let elapsed = 21 * 60; elapsed < 12 * 3600; elapsed += 10 * 60) {
      clock.advance(10 * 60);
      await keeper.get('/account');
    }
    assert.equal(
      (await keeper.get('/account')).status,
      303,
      'the absolute limit of 12 hours ends the session',
    );
  });

  it('never removes the last method, and records changes in the history', async () => {
    const { email } = await newAccount();
    const client = createHttpClient(idp());
    await passwordStep(client, email);
    await setUpEmailMethod(client, email);
    const page = await client.get('/account');
    const methodId = /\/account\/methods\/([0-9a-f-]{36})\/rename/.exec(page.body)![1]!;
    assert.doesNotMatch(page.body, /\/remove"/, 'no remove button for the only method');
    const refused = await client.post(`/account/methods/${methodId}/remove`, {});
    assert.equal(refused.location, '/account');
    assert.match((await client.get('/account')).body, new RegExp(`/account/methods/${methodId}/rename`));
    await client.post(`/account/methods/${methodId}/rename`, { label: 'My inbox' });
    const renamed = await client.get('/account');
    assert.match(renamed.body, /My inbox/);
    assert.match(renamed.body, /Authentication method renamed/);
    assert.match(renamed.body, /Authentication method added/);
  });

  it('logged nothing personal: no email address, phone number or password', () => {
    const all = logLines.join('\n');
    assert.ok(logLines.length > 100);
    for (const secret of [PASSWORD, '2025550143', '555-0143', '@example.com', 'not-the-password-at-all']) {
      assert.ok(!all.includes(secret), `the logs contain ${secret}`);
    }
  });
});

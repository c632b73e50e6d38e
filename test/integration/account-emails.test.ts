// Email addresses on the account page: add (recent second factor), confirm by link, sign in
// with the new address, refuse an address another account uses, remove.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { createHttpClient, type HttpClient } from '../support/http-client.ts';

const PASSWORD = 'amber-falcon-ledger-36';

describe('email addresses of an account', { timeout: 120_000 }, () => {
  let system: TestSystem;
  let client: HttpClient;
  const primary = `first.${Date.now()}@example.com`;
  const second = `second.${Date.now()}@example.net`;

  before(async () => {
    system = await startTestSystem();
    const passwordHash = await system.identity.hasher.hash(PASSWORD);
    const account = await system.identity.db.transaction((tx) =>
      system.identity.accounts.create(tx, {
        email: primary,
        givenName: 'Ida',
        familyName: 'Wells',
        passwordHash,
      }),
    );
    await system.identity.mfa.createBackupCodes(account.id, 'Backup codes');
    client = createHttpClient(system.identity.server);
  });
  after(() => system?.stop());

  const outbox = async () =>
    (await system.identity.server.inject({ method: 'GET', url: '/dev/outbox.json' })).json().messages as {
      recipient: string;
      subject: string;
      body: string;
    }[];

  async function signIn(c: HttpClient, email: string) {
    await c.get('/sign-in');
    const afterPassword = await c.post('/sign-in', { email, password: PASSWORD });
    assert.equal(afterPassword.location, '/mfa');
    const account = (await system.identity.accounts.findByEmail(email))!;
    const method = (await system.identity.methods.list(account.id)).find((m) => m.kind === 'backup_codes')!;
    const { codes } = await system.identity.mfa.createBackupCodes(account.id, 'Backup codes');
    await c.get(`/mfa/${method.id}`);
    return c.post(`/mfa/${method.id}`, { code: codes[0]!, challengeId: '' });
  }

  it('adds an address, confirmed by the link sent to it, and it then signs in', async () => {
    assert.equal((await signIn(client, primary)).location, '/account');
    await client.get('/account');
    const added = await client.post('/account/emails', { email: second.toUpperCase() });
    assert.equal(added.location, '/account?notice=email-sent');
    const pending = await client.get('/account');
    assert.match(pending.body, /Waiting for confirmation/);
    const mail = (await outbox()).find((m) => m.recipient === second);
    assert.equal(mail?.subject, 'Confirm your new email address');
    const link = /https?:\/\/\S+/.exec(mail!.body)![0];
    const confirmed = await createHttpClient(system.identity.server).get(
      new URL(link).pathname + new URL(link).search,
    );
    assert.equal(confirmed.location, '/account?notice=email-confirmed');
    const reused = await createHttpClient(system.identity.server).get(
      new URL(link).pathname + new URL(link).search,
    );
    assert.equal(reused.status, 400, 'a link works once');
    const notice = (await outbox()).find(
      (m) => m.recipient === primary && /email address was added/.test(m.subject),
    );
    assert.ok(notice, 'the sign-up address is told about the new one');
    assert.equal((await signIn(createHttpClient(system.identity.server), second)).location, '/account');
  });

  it('refuses to confirm an address that another account already uses', async () => {
    await client.get('/account');
    await client.post('/account/emails', { email: 'maria.garcia@example.com' });
    const mail = (await outbox()).find(
      (m) => m.recipient === 'maria.garcia@example.com' && /new email/.test(m.subject),
    );
    const link = new URL(/https?:\/\/\S+/.exec(mail!.body)![0]);
    const taken = await createHttpClient(system.identity.server).get(link.pathname + link.search);
    assert.equal(taken.status, 400);
    assert.match(taken.body, /already used by an account/);
  });

  it('removes an added address; it no longer signs in', async () => {
    const page = await client.get('/account');
    const id = new RegExp(
      `([0-9a-f-]{36})/remove"[^]*?${second.replace(/\./g, '\\.')}|${second.replace(/\./g, '\\.')}[^]*?/account/emails/([0-9a-f-]{36})/remove`,
    ).exec(page.body);
    const emailId = id?.[1] ?? id?.[2];
    assert.ok(emailId);
    await client.post(`/account/emails/${emailId}/remove`, {});
    assert.doesNotMatch((await client.get('/account')).body, new RegExp(second.replace(/\./g, '\\.')));
    const c = createHttpClient(system.identity.server);
    await c.get('/sign-in');
    assert.equal((await c.post('/sign-in', { email: second, password: PASSWORD })).status, 401);
  });
});

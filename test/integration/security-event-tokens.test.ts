// Security Event Tokens from the identity provider to agencies (RFC 8417 / RFC 8935):
// - the deliveries repository and the enqueue hooks, on PGlite and PostgreSQL;
// - the delivery worker against a local HTTP receiver: retries with backoff, permanent
//   refusals, giving up, an agency removed meanwhile;
// - the whole system: a password reset and an account deletion at the identity provider end
//   the person's tax-account sessions through a verified SET; agencies without an endpoint
//   get nothing; the receiver answers in RFC 8935 terms.
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  type JWK,
} from 'jose';
import type { Database } from '#platform/db/database.ts';
import { createFieldCipher, type FieldCipher } from '#platform/crypto/field-cipher.ts';
import { createLogger } from '#platform/log/logger.ts';
import { createTestClock, type TestClock } from '#platform/time/clock.ts';
import { IDENTITY_MIGRATIONS } from '../../apps/identity/src/db/migrations-folder.ts';
import { createAccountsRepo, type Account } from '../../apps/identity/src/db/accounts-repo.ts';
import { createAgenciesRepo, type AgenciesRepo } from '../../apps/identity/src/db/agencies-repo.ts';
import { createConsentsRepo } from '../../apps/identity/src/db/consents-repo.ts';
import { createSecretsRepo } from '../../apps/identity/src/db/secrets-repo.ts';
import {
  createSecurityEventDeliveriesRepo,
  type SecurityEventDeliveriesRepo,
} from '../../apps/identity/src/db/security-event-deliveries-repo.ts';
import { parseAgencyRegistration } from '../../apps/identity/src/federation/agency-registration.ts';
import {
  PAIRWISE_SECRET_NAME,
  pairwiseSubjects,
} from '../../apps/identity/src/federation/pairwise-subject.ts';
import { createAgencySecurityEvents } from '../../apps/identity/src/federation/security-event-publisher.ts';
import {
  createSecurityEventWorker,
  retryDelaySeconds,
} from '../../apps/identity/src/federation/security-event-delivery.ts';
import {
  chooseSetSigningKey,
  signSecurityEventToken,
} from '../../apps/identity/src/federation/security-event-token.ts';
import { ACCOUNT_MIGRATIONS } from '../../apps/account/src/db/migrations-folder.ts';
import { createSessionsRepo, type SessionsRepo } from '../../apps/account/src/db/sessions-repo.ts';
import { SESSION_COOKIE } from '../../apps/account/src/session/current-session.ts';
import { verifySecurityEventToken } from '../../apps/account/src/security-events/security-event-token.ts';
import { forEachBackend, unique } from '../support/db/test-databases.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { createHttpClient } from '../support/http-client.ts';

const ISSUER = 'https://idp.example.gov';
const newCipher = (): FieldCipher => createFieldCipher(randomBytes(32), randomBytes(32));
const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000);

const publicOf = (key: JWK): JWK => {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest } = key;
  return rest;
};

/** A registration checked like `cli agency add --file`, with or without an endpoint. */
function agency(clientId: string, endpoint?: string) {
  return parseAgencyRegistration({
    client_id: clientId,
    name: `Agency ${clientId}`,
    redirect_uris: ['https://agency.example.gov/callback'],
    token_endpoint_auth_method: 'none',
    scopes: ['openid', 'email'],
    ial: 1,
    failure_url: 'https://agency.example.gov/failed',
    ...(endpoint ? { security_event_endpoint: endpoint } : {}),
  });
}

async function newAccount(db: Database, cipher: FieldCipher): Promise<Account> {
  const tag = unique();
  return createAccountsRepo(db, cipher).create(db, {
    email: `casey.${tag}@example.gov`,
    givenName: 'Casey',
    familyName: 'Taxpayer',
    passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$${tag}`,
  });
}

// ---- Repository and hooks, on both backends --------------------------------------------------

async function deliveriesSuite(t: TestContext, db: Database): Promise<void> {
  const cipher = newCipher();
  const agencies = createAgenciesRepo(db, cipher);
  const consents = createConsentsRepo(db);
  const deliveries = createSecurityEventDeliveriesRepo(db);
  const clock = createTestClock(new Date('2030-03-01T12:00:00Z'));
  const pairwise = pairwiseSubjects('test-pairwise-secret');
  const hooks = createAgencySecurityEvents({ deliveries, pairwiseSubject: pairwise, clock });
  const withEndpoint = unique('push-');
  const withoutEndpoint = unique('nopush-');
  const notConsented = unique('other-');
  await agencies.upsert(agency(withEndpoint, 'https://push.example.gov/events'));
  await agencies.upsert(agency(withoutEndpoint));
  await agencies.upsert(agency(notConsented, 'https://other.example.gov/events'));

  async function consentingAccount(): Promise<Account> {
    const account = await newAccount(db, cipher);
    await consents.record(account.id, withEndpoint, ['openid'], inAYear());
    await consents.record(account.id, withoutEndpoint, ['openid'], inAYear());
    return account;
  }

  await t.test(
    'a password reset queues one SET per consented agency with an endpoint, with its pairwise sub',
    async () => {
      const account = await consentingAccount();
      const queued = await db.transaction((tx) => hooks.passwordReset(tx, account.id));
      assert.equal(queued, 1);
      const [delivery, ...more] = await deliveries.listForAgency(withEndpoint, 10);
      assert.equal(more.length, 0);
      assert.ok(delivery);
      assert.equal(delivery.eventType, 'credential-change');
      assert.equal(delivery.subject, pairwise(withEndpoint, account.id));
      assert.notEqual(delivery.subject, account.id);
      assert.equal(delivery.status, 'pending');
      assert.equal(delivery.attempts, 0);
      assert.deepEqual(delivery.nextAttemptAt, clock.now());
      assert.deepEqual(await deliveries.listForAgency(withoutEndpoint, 10), []);
      assert.deepEqual(await deliveries.listForAgency(notConsented, 10), []);
    },
  );

  await t.test('an expired consent still counts: the agency knows the person', async () => {
    const account = await newAccount(db, cipher);
    await consents.record(account.id, withEndpoint, ['openid'], new Date('2020-01-01T00:00:00Z'));
    assert.equal(await db.transaction((tx) => hooks.passwordReset(tx, account.id)), 1);
  });

  await t.test('account deletion: queued before the delete, and the rows outlive the account', async () => {
    const account = await consentingAccount();
    const before = (await deliveries.listForAgency(withEndpoint, 100)).length;
    await db.transaction(async (tx) => {
      assert.equal(await hooks.accountDeleted(tx, account.id), 1);
      await tx.query('DELETE FROM accounts WHERE id = $1', [account.id]);
    });
    const rows = await deliveries.listForAgency(withEndpoint, 100);
    assert.equal(rows.length, before + 1);
    const purged = rows.find((row) => row.subject === pairwise(withEndpoint, account.id));
    assert.equal(purged?.eventType, 'account-purged');
    const [{ n }] = (await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM consents WHERE account_id = $1',
      [account.id],
    )) as [{ n: number }];
    assert.equal(n, 0, 'the consents went with the account');
    // Deleting again finds no consents: nothing more is queued.
    assert.equal(await db.transaction((tx) => hooks.accountDeleted(tx, account.id)), 0);
    assert.equal(await db.transaction((tx) => hooks.accountDeleted(tx, 'not-a-uuid')), 0);
  });

  await t.test('nothing is queued when the action rolls back', async () => {
    const account = await consentingAccount();
    const before = (await deliveries.listForAgency(withEndpoint, 100)).length;
    await assert.rejects(
      db.transaction(async (tx) => {
        await hooks.passwordReset(tx, account.id);
        throw new Error('the reset failed');
      }),
      /the reset failed/,
    );
    assert.equal((await deliveries.listForAgency(withEndpoint, 100)).length, before);
  });

  await t.test('claims lease rows to one worker and count the attempt; outcomes end the lease', async () => {
    await db.query('DELETE FROM security_event_deliveries');
    for (let i = 0; i < 6; i++) {
      const account = await consentingAccount();
      await db.transaction((tx) => hooks.passwordReset(tx, account.id));
    }
    const now = clock.now();
    // Two workers at once get disjoint rows (SKIP LOCKED on PostgreSQL; PGlite is serial).
    const [a, b] = await Promise.all([deliveries.claimDue(now, 4, 60), deliveries.claimDue(now, 4, 60)]);
    const ids = [...a, ...b].map((row) => row.id);
    assert.equal(ids.length, 6);
    assert.equal(new Set(ids).size, 6, 'no row is claimed twice');
    assert.ok([...a, ...b].every((row) => row.attempts === 1));
    assert.deepEqual(await deliveries.claimDue(now, 10, 60), [], 'leased rows are not claimed again');
    const [first, second, third] = ids as [string, string, string];
    await deliveries.markDelivered(first, now);
    await deliveries.retryLater(second, new Date(now.getTime() + 120_000), 'HTTP 503');
    await deliveries.markFailed(third, now, 'HTTP 400 invalid_audience');
    assert.equal((await deliveries.find(first))?.status, 'delivered');
    assert.deepEqual((await deliveries.find(first))?.deliveredAt, now);
    assert.equal((await deliveries.find(second))?.lastError, 'HTTP 503');
    assert.equal((await deliveries.find(third))?.status, 'failed');
    // A finished delivery is never changed again.
    await deliveries.retryLater(first, now, 'late');
    assert.equal((await deliveries.find(first))?.status, 'delivered');
    // The lease ends: the three unfinished rows come back (the rescheduled one when it is due).
    const later = new Date(now.getTime() + 61_000);
    const reclaimed = await deliveries.claimDue(later, 10, 60);
    assert.equal(reclaimed.length, 3);
    assert.ok(reclaimed.every((row) => row.attempts === 2));
    const due = await deliveries.claimDue(new Date(now.getTime() + 120_500), 10, 60);
    assert.deepEqual(
      due.map((row) => [row.id, row.attempts]),
      [[second, 2]],
    );
  });
}

forEachBackend('security event deliveries and hooks', { migrations: IDENTITY_MIGRATIONS }, deliveriesSuite);

forEachBackend('tax-account sessions by subject', { migrations: ACCOUNT_MIGRATIONS }, async (t, db) => {
  const sessions = createSessionsRepo(db, newCipher(), { idleSeconds: 900, absoluteSeconds: 3600 });
  await t.test('destroyAllForSubject ends every session of that subject and no other', async () => {
    const sub = unique('sub-');
    const other = unique('sub-');
    const now = new Date();
    const tokens = [
      await sessions.create({ sub }, 'id-token-1', now),
      await sessions.create({ sub }, 'id-token-2', now),
    ];
    const kept = await sessions.create({ sub: other }, 'id-token-3', now);
    assert.equal(await sessions.destroyAllForSubject(sub), 2);
    for (const token of tokens) assert.equal(await sessions.touch(token, now), undefined);
    assert.equal((await sessions.touch(kept, now))?.subject, other);
    assert.equal(await sessions.destroyAllForSubject(sub), 0);
  });
});

// ---- The delivery worker against a local receiver ---------------------------------------------

interface Received {
  contentType: string | undefined;
  body: string;
}

/** A receiver that answers each POST with the next scripted answer (the last one repeats). */
async function startReceiver(): Promise<{
  url: string;
  received: Received[];
  script(answers: { status: number; body?: unknown }[]): void;
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  let answers: { status: number; body?: unknown }[] = [{ status: 202 }];
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      received.push({ contentType: req.headers['content-type'], body });
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      res.statusCode = answer.status;
      if (answer.body !== undefined) res.setHeader('content-type', 'application/json');
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/security-events`,
    received,
    script(next) {
      answers = [...next];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function workerSuite(t: TestContext, db: Database): Promise<void> {
  const cipher = newCipher();
  const agencies: AgenciesRepo = createAgenciesRepo(db, cipher);
  const consents = createConsentsRepo(db);
  const deliveries: SecurityEventDeliveriesRepo = createSecurityEventDeliveriesRepo(db);
  const secrets = createSecretsRepo(db, cipher);
  const clock: TestClock = createTestClock(new Date('2030-03-01T12:00:00Z'));
  const pairwise = pairwiseSubjects(await secrets.secret(PAIRWISE_SECRET_NAME));
  const hooks = createAgencySecurityEvents({ deliveries, pairwiseSubject: pairwise, clock });
  const logLines: string[] = [];
  const logger = createLogger({
    name: 'test',
    level: 'info',
    destination: { write: (l) => void logLines.push(l) },
  });
  const worker = createSecurityEventWorker({
    deliveries,
    agencies,
    signingKeys: () => secrets.signingKeys(),
    issuer: ISSUER,
    clock,
    logger,
  });
  const receiver = await startReceiver();
  t.after(() => receiver.close());
  const clientId = unique('retry-');
  await agencies.upsert(agency(clientId, receiver.url));
  const publicKeys = createLocalJWKSet({ keys: (await secrets.signingKeys()).map(publicOf) });

  /** A fresh person who consented to the agency, with a password reset queued. */
  async function queueReset(): Promise<{ account: Account; deliveryId: string }> {
    await db.query("UPDATE security_event_deliveries SET status = 'failed' WHERE status = 'pending'");
    const account = await newAccount(db, cipher);
    await consents.record(account.id, clientId, ['openid'], inAYear());
    await db.transaction((tx) => hooks.passwordReset(tx, account.id));
    const delivery = (await deliveries.listForAgency(clientId, 1000)).find(
      (row) => row.subject === pairwise(clientId, account.id),
    );
    assert.ok(delivery);
    return { account, deliveryId: delivery.id };
  }

  await t.test('a failed push is retried after the backoff and then delivered, as the same SET', async () => {
    const { account, deliveryId } = await queueReset();
    receiver.received.length = 0;
    receiver.script([{ status: 503 }, { status: 202 }]);
    assert.deepEqual(await worker.deliverDue(), { delivered: 0, retrying: 1, failed: 0 });
    let row = await deliveries.find(deliveryId);
    assert.equal(row?.status, 'pending');
    assert.equal(row?.attempts, 1);
    assert.equal(row?.lastError, 'HTTP 503');
    assert.deepEqual(row?.nextAttemptAt, new Date(clock.now().getTime() + 60_000));
    // Not due yet: nothing is sent.
    clock.advance(59);
    assert.deepEqual(await worker.deliverDue(), { delivered: 0, retrying: 0, failed: 0 });
    assert.equal(receiver.received.length, 1);
    clock.advance(1);
    assert.deepEqual(await worker.deliverDue(), { delivered: 1, retrying: 0, failed: 0 });
    row = await deliveries.find(deliveryId);
    assert.equal(row?.status, 'delivered');
    assert.equal(row?.attempts, 2);
    assert.deepEqual(row?.deliveredAt, clock.now());

    assert.equal(receiver.received.length, 2);
    for (const request of receiver.received) assert.equal(request.contentType, 'application/secevent+jwt');
    const [first, second] = receiver.received.map((r) => decodeJwt(r.body));
    assert.equal(first?.jti, deliveryId);
    assert.deepEqual(first, second, 'a retry resends the same claims');
    const header = decodeProtectedHeader(receiver.received[1]!.body);
    assert.equal(header.typ, 'secevent+jwt');
    assert.equal(header.alg, 'ES256');
    const verified = await verifySecurityEventToken(receiver.received[1]!.body, {
      keys: publicKeys,
      issuer: ISSUER,
      audience: clientId,
    });
    assert.deepEqual(verified.events, [
      { kind: 'credential-change', subject: pairwise(clientId, account.id) },
    ]);
  });

  await t.test('a refusal a resend cannot fix fails at once; other 400s are retried', async () => {
    const { deliveryId } = await queueReset();
    receiver.script([{ status: 400, body: { err: 'invalid_audience', description: 'not for us' } }]);
    assert.deepEqual(await worker.deliverDue(), { delivered: 0, retrying: 0, failed: 1 });
    const row = await deliveries.find(deliveryId);
    assert.equal(row?.status, 'failed');
    assert.equal(row?.attempts, 1);
    assert.equal(row?.lastError, 'HTTP 400 invalid_audience: not for us');

    const again = await queueReset();
    receiver.script([{ status: 400, body: { err: 'invalid_key', description: 'unknown kid' } }]);
    assert.deepEqual(await worker.deliverDue(), { delivered: 0, retrying: 1, failed: 0 });
    assert.equal((await deliveries.find(again.deliveryId))?.status, 'pending');
  });

  await t.test(
    'gives up after 8 attempts, waiting 1, 2, 4 … minutes (at most an hour) between them',
    async () => {
      const { deliveryId } = await queueReset();
      receiver.script([{ status: 500 }]);
      const waits: number[] = [];
      for (let attempt = 1; attempt <= 8; attempt++) {
        const result = await worker.deliverDue();
        const row = await deliveries.find(deliveryId);
        assert.equal(row?.attempts, attempt);
        if (attempt < 8) {
          assert.deepEqual(result, { delivered: 0, retrying: 1, failed: 0 });
          const wait = (row!.nextAttemptAt.getTime() - clock.now().getTime()) / 1000;
          waits.push(wait);
          clock.advance(wait);
        } else {
          assert.deepEqual(result, { delivered: 0, retrying: 0, failed: 1 });
          assert.equal(row?.status, 'failed');
          assert.deepEqual(row?.failedAt, clock.now());
        }
      }
      assert.deepEqual(waits, [60, 120, 240, 480, 960, 1920, 3600]);
      assert.deepEqual(
        waits,
        [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelaySeconds(n)),
      );
    },
  );

  await t.test('an unreachable endpoint is retried', async () => {
    const unreachable = unique('down-');
    await agencies.upsert(agency(unreachable, 'http://127.0.0.1:9/security-events'));
    await db.query("UPDATE security_event_deliveries SET status = 'failed' WHERE status = 'pending'");
    const account = await newAccount(db, cipher);
    await consents.record(account.id, unreachable, ['openid'], inAYear());
    await db.transaction((tx) => hooks.passwordReset(tx, account.id));
    assert.deepEqual(await worker.deliverDue(), { delivered: 0, retrying: 1, failed: 0 });
    const [row] = await deliveries.listForAgency(unreachable, 1);
    assert.match(row?.lastError ?? '', /^request failed/);
  });

  await t.test('an agency removed, or without an endpoint any more, fails the delivery', async () => {
    const { deliveryId } = await queueReset();
    await agencies.upsert(agency(clientId));
    receiver.received.length = 0;
    assert.deepEqual(await worker.deliverDue(), { delivered: 0, retrying: 0, failed: 1 });
    assert.equal((await deliveries.find(deliveryId))?.lastError, 'the agency has no security_event_endpoint');
    assert.equal(receiver.received.length, 0);
    await agencies.upsert(agency(clientId, receiver.url));
    const removed = await queueReset();
    await agencies.remove(clientId);
    assert.deepEqual(await worker.deliverDue(), { delivered: 0, retrying: 0, failed: 1 });
    assert.equal((await deliveries.find(removed.deliveryId))?.lastError, 'the agency is not registered');
  });

  await t.test('a running worker (timer) delivers on its own and stops cleanly', async () => {
    await agencies.upsert(agency(clientId, receiver.url));
    const { deliveryId } = await queueReset();
    receiver.script([{ status: 202 }]);
    const timed = createSecurityEventWorker({
      deliveries,
      agencies,
      signingKeys: () => secrets.signingKeys(),
      issuer: ISSUER,
      clock,
      logger,
      policy: { intervalMs: 20 },
    });
    timed.start();
    try {
      for (let i = 0; i < 200 && (await deliveries.find(deliveryId))?.status !== 'delivered'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      await timed.stop();
    }
    assert.equal((await deliveries.find(deliveryId))?.status, 'delivered');
  });

  await t.test('logs name the delivery, never the person', () => {
    assert.ok(logLines.some((line) => line.includes('security_event_delivered')));
    assert.ok(logLines.some((line) => line.includes('security_event_retry')));
    assert.ok(logLines.some((line) => line.includes('security_event_failed')));
    for (const line of logLines) assert.doesNotMatch(line, /@example\.gov/);
  });
}

forEachBackend('security event delivery worker', { migrations: IDENTITY_MIGRATIONS }, workerSuite);

// ---- The whole system -------------------------------------------------------------------------

const MARIA = 'maria.garcia@example.com';
const JAMES = 'james.wilson@example.com';
const NEW_PASSWORD = 'quiet-lantern-orchard-91';

describe(
  'Security Event Tokens between the identity provider and the tax account',
  { timeout: 120_000 },
  () => {
    let system: TestSystem;
    const logLines: string[] = [];
    let sessions: SessionsRepo;
    let taxClientId: string;
    let subjectOf: (clientId: string, accountId: string) => string;
    let maria: Account;
    let signingKeys: () => Promise<JWK[]>;
    /** The identity provider's clock (the account reset waits 24 hours). */
    const clock = createTestClock();

    before(async () => {
      system = await startTestSystem({ env: { LOG_LEVEL: 'info' }, logLines, clock });
      const { account: accountConfig, identity: identityConfig } = system.config;
      taxClientId = accountConfig.oidc.clientId;
      sessions = createSessionsRepo(
        system.account.db,
        createFieldCipher(accountConfig.dataKey, accountConfig.fingerprintKey),
        accountConfig.session,
      );
      const secrets = createSecretsRepo(
        system.identity.db,
        createFieldCipher(identityConfig.dataKey, identityConfig.fingerprintKey),
      );
      subjectOf = pairwiseSubjects(await secrets.secret(PAIRWISE_SECRET_NAME));
      signingKeys = () => secrets.signingKeys();
      const found = await system.identity.accounts.findByEmail(MARIA);
      assert.ok(found, 'the demo person exists');
      maria = found;
      // Maria shares with the tax account (registered with an endpoint) and with an agency
      // that registered none.
      await system.identity.agencies.upsert(agency('no-endpoint-agency'));
      const consents = createConsentsRepo(system.identity.db);
      await consents.record(maria.id, taxClientId, ['openid', 'email'], inAYear());
      await consents.record(maria.id, 'no-endpoint-agency', ['openid'], inAYear());
      const james = await system.identity.accounts.findByEmail(JAMES);
      assert.ok(james);
      await consents.record(james.id, taxClientId, ['openid'], inAYear());
    });

    after(async () => {
      await system?.stop();
    });

    const deliveriesTo = (clientId: string) =>
      system.identity.db.query<{ id: string; event_type: string; subject: string; status: string }>(
        'SELECT id, event_type, subject, status FROM security_event_deliveries WHERE client_id = $1 ORDER BY created_at',
        [clientId],
      );

    /** Runs the worker until every delivery is settled (its own timer may be running too). */
    async function deliverAll(): Promise<void> {
      for (let i = 0; i < 50; i++) {
        await system.identity.securityEventDelivery.deliverDue();
        const [{ n }] = (await system.identity.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM security_event_deliveries WHERE status = 'pending'",
        )) as [{ n: number }];
        if (n === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.fail('deliveries still pending');
    }

    /** Asks the tax account how long a session has left (0: no session), as its browser would. */
    async function secondsLeft(token: string): Promise<number> {
      const response = await system.account.server.inject({
        method: 'GET',
        url: '/session/status',
        cookies: { [SESSION_COOKIE]: system.account.server.signCookie(token) },
      });
      return (response.json() as { secondsLeft: number }).secondsLeft;
    }

    async function auditActions(subject: string): Promise<string[]> {
      return (await system.account.audit.forSubject(subject, 20)).map((event) => event.action);
    }

    function postSet(token: string, contentType = 'application/secevent+jwt') {
      return system.account.server.inject({
        method: 'POST',
        url: '/security-events',
        headers: { 'content-type': contentType },
        payload: token,
      });
    }

    it('a password reset ends Maria’s tax-account sessions through a verified SET', async () => {
      const sub = subjectOf(taxClientId, maria.id);
      const now = new Date();
      const hers = [
        await sessions.create({ sub }, 'id-token', now),
        await sessions.create({ sub }, 'id-token', now),
      ];
      const someoneElse = await sessions.create({ sub: 'someone-else' }, 'id-token', now);
      for (const token of [...hers, someoneElse]) assert.ok((await secondsLeft(token)) > 0);

      // Forgot password → emailed link → new password.
      const browser = createHttpClient(system.identity.server);
      const asked = await browser.submit('/forgot-password', { email: MARIA });
      assert.equal(asked.status, 303);
      const [mail] = await system.identity.db.query<{ body: string }>(
        'SELECT body FROM dev_outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1',
        [MARIA],
      );
      const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.body ?? '')?.[1];
      assert.ok(token, 'the reset email has a link');
      const reset = await browser.submit(
        `/reset-password?token=${token}`,
        { token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD },
        '/reset-password',
      );
      assert.equal(reset.status, 303);
      assert.equal(reset.location, '/reset-password/done');

      const queued = await deliveriesTo(taxClientId);
      assert.deepEqual(
        queued.map((row) => [row.event_type, row.subject]),
        [['credential-change', sub]],
      );
      assert.deepEqual(await deliveriesTo('no-endpoint-agency'), [], 'no endpoint, no SET');

      await deliverAll();
      assert.equal((await deliveriesTo(taxClientId))[0]?.status, 'delivered');
      for (const token of hers) assert.equal(await secondsLeft(token), 0, 'her sessions ended');
      assert.ok((await secondsLeft(someoneElse)) > 0, 'other people stay signed in');
      assert.ok((await auditActions(sub)).includes('security_event_credential_change'));
    });

    it('"This wasn\u2019t me" locks the account and ends her sessions with an account-disabled SET', async () => {
      const sub = subjectOf(taxClientId, maria.id);
      const session = await sessions.create({ sub }, 'id-token', new Date());
      // The password reset above was emailed with a "this wasn't me" link.
      const [mail] = await system.identity.db.query<{ body: string }>(
        "SELECT body FROM dev_outbox WHERE recipient = $1 AND body LIKE '%/security/not-me?token=%' ORDER BY id DESC LIMIT 1",
        [MARIA],
      );
      const token = /\/security\/not-me\?token=([A-Za-z0-9_%-]+)/.exec(mail?.body ?? '')?.[1];
      assert.ok(token, 'a notice with a not-me link');
      const browser = createHttpClient(system.identity.server);
      const locked = await browser.submit(
        `/security/not-me?token=${token}`,
        { token: decodeURIComponent(token) },
        '/security/not-me',
      );
      assert.equal(locked.status, 200);
      const queued = (await deliveriesTo(taxClientId)).filter((row) => row.event_type === 'account-disabled');
      assert.deepEqual(
        queued.map((row) => row.subject),
        [sub],
      );
      await deliverAll();
      assert.equal(await secondsLeft(session), 0, 'her tax-account session ended');
      assert.ok((await auditActions(sub)).includes('security_event_account_disabled'));
    });

    it('deleting the account ends her sessions with an account-purged SET', async () => {
      const sub = subjectOf(taxClientId, maria.id);
      const session = await sessions.create({ sub }, 'id-token', new Date());
      assert.ok((await secondsLeft(session)) > 0);
      const current = await system.identity.accounts.findById(maria.id);
      assert.ok(current);
      assert.equal(await system.identity.accountReset.deleteAccount(current, 'en'), true);
      assert.equal(await system.identity.accounts.findById(maria.id), undefined);

      const queued = await deliveriesTo(taxClientId);
      assert.deepEqual(
        queued.map((row) => [row.event_type, row.subject]),
        [
          ['credential-change', sub],
          ['account-disabled', sub],
          ['account-purged', sub],
        ],
      );
      assert.deepEqual(await deliveriesTo('no-endpoint-agency'), []);
      await deliverAll();
      assert.deepEqual(
        (await deliveriesTo(taxClientId)).map((row) => row.status),
        ['delivered', 'delivered', 'delivered'],
      );
      assert.equal(await secondsLeft(session), 0);
      const actions = await auditActions(sub);
      assert.ok(actions.includes('security_event_account_purged'));
    });

    it('an account reset that deletes the account (after the 24-hour wait) sends account-purged', async () => {
      const james = await system.identity.accounts.findByEmail(JAMES);
      assert.ok(james);
      const sub = subjectOf(taxClientId, james.id);
      const session = await sessions.create({ sub }, 'id-token', new Date());
      const asked = await system.identity.accountReset.request(james, 'en');
      assert.equal(asked.ok, true);
      const [mail] = await system.identity.db.query<{ body: string }>(
        'SELECT body FROM dev_outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1',
        [JAMES],
      );
      const token = /account-reset\/continue\?token=([A-Za-z0-9_-]{43})/.exec(mail?.body ?? '')?.[1];
      assert.ok(token, 'the email has the continue link');
      clock.advance(24 * 3600 + 60);
      assert.deepEqual(await system.identity.accountReset.complete(token, 'delete', undefined, 'en'), {
        ok: true,
      });
      assert.equal(await system.identity.accounts.findById(james.id), undefined);
      const queued = (await deliveriesTo(taxClientId)).filter((row) => row.subject === sub);
      assert.deepEqual(
        queued.map((row) => row.event_type),
        ['account-purged'],
      );
      await deliverAll();
      assert.equal(await secondsLeft(session), 0);
      assert.ok((await auditActions(sub)).includes('security_event_account_purged'));
    });

    it('the receiver answers 202 once per SET, and a resend does not end newer sessions', async () => {
      const key = chooseSetSigningKey(await signingKeys());
      const sub = `resend-${unique()}`;
      const set = await signSecurityEventToken(
        {
          issuer: system.config.identity.issuer,
          audience: taxClientId,
          subject: sub,
          type: 'credential-change',
          jti: randomUUID(),
          issuedAt: new Date(),
        },
        key,
      );
      const before = await sessions.create({ sub }, 'id-token', new Date());
      assert.equal((await postSet(set)).statusCode, 202, 'no CSRF token is needed');
      assert.equal(await secondsLeft(before), 0);
      const newer = await sessions.create({ sub }, 'id-token', new Date());
      assert.equal((await postSet(`${set}\n`, 'application/secevent+jwt; charset=utf-8')).statusCode, 202);
      assert.ok((await secondsLeft(newer)) > 0, 'the resend is acknowledged, not acted on again');
      assert.deepEqual(await auditActions(sub), ['security_event_credential_change']);
    });

    it('the receiver refuses what it cannot verify, with the RFC 8935 error codes', async () => {
      const providerKey = chooseSetSigningKey(await signingKeys());
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      const strangerKey: JWK = { ...(await exportJWK(privateKey)), alg: 'ES256', kid: 'stranger' };
      const input = {
        issuer: system.config.identity.issuer,
        audience: taxClientId,
        subject: 'whoever',
        type: 'account-purged' as const,
        jti: randomUUID(),
        issuedAt: new Date(),
      };
      const cases: [string, Awaited<ReturnType<typeof postSet>>, string][] = [
        ['wrong media type', await postSet('{"a":1}', 'application/json'), 'invalid_request'],
        ['form body', await postSet('a=1', 'application/x-www-form-urlencoded'), 'invalid_request'],
        ['empty body', await postSet('', 'application/secevent+jwt'), 'invalid_request'],
        ['not a JWT', await postSet('garbage'), 'invalid_request'],
        ['unknown key', await postSet(await signSecurityEventToken(input, strangerKey)), 'invalid_key'],
        [
          'another audience',
          await postSet(await signSecurityEventToken({ ...input, audience: 'benefits' }, providerKey)),
          'invalid_audience',
        ],
        [
          'another issuer',
          await postSet(
            await signSecurityEventToken({ ...input, issuer: 'https://evil.example' }, providerKey),
          ),
          'invalid_issuer',
        ],
      ];
      for (const [name, response, err] of cases) {
        assert.equal(response.statusCode, 400, name);
        assert.match(String(response.headers['content-type']), /^application\/json/, name);
        const body = response.json() as { err: string; description: string };
        assert.equal(body.err, err, name);
        assert.ok(body.description, name);
      }
    });

    it('logs nothing about the person but the pairwise subject', () => {
      assert.ok(logLines.some((line) => line.includes('security_event_delivered')));
      assert.ok(logLines.some((line) => line.includes('security_event_received')));
      for (const line of logLines.filter((l) => l.includes('security_event'))) {
        assert.doesNotMatch(line, /maria|garcia|james|wilson/i);
      }
    });
  },
);

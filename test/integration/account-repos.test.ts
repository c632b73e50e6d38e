// Contract tests for the tax account's repositories, on PGlite and on PostgreSQL. Time is
// injected (`now`), so idle and absolute session limits are tested without waiting.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { randomBytes } from 'node:crypto';
import type { Database } from '#platform/db/database.ts';
import { createFieldCipher, type FieldCipher } from '#platform/crypto/field-cipher.ts';
import { hashToken, randomToken } from '#platform/crypto/tokens.ts';
import { ACCOUNT_MIGRATIONS } from '../../apps/account/src/db/migrations-folder.ts';
import {
  createSessionsRepo,
  type IdentityClaims,
  type SessionPolicy,
} from '../../apps/account/src/db/sessions-repo.ts';
import { createLoginRequestsRepo, type LoginRequest } from '../../apps/account/src/db/login-requests-repo.ts';
import { createAuditRepo } from '../../apps/account/src/db/audit-repo.ts';
import { forEachBackend, unique } from '../support/db/test-databases.ts';

const newCipher = (): FieldCipher => createFieldCipher(randomBytes(32), randomBytes(32));
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

function assertNoPlaintext(row: Record<string, unknown> | undefined, secrets: readonly string[]): void {
  assert.ok(row, 'row exists');
  for (const [column, value] of Object.entries(row)) {
    const text =
      value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
    for (const secret of secrets) {
      assert.ok(!text.includes(secret), `column ${column} holds plaintext ${JSON.stringify(secret)}`);
    }
  }
}

async function sessionsRepoSuite(t: TestContext, db: Database): Promise<void> {
  const cipher = newCipher();
  const policy: SessionPolicy = { idleSeconds: 15 * 60, absoluteSeconds: 60 * 60 };
  const sessions = createSessionsRepo(db, cipher, policy);
  const t0 = new Date('2030-04-15T09:00:00Z');
  const claims = (): IdentityClaims => {
    const tag = unique();
    return {
      sub: `sub-${tag}`,
      email: `pat.${tag}@example.gov`,
      given_name: `Pat${tag}`,
      family_name: `Filer${tag}`,
      name: `Pat${tag} Filer${tag}`,
    };
  };
  const idToken = () => `eyJhbGciOiJSUzI1NiJ9.${randomToken(48)}.${randomToken(64)}`;

  await t.test('create returns an opaque random token; touch returns the session', async () => {
    const c = claims();
    const jwt = idToken();
    const token = await sessions.create(c, jwt, t0);
    assert.match(token, /^[A-Za-z0-9_-]{43,}$/);
    const session = await sessions.touch(token, at(t0, MINUTE));
    assert.deepEqual(session, { subject: c.sub, claims: c, idToken: jwt, createdAt: t0 });
    assert.notEqual(await sessions.create(c, jwt, t0), token, 'every session gets a new token');
  });

  await t.test('an unknown token finds nothing', async () => {
    await sessions.create(claims(), idToken(), t0);
    assert.equal(await sessions.touch(randomToken(), at(t0, MINUTE)), undefined);
    assert.equal(await sessions.destroy(randomToken()), undefined);
  });

  await t.test(
    'secondsLeft counts down to the idle or absolute end without extending the session',
    async () => {
      const token = await sessions.create(claims(), idToken(), t0);
      assert.equal(await sessions.secondsLeft(token, t0), policy.idleSeconds);
      assert.equal(
        await sessions.secondsLeft(token, at(t0, 60 * SECOND)),
        policy.idleSeconds - 60,
        'looking does not extend it',
      );
      assert.ok(await sessions.touch(token, at(t0, 60 * SECOND)));
      assert.equal(
        await sessions.secondsLeft(token, at(t0, 60 * SECOND)),
        policy.idleSeconds,
        'activity does',
      );
      assert.equal(await sessions.secondsLeft(token, at(t0, (policy.idleSeconds + 61) * SECOND)), 0);
      assert.equal(await sessions.secondsLeft('no-such-token', t0), 0);
    },
  );

  await t.test('the idle timeout ends a session left alone, even within the absolute limit', async () => {
    const token = await sessions.create(claims(), idToken(), t0);
    const idle = policy.idleSeconds * SECOND;
    assert.ok(await sessions.touch(token, at(t0, idle - SECOND)), 'alive just before the idle limit');
    const lastSeen = at(t0, idle - SECOND);
    assert.equal(
      await sessions.touch(token, at(lastSeen, idle)),
      undefined,
      'ended exactly at the idle limit',
    );
    assert.equal(await sessions.touch(token, at(lastSeen, idle + SECOND)), undefined, 'and after it');
    const [row] = await db.query<{ last_seen_at: Date }>(
      'SELECT last_seen_at FROM web_sessions WHERE id_hash = $1',
      [hashToken(token)],
    );
    assert.equal(
      row?.last_seen_at.getTime(),
      lastSeen.getTime(),
      'a refused touch does not slide the expiry',
    );
  });

  await t.test('activity slides the idle expiry', async () => {
    const token = await sessions.create(claims(), idToken(), t0);
    let now = t0;
    for (let i = 0; i < 3; i += 1) {
      now = at(now, 10 * MINUTE); // 30 min in total: past one idle period, never idle for 15 min
      assert.ok(await sessions.touch(token, now), `alive at +${(i + 1) * 10} min`);
    }
    const [row] = await db.query<{ last_seen_at: Date }>(
      'SELECT last_seen_at FROM web_sessions WHERE id_hash = $1',
      [hashToken(token)],
    );
    assert.equal(row?.last_seen_at.getTime(), now.getTime());
  });

  await t.test('the absolute timeout ends an active session', async () => {
    const token = await sessions.create(claims(), idToken(), t0);
    const absolute = policy.absoluteSeconds * SECOND;
    let now = t0;
    while (now.getTime() + 10 * MINUTE < t0.getTime() + absolute) {
      now = at(now, 10 * MINUTE);
      assert.ok(await sessions.touch(token, now), `alive at ${now.toISOString()}`);
    }
    assert.ok(
      await sessions.touch(token, at(t0, absolute - SECOND)),
      'alive a second before the absolute limit',
    );
    assert.equal(
      await sessions.touch(token, at(t0, absolute)),
      undefined,
      'ended at the absolute limit though active',
    );
    assert.equal(await sessions.touch(token, at(t0, absolute + SECOND)), undefined);
  });

  await t.test('destroy removes the session and returns it, once', async () => {
    const c = claims();
    const token = await sessions.create(c, 'the-id-token', t0);
    const destroyed = await sessions.destroy(token);
    assert.equal(destroyed?.subject, c.sub);
    assert.equal(destroyed?.idToken, 'the-id-token', 'the ID token is returned for RP-initiated logout');
    assert.equal(await sessions.touch(token, at(t0, SECOND)), undefined);
    assert.equal(await sessions.destroy(token), undefined);
  });

  await t.test('destroying one session leaves the subject’s other sessions alone', async () => {
    const c = claims();
    const [a, b] = [await sessions.create(c, idToken(), t0), await sessions.create(c, idToken(), t0)];
    await sessions.destroy(a);
    assert.equal((await sessions.touch(b, at(t0, SECOND)))?.subject, c.sub);
  });

  await t.test('claims and ID token are encrypted at rest; only a hash of the token is stored', async () => {
    const c = claims();
    const jwt = idToken();
    const token = await sessions.create(c, jwt, t0);
    const [row] = await db.query<Record<string, unknown>>('SELECT * FROM web_sessions WHERE id_hash = $1', [
      hashToken(token),
    ]);
    assertNoPlaintext(row, [token, jwt, c.email!, c.given_name!, c.family_name!]);
    assert.match(String(row?.claims_enc), /^v1\./);
    assert.match(String(row?.id_token_enc), /^v1\./);
    assert.deepEqual(JSON.parse(cipher.decrypt(String(row?.claims_enc))), c);
    assert.equal(row?.subject, c.sub, 'the opaque subject is kept in clear for audit and lookups');
    const [expiry] = await db.query<{ expires_at: Date }>(
      'SELECT expires_at FROM web_sessions WHERE id_hash = $1',
      [hashToken(token)],
    );
    assert.equal(expiry?.expires_at.getTime(), t0.getTime() + policy.absoluteSeconds * SECOND);
  });

  await t.test('a repo with other keys cannot read the session', async () => {
    const token = await sessions.create(claims(), idToken(), t0);
    await assert.rejects(createSessionsRepo(db, newCipher(), policy).touch(token, at(t0, SECOND)));
  });
}

async function loginRequestsRepoSuite(t: TestContext, db: Database): Promise<void> {
  const cipher = newCipher();
  const requests = createLoginRequestsRepo(db, cipher);
  const now = new Date('2030-04-15T09:00:00Z');
  const request = (): LoginRequest => ({
    codeVerifier: randomToken(32),
    nonce: randomToken(16),
    returnTo: `/returns/${unique()}`,
  });

  await t.test('take returns the saved request once', async () => {
    const state = randomToken();
    const saved = request();
    await requests.save(state, saved, at(now, 10 * MINUTE));
    assert.deepEqual(await requests.take(state, at(now, MINUTE)), saved);
    assert.equal(await requests.take(state, at(now, MINUTE)), undefined);
  });

  await t.test('concurrent takes of one state: exactly one gets the request', async () => {
    const state = randomToken();
    await requests.save(state, request(), at(now, 10 * MINUTE));
    const results = await Promise.all([1, 2, 3].map(() => requests.take(state, now)));
    assert.equal(results.filter(Boolean).length, 1);
  });

  await t.test('an unknown state, or another request’s state, finds nothing', async () => {
    const state = randomToken();
    await requests.save(state, request(), at(now, 10 * MINUTE));
    assert.equal(await requests.take(randomToken(), now), undefined);
    assert.equal(await requests.take(state.slice(0, -1), now), undefined);
    assert.ok(await requests.take(state, now), 'the real one is untouched');
  });

  await t.test(
    'an expired request returns undefined, at and after expiry, and is gone afterwards',
    async () => {
      const expiresAt = at(now, 10 * MINUTE);
      const late = randomToken();
      await requests.save(late, request(), expiresAt);
      assert.equal(await requests.take(late, at(expiresAt, SECOND)), undefined);
      assert.equal(await requests.take(late, now), undefined, 'an expired take still removes the row');
      const exact = randomToken();
      await requests.save(exact, request(), expiresAt);
      assert.equal(await requests.take(exact, expiresAt), undefined, 'expired at the instant of expiry');
      const justInTime = randomToken();
      await requests.save(justInTime, request(), expiresAt);
      assert.ok(await requests.take(justInTime, at(expiresAt, -SECOND)));
    },
  );

  await t.test('the state is stored hashed and the PKCE verifier encrypted', async () => {
    const state = randomToken();
    const saved = request();
    await requests.save(state, saved, at(now, 10 * MINUTE));
    const [row] = await db.query<Record<string, unknown>>(
      'SELECT * FROM login_requests WHERE state_hash = $1',
      [hashToken(state)],
    );
    assertNoPlaintext(row, [state, saved.codeVerifier]);
    assert.match(String(row?.code_verifier_enc), /^v1\./);
    assert.equal(cipher.decrypt(String(row?.code_verifier_enc)), saved.codeVerifier);
  });

  await t.test('saving the same state twice is rejected', async () => {
    const state = randomToken();
    await requests.save(state, request(), at(now, MINUTE));
    await assert.rejects(
      requests.save(state, request(), at(now, MINUTE)),
      (error: { code?: string }) => error.code === '23505',
    );
  });
}

async function auditRepoSuite(t: TestContext, db: Database): Promise<void> {
  const audit = createAuditRepo(db);

  await t.test('forSubject lists only that subject’s events, newest first, up to the limit', async () => {
    const [alice, bob] = [unique('sub-'), unique('sub-')];
    const before = Date.now();
    await audit.record({ subject: alice, action: 'sign-in', requestId: 'req-1' });
    await audit.record({ subject: bob, action: 'sign-in', requestId: 'req-2' });
    await audit.record({
      subject: alice,
      action: 'view-balance',
      requestId: 'req-3',
      detail: { year: 2029 },
    });
    await audit.record({ subject: alice, action: 'sign-out', requestId: 'req-4' });
    const events = await audit.forSubject(alice, 10);
    assert.deepEqual(
      events.map((e) => e.action),
      ['sign-out', 'view-balance', 'sign-in'],
    );
    for (const event of events) {
      assert.ok(event.occurredAt instanceof Date);
      assert.ok(Math.abs(event.occurredAt.getTime() - before) < MINUTE);
    }
    assert.deepEqual(
      (await audit.forSubject(alice, 2)).map((e) => e.action),
      ['sign-out', 'view-balance'],
    );
    assert.deepEqual(
      (await audit.forSubject(bob, 10)).map((e) => e.action),
      ['sign-in'],
    );
    assert.deepEqual(await audit.forSubject(unique('sub-'), 10), []);
  });

  await t.test('record stores the request id and detail as JSON; subject may be absent', async () => {
    const requestId = unique('req-');
    await audit.record({
      subject: null,
      action: 'sign-in-failed',
      requestId,
      detail: { reason: 'state-mismatch', attempt: 2, retry: false },
    });
    const [row] = await db.query<{ subject: string | null; action: string; detail: unknown }>(
      'SELECT subject, action, detail FROM audit_events WHERE request_id = $1',
      [requestId],
    );
    assert.deepEqual(row, {
      subject: null,
      action: 'sign-in-failed',
      detail: { reason: 'state-mismatch', attempt: 2, retry: false },
    });
    const plain = unique('req-');
    await audit.record({ subject: unique('sub-'), action: 'sign-in', requestId: plain });
    const [empty] = await db.query<{ detail: unknown }>(
      'SELECT detail FROM audit_events WHERE request_id = $1',
      [plain],
    );
    assert.deepEqual(empty?.detail, {});
  });
}

// One migrated database per backend for the whole file (PGlite takes seconds to create).
forEachBackend('account repositories', { migrations: ACCOUNT_MIGRATIONS }, async (t, db) => {
  await t.test('sessions repo', (t) => sessionsRepoSuite(t, db));
  await t.test('login requests repo', (t) => loginRequestsRepoSuite(t, db));
  await t.test('audit repo', (t) => auditRepoSuite(t, db));
});

// Contract tests for the identity provider's repositories, on PGlite and on PostgreSQL.
// Each backend gets one migrated database; cases use distinct data so they can share it.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { randomBytes } from 'node:crypto';
import type { Database } from '#platform/db/database.ts';
import { createFieldCipher, type FieldCipher } from '#platform/crypto/field-cipher.ts';
import { hashToken, randomToken } from '#platform/crypto/tokens.ts';
import { IDENTITY_MIGRATIONS } from '../../apps/identity/src/db/migrations-folder.ts';
import { createAccountsRepo, type NewAccount } from '../../apps/identity/src/db/accounts-repo.ts';
import { createSignUpFlowsRepo } from '../../apps/identity/src/db/signup-flows-repo.ts';
import { createOidcStore } from '../../apps/identity/src/db/oidc-store.ts';
import { createAgenciesRepo, type AgencyRegistration } from '../../apps/identity/src/db/agencies-repo.ts';
import { createSecretsRepo, SIGNING_ALGORITHMS } from '../../apps/identity/src/db/secrets-repo.ts';
import { createOutboxRepo } from '../../apps/identity/src/db/outbox-repo.ts';
import { createConsentsRepo } from '../../apps/identity/src/db/consents-repo.ts';
import { forEachBackend, unique } from '../support/db/test-databases.ts';

const newCipher = (): FieldCipher => createFieldCipher(randomBytes(32), randomBytes(32));

function newPerson(): NewAccount {
  const tag = unique();
  return {
    email: `casey.${tag}@example.gov`,
    givenName: `Casey${tag}`,
    familyName: `Taxpayer${tag}`,
    passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$${tag}`,
  };
}

/** Every text value of a row, for "no plaintext at rest" checks. */
function textValues(row: Record<string, unknown> | undefined): string[] {
  assert.ok(row, 'row exists');
  return Object.values(row).map((value) =>
    value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value),
  );
}

function assertNoPlaintext(row: Record<string, unknown> | undefined, secrets: readonly string[]): void {
  for (const value of textValues(row)) {
    for (const secret of secrets) {
      assert.ok(
        !value.toLowerCase().includes(secret.toLowerCase()),
        `a stored column holds plaintext ${JSON.stringify(secret)}`,
      );
    }
  }
}

const SECONDS = 1000;
const HOUR = 3600 * SECONDS;

async function accountsRepoSuite(t: TestContext, db: Database): Promise<void> {
  const cipher = newCipher();
  const accounts = createAccountsRepo(db, cipher);

  await t.test('create returns the account with a UUID id and a confirmed email', async () => {
    const person = newPerson();
    const before = Date.now();
    const account = await accounts.create(db, person);
    assert.match(account.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(account.email, person.email);
    assert.equal(account.givenName, person.givenName);
    assert.equal(account.familyName, person.familyName);
    assert.equal(account.passwordHash, person.passwordHash);
    assert.ok(account.emailConfirmedAt instanceof Date);
    assert.ok(Math.abs(account.emailConfirmedAt.getTime() - before) < 60 * SECONDS);
  });

  await t.test(
    'findByEmail finds the account through its fingerprint; other emails find nothing',
    async () => {
      const person = newPerson();
      const created = await accounts.create(db, person);
      const found = await accounts.findByEmail(person.email);
      assert.equal(found?.id, created.id);
      assert.equal(found?.givenName, person.givenName);
      assert.equal(await accounts.findByEmail(`other.${person.email}`), undefined);
      const [row] = await db.query<{ email_fp: string }>('SELECT email_fp FROM accounts WHERE id = $1', [
        created.id,
      ]);
      assert.equal(row?.email_fp, cipher.fingerprint(person.email));
    },
  );

  await t.test('a repo with other keys cannot find or read the account', async () => {
    const person = newPerson();
    const created = await accounts.create(db, person);
    const stranger = createAccountsRepo(db, newCipher());
    assert.equal(await stranger.findByEmail(person.email), undefined, 'the fingerprint is keyed');
    await assert.rejects(stranger.findById(created.id), 'ciphertext does not decrypt under another key');
  });

  await t.test(
    'findById finds a created account and returns undefined for unknown or malformed ids',
    async () => {
      const created = await accounts.create(db, newPerson());
      assert.equal((await accounts.findById(created.id))?.email, created.email);
      assert.equal(await accounts.findById('00000000-0000-4000-8000-000000000000'), undefined);
      for (const malformed of [
        '',
        'not-a-uuid',
        created.id.toUpperCase(),
        `${created.id} `,
        `${created.id}' OR '1'='1`,
        created.id.slice(1),
      ]) {
        assert.equal(await accounts.findById(malformed), undefined, `findById(${JSON.stringify(malformed)})`);
      }
    },
  );

  await t.test(
    'findById returns undefined (does not throw) for a 36-character id of hex digits and dashes that is not a UUID',
    async () => {
      for (const malformed of ['0'.repeat(36), '-'.repeat(36), `${'a'.repeat(35)}-`]) {
        assert.equal(await accounts.findById(malformed), undefined, `findById(${JSON.stringify(malformed)})`);
      }
    },
  );

  await t.test('a second account with the same email is rejected by the unique constraint', async () => {
    const person = newPerson();
    const first = await accounts.create(db, person);
    await assert.rejects(
      accounts.create(db, { ...newPerson(), email: person.email }),
      (error: { code?: string; message?: string }) => {
        assert.equal(error.code, '23505', 'unique_violation');
        assert.match(String(error.message), /email_fp/);
        return true;
      },
    );
    const [count] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM accounts WHERE email_fp = $1',
      [cipher.fingerprint(person.email)],
    );
    assert.equal(count?.n, 1);
    assert.equal((await accounts.findByEmail(person.email))?.id, first.id);
  });

  await t.test('create inside a transaction that fails leaves no account', async () => {
    const person = newPerson();
    await assert.rejects(
      db.transaction(async (tx) => {
        await accounts.create(tx, person);
        throw new Error('later step failed');
      }),
      /later step failed/,
    );
    assert.equal(await accounts.findByEmail(person.email), undefined);
  });

  await t.test('the stored row holds no plaintext email or name', async () => {
    const person = newPerson();
    const created = await accounts.create(db, person);
    const [row] = await db.query<Record<string, unknown>>('SELECT * FROM accounts WHERE id = $1', [
      created.id,
    ]);
    assertNoPlaintext(row, [person.email, person.givenName, person.familyName, person.email.split('@')[0]!]);
    for (const column of ['email_enc', 'given_name_enc', 'family_name_enc']) {
      assert.match(String(row?.[column]), /^v1\./, `${column} is a versioned ciphertext`);
    }
    assert.equal(cipher.decrypt(String(row?.email_enc)), person.email);
    assert.equal(cipher.decrypt(String(row?.family_name_enc)), person.familyName);
  });

  await t.test('updatePasswordHash replaces the hash and bumps updated_at', async () => {
    const created = await accounts.create(db, newPerson());
    const [before] = await db.query<{ updated_at: Date }>('SELECT updated_at FROM accounts WHERE id = $1', [
      created.id,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await accounts.updatePasswordHash(created.id, 'new-hash');
    assert.equal((await accounts.findById(created.id))?.passwordHash, 'new-hash');
    const [after] = await db.query<{ updated_at: Date }>('SELECT updated_at FROM accounts WHERE id = $1', [
      created.id,
    ]);
    assert.ok(after!.updated_at.getTime() > before!.updated_at.getTime());
  });
}

async function signUpFlowsRepoSuite(t: TestContext, db: Database): Promise<void> {
  const cipher = newCipher();
  const flows = createSignUpFlowsRepo(db, cipher);
  const accounts = createAccountsRepo(db, cipher);
  const now = new Date('2030-01-15T12:00:00Z');

  const startFlow = async (expiresAt = new Date(now.getTime() + 24 * HOUR)) => {
    const token = randomToken();
    const email = `flow.${unique()}@example.gov`;
    const flow = await flows.start({
      email,
      tokenHash: hashToken(token),
      interactionUid: `uid-${unique()}`,
      locale: 'es',
      expiresAt,
    });
    return { flow, token, email };
  };

  await t.test('start stores an open, unconfirmed flow that findById returns', async () => {
    const { flow, email } = await startFlow();
    assert.match(flow.id, /^[0-9a-f-]{36}$/);
    assert.equal(flow.email, email);
    assert.equal(flow.locale, 'es');
    assert.equal(flow.confirmedAt, null);
    assert.equal(flow.completedAt, null);
    assert.equal(flow.expiresAt.getTime(), now.getTime() + 24 * HOUR);
    const found = await flows.findById(flow.id);
    assert.equal(found?.email, email);
    assert.equal(found?.interactionUid, flow.interactionUid);
    assert.equal(await flows.findById('nope'), undefined);
    assert.equal(await flows.findById('00000000-0000-4000-8000-000000000000'), undefined);
  });

  await t.test('the stored flow holds neither the email nor the link token in plaintext', async () => {
    const { flow, email, token } = await startFlow();
    const [row] = await db.query<Record<string, unknown>>('SELECT * FROM signup_flows WHERE id = $1', [
      flow.id,
    ]);
    assertNoPlaintext(row, [email, email.split('@')[0]!, token]);
    assert.equal(row?.token_hash, hashToken(token));
    assert.equal(row?.email_fp, cipher.fingerprint(email));
  });

  await t.test('confirmByToken confirms once; the token cannot be used again', async () => {
    const { flow, token } = await startFlow();
    const confirmAt = new Date(now.getTime() + HOUR);
    const confirmed = await flows.confirmByToken(hashToken(token), confirmAt);
    assert.equal(confirmed?.id, flow.id);
    assert.equal(confirmed?.confirmedAt?.getTime(), confirmAt.getTime());
    assert.equal(
      await flows.confirmByToken(hashToken(token), new Date(confirmAt.getTime() + 1000)),
      undefined,
    );
    assert.equal(
      (await flows.findById(flow.id))?.confirmedAt?.getTime(),
      confirmAt.getTime(),
      'the first confirmation stands',
    );
    const [row] = await db.query<{ token_hash: string | null }>(
      'SELECT token_hash FROM signup_flows WHERE id = $1',
      [flow.id],
    );
    assert.equal(row?.token_hash, null, 'the used token hash is erased');
  });

  await t.test('two concurrent confirmations: exactly one wins', async () => {
    const { token } = await startFlow();
    const results = await Promise.all([1, 2, 3].map(() => flows.confirmByToken(hashToken(token), now)));
    assert.equal(results.filter(Boolean).length, 1);
  });

  await t.test('confirmByToken refuses an unknown token and an expired flow', async () => {
    assert.equal(await flows.confirmByToken(hashToken(randomToken()), now), undefined);
    const expiresAt = new Date(now.getTime() + HOUR);
    const { flow, token } = await startFlow(expiresAt);
    assert.equal(
      await flows.confirmByToken(hashToken(token), expiresAt),
      undefined,
      'not at the expiry instant',
    );
    assert.equal(
      await flows.confirmByToken(hashToken(token), new Date(expiresAt.getTime() + HOUR)),
      undefined,
      'not after expiry',
    );
    assert.equal((await flows.findById(flow.id))?.confirmedAt, null);
    const inTime = await flows.confirmByToken(hashToken(token), new Date(expiresAt.getTime() - 1000));
    assert.equal(inTime?.id, flow.id, 'a refused late attempt does not burn a still-valid link');
  });

  await t.test('complete succeeds once for a confirmed flow, inside a transaction', async () => {
    const { flow, token } = await startFlow();
    await flows.confirmByToken(hashToken(token), now);
    const account = await accounts.create(db, newPerson());
    const first = await db.transaction((tx) => flows.complete(tx, flow.id, account.id));
    assert.equal(first, true);
    const second = await db.transaction((tx) => flows.complete(tx, flow.id, account.id));
    assert.equal(second, false, 'a completed flow cannot complete again');
    const stored = await flows.findById(flow.id);
    assert.ok(stored?.completedAt instanceof Date);
    const [row] = await db.query<{ account_id: string }>(
      'SELECT account_id FROM signup_flows WHERE id = $1',
      [flow.id],
    );
    assert.equal(row?.account_id, account.id);
  });

  await t.test('complete refuses a flow that was never confirmed, and an unknown flow', async () => {
    const { flow } = await startFlow();
    const account = await accounts.create(db, newPerson());
    assert.equal(await db.transaction((tx) => flows.complete(tx, flow.id, account.id)), false);
    assert.equal((await flows.findById(flow.id))?.completedAt, null);
    assert.equal(
      await db.transaction((tx) => flows.complete(tx, '00000000-0000-4000-8000-000000000000', account.id)),
      false,
    );
  });

  await t.test('a completed flow can no longer be confirmed by a (re-issued) token', async () => {
    const { flow, token } = await startFlow();
    await flows.confirmByToken(hashToken(token), now);
    const account = await accounts.create(db, newPerson());
    assert.equal(await db.transaction((tx) => flows.complete(tx, flow.id, account.id)), true);
    const again = randomToken();
    await db.query('UPDATE signup_flows SET token_hash = $2 WHERE id = $1', [flow.id, hashToken(again)]);
    assert.equal(await flows.confirmByToken(hashToken(again), now), undefined);
  });

  await t.test('completion rolls back with its transaction (account and flow together)', async () => {
    const { flow, token } = await startFlow();
    await flows.confirmByToken(hashToken(token), now);
    const person = newPerson();
    await assert.rejects(
      db.transaction(async (tx) => {
        const account = await accounts.create(tx, person);
        assert.equal(await flows.complete(tx, flow.id, account.id), true);
        throw new Error('mail step failed');
      }),
      /mail step failed/,
    );
    assert.equal((await flows.findById(flow.id))?.completedAt, null, 'the flow is still open');
    assert.equal(await accounts.findByEmail(person.email), undefined, 'no account was left behind');
    const retry = await db.transaction(async (tx) =>
      flows.complete(tx, flow.id, (await accounts.create(tx, person)).id),
    );
    assert.equal(retry, true);
  });

  await t.test('two concurrent completions of one flow: exactly one account is created', async () => {
    const { flow, token } = await startFlow();
    await flows.confirmByToken(hashToken(token), now);
    const attempt = (person: NewAccount) =>
      db.transaction(async (tx) => {
        const account = await accounts.create(tx, person);
        if (!(await flows.complete(tx, flow.id, account.id))) throw new Error('already completed');
        return account;
      });
    const people = [newPerson(), newPerson()];
    const results = await Promise.allSettled(people.map(attempt));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const created = await Promise.all(people.map((p) => accounts.findByEmail(p.email)));
    assert.equal(created.filter(Boolean).length, 1, 'the losing transaction rolled back its account');
  });
}

async function oidcStoreSuite(t: TestContext, db: Database): Promise<void> {
  const store = createOidcStore(db);

  await t.test(
    'upsert then find returns the payload; find of another model or id returns undefined',
    async () => {
      const id = unique('sess-');
      const payload = {
        accountId: 'acct-1',
        loginTs: 1_700_000_000,
        nested: { amr: ['pwd'], acr: 'urn:ial2' },
      };
      await store.upsert('Session', id, payload, 3600);
      assert.deepEqual(await store.find('Session', id), payload);
      assert.equal(await store.find('AccessToken', id), undefined);
      assert.equal(await store.find('Session', unique('sess-')), undefined);
    },
  );

  await t.test('upsert of an existing id replaces the payload and its indexes', async () => {
    const id = unique('grant-');
    const grantId = unique('g-');
    await store.upsert('AccessToken', id, { grantId, scope: 'openid' }, 3600);
    await store.upsert('AccessToken', id, { scope: 'openid email' }, 3600);
    assert.deepEqual(await store.find('AccessToken', id), { scope: 'openid email' });
    const [row] = await db.query<{ grant_id: string | null; n: number }>(
      'SELECT grant_id, (SELECT count(*)::int FROM oidc_models WHERE model = $1 AND id = $2) AS n FROM oidc_models WHERE model = $1 AND id = $2',
      ['AccessToken', id],
    );
    assert.equal(row?.n, 1);
    assert.equal(row?.grant_id, null, 'a grant id dropped from the payload no longer indexes the row');
    await store.revokeByGrantId(grantId);
    assert.ok(await store.find('AccessToken', id), 'not revoked through the stale grant id');
  });

  await t.test('findBy uid and user_code find the live row of that model only', async () => {
    const uid = unique('uid-');
    const userCode = unique('CODE-');
    await store.upsert('Interaction', unique('int-'), { uid, prompt: { name: 'login' } }, 600);
    await store.upsert('DeviceCode', unique('dc-'), { userCode, deviceInfo: { ua: 'x' } }, 600);
    assert.deepEqual(await store.findBy('Interaction', 'uid', uid), { uid, prompt: { name: 'login' } });
    assert.deepEqual(await store.findBy('DeviceCode', 'user_code', userCode), {
      userCode,
      deviceInfo: { ua: 'x' },
    });
    assert.equal(await store.findBy('Session', 'uid', uid), undefined);
    assert.equal(await store.findBy('Interaction', 'uid', unique('uid-')), undefined);
  });

  await t.test('consume marks the row consumed (epoch seconds) without deleting it', async () => {
    const id = unique('code-');
    await store.upsert('AuthorizationCode', id, { grantId: unique('g-'), accountId: 'a' }, 60);
    assert.equal((await store.find('AuthorizationCode', id))?.consumed, undefined);
    const before = Math.floor(Date.now() / 1000);
    await store.consume('AuthorizationCode', id);
    const consumed = (await store.find('AuthorizationCode', id))?.consumed;
    assert.equal(typeof consumed, 'number');
    assert.ok(
      Math.abs((consumed as number) - before) <= 60,
      `consumed ${String(consumed)} is about now (${before})`,
    );
    assert.equal((await store.find('AuthorizationCode', id))?.accountId, 'a');
  });

  await t.test('destroy removes only that row', async () => {
    const [a, b] = [unique('rt-'), unique('rt-')];
    await store.upsert('RefreshToken', a, { n: 1 }, 3600);
    await store.upsert('RefreshToken', b, { n: 2 }, 3600);
    await store.destroy('RefreshToken', a);
    assert.equal(await store.find('RefreshToken', a), undefined);
    assert.deepEqual(await store.find('RefreshToken', b), { n: 2 });
  });

  await t.test('revokeByGrantId removes what the grant issued and nothing else', async () => {
    const grantId = unique('grant-');
    const other = unique('grant-');
    const ids = {
      code: unique(),
      access: unique(),
      refresh: unique(),
      kept: unique(),
      interaction: unique(),
    };
    await store.upsert('AuthorizationCode', ids.code, { grantId }, 60);
    await store.upsert('AccessToken', ids.access, { grantId }, 3600);
    await store.upsert('RefreshToken', ids.refresh, { grantId }, 86400);
    await store.upsert('AccessToken', ids.kept, { grantId: other }, 3600);
    // A sign-in in progress also names the grant; it must survive (account switch: the
    // provider ends the previous person's session, revoking their grants, mid-interaction).
    await store.upsert('Interaction', ids.interaction, { grantId, uid: ids.interaction }, 600);
    await store.revokeByGrantId(grantId);
    assert.deepEqual(await store.find('Interaction', ids.interaction), { grantId, uid: ids.interaction });
    assert.equal(await store.find('AuthorizationCode', ids.code), undefined);
    assert.equal(await store.find('AccessToken', ids.access), undefined);
    assert.equal(await store.find('RefreshToken', ids.refresh), undefined);
    assert.deepEqual(await store.find('AccessToken', ids.kept), { grantId: other });
  });

  await t.test('expired rows are hidden from find and findBy; rows without expiry live on', async () => {
    const expired = unique('exp-');
    const uid = unique('uid-');
    const forever = unique('keep-');
    await store.upsert('Interaction', expired, { uid }, -5);
    await store.upsert('Client', forever, { client_id: forever }, undefined);
    assert.equal(await store.find('Interaction', expired), undefined);
    assert.equal(await store.findBy('Interaction', 'uid', uid), undefined);
    const [row] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM oidc_models WHERE model = $1 AND id = $2',
      ['Interaction', expired],
    );
    assert.equal(row?.n, 1, 'hidden, not yet deleted');
    assert.deepEqual(await store.find('Client', forever), { client_id: forever });
  });

  await t.test('deleteExpired deletes rows expired at `now` and returns how many', async () => {
    await store.deleteExpired(new Date()); // rows other cases left behind
    const stale = [unique('old-'), unique('old-')];
    const live = unique('live-');
    const forever = unique('forever-');
    for (const id of stale) await store.upsert('Session', id, { id }, -10);
    await store.upsert('Session', live, { id: live }, 3600);
    await store.upsert('Session', forever, { id: forever }, undefined);
    assert.equal(await store.deleteExpired(new Date()), 2);
    assert.equal(await store.deleteExpired(new Date()), 0);
    const remaining = await db.query<{ id: string }>(
      'SELECT id FROM oidc_models WHERE id = ANY($1::text[]) ORDER BY id',
      [[...stale, live, forever]],
    );
    assert.deepEqual(remaining.map((r) => r.id).sort(), [live, forever].sort());
    assert.ok(
      (await store.deleteExpired(new Date(Date.now() + 2 * HOUR))) >= 1,
      'a later `now` deletes more',
    );
    const after = await db.query<{ id: string }>('SELECT id FROM oidc_models WHERE id = ANY($1::text[])', [
      [live, forever],
    ]);
    assert.deepEqual(
      after.map((r) => r.id),
      [forever],
      'the 1-hour row is gone at now + 2 h; rows without expiry are never deleted',
    );
  });
}

async function agenciesRepoSuite(t: TestContext, db: Database): Promise<void> {
  const cipher = newCipher();
  const agencies = createAgenciesRepo(db, cipher);
  const registration = (clientId: string, secret: string | undefined): AgencyRegistration => ({
    client_id: clientId,
    name: 'Tax Agency Online Account',
    redirect_uris: ['https://account.example.gov/auth/callback'],
    post_logout_redirect_uris: ['https://account.example.gov/signed-out'],
    token_endpoint_auth_method: secret ? 'client_secret_basic' : 'none',
    client_secret: secret,
    scopes: ['openid', 'email'],
    ial: 1,
    aal: 2,
    facial_match: false,
    phishing_resistant: false,
    failure_url: 'https://account.example.gov/identity-not-verified',
    refresh_tokens: false,
  });

  await t.test('upsert then find returns the registration with its secret', async () => {
    const clientId = unique('client-');
    const secret = randomToken();
    await agencies.upsert(registration(clientId, secret));
    assert.deepEqual(await agencies.find(clientId), registration(clientId, secret));
    assert.equal(await agencies.find(unique('client-')), undefined);
  });

  await t.test('remove deletes a registration and says whether there was one', async () => {
    const clientId = unique('client-');
    await agencies.upsert(registration(clientId, undefined));
    assert.equal(await agencies.remove(clientId), true);
    assert.equal(await agencies.find(clientId), undefined);
    assert.equal(await agencies.remove(clientId), false);
  });

  await t.test('upserting the same client twice updates it in place', async () => {
    const clientId = unique('client-');
    await agencies.upsert(registration(clientId, 'first-secret-value'));
    const changed: AgencyRegistration = {
      ...registration(clientId, 'second-secret-value'),
      name: 'Renamed Agency',
      redirect_uris: ['https://new.example.gov/cb', 'https://new.example.gov/cb2'],
      scopes: ['openid', 'profile'],
    };
    await agencies.upsert(changed);
    assert.deepEqual(await agencies.find(clientId), changed);
    const all = await agencies.all();
    assert.equal(all.filter((a) => a.client_id === clientId).length, 1);
    const [row] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM agencies WHERE client_id = $1',
      [clientId],
    );
    assert.equal(row?.n, 1);
  });

  await t.test('a public client has no secret; removing a secret clears it', async () => {
    const clientId = unique('client-');
    await agencies.upsert(registration(clientId, 'was-confidential'));
    await agencies.upsert(registration(clientId, undefined));
    const found = await agencies.find(clientId);
    assert.equal(found?.client_secret, undefined);
    assert.equal(found?.token_endpoint_auth_method, 'none');
    const [row] = await db.query<{ client_secret_enc: string | null }>(
      'SELECT client_secret_enc FROM agencies WHERE client_id = $1',
      [clientId],
    );
    assert.equal(row?.client_secret_enc, null);
  });

  await t.test('the client secret is encrypted at rest', async () => {
    const clientId = unique('client-');
    const secret = `s3cret-${randomToken()}`;
    await agencies.upsert(registration(clientId, secret));
    const [row] = await db.query<Record<string, unknown>>('SELECT * FROM agencies WHERE client_id = $1', [
      clientId,
    ]);
    assertNoPlaintext(row, [secret]);
    assert.match(String(row?.client_secret_enc), /^v1\./);
    assert.equal(cipher.decrypt(String(row?.client_secret_enc)), secret);
  });

  await t.test('all() lists every agency ordered by client_id', async () => {
    const ids = [unique('zz-'), unique('aa-')];
    for (const id of ids) await agencies.upsert(registration(id, undefined));
    const listed = (await agencies.all()).map((a) => a.client_id);
    for (const id of ids) assert.ok(listed.includes(id));
    assert.deepEqual(listed, [...listed].sort());
  });
}

async function secretsRepoSuite(t: TestContext, db: Database): Promise<void> {
  const cipher = newCipher();
  const secrets = createSecretsRepo(db, cipher);

  await t.test(
    'signingKeys creates one private RS256 and one ES256 key, then returns the same kids',
    async () => {
      const first = await secrets.signingKeys();
      assert.deepEqual(first.map((k) => k.alg).sort(), [...SIGNING_ALGORITHMS].sort());
      for (const key of first) {
        assert.equal(key.use, 'sig');
        assert.ok(key.kid && key.kid.length >= 16, 'has a kid');
        assert.ok(key.d, `${key.alg} key is private`);
      }
      assert.equal(first.find((k) => k.alg === 'RS256')?.kty, 'RSA');
      assert.equal(first.find((k) => k.alg === 'ES256')?.crv, 'P-256');
      const second = await secrets.signingKeys();
      assert.deepEqual(second.map((k) => k.kid).sort(), first.map((k) => k.kid).sort());
      assert.deepEqual(
        second.find((k) => k.alg === 'ES256'),
        first.find((k) => k.alg === 'ES256'),
      );
      const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM signing_keys');
      assert.equal(count?.n, 2);
    },
  );

  await t.test('another instance sharing the database (same keys) signs with the same keys', async () => {
    const mine = (await secrets.signingKeys()).map((k) => k.kid).sort();
    const theirs = (await createSecretsRepo(db, cipher).signingKeys()).map((k) => k.kid).sort();
    assert.deepEqual(theirs, mine);
  });

  await t.test('private keys are encrypted at rest', async () => {
    const keys = await secrets.signingKeys();
    const rows = await db.query<Record<string, unknown>>('SELECT * FROM signing_keys');
    for (const row of rows) {
      assertNoPlaintext(
        row,
        keys.map((k) => String(k.d)),
      );
      assert.match(String(row.private_jwk_enc), /^v1\./);
      assert.ok(!String(row.private_jwk_enc).includes('"d"'));
    }
  });

  await t.test('a retired key is replaced by a new one of the same algorithm', async () => {
    const before = await secrets.signingKeys();
    const es = before.find((k) => k.alg === 'ES256')!;
    await db.query('UPDATE signing_keys SET retired_at = now() WHERE kid = $1', [es.kid]);
    const after = await secrets.signingKeys();
    const newEs = after.filter((k) => k.alg === 'ES256');
    assert.equal(newEs.length, 1);
    assert.notEqual(newEs[0]?.kid, es.kid);
    assert.equal(after.find((k) => k.alg === 'RS256')?.kid, before.find((k) => k.alg === 'RS256')?.kid);
  });

  await t.test('concurrent first calls on a fresh table still create one key per algorithm', async () => {
    await db.query('DELETE FROM signing_keys');
    const results = await Promise.all([
      secrets.signingKeys(),
      secrets.signingKeys(),
      createSecretsRepo(db, cipher).signingKeys(),
    ]);
    const kids = results.map((keys) => keys.map((k) => k.kid).sort());
    assert.deepEqual(kids[1], kids[0]);
    assert.deepEqual(kids[2], kids[0]);
    const [count] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM signing_keys WHERE retired_at IS NULL',
    );
    assert.equal(count?.n, SIGNING_ALGORITHMS.length);
  });

  await t.test('secret(name) is created once and stable; names are independent', async () => {
    const name = unique('cookie-');
    const first = await secrets.secret(name);
    assert.match(first, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');
    assert.equal(await secrets.secret(name), first);
    assert.equal(await createSecretsRepo(db, cipher).secret(name), first);
    assert.notEqual(await secrets.secret(unique('other-')), first);
    const [row] = await db.query<Record<string, unknown>>('SELECT * FROM app_secrets WHERE name = $1', [
      name,
    ]);
    assertNoPlaintext(row, [first]);
  });

  await t.test('concurrent first calls to secret(name) agree on one value', async () => {
    const name = unique('race-');
    const values = await Promise.all([1, 2, 3, 4].map(() => secrets.secret(name)));
    assert.equal(new Set(values).size, 1);
  });
}

async function outboxRepoSuite(t: TestContext, db: Database): Promise<void> {
  const outbox = createOutboxRepo(db);

  await t.test('latest is empty at first', async () => {
    assert.deepEqual(await outbox.latest(10), []);
  });

  await t.test('add stores messages and latest returns the newest first, up to the limit', async () => {
    const before = Date.now();
    for (const n of [1, 2, 3]) {
      await outbox.add({
        channel: n === 2 ? 'sms' : 'email',
        recipient: `r${n}@example.gov`,
        subject: `Subject ${n}`,
        body: `Body ${n}`,
      });
    }
    const two = await outbox.latest(2);
    assert.deepEqual(
      two.map((m) => [m.subject, m.channel, m.recipient, m.body]),
      [
        ['Subject 3', 'email', 'r3@example.gov', 'Body 3'],
        ['Subject 2', 'sms', 'r2@example.gov', 'Body 2'],
      ],
    );
    for (const message of two) {
      assert.equal(typeof message.id, 'number', 'bigserial ids arrive as numbers on both backends');
      assert.ok(message.createdAt instanceof Date);
      assert.ok(Math.abs(message.createdAt.getTime() - before) < 60 * SECONDS);
    }
    assert.ok(two[0]!.id > two[1]!.id);
    assert.equal((await outbox.latest(10)).length, 3);
  });
}

async function consentsRepoSuite(t: TestContext, db: Database): Promise<void> {
  const accounts = createAccountsRepo(db, newCipher());
  const consents = createConsentsRepo(db);
  const store = createOidcStore(db);
  const now = new Date('2030-01-15T12:00:00Z');
  const inDays = (days: number) => new Date(now.getTime() + days * 24 * HOUR);
  const newAccountId = async () => (await accounts.create(db, newPerson())).id;
  const ids = async (sql: string, params: unknown[]) =>
    (await db.query<{ id: string }>(sql, params)).map((row) => row.id).sort();

  await t.test('list returns the valid consents of that account, newest first, never signed in', async () => {
    const accountId = await newAccountId();
    const other = await newAccountId();
    const [older, newer, expired] = [unique('agency-'), unique('agency-'), unique('agency-')];
    await consents.record(accountId, older, ['openid', 'email'], inDays(365));
    await consents.record(accountId, newer, ['openid', 'profile:name'], inDays(30));
    await consents.record(accountId, expired, ['openid'], inDays(-1));
    await consents.record(other, unique('agency-'), ['openid'], inDays(365));
    await db.query(
      `UPDATE consents SET granted_at = $2::timestamptz - CASE client_id WHEN $3 THEN interval '2 days' ELSE interval '1 day' END
       WHERE account_id = $1`,
      [accountId, now, older],
    );
    const listed = await consents.list(accountId, now);
    assert.deepEqual(
      listed.map((c) => [c.clientId, c.scopes, c.expiresAt.toISOString(), c.lastSignInAt]),
      [
        [newer, ['openid', 'profile:name'], inDays(30).toISOString(), null],
        [older, ['openid', 'email'], inDays(365).toISOString(), null],
      ],
    );
    assert.ok(listed.every((c) => c.grantedAt instanceof Date && c.grantedAt < now));
    assert.deepEqual(await consents.list(accountId, inDays(31)).then((l) => l.map((c) => c.clientId)), [
      older,
    ]);
    assert.deepEqual(await consents.list(await newAccountId(), now), []);
  });

  await t.test('recordSignIn sets the last sign-in of that consent only', async () => {
    const accountId = await newAccountId();
    const [a, b] = [unique('agency-'), unique('agency-')];
    await consents.record(accountId, a, ['openid'], inDays(365));
    await consents.record(accountId, b, ['openid'], inDays(365));
    const at = new Date('2030-01-15T13:14:15.123Z');
    await consents.recordSignIn(accountId, a, at);
    await consents.recordSignIn(accountId, unique('never-consented-'), at);
    const byClient = new Map((await consents.list(accountId, now)).map((c) => [c.clientId, c.lastSignInAt]));
    assert.equal(byClient.get(a)?.toISOString(), at.toISOString());
    assert.equal(byClient.get(b), null);
    const later = new Date(at.getTime() + HOUR);
    await consents.recordSignIn(accountId, a, later);
    assert.equal(
      (await consents.list(accountId, now)).find((c) => c.clientId === a)?.lastSignInAt?.toISOString(),
      later.toISOString(),
    );
  });

  await t.test(
    "revoke deletes the consent, that account's grants for the agency and everything issued under them",
    async () => {
      const accountId = await newAccountId();
      const other = await newAccountId();
      const [agency, otherAgency] = [unique('agency-'), unique('agency-')];
      await consents.record(accountId, agency, ['openid', 'email'], inDays(365));
      await consents.record(accountId, otherAgency, ['openid'], inDays(365));
      await consents.record(other, agency, ['openid'], inDays(365));
      const grant = (id: string, account: string, clientId: string) =>
        store.upsert('Grant', id, { accountId: account, clientId, openid: { scope: 'openid' } }, 3600);
      const [g1, g2, gOtherAgency, gOtherPerson] = [unique('g-'), unique('g-'), unique('g-'), unique('g-')];
      await grant(g1, accountId, agency);
      await grant(g2, accountId, agency); // a second browser session's grant
      await grant(gOtherAgency, accountId, otherAgency);
      await grant(gOtherPerson, other, agency);
      const gone = [unique('code-'), unique('at-'), unique('rt-'), unique('orphan-')];
      await store.upsert('AuthorizationCode', gone[0]!, { grantId: g1, accountId, clientId: agency }, 60);
      await store.upsert('AccessToken', gone[1]!, { grantId: g1, accountId, clientId: agency }, 3600);
      await store.upsert('RefreshToken', gone[2]!, { grantId: g2, accountId, clientId: agency }, 86400);
      // A token whose grant has already gone still names the account and agency.
      await store.upsert(
        'AccessToken',
        gone[3]!,
        { grantId: unique('g-'), accountId, clientId: agency },
        3600,
      );
      const kept = [unique('at-'), unique('at-'), unique('sess-')];
      await store.upsert(
        'AccessToken',
        kept[0]!,
        { grantId: gOtherAgency, accountId, clientId: otherAgency },
        3600,
      );
      await store.upsert(
        'AccessToken',
        kept[1]!,
        { grantId: gOtherPerson, accountId: other, clientId: agency },
        3600,
      );
      await store.upsert(
        'Session',
        kept[2]!,
        { accountId, authorizations: { [agency]: { grantId: g1 } } },
        3600,
      );

      assert.equal(await consents.revoke(accountId, agency), true);
      assert.equal(await consents.find(accountId, agency, now), undefined);
      assert.deepEqual(
        (await consents.list(accountId, now)).map((c) => c.clientId),
        [otherAgency],
      );
      assert.deepEqual(await consents.find(other, agency, now), ['openid'], "another person's consent stays");
      assert.deepEqual(
        await ids('SELECT id FROM oidc_models WHERE id = ANY($1::text[])', [[g1, g2, ...gone]]),
        [],
        'the grants and their codes and tokens are gone',
      );
      assert.deepEqual(
        await ids('SELECT id FROM oidc_models WHERE id = ANY($1::text[])', [
          [gOtherAgency, gOtherPerson, ...kept],
        ]),
        [gOtherAgency, gOtherPerson, ...kept].sort(),
        "other agencies' and other people's grants, and the browser session, stay",
      );
      assert.equal(await consents.revoke(accountId, agency), false, 'nothing left to revoke');
    },
  );

  await t.test('revoke also removes grants without a remembered consent, and says so', async () => {
    const accountId = await newAccountId();
    const agency = unique('agency-');
    const grantId = unique('g-');
    await store.upsert('Grant', grantId, { accountId, clientId: agency }, 3600);
    assert.equal(await consents.revoke(accountId, agency), true);
    assert.equal(await store.find('Grant', grantId), undefined);
    assert.equal(await consents.revoke(accountId, unique('agency-')), false);
  });
}

// One migrated database per backend for the whole file (PGlite takes seconds to create).
forEachBackend('identity repositories', { migrations: IDENTITY_MIGRATIONS }, async (t, db) => {
  await t.test('accounts repo', (t) => accountsRepoSuite(t, db));
  await t.test('sign-up flows repo', (t) => signUpFlowsRepoSuite(t, db));
  await t.test('oidc store', (t) => oidcStoreSuite(t, db));
  await t.test('agencies repo', (t) => agenciesRepoSuite(t, db));
  await t.test('consents repo', (t) => consentsRepoSuite(t, db));
  await t.test('secrets repo', (t) => secretsRepoSuite(t, db));
  await t.test('outbox repo', (t) => outboxRepoSuite(t, db));
});

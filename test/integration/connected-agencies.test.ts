// "Connected agencies" on the identity provider's account page: the demo person signs in
// (password and an emailed code), sees the agency she consented to with what it receives,
// confirms a revoke, and the consent, the provider's grants and their tokens are gone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { createHttpClient, type HttpClient } from '../support/http-client.ts';
import { createConsentsRepo, type ConsentsRepo } from '../../apps/identity/src/db/consents-repo.ts';
import { createOidcStore, type OidcStore } from '../../apps/identity/src/db/oidc-store.ts';

const MARIA = { email: 'maria.garcia@example.com', password: 'orange-tulip-harbor-42' };
const AGENCY = 'tax-account';
const PAGE = '/account/connected-agencies';
const REVOKE = `${PAGE}/${AGENCY}/revoke`;
const DAY = 24 * 3600 * 1000;

describe('connected agencies', { timeout: 120_000 }, () => {
  let system: TestSystem;
  let client: HttpClient;
  let consents: ConsentsRepo;
  let store: OidcStore;
  let accountId: string;
  let agencyName: string;
  let grantId: string;
  let accessTokenId: string;

  before(async () => {
    system = await startTestSystem();
    consents = createConsentsRepo(system.identity.db);
    store = createOidcStore(system.identity.db);
    accountId = (await system.identity.accounts.findByEmail(MARIA.email))!.id;
    agencyName = (await system.identity.agencies.find(AGENCY))!.name;
    client = createHttpClient(system.identity.server);
  });
  after(() => system?.stop());

  const idp = () => system.identity.server;
  const count = async (sql: string, params: unknown[]) =>
    (await system.identity.db.query<{ n: number }>(sql, params))[0]!.n;
  const grantsOfMaria = () =>
    count(
      `SELECT count(*)::int AS n FROM oidc_models
       WHERE model = 'Grant' AND payload ->> 'accountId' = $1 AND payload ->> 'clientId' = $2`,
      [accountId, AGENCY],
    );
  const outbox = async () =>
    (await idp().inject({ method: 'GET', url: '/dev/outbox.json' })).json().messages as {
      recipient: string;
      subject: string;
      body: string;
    }[];

  /** Password, then the code emailed to the demo person: an AAL2 session at the identity provider. */
  async function signIn(c: HttpClient) {
    await c.get('/sign-in');
    const afterPassword = await c.post('/sign-in', MARIA);
    assert.equal(afterPassword.location, '/mfa');
    const page = await c.get('/mfa');
    const methodId = /name="methodId" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(methodId, 'the /mfa page lists the email method');
    const started = await c.post('/mfa/start', { methodId });
    assert.equal(started.status, 303);
    const challengeId = new URL(started.location!, 'http://x').searchParams.get('challenge');
    assert.ok(challengeId, 'a challenge id');
    const mail = (await outbox()).find((m) => m.recipient === MARIA.email && /one-time code/.test(m.body));
    const code = /one-time code is (\d{6})/.exec(mail?.body ?? '')?.[1];
    assert.ok(code, 'a code in the email');
    const done = await c.post(`/mfa/${methodId}`, { code, challengeId });
    assert.equal(done.status, 303);
    assert.equal(done.location, '/account');
  }

  it('asks for a sign-in first', async () => {
    const stranger = createHttpClient(idp());
    const anonymous = await stranger.get(PAGE);
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.location, '/sign-in');
    assert.equal(decodeURIComponent(stranger.cookie('idp_return') ?? ''), PAGE, 'and comes back here');
  });

  it('lists the agency with what it receives, when consent was given and ends, and its last sign-in', async () => {
    await signIn(client);
    assert.doesNotMatch((await client.get('/account')).body, /data-client-id=/, 'no agency yet');
    await consents.record(
      accountId,
      AGENCY,
      ['openid', 'email', 'profile:name'],
      new Date(Date.now() + 365 * DAY),
    );
    // What the provider keeps for a sign-in at the agency: a grant, and a token issued under it
    // (written through the provider's storage: issuing a real token needs a request).
    const grant = new system.identity.provider.Grant({ accountId, clientId: AGENCY });
    grant.addOIDCScope('openid email profile:name');
    grantId = await grant.save();
    accessTokenId = `test-token-${Date.now()}`;
    await store.upsert(
      'AccessToken',
      accessTokenId,
      {
        kind: 'AccessToken',
        jti: accessTokenId,
        accountId,
        clientId: AGENCY,
        grantId,
        scope: 'openid email',
      },
      3600,
    );
    assert.ok(await store.find('AccessToken', accessTokenId));
    assert.equal(await grantsOfMaria(), 1);

    const account = await client.get('/account');
    assert.equal(account.status, 200);
    assert.match(account.body, /Connected agencies/);
    assert.match(account.body, new RegExp(`data-client-id="${AGENCY}"`));
    const page = await client.get(PAGE);
    assert.equal(page.status, 200);
    for (const html of [account.body, page.body]) {
      assert.ok(html.includes(agencyName), 'the agency is named');
      assert.match(html, /A unique identifier for you at this agency \(not shared with other agencies\)/);
      assert.match(html, /Your email address/);
      assert.match(html, /Your name</);
      assert.doesNotMatch(html, /Social Security/, 'only what was consented to');
      assert.match(html, /<dd data-last-sign-in="true">Never<\/dd>/);
      assert.match(
        html,
        /<dd data-granted-at="true">[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M<\/dd>/,
      );
      assert.match(html, /<dd data-expires-at="true">[A-Z][a-z]{2} \d{1,2}, \d{4}, /);
      assert.ok(html.includes(`href="${REVOKE}"`), 'a revoke button');
    }

    await consents.recordSignIn(accountId, AGENCY, new Date('2026-03-04T17:05:00Z'));
    assert.match((await client.get(PAGE)).body, /<dd data-last-sign-in="true">Mar 4, 2026, 12:05\sPM<\/dd>/);
    const spanish = await client.get(`${PAGE}?lang=es`);
    assert.match(spanish.body, /Agencias conectadas/);
    assert.match(spanish.body, /Su correo electrónico/);
    assert.match(spanish.body, /<dd data-last-sign-in="true">4 mar 2026, 12:05\sp\.\s?m\.<\/dd>/);
    await client.get(`${PAGE}?lang=en`);
  });

  it('confirms first, and refuses a revoke without the CSRF token', async () => {
    const confirm = await client.get(REVOKE);
    assert.equal(confirm.status, 200);
    assert.ok(confirm.body.includes(`Stop sharing with ${agencyName}?`));
    assert.match(confirm.body, /The agency will have to ask again next time/);
    assert.ok(confirm.body.includes(`<form method="post" action="${REVOKE}"`));
    assert.match(confirm.body, /name="_csrf" value="[^"]+"/);

    // Another site's form: the person's cookies go with it, but not a token from our page.
    const cookies = ['idp_sid', 'idp_csrf'].map((name) => `${name}=${client.cookie(name) ?? ''}`);
    assert.ok(client.cookie('idp_sid') && client.cookie('idp_csrf'), 'signed in, with a CSRF secret');
    const forged = await idp().inject({
      method: 'POST',
      url: REVOKE,
      payload: '_csrf=forged',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    });
    assert.equal(forged.statusCode, 403);
    assert.ok(await consents.find(accountId, AGENCY, new Date()), 'still connected');
    assert.equal(await grantsOfMaria(), 1);
  });

  it('revokes: the consent, the grants and their tokens are gone, with a success alert and a security event', async () => {
    await client.get(REVOKE);
    const revoked = await client.post(REVOKE, {});
    assert.equal(revoked.status, 303);
    assert.equal(revoked.location, `${PAGE}?revoked=${AGENCY}`);
    const page = await client.get(revoked.location!);
    assert.match(page.body, /usa-alert--success/);
    assert.ok(page.body.includes(`You stopped sharing your information with ${agencyName}.`));
    assert.doesNotMatch(page.body, /data-client-id=/);
    assert.match(page.body, /You are not sharing your information with any agency/);

    assert.equal(await consents.find(accountId, AGENCY, new Date()), undefined);
    assert.deepEqual(await consents.list(accountId, new Date()), []);
    assert.equal(await grantsOfMaria(), 0, 'the Grant rows are gone');
    assert.equal(
      await count('SELECT count(*)::int AS n FROM oidc_models WHERE id = $1 OR grant_id = $1 OR id = $2', [
        grantId,
        accessTokenId,
      ]),
      0,
      'and the tokens issued under them',
    );
    assert.equal(await store.find('AccessToken', accessTokenId), undefined);

    const account = await client.get('/account');
    assert.match(account.body, /Stopped sharing with an agency/, 'listed in the security events');
    const notice = (await outbox()).find(
      (m) =>
        m.recipient === MARIA.email && m.subject === 'You stopped sharing your information with an agency',
    );
    assert.ok(notice, 'the person is told by email');
  });

  it('has nothing to revoke afterwards: back to the list, no alert, no new event', async () => {
    assert.equal((await client.get(REVOKE)).location, PAGE);
    await client.get(PAGE);
    const again = await client.post(REVOKE, {});
    assert.equal(again.location, PAGE);
    assert.doesNotMatch((await client.get(`${PAGE}?revoked=${AGENCY}x`)).body, /usa-alert--success/);
    assert.equal(
      await count(
        `SELECT count(*)::int AS n FROM security_events WHERE account_id = $1 AND kind = 'agency_revoked'`,
        [accountId],
      ),
      1,
    );
  });

  /**
   * Starts a sign-in at the tax account and follows the identity provider's redirects on this
   * browser: where it ends (back at the agency, or a page of ours), and the scopes it asked for.
   */
  async function agencySignIn(c: HttpClient) {
    const start = await system.account.server.inject({ method: 'GET', url: '/sign-in' });
    const agencyOrigin = new URL(system.accountUrl).origin;
    let location = new URL(String(start.headers.location));
    const scopes = (location.searchParams.get('scope') ?? '').split(' ');
    for (let hop = 0; hop < 10 && location.origin !== agencyOrigin; hop++) {
      const response = await c.get(location.pathname + location.search);
      if (response.status === 200) return { page: response.body, scopes };
      assert.equal(response.status, 303, `${location.pathname} answered ${response.status}`);
      location = new URL(response.location!, system.identityUrl);
    }
    return { landedAt: `${location.origin}${location.pathname}`, scopes };
  }

  it('after a revoke, the agency has to ask again', async () => {
    const { scopes } = await agencySignIn(client);
    await consents.record(accountId, AGENCY, scopes, new Date(Date.now() + 365 * DAY));
    const remembered = await agencySignIn(client);
    assert.equal(
      remembered.landedAt,
      `${system.accountUrl}/auth/callback`,
      'consent remembered: no question',
    );
    assert.equal(await grantsOfMaria(), 1, 'the provider made a grant from the remembered consent');

    await client.get(REVOKE);
    assert.equal((await client.post(REVOKE, {})).location, `${PAGE}?revoked=${AGENCY}`);
    assert.equal(await grantsOfMaria(), 0);

    const asked = await agencySignIn(client);
    assert.ok(asked.page, `asked again (ended at ${asked.landedAt})`);
    assert.ok(asked.page.includes(`Share your information with ${agencyName}?`));
    assert.match(asked.page, /A unique identifier for you at this agency/);
    assert.match(asked.page, /name="decision" value="allow"/);
  });
});

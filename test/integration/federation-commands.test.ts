// The operator's federation commands against a running identity provider: registering an agency
// from a file (and refusing a bad one before anything changes), and rotating signing keys so the
// old ones stay published, after the new ones, until their window ends.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { runFederationCommand, UsageError } from '../../tools/cli-federation.ts';
import { AgencyRegistrationError } from '../../apps/identity/src/federation/agency-registration.ts';
import { RETIRED_KEY_PUBLISH_SECONDS } from '../../apps/identity/src/federation/signing-key-rotation.ts';

describe('federation commands', { timeout: 120_000 }, () => {
  let system: TestSystem;
  const folder = mkdtempSync(join(tmpdir(), 'agency-files-'));
  const lines: string[] = [];
  const run = (args: string[], now = new Date()) =>
    runFederationCommand(system.identity, args, (line) => lines.push(line), now);

  before(async () => {
    system = await startTestSystem();
  });
  after(async () => {
    await system?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('registers an agency from a file; it is then a client of the provider', async () => {
    const file = join(folder, 'labor.json');
    writeFileSync(
      file,
      JSON.stringify({
        client_id: 'state-labor',
        name: 'State Labor Department',
        redirect_uris: ['https://labor.example.gov/callback'],
        token_endpoint_auth_method: 'client_secret_basic',
        client_secret: 'labor-secret-0123456789abcdefghijklmnop',
        scopes: ['openid', 'email'],
        ial: 1,
        failure_url: 'https://labor.example.gov/failed',
      }),
    );
    await run(['agency', 'add', '--file', file]);
    assert.match(
      lines.at(-1)!,
      /^Registered agency "state-labor" \(State Labor Department\): client_secret_basic, ial 1/,
    );
    const client = await system.identity.provider.Client.find('state-labor');
    assert.equal(client?.clientName, 'State Labor Department');
    await run(['agency', 'list']);
    assert.ok(lines.some((line) => line.startsWith('state-labor\tState Labor Department')));
    assert.ok(
      lines.some((line) => line.startsWith('tax-account\t')),
      'the seeded agency is listed too',
    );
  });

  it('refuses a bad file, naming each field, and changes nothing', async () => {
    const file = join(folder, 'bad.json');
    writeFileSync(file, JSON.stringify({ client_id: 'state-labor', name: 'Renamed', ial: 5 }));
    await assert.rejects(run(['agency', 'add', '--file', file]), (error: unknown) => {
      assert.ok(error instanceof AgencyRegistrationError);
      assert.ok(error.problems.includes('ial: must be 1 or 2'), error.message);
      assert.ok(error.problems.includes('redirect_uris: is required'), error.message);
      return true;
    });
    assert.equal((await system.identity.agencies.find('state-labor'))?.name, 'State Labor Department');
    await assert.rejects(run(['agency', 'add']), UsageError);
  });

  it('removes an agency', async () => {
    await run(['agency', 'remove', 'state-labor']);
    assert.equal(lines.at(-1), 'Removed agency "state-labor".');
    assert.equal(await system.identity.agencies.find('state-labor'), undefined);
    await run(['agency', 'remove', 'state-labor']);
    assert.equal(lines.at(-1), 'No agency "state-labor".');
  });

  it('rotates signing keys: new keys sign, old keys stay published until their window ends', async () => {
    const { secrets } = system.identity;
    const now = new Date();
    const before = (await secrets.signingKeys()).map((key) => key.kid);
    assert.equal(before.length, 2);
    await run(['keys', 'rotate'], now);
    const active = (await secrets.signingKeys()).map((key) => key.kid);
    assert.equal(active.length, 2);
    assert.ok(
      active.every((kid) => !before.includes(kid)),
      'new key ids',
    );
    const published = (await secrets.publishedSigningKeys(now)).map((key) => key.kid);
    assert.deepEqual(published.slice(0, 2).sort(), [...active].sort(), 'the new keys come first (they sign)');
    assert.deepEqual(published.slice(2).sort(), [...before].sort(), 'the old keys are still published');
    const later = new Date(now.getTime() + (RETIRED_KEY_PUBLISH_SECONDS + 1) * 1000);
    assert.deepEqual(
      (await secrets.publishedSigningKeys(later)).map((key) => key.kid).sort(),
      [...active].sort(),
      'after the window only the new keys',
    );
    await run(['keys', 'list'], now);
    const listing = lines.slice(-4);
    assert.equal(listing.filter((line) => line.endsWith('\tactive')).length, 2);
    assert.equal(listing.filter((line) => line.includes('retired, published until')).length, 2);
  });

  it('lists an agency\u2019s Security Event Tokens and puts failed ones back in the queue', async () => {
    // The app's own worker would send them meanwhile; this test drives the queue by hand.
    await system.identity.securityEventDelivery.stop();
    const deliveries = system.identity.securityEventDeliveries;
    const now = new Date();
    await deliveries.enqueue(
      system.identity.db,
      [
        {
          id: randomUUID(),
          clientId: 'tax-account',
          eventType: 'credential-change',
          subject: 'sub-1',
          occurredAt: now,
        },
        {
          id: randomUUID(),
          clientId: 'tax-account',
          eventType: 'account-purged',
          subject: 'sub-2',
          occurredAt: now,
        },
      ],
      now,
    );
    const [first] = await deliveries.claimDue(now, 1, 60);
    assert.ok(first);
    await deliveries.markFailed(first.id, now, 'HTTP 500');
    await run(['events', 'list', 'tax-account'], now);
    const listing = lines.slice(-2);
    assert.ok(
      listing.some(
        (line) => line.startsWith(`${first.id}\t`) && /\tfailed\t1 attempt\(s\)\t.*\tHTTP 500$/.test(line),
      ),
      listing.join('\n'),
    );
    assert.ok(
      listing.some((line) => /\tpending\t0 attempt\(s\)\t/.test(line)),
      listing.join('\n'),
    );
    await run(['events', 'retry', 'tax-account'], now);
    assert.equal(lines.at(-1), 'Queued again: 1 failed delivery to "tax-account".');
    const again = await deliveries.find(first.id);
    assert.equal(again?.status, 'pending');
    assert.equal(again?.attempts, 0);
    await run(['events', 'retry', 'tax-account'], now);
    assert.equal(lines.at(-1), 'Queued again: 0 failed deliveries to "tax-account".');
    await run(['events', 'list', 'nobody'], now);
    assert.equal(lines.at(-1), 'No Security Event Tokens for "nobody".');
    await assert.rejects(run(['events', 'list']), UsageError);
  });

  it('the running provider still publishes the keys it signs with (new keys need a restart)', async () => {
    const response = await fetch(`${system.identityUrl}/oidc/jwks`);
    const { keys } = (await response.json()) as { keys: { kid: string; d?: string }[] };
    assert.equal(keys.length, 2);
    assert.ok(keys.every((key) => key.d === undefined));
  });
});

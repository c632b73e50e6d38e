// The HTTP telephony adapter against a local provider (node:http on port 0): what it sends, and
// how each kind of answer (or no answer) becomes a TelephonyError kind.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { parsePhoneNumber } from '#platform/telephony/phone-number.ts';
import { TelephonyError, type E164, type TelephonyErrorKind } from '#platform/telephony/telephony-port.ts';
import { createHttpTelephonySender } from '../../apps/identity/src/telephony/http-telephony-sender.ts';
import { freePort } from '../support/free-port.ts';

const TOKEN = 'test-token-7f3a';
const CODE = '482913';

function e164(input: string): E164 {
  const parsed = parsePhoneNumber(input);
  assert.ok(parsed.ok, `${input} parses`);
  return parsed.e164;
}
const TO = e164('(202) 555-0143');

interface Received {
  method: string | undefined;
  path: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A local provider; each test sets `handler` and reads `received`. */
class FakeProvider {
  received: Received[] = [];
  handler: Handler = (_req, res) => res.writeHead(202).end();
  private server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // keep the raw text
      }
      this.received.push({
        method: req.method,
        path: req.url,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      });
      this.handler(req, res);
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    assert.ok(address && typeof address === 'object');
    this.url = `http://127.0.0.1:${address.port}/v1/messages`;
  }

  reset(handler: Handler): void {
    this.received = [];
    this.handler = handler;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const json =
  (status: number, body: unknown): Handler =>
  (_req, res) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** Asserts a TelephonyError of `kind` that leaks neither the number nor the code. */
async function rejectsWith(
  promise: Promise<void>,
  kind: TelephonyErrorKind,
  expected: { channel?: 'sms' | 'voice'; status?: number | undefined } = {},
): Promise<TelephonyError> {
  let caught: unknown;
  await assert.rejects(promise, (error: unknown) => {
    caught = error;
    return true;
  });
  assert.ok(caught instanceof TelephonyError, `expected a TelephonyError, got ${String(caught)}`);
  assert.equal(caught.kind, kind, caught.message);
  if (expected.channel) assert.equal(caught.channel, expected.channel);
  if ('status' in expected) assert.equal(caught.status, expected.status);
  for (const secret of [CODE, '2025550143', TOKEN]) {
    assert.ok(!caught.message.includes(secret), `error message leaks ${secret}: ${caught.message}`);
  }
  return caught;
}

describe('HTTP telephony sender', () => {
  const provider = new FakeProvider();
  before(() => provider.start());
  after(() => provider.stop());
  const sender = () => createHttpTelephonySender({ url: provider.url, token: TOKEN, timeoutMs: 2_000 });

  it('posts a text message as JSON with the bearer token, and resolves on 2xx', async () => {
    provider.reset(json(200, { id: 'msg_1' }));
    const telephony = sender();
    assert.equal(telephony.name, 'http');
    await telephony.sendSms(TO, `Your code is ${CODE}.`);
    assert.deepEqual(provider.received, [
      {
        method: 'POST',
        path: '/v1/messages',
        authorization: `Bearer ${TOKEN}`,
        contentType: 'application/json',
        body: { channel: 'sms', to: '+12025550143', text: `Your code is ${CODE}.` },
      },
    ]);
  });

  it('posts a voice call with the code spaced out for the voice, and resolves on 204', async () => {
    provider.reset((_req, res) => res.writeHead(204).end());
    await sender().placeVoiceCall(TO, `Your code is ${CODE}. Again: ${CODE}.`);
    assert.equal(provider.received.length, 1);
    assert.deepEqual(provider.received[0]!.body, {
      channel: 'voice',
      to: '+12025550143',
      text: 'Your code is 4 8 2 9 1 3. Again: 4 8 2 9 1 3.',
    });
  });

  it('maps a 400 "invalid_number" answer to invalid_number', async () => {
    provider.reset(
      json(400, { error: 'invalid_number', message: 'The number +12025550143 is not assigned' }),
    );
    await rejectsWith(sender().sendSms(TO, `Your code is ${CODE}.`), 'invalid_number', {
      channel: 'sms',
      status: 400,
    });
  });

  it('maps a 422 "invalid_number" answer on a voice call to invalid_number', async () => {
    provider.reset(json(422, { error: 'invalid_number' }));
    await rejectsWith(sender().placeVoiceCall(TO, `Your code is ${CODE}.`), 'invalid_number', {
      channel: 'voice',
      status: 422,
    });
  });

  it('maps other 4xx answers to provider_failure (they are not about the number)', async () => {
    for (const [status, body] of [
      [400, { error: 'bad_request' }],
      [400, 'invalid_number'], // not a JSON object
      [401, { error: 'unauthorized' }],
      [403, { error: 'forbidden' }],
      [429, { error: 'rate_limited' }],
    ] as [number, unknown][]) {
      provider.reset(
        typeof body === 'string'
          ? (_req, res) => res.writeHead(status, { 'content-type': 'text/plain' }).end(body)
          : json(status, body),
      );
      await rejectsWith(sender().sendSms(TO, `Your code is ${CODE}.`), 'provider_failure', { status });
    }
  });

  it('maps a 500 answer to provider_failure, even when its body mentions invalid_number', async () => {
    provider.reset(json(500, { error: 'invalid_number' }));
    await rejectsWith(sender().sendSms(TO, `Your code is ${CODE}.`), 'provider_failure', { status: 500 });
    provider.reset(json(503, { error: 'unavailable' }));
    await rejectsWith(sender().placeVoiceCall(TO, `Your code is ${CODE}.`), 'provider_failure', {
      channel: 'voice',
      status: 503,
    });
  });

  it('does not follow a redirect: provider_failure', async () => {
    provider.reset((_req, res) => res.writeHead(307, { location: '/v1/elsewhere' }).end());
    await rejectsWith(sender().sendSms(TO, `Your code is ${CODE}.`), 'provider_failure', { status: 307 });
    assert.deepEqual(
      provider.received.map((r) => r.path),
      ['/v1/messages'],
    );
  });

  it('gives up after the timeout: unreachable, and promptly', { timeout: 5_000 }, async () => {
    provider.reset(() => {
      // Never answers.
    });
    const telephony = createHttpTelephonySender({ url: provider.url, token: TOKEN, timeoutMs: 150 });
    const started = performance.now();
    const error = await rejectsWith(telephony.sendSms(TO, `Your code is ${CODE}.`), 'unreachable', {
      status: undefined,
    });
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 140 && elapsed < 1_500, `took ${elapsed} ms`);
    assert.match(error.message, /150 ms/);
    assert.equal(provider.received.length, 1, 'the request did reach the provider');
  });

  it(
    'an error answer that never finishes: provider_failure once the timeout ends the wait',
    { timeout: 5_000 },
    async () => {
      provider.reset((_req, res) => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.write('{"error":');
      });
      const telephony = createHttpTelephonySender({ url: provider.url, token: TOKEN, timeoutMs: 150 });
      const started = performance.now();
      await rejectsWith(telephony.sendSms(TO, `Your code is ${CODE}.`), 'provider_failure', { status: 400 });
      const elapsed = performance.now() - started;
      assert.ok(elapsed >= 140 && elapsed < 1_500, `took ${elapsed} ms`);
    },
  );

  it('maps a refused connection to unreachable', async () => {
    const closedPort = await freePort();
    const telephony = createHttpTelephonySender({ url: `http://127.0.0.1:${closedPort}/`, token: TOKEN });
    const error = await rejectsWith(telephony.placeVoiceCall(TO, `Your code is ${CODE}.`), 'unreachable', {
      channel: 'voice',
      status: undefined,
    });
    assert.ok(error.cause, 'keeps the network error as the cause');
  });

  it('refuses a value that is not E.164 without calling the provider', async () => {
    provider.reset(json(200, {}));
    await rejectsWith(sender().sendSms('202-555-0143' as E164, `Your code is ${CODE}.`), 'invalid_number');
    assert.deepEqual(provider.received, []);
  });

  it('refuses unusable settings when it is created', () => {
    assert.throws(() => createHttpTelephonySender({ url: 'ftp://provider.example/', token: TOKEN }), /http/);
    assert.throws(() => createHttpTelephonySender({ url: 'not a url', token: TOKEN }));
    assert.throws(() => createHttpTelephonySender({ url: provider.url, token: '' }), /token/);
    assert.throws(() => createHttpTelephonySender({ url: provider.url, token: 'a\r\nX-Evil: 1' }), /token/);
    assert.throws(
      () => createHttpTelephonySender({ url: provider.url, token: TOKEN, timeoutMs: 0 }),
      /timeout/,
    );
    assert.equal(createHttpTelephonySender({ url: provider.url, token: TOKEN, name: 'acme' }).name, 'acme');
  });
});

// PII never reaches the log output: by key path, inside message strings, and in request URLs.
// The logger writes to an in-memory stream.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger, scrubText, type Logger } from '#platform/log/logger.ts';

function capture(level = 'info'): {
  log: Logger;
  output: () => string;
  records: () => Record<string, unknown>[];
} {
  const lines: string[] = [];
  const log = createLogger({
    level,
    name: 'unit',
    destination: { write: (line: string) => void lines.push(line) },
  });
  return {
    log,
    output: () => lines.join(''),
    records: () =>
      lines
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const EMAIL = 'alice.smith@example.com';
const SSN = '123-45-6789';
const PHONE = '(555) 123-4567';

describe('logger', () => {
  it('writes JSON records with service, level and message', () => {
    const { log, records } = capture();
    log.info({ requestId: 'r-1' }, 'hello');
    const [record] = records();
    assert.equal(record?.service, 'unit');
    assert.equal(record?.level, 'info');
    assert.equal(record?.msg, 'hello');
    assert.equal(record?.requestId, 'r-1');
  });

  describe('redacts PII by key', () => {
    const fields: [key: string, value: string][] = [
      ['email', EMAIL],
      ['ssn', '987654321'],
      ['phone', '5551234567'],
      ['given_name', 'Alicia'],
      ['family_name', 'Zamorano'],
      ['givenName', 'Bartholomew'],
      ['name', 'Cordelia Q'],
      ['password', 'hunter2-secret-pw'],
      ['token', 'tok_live_abcdef123456'],
      ['code', 'authcode-XYZ-789'],
      ['id_token', 'eyJhbGciOiJIUzI1NiJ9.payload.sig'],
      ['dob', '1980-02-29'],
      ['address', '1600 Penn Ave'],
    ];
    for (const [key, value] of fields) {
      it(`top-level ${key}`, () => {
        const { log, output } = capture();
        log.info({ [key]: value, keep: 'visible-marker' }, 'event');
        assert.ok(output().includes('visible-marker'), 'the record was not written');
        assert.ok(output().includes('[redacted]'));
        assert.ok(!output().includes(value), output());
      });
      it(`nested ${key} ({ user: { ${key} } })`, () => {
        const { log, output } = capture();
        log.info({ user: { [key]: value, id: 'user-id-42' } }, 'event');
        assert.ok(output().includes('user-id-42'), 'the record was not written');
        assert.ok(!output().includes(value), output());
      });
    }

    it('two levels deep ({ body: { user: { email } } })', () => {
      const { log, output } = capture();
      log.info({ body: { user: { email: EMAIL, id: 'user-id-43' } } }, 'event');
      assert.ok(output().includes('user-id-43'));
      assert.ok(!output().includes(EMAIL), output());
    });

    it('several PII keys in one record', () => {
      const { log, output } = capture();
      log.warn(
        { email: EMAIL, ssn: SSN, given_name: 'Alicia', password: 'pw-123456', token: 'tok-abc' },
        'many',
      );
      for (const value of [EMAIL, SSN, 'Alicia', 'pw-123456', 'tok-abc']) {
        assert.ok(!output().includes(value), `${value} leaked: ${output()}`);
      }
    });
  });

  describe('scrubs PII inside message strings', () => {
    const messages: [name: string, message: string, secret: string][] = [
      ['an email address', `sign-up started for ${EMAIL}`, EMAIL],
      ['an upper-case email address', 'sent to BOB.JONES+TAX@EXAMPLE.GOV today', 'BOB.JONES+TAX@EXAMPLE.GOV'],
      ['an SSN with dashes', `tin ${SSN} matched`, SSN],
      ['an SSN without dashes', 'tin 123456789 matched', '123456789'],
      ['a phone number (555) 123-4567', `call ${PHONE} now`, '123-4567'],
      ['a phone number +1 555-123-4567', 'sms to +1 555-123-4567 sent', '555-123-4567'],
      ['a phone number 555.123.4567', 'sms to 555.123.4567 sent', '555.123.4567'],
    ];
    for (const [name, message, secret] of messages) {
      it(name, () => {
        const { log, output } = capture();
        log.info(message);
        assert.ok(output().includes('"msg"'), 'the record was not written');
        assert.ok(!output().includes(secret), output());
      });
    }

    it('in the message after a merging object, and in format arguments', () => {
      const { log, output } = capture();
      log.info({ step: 'confirm' }, 'user %s has ssn %s', EMAIL, SSN);
      assert.ok(output().includes('confirm'));
      assert.ok(output().includes('[email]'), output());
      assert.ok(!output().includes(EMAIL) && !output().includes(SSN), output());
    });

    it('leaves ordinary text alone', () => {
      const { log, records } = capture();
      log.info('request completed in 12 ms with status 200');
      assert.equal(records()[0]?.msg, 'request completed in 12 ms with status 200');
    });

    it('in an error logged as { err }', () => {
      const { log, output } = capture();
      log.error({ err: new Error(`duplicate key for ${EMAIL} / ${SSN}`) }, 'unhandled error');
      assert.ok(output().includes('unhandled error'));
      assert.ok(!output().includes(EMAIL) && !output().includes(SSN), output());
    });

    it('in an error logged directly (pino copies its message into msg)', () => {
      const { log, output } = capture();
      log.error(new Error(`duplicate key for ${EMAIL}`));
      assert.ok(output().includes('duplicate key'), 'the record was not written');
      assert.ok(!output().includes(EMAIL), output());
    });
  });

  describe('request serializer', () => {
    const urls: [url: string, secrets: string[], kept: string[]][] = [
      [
        '/callback?code=SECRET-CODE-1&state=SECRET-STATE-1',
        ['SECRET-CODE-1', 'SECRET-STATE-1'],
        ['/callback?code=[redacted]&state=[redacted]'],
      ],
      ['/confirm?token=SECRET-TOKEN-2&lang=es', ['SECRET-TOKEN-2'], ['token=[redacted]', 'lang=es']],
      ['/auth?lang=en&code=SECRET-CODE-3', ['SECRET-CODE-3'], ['lang=en', 'code=[redacted]']],
      [
        '/session/end?id_token_hint=SECRET-HINT-4&post_logout_redirect_uri=x',
        ['SECRET-HINT-4'],
        ['post_logout_redirect_uri=x'],
      ],
      ['/auth?nonce=SECRET-NONCE-5&client_id=tax-account', ['SECRET-NONCE-5'], ['client_id=tax-account']],
      [`/lookup/${EMAIL}?x=1`, [EMAIL], ['/lookup/[email]?x=1']],
      ['/search?barcode=keep-this-value', [], ['barcode=keep-this-value']],
    ];
    for (const [url, secrets, kept] of urls) {
      it(url, () => {
        const { log, records, output } = capture();
        log.info(
          { req: { id: 'req-1', method: 'GET', url, headers: { cookie: 'session=SECRET-COOKIE' } } },
          'req',
        );
        const req = records()[0]?.req as { id: string; method: string; url: string };
        assert.equal(req.id, 'req-1');
        assert.equal(req.method, 'GET');
        for (const secret of [...secrets, 'SECRET-COOKIE']) assert.ok(!output().includes(secret), output());
        for (const part of kept) assert.ok(req.url.includes(part), `${req.url} lacks ${part}`);
      });
    }
  });

  it('respects the level', () => {
    const { log, output } = capture('warn');
    log.info('not written');
    log.warn('written');
    assert.ok(!output().includes('not written'));
    assert.ok(output().includes('written'));
  });
});

describe('scrubText', () => {
  const cases: [string, string][] = [
    [`mail ${EMAIL}`, 'mail [email]'],
    [`tin ${SSN}`, 'tin [tin]'],
    ['nothing to hide here', 'nothing to hide here'],
    ['order 12345 shipped', 'order 12345 shipped'],
  ];
  for (const [input, want] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(want)}`, () => assert.equal(scrubText(input), want));
  }
  it('masks a phone number', () => {
    const scrubbed = scrubText(`call ${PHONE}`);
    assert.ok(scrubbed.includes('[phone]'), scrubbed);
    assert.ok(!/\d{4}/.test(scrubbed), scrubbed);
  });
});

describe('logger: second net for PII anywhere in a log object', () => {
  it('scrubs PII patterns in string values under any key and at depth', () => {
    const { log, output } = capture();
    log.info(
      {
        detail: 'contact jane.roe@example.com',
        a: { b: { c: { note: 'SSN 123-45-6789' } } },
        list: ['call 202-555-0143'],
      },
      'event',
    );
    const text = output();
    assert.doesNotMatch(text, /jane\.roe@example\.com|123-45-6789|555-0143/);
    assert.match(text, /contact \[email\]/);
  });
});

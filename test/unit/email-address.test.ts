// Email normalisation and the pragmatic validity check (pure).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  EMAIL_MAX_LENGTH,
  isValidEmail,
  normaliseEmail,
} from '../../apps/identity/src/auth/email-address.ts';

describe('isValidEmail', () => {
  const valid = [
    'a@example.com',
    'person@example.gov',
    'first.last@example.com',
    'first.last+tag@sub.example.co.uk',
    "o'brien@example.ie",
    'user_name-1@ex-ample.com',
    'user%team@example.org',
    '12345@123.com',
    'x@a.io',
  ];
  const invalid = [
    '',
    'plainaddress',
    '@example.com',
    'user@',
    'user@example',
    'user@@example.com',
    'user@exa@mple.com',
    'user @example.com',
    ' user@example.com',
    'user@example.com ',
    'user@example.com\n',
    'user@exa mple.com',
    '<user>@example.com',
    'user@example..com',
    'user@.example.com',
    'user@example.com.',
    'user@exam_ple.com',
    '"quoted"@example.com',
    'a,b@example.com',
    'a;b@example.com',
    'a:b@example.com',
    'a(b)@example.com',
    'a\\b@example.com',
    'a[b]@example.com',
    'user@[127.0.0.1]',
    'Name <user@example.com>',
  ];
  for (const email of valid) {
    it(`accepts ${JSON.stringify(email)}`, () => assert.equal(isValidEmail(email), true));
  }
  for (const email of invalid) {
    it(`rejects ${JSON.stringify(email)}`, () => assert.equal(isValidEmail(email), false));
  }

  it(`accepts exactly ${EMAIL_MAX_LENGTH} characters and rejects one more`, () => {
    assert.equal(EMAIL_MAX_LENGTH, 254);
    const local = 'a'.repeat(64);
    const atLimit = `${local}@${'b'.repeat(254 - 64 - 1 - 4)}.com`;
    assert.equal(atLimit.length, 254);
    assert.equal(isValidEmail(atLimit), true);
    const overLimit = `${local}@${'b'.repeat(254 - 64 - 1 - 4 + 1)}.com`;
    assert.equal(overLimit.length, 255);
    assert.equal(isValidEmail(overLimit), false);
  });
});

describe('normaliseEmail', () => {
  const cases: [string, string][] = [
    ['person@example.com', 'person@example.com'],
    ['  Alice@Example.COM  ', 'alice@example.com'],
    ['\tBOB@EXAMPLE.ORG\n', 'bob@example.org'],
    ['First.Last+Tag@Sub.Example.Co.Uk', 'first.last+tag@sub.example.co.uk'],
  ];
  for (const [raw, want] of cases) {
    it(`${JSON.stringify(raw)} → ${JSON.stringify(want)}`, () => assert.equal(normaliseEmail(raw), want));
  }

  it('makes a padded, mixed-case address valid and equal to its canonical form', () => {
    const raw = ' Person@Example.Gov ';
    assert.equal(isValidEmail(raw), false);
    assert.equal(isValidEmail(normaliseEmail(raw)), true);
    assert.equal(normaliseEmail(raw), normaliseEmail('person@example.gov'));
  });
});

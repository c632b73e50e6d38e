// Reading form fields and query parameters: anything unexpected is a 400 AppError.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '#platform/errors/app-error.ts';
import { formFields, queryParam } from '#platform/http/form-fields.ts';

function assertBadRequest(read: () => unknown): void {
  assert.throws(read, (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'E400');
    assert.equal(error.messageKey, 'error.badRequest');
    return true;
  });
}

describe('formFields', () => {
  it('reads the named fields, exactly as sent', () => {
    assert.deepEqual(formFields({ email: ' a@b.co ', password: 'p w' }, ['email', 'password']), {
      email: ' a@b.co ',
      password: 'p w',
    });
  });

  it('a missing field is the empty string', () => {
    assert.deepEqual(formFields({ email: 'a@b.co' }, ['email', 'password']), {
      email: 'a@b.co',
      password: '',
    });
    assert.deepEqual(formFields({}, ['email']), { email: '' });
  });

  it('returns only the named fields', () => {
    assert.deepEqual(formFields({ email: 'x', _csrf: 'token', isAdmin: 'true' }, ['email']), { email: 'x' });
  });

  it('accepts a value of exactly the maximum length', () => {
    assert.equal(formFields({ f: 'x'.repeat(4096) }, ['f']).f.length, 4096);
    assert.equal(formFields({ f: 'x'.repeat(10) }, ['f'], 10).f, 'x'.repeat(10));
  });

  const bad: [name: string, body: unknown, maxLength?: number][] = [
    ['a repeated field (array)', { email: ['a@b.co', 'c@d.co'] }],
    ['a repeated field of one value', { email: ['a@b.co'] }],
    ['a number', { email: 42 }],
    ['a nested object', { email: { first: 'a' } }],
    ['a boolean', { email: true }],
    ['an over-long value (4097 characters)', { email: 'x'.repeat(4097) }],
    ['over a custom maximum', { email: 'x'.repeat(11) }, 10],
    ['a null body', null],
    ['an undefined body', undefined],
    ['a string body', 'email=a@b.co'],
    ['a number body', 7],
  ];
  for (const [name, body, maxLength] of bad) {
    it(`${name} → 400`, () => assertBadRequest(() => formFields(body, ['email'], maxLength)));
  }
});

describe('queryParam', () => {
  it('reads a single string', () => assert.equal(queryParam({ lang: 'es' }, 'lang'), 'es'));
  it('is undefined when absent, or when there is no query', () => {
    assert.equal(queryParam({}, 'lang'), undefined);
    assert.equal(queryParam(undefined, 'lang'), undefined);
  });
  it('accepts 2048 characters', () => assert.equal(queryParam({ q: 'x'.repeat(2048) }, 'q')?.length, 2048));
  const bad: [string, unknown][] = [
    ['a repeated parameter', { lang: ['es', 'en'] }],
    ['a non-string', { lang: 1 }],
    ['over 2048 characters', { lang: 'x'.repeat(2049) }],
  ];
  for (const [name, query] of bad) {
    it(`${name} → 400`, () => assertBadRequest(() => queryParam(query, 'lang')));
  }
});

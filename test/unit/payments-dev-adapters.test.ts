// The development payment adapters' pure parts: the documented test cards are Luhn-valid with
// the right brand and each gives its outcome; expiry and security-code rules; the test bank
// accounts, unknown routing numbers and the settlement day across weekends and holidays; and
// the development pages render in both languages with captioned, scoped tables.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { translator, type Locale } from '#platform/i18n/catalog.ts';
import type { PageContext } from '#platform/ui/page-context.ts';
import { renderDocument } from '#platform/ui/render.ts';
import { luhnValid, parseCardNumber } from '../../apps/account/src/domain/payments/card-number.ts';
import { parseAccountNumber } from '../../apps/account/src/domain/payments/bank-account.ts';
import { parseRoutingNumber } from '../../apps/account/src/domain/payments/routing-number.ts';
import { CARD_PROCESSORS } from '../../apps/account/src/domain/payments/processor-fees.ts';
import type { CardDetails } from '../../apps/account/src/payments/card-processor.ts';
import {
  DEV_CARD_PROCESSOR_NAME,
  DEV_TEST_CARDS,
  devCardDecision,
  isExpired,
} from '../../apps/account/src/payments/dev-card-processor.ts';
import {
  DEV_EXAMPLE_ROUTING_NUMBER,
  DEV_TEST_BANK_ACCOUNTS,
  DEV_UNKNOWN_ROUTING_NUMBERS,
  devDebitDecision,
  devDebitSettlesOn,
  devDebitStatusOn,
} from '../../apps/account/src/payments/dev-bank-rails.ts';
import { DevOutboxPage, DevPaymentsPage } from '../../apps/account/src/views/dev-pages.tsx';

const TODAY = '2026-03-15';

function card(number: string, overrides: Partial<CardDetails> = {}): CardDetails {
  const amex = number.startsWith('34') || number.startsWith('37');
  return {
    number,
    expMonth: 12,
    expYear: 2030,
    securityCode: amex ? '1234' : '123',
    postalCode: '20500',
    nameOnCard: 'Pat Example',
    ...overrides,
  };
}

describe('DEV_TEST_CARDS', () => {
  it('every number is Luhn-valid, of its brand, and printed as it is typed', () => {
    for (const test of DEV_TEST_CARDS) {
      assert.ok(luhnValid(test.number), test.number);
      const parsed = parseCardNumber(test.display);
      assert.ok(parsed.ok, test.display);
      assert.equal(parsed.brand, test.brand, test.number);
      assert.equal(parsed.cardNumber, test.number);
    }
  });

  it('lists the documented cards, each once, covering every outcome and decline reason', () => {
    const numbers = DEV_TEST_CARDS.map((c) => c.number);
    assert.equal(new Set(numbers).size, numbers.length);
    for (const number of [
      '4111111111111111',
      '5555555555554444',
      '378282246310005',
      '6011111111111117',
      '4000000000000002',
      '4000000000009995',
      '4000000000000069',
      '4000000000000127',
      '4000000000000119',
    ]) {
      assert.ok(numbers.includes(number), number);
    }
    const reasons = DEV_TEST_CARDS.flatMap((c) => (c.result.outcome === 'declined' ? [c.result.reason] : []));
    assert.deepEqual([...reasons].sort(), [
      'card_declined',
      'expired_card',
      'incorrect_security_code',
      'insufficient_funds',
      'over_limit',
    ]);
    assert.deepEqual(
      new Set(DEV_TEST_CARDS.map((c) => c.brand)),
      new Set(['visa', 'mastercard', 'amex', 'discover']),
    );
  });

  it('the development processor has fees in processor-fees.ts under its name', () => {
    assert.ok(CARD_PROCESSORS.some((p) => p.id === DEV_CARD_PROCESSOR_NAME));
  });
});

describe('devCardDecision', () => {
  it('each test card gives its documented outcome, with brand and last four', () => {
    for (const test of DEV_TEST_CARDS) {
      const decision = devCardDecision(card(test.number), TODAY);
      if (test.result.outcome === 'error') {
        assert.deepEqual(decision, { outcome: 'error' }, test.number);
      } else if (test.result.outcome === 'approved') {
        assert.deepEqual(decision, { outcome: 'approved', brand: test.brand, last4: test.number.slice(-4) });
      } else {
        assert.deepEqual(decision, {
          outcome: 'declined',
          reason: test.result.reason,
          brand: test.brand,
          last4: test.number.slice(-4),
        });
      }
    }
  });

  it('any other Luhn-valid number is approved', () => {
    assert.deepEqual(devCardDecision(card('4242 4242 4242 4242'), TODAY), {
      outcome: 'approved',
      brand: 'visa',
      last4: '4242',
    });
    assert.equal(devCardDecision(card('2223003122003222'), TODAY).outcome, 'approved');
  });

  it('an expiry month before today’s is expired_card; this month is still good', () => {
    const past = devCardDecision(card('4111111111111111', { expMonth: 2, expYear: 2026 }), TODAY);
    assert.deepEqual(past, { outcome: 'declined', reason: 'expired_card', brand: 'visa', last4: '1111' });
    assert.equal(
      devCardDecision(card('4111111111111111', { expMonth: 3, expYear: 2026 }), TODAY).outcome,
      'approved',
    );
    assert.equal(
      devCardDecision(card('4111111111111111', { expMonth: 1, expYear: 2027 }), TODAY).outcome,
      'approved',
    );
    assert.equal(
      devCardDecision(card('4111111111111111', { expMonth: 12, expYear: 2025 }), TODAY).outcome,
      'declined',
    );
  });

  it('isExpired: two-digit years are 20xx; an impossible month counts as expired', () => {
    assert.equal(isExpired(3, 26, TODAY), false);
    assert.equal(isExpired(2, 26, TODAY), true);
    assert.equal(isExpired(13, 2030, TODAY), true);
    assert.equal(isExpired(0, 2030, TODAY), true);
    assert.equal(isExpired(1.5, 2030, TODAY), true);
  });

  it('a security code of the wrong length is incorrect_security_code (4 digits for Amex, 3 otherwise)', () => {
    const decline = (number: string, securityCode: string) =>
      devCardDecision(card(number, { securityCode }), TODAY);
    assert.equal(decline('378282246310005', '123').outcome, 'declined');
    assert.equal(decline('378282246310005', '1234').outcome, 'approved');
    assert.equal(decline('4111111111111111', '1234').outcome, 'declined');
    assert.equal(decline('4111111111111111', '12a').outcome, 'declined');
    const wrong = decline('5555555555554444', '');
    assert.ok(wrong.outcome === 'declined' && wrong.reason === 'incorrect_security_code');
  });

  it('a test card’s outcome wins over expiry and security code (0069 is expired even with a good expiry)', () => {
    const expired = devCardDecision(card('4000000000000069'), TODAY);
    assert.ok(expired.outcome === 'declined' && expired.reason === 'expired_card');
    const error = devCardDecision(card('4000000000000119', { expMonth: 1, expYear: 2020 }), TODAY);
    assert.deepEqual(error, { outcome: 'error' });
  });

  it('refuses a number parseCardNumber refuses (the caller checks it first)', () => {
    assert.throws(() => devCardDecision(card('4111111111111112'), TODAY), TypeError);
    assert.throws(() => devCardDecision(card('9999999999999995'), TODAY), TypeError);
  });
});

describe('development bank rails (pure)', () => {
  it('test accounts: examples start with their prefix and are valid account numbers', () => {
    for (const account of DEV_TEST_BANK_ACCOUNTS) {
      assert.ok(account.example.startsWith(account.prefix));
      assert.ok(parseAccountNumber(account.example).ok, account.example);
    }
    assert.deepEqual(
      DEV_TEST_BANK_ACCOUNTS.map((a) => [
        a.prefix,
        a.result.state === 'returned' ? a.result.returnCode : 'error',
      ]),
      [
        ['000111', 'R01'],
        ['000222', 'R02'],
        ['000333', 'R03'],
        ['000999', 'error'],
      ],
    );
  });

  it('maps account prefixes to return codes, the error and settlement', () => {
    const routing = DEV_EXAMPLE_ROUTING_NUMBER;
    assert.deepEqual(devDebitDecision(routing, '000111222333'), { outcome: 'accepted', returnCode: 'R01' });
    assert.deepEqual(devDebitDecision(routing, '000222333444'), { outcome: 'accepted', returnCode: 'R02' });
    assert.deepEqual(devDebitDecision(routing, '000333444555'), { outcome: 'accepted', returnCode: 'R03' });
    assert.deepEqual(devDebitDecision(routing, '000999888777'), { outcome: 'error' });
    assert.deepEqual(devDebitDecision(routing, '123456789'), { outcome: 'accepted', returnCode: undefined });
    // Only the start counts.
    assert.deepEqual(devDebitDecision(routing, '123000111'), { outcome: 'accepted', returnCode: undefined });
  });

  it('the unknown routing numbers pass the routing check (so the path is reachable) and are rejected', () => {
    assert.ok(parseRoutingNumber(DEV_EXAMPLE_ROUTING_NUMBER).ok);
    for (const { routingNumber } of DEV_UNKNOWN_ROUTING_NUMBERS) {
      assert.ok(parseRoutingNumber(routingNumber).ok, routingNumber);
      assert.deepEqual(devDebitDecision(routingNumber, '123456789'), { outcome: 'rejected' });
    }
    assert.deepEqual(devDebitDecision('011000015', '123456789'), { outcome: 'rejected' });
    // Numbers the routing check refuses are unknown to the rails too.
    assert.deepEqual(devDebitDecision('000000000', '123456789'), { outcome: 'rejected' });
    assert.deepEqual(devDebitDecision('021000022', '123456789'), { outcome: 'rejected' });
  });

  it('a debit settles one business day after its date: weekends and observed holidays do not count', () => {
    assert.equal(devDebitSettlesOn('2025-06-10'), '2025-06-11'); // Tuesday → Wednesday
    assert.equal(devDebitSettlesOn('2025-06-13'), '2025-06-16'); // Friday → Monday
    assert.equal(devDebitSettlesOn('2025-07-03'), '2025-07-07'); // Thursday; Friday July 4th, weekend
    assert.equal(devDebitSettlesOn('2025-11-10'), '2025-11-12'); // Monday; Tuesday Veterans Day
    assert.equal(devDebitSettlesOn('2027-12-23'), '2027-12-27'); // Christmas observed Friday Dec 24
  });

  it('status on a date: pending before the settlement day, then settled or returned', () => {
    assert.deepEqual(devDebitStatusOn('2025-07-03', null, '2025-07-03'), { state: 'pending' });
    assert.deepEqual(devDebitStatusOn('2025-07-03', null, '2025-07-06'), { state: 'pending' });
    assert.deepEqual(devDebitStatusOn('2025-07-03', null, '2025-07-07'), { state: 'settled' });
    assert.deepEqual(devDebitStatusOn('2025-07-03', 'R01', '2025-07-04'), { state: 'pending' });
    assert.deepEqual(devDebitStatusOn('2025-07-03', 'R01', '2025-08-01'), {
      state: 'returned',
      returnCode: 'R01',
    });
  });
});

describe('development pages render', () => {
  const ctx = (locale: Locale): PageContext => ({
    locale,
    t: translator(locale),
    csrfToken: 'x',
    path: '/dev/payments',
  });
  const created = new Date('2026-03-15T14:00:00Z');
  const data = {
    today: '2025-07-05',
    charges: [
      {
        idempotencyKey: 'k1',
        chargeId: 'dev_ch_1',
        outcome: 'approved' as const,
        reason: null,
        brand: 'visa',
        last4: '1111',
        amountCents: 123456n,
        feeCents: 2284n,
        createdAt: created,
      },
      {
        idempotencyKey: 'k2',
        chargeId: 'dev_ch_2',
        outcome: 'declined' as const,
        reason: 'insufficient_funds',
        brand: 'amex',
        last4: '0005',
        amountCents: 5000n,
        feeCents: 250n,
        createdAt: created,
      },
    ],
    debits: [
      {
        idempotencyKey: 'k3',
        traceNumber: '000000000000042',
        routingNumber: '021000021',
        accountLast4: '2333',
        accountType: 'checking',
        amountCents: 90071992547409931n, // above 2^53: still exact
        effectiveDate: '2025-07-03',
        outcome: 'accepted' as const,
        returnCode: 'R01',
        createdAt: created,
      },
    ],
  };

  it('the payments page: one h1, captioned tables with scoped headers, exact money, in English and Spanish', () => {
    for (const locale of ['en', 'es'] as const) {
      const html = renderDocument(DevPaymentsPage(ctx(locale), data));
      assert.equal(html.match(/<h1/g)?.length, 1);
      const tables = html.match(/<table/g)?.length ?? 0;
      assert.equal(tables, 4);
      assert.equal(html.match(/<caption>/g)?.length, tables);
      const headers = html.match(/<th(\s[^>]*)?>/g) ?? [];
      assert.ok(headers.length > 10);
      assert.deepEqual(
        headers.filter((th) => !/scope="(col|row)"/.test(th)),
        [],
        'every th has a scope',
      );
      assert.ok(html.includes(`lang="${locale}"`));
      assert.ok(html.includes('dev_ch_1') && html.includes('000000000000042'));
      assert.ok(html.includes('4000 0000 0000 0119'), 'the test cards are listed');
      assert.ok(html.includes('000111'), 'the test accounts are listed');
    }
    const en = renderDocument(DevPaymentsPage(ctx('en'), data));
    assert.ok(en.includes('$1,234.56') && en.includes('$22.84'));
    assert.ok(en.includes('$900,719,925,474,099.31'), 'bigint cents formatted exactly');
    assert.ok(en.includes('Visa ending in 1111'));
    assert.ok(en.includes('Declined: insufficient funds'));
    assert.ok(en.includes('Pending; will be returned (R01)'));
    const es = renderDocument(DevPaymentsPage(ctx('es'), data));
    assert.ok(es.includes('Rechazado: fondos insuficientes'));
  });

  it('a pending debit past its settlement day shows what status() would answer', () => {
    const html = renderDocument(DevPaymentsPage(ctx('en'), { ...data, today: '2025-07-07' }));
    assert.ok(html.includes('Returned (R01)'));
  });

  it('the payments page with nothing recorded says so', () => {
    const html = renderDocument(DevPaymentsPage(ctx('en'), { today: '2025-07-05', charges: [], debits: [] }));
    assert.ok(html.includes('No card charges yet.') && html.includes('No bank debits yet.'));
  });

  it('the outbox escapes message text and links URLs', () => {
    const html = renderDocument(
      DevOutboxPage(ctx('en'), [
        {
          id: 7,
          channel: 'email',
          recipient: 'maria@example.com',
          subject: '<script>alert(1)</script>',
          body: 'See https://example.test/pay?x=1 <b>now</b>',
          createdAt: created,
        },
      ]),
    );
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes('<a href="https://example.test/pay?x=1">'));
    assert.ok(html.includes('&lt;b>now') || html.includes('&lt;b&gt;now'));
    assert.ok(html.includes('data-outbox-id="7"'));
  });
});

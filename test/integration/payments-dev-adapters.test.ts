// The development payment adapters against PGlite and PostgreSQL: the card processor and the
// bank rails are idempotent by key (a repeat and ten concurrent calls leave one row and one
// answer), give each documented test outcome, record nothing on 'error' so a retry with the
// same key can be charged, and never store a full card or account number; debits settle or
// come back returned one business day after their date, across a weekend and a holiday. Also
// the tax account's development outbox, the repository the /dev/payments page reads, and the
// /dev pages themselves over HTTP.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Database } from '#platform/db/database.ts';
import { createWebServer } from '#platform/http/web-server.ts';
import { createLogger } from '#platform/log/logger.ts';
import { errorPage } from '#platform/ui/error-page.tsx';
import { ACCOUNT_MIGRATIONS } from '../../apps/account/src/db/migrations-folder.ts';
import { createOutboxRepo } from '../../apps/account/src/db/outbox-repo.ts';
import { createDevPaymentsRepo } from '../../apps/account/src/db/dev-payments-repo.ts';
import { createOutboxEmailSender } from '../../apps/account/src/mail/outbox-email-sender.ts';
import { registerDevRoutes } from '../../apps/account/src/http/dev-routes.tsx';
import type { CardChargeRequest, CardDetails } from '../../apps/account/src/payments/card-processor.ts';
import type { DebitRequest } from '../../apps/account/src/payments/bank-rails.ts';
import {
  DEV_TEST_CARDS,
  createDevCardProcessor,
} from '../../apps/account/src/payments/dev-card-processor.ts';
import { createDevBankRails } from '../../apps/account/src/payments/dev-bank-rails.ts';
import { forEachBackend, unique } from '../support/db/test-databases.ts';

/** 2026-03-15 in the agency's time zone. */
const NOW = new Date('2026-03-15T15:00:00Z');

function card(number: string, overrides: Partial<CardDetails> = {}): CardDetails {
  return {
    number,
    expMonth: 12,
    expYear: 2030,
    securityCode: number.startsWith('37') ? '4321' : '321',
    postalCode: '20500',
    nameOnCard: 'Pat Example',
    ...overrides,
  };
}

function charge(number: string, overrides: Partial<CardChargeRequest> = {}): CardChargeRequest {
  return {
    idempotencyKey: unique('card-'),
    amountCents: 12345n,
    feeCents: 250n,
    card: card(number),
    description: 'Tax payment 2025 balance_due',
    ...overrides,
  };
}

function debit(accountNumber: string, overrides: Partial<DebitRequest> = {}): DebitRequest {
  return {
    idempotencyKey: unique('debit-'),
    routingNumber: '021000021',
    accountNumber,
    accountType: 'checking',
    amountCents: 50000n,
    effectiveDate: '2025-07-03',
    ...overrides,
  };
}

async function rowsFor(db: Database, table: string, key: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE idempotency_key = $1`,
    [key],
  );
  return row?.n ?? 0;
}

async function tableText(db: Database, table: string): Promise<string> {
  const rows = await db.query<{ line: string }>(`SELECT t::text AS line FROM ${table} t`);
  return rows.map((r) => r.line).join('\n');
}

async function cardSuite(t: TestContext, db: Database): Promise<void> {
  const processor = createDevCardProcessor(db, { now: () => NOW });

  await t.test('is named as its CARD_PROCESSORS entry', () => {
    assert.equal(processor.name, 'development');
  });

  await t.test(
    'the same key twice: one row, the first result (even if the second asks otherwise)',
    async () => {
      const first = charge('4111111111111111');
      const a = await processor.charge(first);
      assert.equal(a.outcome, 'approved');
      const b = await processor.charge({ ...first, amountCents: 999n, card: card('4000000000000002') });
      assert.deepEqual(b, a);
      assert.equal(await rowsFor(db, 'dev_card_charges', first.idempotencyKey), 1);
      assert.deepEqual(await processor.lookup(first.idempotencyKey), a);
    },
  );

  await t.test('ten concurrent calls with one key: one row, one answer', async () => {
    const request = charge('5555555555554444');
    const results = await Promise.all(Array.from({ length: 10 }, () => processor.charge(request)));
    assert.equal(await rowsFor(db, 'dev_card_charges', request.idempotencyKey), 1);
    for (const result of results) assert.deepEqual(result, results[0]);
    assert.equal(results[0]?.outcome, 'approved');
  });

  await t.test('each test card gives its documented outcome', async () => {
    for (const test of DEV_TEST_CARDS) {
      const request = charge(test.display);
      const result = await processor.charge(request);
      const last4 = test.number.slice(-4);
      if (test.result.outcome === 'approved') {
        assert.ok(result.outcome === 'approved', test.number);
        assert.match(result.chargeId, /^dev_ch_[0-9a-f]{24}$/);
        assert.deepEqual([result.brand, result.last4], [test.brand, last4]);
      } else if (test.result.outcome === 'declined') {
        assert.deepEqual(result, {
          outcome: 'declined',
          reason: test.result.reason,
          brand: test.brand,
          last4,
        });
      } else {
        assert.deepEqual(result, { outcome: 'error', reason: 'processor_unavailable' });
      }
      const recorded = await rowsFor(db, 'dev_card_charges', request.idempotencyKey);
      assert.equal(recorded, test.result.outcome === 'error' ? 0 : 1, test.number);
    }
  });

  await t.test('an expired card and a wrong security code are declined', async () => {
    const expired = await processor.charge(
      charge('4111111111111111', { card: card('4111111111111111', { expMonth: 2, expYear: 2026 }) }),
    );
    assert.ok(expired.outcome === 'declined' && expired.reason === 'expired_card');
    const code = await processor.charge(
      charge('378282246310005', { card: card('378282246310005', { securityCode: '432' }) }),
    );
    assert.ok(code.outcome === 'declined' && code.reason === 'incorrect_security_code');
  });

  await t.test(
    'processor error: nothing recorded; a retry with the same key and another card is charged once',
    async () => {
      const request = charge('4000000000000119');
      assert.equal((await processor.charge(request)).outcome, 'error');
      assert.equal((await processor.charge(request)).outcome, 'error', 'the same card fails every time');
      assert.equal(await rowsFor(db, 'dev_card_charges', request.idempotencyKey), 0);
      assert.equal(await processor.lookup(request.idempotencyKey), undefined);
      const retry = await processor.charge({ ...request, card: card('4111111111111111') });
      assert.equal(retry.outcome, 'approved');
      assert.equal(await rowsFor(db, 'dev_card_charges', request.idempotencyKey), 1);
      // Once a key has an answer, the error card cannot change it.
      assert.deepEqual(await processor.charge(request), retry);
    },
  );

  await t.test('stores brand, last four and cents; never the full number or the security code', async () => {
    const request = charge('6011111111111117', { amountCents: 9007199254740993n, feeCents: 0n });
    await processor.charge(request);
    const [row] = await db.query<Record<string, unknown>>(
      'SELECT brand, last4, amount_cents::text AS amount, fee_cents::text AS fee FROM dev_card_charges WHERE idempotency_key = $1',
      [request.idempotencyKey],
    );
    assert.deepEqual(row, { brand: 'discover', last4: '1117', amount: '9007199254740993', fee: '0' });
    const text = await tableText(db, 'dev_card_charges');
    for (const test of DEV_TEST_CARDS) assert.ok(!text.includes(test.number), `${test.number} stored`);
    const columns = await db.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'dev_card_charges'",
    );
    assert.ok(!columns.some((c) => /number|security|cvv|cvc|code|name|postal/.test(c.column_name)));
  });

  await t.test('refuses a non-positive amount and a negative fee before anything is recorded', async () => {
    await assert.rejects(processor.charge(charge('4111111111111111', { amountCents: 0n })), RangeError);
    await assert.rejects(processor.charge(charge('4111111111111111', { feeCents: -1n })), RangeError);
  });
}

async function railsSuite(t: TestContext, db: Database): Promise<void> {
  const rails = createDevBankRails(db, { now: () => NOW });

  await t.test('the same key twice: one row, the same trace number', async () => {
    const request = debit('123456789');
    const a = await rails.submitDebit(request);
    assert.ok(a.outcome === 'accepted');
    assert.match(a.traceNumber, /^[0-9]{15}$/);
    assert.deepEqual(await rails.submitDebit({ ...request, accountNumber: '000111222333' }), a);
    assert.equal(await rowsFor(db, 'dev_bank_debits', request.idempotencyKey), 1);
  });

  await t.test('ten concurrent submissions with one key: one row, one trace number', async () => {
    const request = debit('987654321');
    const results = await Promise.all(Array.from({ length: 10 }, () => rails.submitDebit(request)));
    assert.equal(await rowsFor(db, 'dev_bank_debits', request.idempotencyKey), 1);
    for (const result of results) assert.deepEqual(result, results[0]);
  });

  await t.test('settles one business day after its date, across July 4th and a weekend', async () => {
    const submitted = await rails.submitDebit(debit('55501234', { effectiveDate: '2025-07-03' }));
    assert.ok(submitted.outcome === 'accepted');
    for (const today of ['2025-07-02', '2025-07-03', '2025-07-04', '2025-07-05', '2025-07-06']) {
      assert.deepEqual(await rails.status(submitted.traceNumber, today), { state: 'pending' }, today);
    }
    assert.deepEqual(await rails.status(submitted.traceNumber, '2025-07-07'), { state: 'settled' });
    // Settled stays settled, whatever date is asked later.
    assert.deepEqual(await rails.status(submitted.traceNumber, '2025-07-03'), { state: 'settled' });
    const [row] = await db.query<{ outcome: string }>(
      'SELECT outcome FROM dev_bank_debits WHERE trace_number = $1',
      [submitted.traceNumber],
    );
    assert.equal(row?.outcome, 'settled');
  });

  await t.test('test accounts come back returned R01, R02, R03 after Veterans Day', async () => {
    for (const [account, code] of [
      ['000111222333', 'R01'],
      ['000222333444', 'R02'],
      ['000333444555', 'R03'],
    ] as const) {
      const submitted = await rails.submitDebit(debit(account, { effectiveDate: '2025-11-10' }));
      assert.ok(submitted.outcome === 'accepted', account);
      assert.deepEqual(await rails.status(submitted.traceNumber, '2025-11-11'), { state: 'pending' });
      assert.deepEqual(await rails.status(submitted.traceNumber, '2025-11-12'), {
        state: 'returned',
        returnCode: code,
      });
      assert.deepEqual(await rails.status(submitted.traceNumber, '2025-11-10'), {
        state: 'returned',
        returnCode: code,
      });
    }
  });

  await t.test('an unknown bank is rejected and nothing is recorded', async () => {
    const request = debit('123456789', { routingNumber: '011000015' });
    assert.deepEqual(await rails.submitDebit(request), {
      outcome: 'rejected',
      reason: 'unknown_routing_number',
    });
    assert.equal(await rowsFor(db, 'dev_bank_debits', request.idempotencyKey), 0);
  });

  await t.test(
    'rails unavailable: nothing recorded; a retry with the same key and another account is accepted once',
    async () => {
      const request = debit('000999888777');
      assert.deepEqual(await rails.submitDebit(request), { outcome: 'error', reason: 'rails_unavailable' });
      assert.equal(await rowsFor(db, 'dev_bank_debits', request.idempotencyKey), 0);
      const retry = await rails.submitDebit({ ...request, accountNumber: '44443333' });
      assert.equal(retry.outcome, 'accepted');
      assert.deepEqual(await rails.submitDebit(request), retry, 'the key keeps its accepted debit');
      assert.equal(await rowsFor(db, 'dev_bank_debits', request.idempotencyKey), 1);
    },
  );

  await t.test('keeps only the last four digits of the account number', async () => {
    const request = debit('7319046628151', { accountType: 'savings', amountCents: 9007199254740993n });
    await rails.submitDebit(request);
    const [row] = await db.query<Record<string, unknown>>(
      `SELECT routing_number, account_last4, account_type, amount_cents::text AS amount, effective_date::text AS date
         FROM dev_bank_debits WHERE idempotency_key = $1`,
      [request.idempotencyKey],
    );
    assert.deepEqual(row, {
      routing_number: '021000021',
      account_last4: '8151',
      account_type: 'savings',
      amount: '9007199254740993',
      date: '2025-07-03',
    });
    const text = await tableText(db, 'dev_bank_debits');
    for (const full of ['7319046628151', '000111222333', '123456789', '44443333']) {
      assert.ok(!text.includes(full), `${full} stored`);
    }
  });

  await t.test('status of an unknown trace number throws; bad requests are refused', async () => {
    await assert.rejects(rails.status('999999999999999', '2025-07-07'), /No debit/);
    await assert.rejects(rails.submitDebit(debit('123456789', { amountCents: 0n })), RangeError);
    await assert.rejects(rails.submitDebit(debit('123456789', { effectiveDate: '2031-01-02' })), RangeError);
    await assert.rejects(rails.submitDebit(debit('12a456789')), TypeError);
  });
}

async function outboxAndPagesSuite(t: TestContext, db: Database): Promise<void> {
  const outbox = createOutboxRepo(db);
  const sender = createOutboxEmailSender(outbox);
  const devPayments = createDevPaymentsRepo(db);

  await t.test('outbox: the email sender adds; latest is newest first and limited', async () => {
    assert.equal(sender.name, 'dev-outbox');
    const to = `${unique('p')}@example.com`;
    await sender.send({ to, subject: 'First', text: 'one', kind: 'payment_received' });
    await sender.send({
      to,
      subject: 'Second',
      text: 'two https://example.test/x',
      kind: 'payment_received',
    });
    const latest = await outbox.latest(2);
    assert.deepEqual(
      latest.map((m) => [m.channel, m.recipient, m.subject, m.body]),
      [
        ['email', to, 'Second', 'two https://example.test/x'],
        ['email', to, 'First', 'one'],
      ],
    );
    assert.ok(latest[0]!.createdAt instanceof Date);
    assert.ok(latest[0]!.id > latest[1]!.id);
    assert.equal((await outbox.latest(1)).length, 1);
  });

  await t.test('dev payments repo: latest charges and debits, newest first, cents exact', async () => {
    let tick = 0;
    const clock = () => new Date(NOW.getTime() + 60_000 * ++tick);
    const processor = createDevCardProcessor(db, { now: clock });
    const rails = createDevBankRails(db, { now: clock });
    const older = charge('4000000000009995', { amountCents: 101n, feeCents: 250n });
    const newer = charge('4111111111111111', { amountCents: 9007199254740993n, feeCents: 2n });
    await processor.charge(older);
    await processor.charge(newer);
    const charges = await devPayments.latestCardCharges(2);
    assert.deepEqual(
      charges.map((c) => [
        c.idempotencyKey,
        c.outcome,
        c.reason,
        c.brand,
        c.last4,
        c.amountCents,
        c.feeCents,
      ]),
      [
        [newer.idempotencyKey, 'approved', null, 'visa', '1111', 9007199254740993n, 2n],
        [older.idempotencyKey, 'declined', 'insufficient_funds', 'visa', '9995', 101n, 250n],
      ],
    );
    const request = debit('000222999', { amountCents: 4200n, effectiveDate: '2026-03-13' });
    const submitted = await rails.submitDebit(request);
    const [latest] = await devPayments.latestBankDebits(1);
    assert.ok(submitted.outcome === 'accepted');
    assert.deepEqual(latest && { ...latest, createdAt: undefined }, {
      idempotencyKey: request.idempotencyKey,
      traceNumber: submitted.traceNumber,
      routingNumber: '021000021',
      accountLast4: '2999',
      accountType: 'checking',
      amountCents: 4200n,
      effectiveDate: '2026-03-13',
      outcome: 'accepted',
      returnCode: 'R02',
      createdAt: undefined,
    });
  });

  await t.test('GET /dev/outbox, /dev/outbox.json, /dev/payments, /dev/payments.json', async () => {
    const server = await createWebServer({
      name: 'account',
      logger: createLogger({ level: 'silent', name: 'account' }),
      cookieSecret: 'x'.repeat(32),
      cookiePrefix: 'acct',
      secureCookies: false,
      formActionOrigins: () => [],
      errorPage: errorPage('acct.name', '/'),
      rateLimit: { max: 10_000, timeWindowMs: 60_000 },
      health: async () => ({}),
    });
    try {
      registerDevRoutes(server, { outbox, devPayments, now: () => NOW });
      const page = await server.inject({ method: 'GET', url: '/dev/outbox' });
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'] as string, /text\/html/);
      assert.ok(page.body.includes('Second') && page.body.includes('<a href="https://example.test/x">'));
      const json = await server.inject({ method: 'GET', url: '/dev/outbox.json' });
      assert.equal(json.statusCode, 200);
      assert.equal((json.json() as { messages: { subject: string }[] }).messages[0]?.subject, 'Second');

      const payments = await server.inject({ method: 'GET', url: '/dev/payments' });
      assert.equal(payments.statusCode, 200);
      assert.ok(
        payments.body.includes('data-dev-card-charges') && payments.body.includes('data-dev-bank-debits'),
      );
      assert.ok(payments.body.includes('$90,071,992,547,409.93'));
      assert.ok(payments.body.includes('Pending; will be returned (R02)'), 'settles on Monday 2026-03-16');
      for (const test of DEV_TEST_CARDS) {
        // The full number appears only in the test-card table, never as a recorded charge.
        assert.ok(!payments.body.includes(`ending in ${test.number}`));
      }
      const spanish = await server.inject({ method: 'GET', url: '/dev/payments?lang=es' });
      assert.ok(spanish.body.includes('Pagos de desarrollo') && spanish.body.includes('lang="es"'));

      const paymentsJson = await server.inject({ method: 'GET', url: '/dev/payments.json' });
      const body = paymentsJson.json() as {
        cardCharges: { amountCents: string }[];
        bankDebits: { amountCents: string; returnCode: string | null }[];
      };
      assert.ok(body.cardCharges.some((c) => c.amountCents === '9007199254740993'));
      assert.equal(body.bankDebits[0]?.amountCents, '4200');
    } finally {
      await server.close();
    }
  });
}

forEachBackend('development card processor', { migrations: ACCOUNT_MIGRATIONS }, cardSuite);
forEachBackend('development bank rails', { migrations: ACCOUNT_MIGRATIONS }, railsSuite);
forEachBackend(
  'tax account development outbox and /dev pages',
  { migrations: ACCOUNT_MIGRATIONS },
  outboxAndPagesSuite,
);

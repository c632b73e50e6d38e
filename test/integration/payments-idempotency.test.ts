// Exactly once, on PGlite and on the real PostgreSQL: the same payment form submitted five
// times at once (a bank payment and a card payment) makes one payment, one card charge and one
// ledger posting; a card charge whose answer was lost (the server died after the processor
// charged) is recovered by asking the processor, never by charging again; a card declined then
// paid with another card (a new key) is two attempts and one charge.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database, Queryable } from '#platform/db/database.ts';
import { createFieldCipher } from '#platform/crypto/field-cipher.ts';
import { ACCOUNT_MIGRATIONS } from '../../apps/account/src/db/migrations-folder.ts';
import { createPaymentsRepo } from '../../apps/account/src/db/payments-repo.ts';
import { createDevBankRails } from '../../apps/account/src/payments/dev-bank-rails.ts';
import { createDevCardProcessor } from '../../apps/account/src/payments/dev-card-processor.ts';
import { paymentProcessing } from '../../apps/account/src/payments/payment-processing.ts';
import { makePayment } from '../../apps/account/src/payments/make-payment.ts';
import type { PaymentDetails } from '../../apps/account/src/domain/payments/payment-reasons.ts';
import { agencyToday } from '../../apps/account/src/domain/records/agency-date.ts';
import { seedTaxpayerOwing2024 } from '../support/payment-fixtures.ts';
import { forEachBackend } from '../support/db/test-databases.ts';

const cipher = createFieldCipher(randomBytes(32), randomBytes(32));
const card = (number: string) => ({
  number,
  expMonth: 12,
  expYear: new Date().getUTCFullYear() + 2,
  securityCode: '123',
  postalCode: '20001',
  nameOnCard: 'Kim Lee',
});

async function suite(t: TestContext, db: Database): Promise<void> {
  const taxpayerId = await seedTaxpayerOwing2024(db, cipher);
  const paymentsOn = (q: Queryable) => createPaymentsRepo(q, cipher);
  const payments = paymentsOn(db);
  const emails: string[] = [];
  const notify = async (paymentId: string, kind: string) => void emails.push(`${paymentId}:${kind}`);
  const now = () => new Date();
  const processor = createDevCardProcessor(db, { now });
  const processing = paymentProcessing({
    db,
    paymentsOn,
    rails: createDevBankRails(db, { now }),
    processor,
    now,
    notify,
  });
  const initiated: string[] = [];
  const make = makePayment({
    db,
    paymentsOn,
    processor,
    processing,
    now,
    notify,
    initiateSoon: async (id) => void initiated.push(id),
  });
  const today = agencyToday(now());
  const details = (amountCents: bigint): PaymentDetails => ({
    reason: 'balance_due',
    taxYear: 2024,
    amountCents,
    paymentDate: today,
    overBalanceConfirmed: false,
  });
  const submit = (key: string, amountCents: bigint, method: Parameters<typeof make.submit>[0]['method']) =>
    make.submit({
      taxpayerId,
      idempotencyKey: key,
      details: details(amountCents),
      method,
      email: 'kim@example.com',
      locale: 'en',
    });
  const ledger = async (paymentId: string) =>
    db.query<{ code: number }>('SELECT code FROM module_transactions WHERE payment_id = $1', [paymentId]);

  await t.test('a bank payment submitted five times at once is one payment, one receipt', async () => {
    const key = randomUUID();
    const bank = {
      kind: 'bank' as const,
      bank: { routingNumber: '021000021', accountNumber: '12345678', accountType: 'checking' as const },
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => submit(key, 10_000n, bank)));
    const ids = new Set(results.map((r) => (r.outcome === 'accepted' ? r.payment.id : 'x')));
    assert.equal(ids.size, 1);
    assert.equal(results.filter((r) => r.outcome === 'accepted' && !r.duplicate).length, 1, 'created once');
    const [id] = [...ids] as [string];
    assert.equal((await payments.listForTaxpayer(taxpayerId)).filter((p) => p.id === id).length, 1);
    assert.deepEqual(
      emails.filter((e) => e.startsWith(id)),
      [`${id}:scheduled`],
    );
    assert.deepEqual(
      initiated.filter((i) => i === id),
      [id],
    );
    // A retried job, twice at once: one debit, one posting.
    const outcomes = await Promise.all([processing.initiate(id), processing.initiate(id)]);
    assert.deepEqual([...outcomes].sort(), ['done', 'nothing_to_do']);
    assert.deepEqual(
      (await ledger(id)).map((r) => r.code),
      [670],
    );
    assert.equal(
      (await db.query('SELECT 1 FROM dev_bank_debits WHERE idempotency_key = $1', [id])).length,
      1,
    );
  });

  await t.test('a card payment submitted five times at once is charged once and posted once', async () => {
    const key = randomUUID();
    const method = { kind: 'card' as const, card: card('4111111111111111'), cardKind: 'credit' as const };
    const results = await Promise.all(Array.from({ length: 5 }, () => submit(key, 25_000n, method)));
    const ids = new Set(results.map((r) => ('payment' in r ? r.payment.id : 'x')));
    assert.equal(ids.size, 1);
    const [id] = [...ids] as [string];
    assert.equal((await payments.findById(id))?.status, 'pending');
    assert.equal((await payments.findById(id))?.feeCents, 463n, 'the development fee, 1.85% of $250.00');
    assert.equal(
      (await db.query('SELECT 1 FROM dev_card_charges WHERE idempotency_key = $1', [id])).length,
      1,
    );
    assert.deepEqual(
      (await ledger(id)).map((r) => r.code),
      [670],
    );
    assert.deepEqual(
      emails.filter((e) => e.startsWith(id)),
      [`${id}:received`],
    );
    const stored = JSON.stringify(await db.query('SELECT * FROM payments WHERE id = $1', [id]));
    assert.ok(
      !stored.includes('4111111111111111') && !stored.includes('"123"'),
      'no card number or code stored',
    );
  });

  await t.test(
    'a charge whose answer was lost is recovered from the processor, not charged again',
    async () => {
      const { payment } = await payments.insert(
        {
          taxpayerId,
          idempotencyKey: randomUUID(),
          taxYear: 2024,
          reason: 'balance_due',
          amountCents: 5_000n,
          feeCents: 250n,
          paymentDate: today,
          status: 'processing',
          card: { brand: 'visa', last4: '1111', processor: 'development' },
          locale: 'es',
        },
        now(),
      );
      // The processor charged it; the server died before recording the answer.
      const charged = await processor.charge({
        idempotencyKey: payment.id,
        amountCents: 5_000n,
        feeCents: 250n,
        card: card('4111111111111111'),
        description: 'test',
      });
      assert.equal(charged.outcome, 'approved');
      assert.deepEqual(
        await Promise.all([
          processing.recoverCardCharge(payment.id),
          processing.recoverCardCharge(payment.id),
        ]).then((o) => o.sort()),
        ['done', 'nothing_to_do'],
      );
      const after = await payments.findById(payment.id);
      assert.equal(after?.status, 'pending');
      assert.equal(after?.processorReference, charged.outcome === 'approved' ? charged.chargeId : '');
      assert.deepEqual(
        (await ledger(payment.id)).map((r) => r.code),
        [670],
      );
      assert.equal(
        (await db.query('SELECT 1 FROM dev_card_charges WHERE idempotency_key = $1', [payment.id])).length,
        1,
      );
    },
  );

  await t.test('a processing charge the processor never saw ends declined, with nothing posted', async () => {
    const { payment } = await payments.insert(
      {
        taxpayerId,
        idempotencyKey: randomUUID(),
        taxYear: 2024,
        reason: 'balance_due',
        amountCents: 7_000n,
        feeCents: 250n,
        paymentDate: today,
        status: 'processing',
        card: { brand: 'visa', last4: '1111', processor: 'development' },
        locale: 'en',
      },
      now(),
    );
    assert.equal(await processing.recoverCardCharge(payment.id), 'done');
    const after = await payments.findById(payment.id);
    assert.equal(after?.status, 'declined');
    assert.equal(after?.declineReason, 'processor_unavailable');
    assert.deepEqual(await ledger(payment.id), []);
  });

  await t.test('declined, then another card under a new key: one charge', async () => {
    const declined = await submit(randomUUID(), 3_000n, {
      kind: 'card',
      card: card('4000000000000002'),
      cardKind: 'personal-debit',
    });
    assert.equal(declined.outcome, 'declined');
    assert.equal(declined.outcome === 'declined' ? declined.reason : '', 'card_declined');
    const paid = await submit(randomUUID(), 3_000n, {
      kind: 'card',
      card: card('5555555555554444'),
      cardKind: 'personal-debit',
    });
    assert.equal(paid.outcome, 'accepted');
    if (declined.outcome === 'declined') assert.deepEqual(await ledger(declined.payment.id), []);
  });
}

forEachBackend('payments: exactly once', { migrations: ACCOUNT_MIGRATIONS }, suite);

// Exactly once, against the real PostgreSQL: the payment worker process is killed in the
// middle of debiting a payment — once after the bank accepted the debit but before anything
// was recorded, once inside the transaction that records it — and a new worker process
// finishes the job. The payment is debited once at the bank (the rails answer a repeat of the
// same key with the first answer), posted to the ledger once (TC 670), and a job delivered
// again afterwards does nothing. Also a returned payment processed twice at once: one reversal
// (TC 671) and one dishonored-payment penalty (TC 280).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { migrate, loadMigrations } from '#platform/db/migrator.ts';
import { openPostgresDatabase } from '#platform/db/postgres-database.ts';
import { createFieldCipher } from '#platform/crypto/field-cipher.ts';
import type { Queryable } from '#platform/db/database.ts';
import { ACCOUNT_MIGRATIONS } from '../../apps/account/src/db/migrations-folder.ts';
import { createPaymentsRepo } from '../../apps/account/src/db/payments-repo.ts';
import { createDevBankRails } from '../../apps/account/src/payments/dev-bank-rails.ts';
import { createDevCardProcessor } from '../../apps/account/src/payments/dev-card-processor.ts';
import { paymentProcessing } from '../../apps/account/src/payments/payment-processing.ts';
import { agencyToday, addDays } from '../../apps/account/src/domain/records/agency-date.ts';
import { addBusinessDays } from '../../apps/account/src/domain/payments/federal-holidays.ts';
import { createScratchPostgresDatabase, NO_POSTGRES, postgresUrl } from '../support/db/test-databases.ts';
import { seedTaxpayerOwing2024 } from '../support/payment-fixtures.ts';
import { startChild, type Child } from '../support/child-process.ts';

const dataKey = randomBytes(32);
const fingerprintKey = randomBytes(32);
const cipher = createFieldCipher(dataKey, fingerprintKey);

async function postings(db: Queryable, paymentId: string) {
  return db.query<{ code: number; amount_cents: string }>(
    'SELECT code, amount_cents::text FROM module_transactions WHERE payment_id = $1 ORDER BY id',
    [paymentId],
  );
}

async function waitFor(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(200);
  }
  assert.fail('timed out');
}

for (const hang of ['after-vendor', 'before-commit'] as const) {
  test(
    `a payment worker killed ${hang === 'after-vendor' ? 'after the bank accepted the debit' : 'inside the recording transaction'} loses nothing and pays once`,
    { skip: postgresUrl() ? false : NO_POSTGRES, timeout: 90_000 },
    async (t) => {
      const scratch = await createScratchPostgresDatabase();
      const db = await openPostgresDatabase(scratch.url, 2);
      const children: Child[] = [];
      t.after(async () => {
        for (const child of children) child.process.kill('SIGKILL');
        await db.close();
        await scratch.drop();
      });
      await migrate(db, await loadMigrations(ACCOUNT_MIGRATIONS), 'account_schema_migrations');
      const taxpayerId = await seedTaxpayerOwing2024(db, cipher);
      const payments = createPaymentsRepo(db, cipher);
      const today = agencyToday(new Date());
      const { payment } = await payments.insert(
        {
          taxpayerId,
          idempotencyKey: `form-${randomBytes(8).toString('hex')}`,
          taxYear: 2024,
          reason: 'balance_due',
          amountCents: 12_345n,
          feeCents: 0n,
          paymentDate: today,
          status: 'scheduled',
          bank: { routingNumber: '021000021', accountNumber: '123456789', accountType: 'checking' },
          locale: 'en',
        },
        new Date(),
      );
      const env = {
        PAYMENT_DB_URL: scratch.url,
        PAYMENT_DATA_KEY: dataKey.toString('base64'),
        PAYMENT_FINGERPRINT_KEY: fingerprintKey.toString('base64'),
        PAYMENT_PGBOSS_SCHEMA: 'pgboss',
      };

      const first = startChild('test/support/payment-worker-child.ts', { ...env, PAYMENT_HANG: hang });
      children.push(first);
      const reached = await first.next(hang, 45_000);
      assert.equal(reached.paymentId, payment.id);
      first.process.kill('SIGKILL');
      await first.exited;

      // Killed: the debit reached the bank once; nothing was recorded here.
      const debits = await db.query<{ trace_number: string }>(
        'SELECT trace_number FROM dev_bank_debits WHERE idempotency_key = $1',
        [payment.id],
      );
      assert.equal(debits.length, 1, 'one debit at the bank');
      assert.equal((await payments.findById(payment.id))?.status, 'scheduled', 'rolled back');
      assert.deepEqual(await postings(db, payment.id), [], 'nothing posted');

      const second = startChild('test/support/payment-worker-child.ts', { ...env, PAYMENT_HANG: 'none' });
      children.push(second);
      await waitFor(async () => (await payments.findById(payment.id))?.status === 'pending');
      const after = await payments.findById(payment.id);
      assert.equal(after?.railsTrace, debits[0]!.trace_number, 'the same debit, answered again');
      assert.equal(
        (await db.query('SELECT 1 FROM dev_bank_debits WHERE idempotency_key = $1', [payment.id])).length,
        1,
        'still one debit at the bank',
      );
      assert.deepEqual(await postings(db, payment.id), [{ code: 670, amount_cents: '-12345' }]);

      // A job delivered again (a retry, a second sweep, another instance): nothing happens twice.
      const processing = paymentProcessing({
        db,
        paymentsOn: (q) => createPaymentsRepo(q, cipher),
        rails: createDevBankRails(db),
        processor: createDevCardProcessor(db),
        now: () => new Date(),
        notify: async () => {},
      });
      assert.deepEqual(
        await Promise.all([processing.initiate(payment.id), processing.initiate(payment.id)]),
        ['nothing_to_do', 'nothing_to_do'],
      );
      assert.equal((await postings(db, payment.id)).length, 1);
      second.process.kill('SIGTERM');
      await second.exited;
    },
  );
}

test(
  'a returned payment processed twice at once is reversed once, with one penalty',
  { skip: postgresUrl() ? false : NO_POSTGRES, timeout: 60_000 },
  async (t) => {
    const scratch = await createScratchPostgresDatabase();
    const db = await openPostgresDatabase(scratch.url, 4);
    t.after(async () => {
      await db.close();
      await scratch.drop();
    });
    await migrate(db, await loadMigrations(ACCOUNT_MIGRATIONS), 'account_schema_migrations');
    const taxpayerId = await seedTaxpayerOwing2024(db, cipher);
    const payments = createPaymentsRepo(db, cipher);
    const today = agencyToday(new Date());
    let clock = new Date();
    const now = () => clock;
    const processing = paymentProcessing({
      db,
      paymentsOn: (q) => createPaymentsRepo(q, cipher),
      rails: createDevBankRails(db, { now }),
      processor: createDevCardProcessor(db, { now }),
      now,
      notify: async () => {},
    });
    const { payment } = await payments.insert(
      {
        taxpayerId,
        idempotencyKey: `form-${randomBytes(8).toString('hex')}`,
        taxYear: 2024,
        reason: 'balance_due',
        amountCents: 200_000n,
        feeCents: 0n,
        paymentDate: today,
        status: 'scheduled',
        // A development test account: returned R01 (insufficient funds).
        bank: { routingNumber: '021000021', accountNumber: '000111222333', accountType: 'checking' },
        locale: 'en',
      },
      new Date(),
    );
    assert.equal(await processing.initiate(payment.id), 'done');
    assert.equal(await processing.confirm(payment.id), 'waiting', 'not settled on its own day');
    clock = new Date(`${addDays(addBusinessDays(today, 1), 0)}T17:00:00Z`);
    const outcomes = await Promise.all([processing.confirm(payment.id), processing.confirm(payment.id)]);
    assert.deepEqual([...outcomes].sort(), ['done', 'nothing_to_do']);
    const after = await payments.findById(payment.id);
    assert.equal(after?.status, 'returned');
    assert.equal(after?.returnCode, 'R01');
    assert.deepEqual(await postings(db, payment.id), [
      { code: 670, amount_cents: '-200000' },
      { code: 671, amount_cents: '200000' },
      { code: 280, amount_cents: '4000' },
    ]);
  },
);

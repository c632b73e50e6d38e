// Payment plans on PGlite and on PostgreSQL: accepting a plan is idempotent (the same key twice,
// or at once, makes one agreement and one set of TC 971 AC 063 postings), the postings lower the
// failure-to-pay penalty to 0.25% a month, a revision makes version 2 and supersedes version 1
// with the right fee, and the daily check (checkPlans) creates each direct debit once however
// often it runs, sends the default warning (CP523) for a missed payment, defaults the plan 30
// days later (TC 972: the rate goes back up), lifts a warning when the payment comes, and
// completes a plan that is paid off. The accepted agreement renders again to the same SHA-256.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database, Queryable } from '#platform/db/database.ts';
import { createFieldCipher } from '#platform/crypto/field-cipher.ts';
import type { EmailMessage, EmailSender } from '#platform/mail/email-port.ts';
import { ACCOUNT_MIGRATIONS } from '../../apps/account/src/db/migrations-folder.ts';
import { createTaxpayersRepo } from '../../apps/account/src/db/taxpayers-repo.ts';
import { createTaxRecordsRepo } from '../../apps/account/src/db/tax-records-repo.ts';
import { createPaymentsRepo } from '../../apps/account/src/db/payments-repo.ts';
import { createPlansRepo, type PlanAgreement } from '../../apps/account/src/db/plans-repo.ts';
import {
  createPlan,
  renderAcceptedAgreement,
  renderAgreement,
  termsFromJourney,
} from '../../apps/account/src/plans/create-plan.ts';
import { revisePlan } from '../../apps/account/src/plans/revise-plan.ts';
import { createCheckPlans } from '../../apps/account/src/plans/plan-checks.ts';
import {
  checkNewPlanOptions,
  checkRevisionOptions,
  planSituation,
  type ComputedTerms,
} from '../../apps/account/src/plans/plan-journey.ts';
import { yearBalance, noticesFor } from '../../apps/account/src/domain/records/account-overview.ts';
import type { TaxpayerRecords } from '../../apps/account/src/domain/records/tax-records.ts';
import { forEachBackend } from '../support/db/test-databases.ts';

const TODAY = '2025-03-10';
/** 10 a.m. Eastern on TODAY: its agency date is TODAY. */
const ACCEPTED_AT = new Date(`${TODAY}T15:00:00Z`);
const BANK = { routingNumber: '021000021', accountNumber: '000123456789', accountType: 'checking' as const };

let counter = 0;
const freshSsn = () => {
  counter += 1;
  const n = 100_000_000 + Math.floor(Math.random() * 400_000_000);
  return String(n - (n % 10_000) + ((counter % 9_000) + 1));
};

async function suite(t: TestContext, db: Database): Promise<void> {
  const cipher = createFieldCipher(randomBytes(32), randomBytes(32));
  const taxpayers = createTaxpayersRepo(db, cipher);
  const records = createTaxRecordsRepo(db, cipher);
  const plans = createPlansRepo(db, cipher);
  const plansOn = (q: Queryable) => createPlansRepo(q, cipher);
  const paymentsOn = (q: Queryable) => createPaymentsRepo(q, cipher);
  const sent: EmailMessage[] = [];
  const email: EmailSender = { name: 'test', send: async (m) => void sent.push(m) };
  const deps = { db, plansOn, paymentsOn, email, baseUrl: 'https://account.example' };
  const create = createPlan(deps);
  const revise = revisePlan(deps);
  const checkPlans = createCheckPlans({ ...deps, records, now: () => ACCEPTED_AT });

  /** A taxpayer owing about $7,500 for 2023 (return filed on time, tax assessed 2024-05-20). */
  async function taxpayerOwing(taxCents = 700_000): Promise<string> {
    const id = await taxpayers.create({
      tin: freshSsn(),
      tinType: 'ssn',
      givenName: 'Pat',
      familyName: 'Planner',
      birthdate: '1980-01-01',
      addressOfRecord: {
        street_address: '1 Main St',
        locality: 'Albany',
        region: 'NY',
        postal_code: '12207',
      },
    });
    await records.addModule(id, {
      taxYear: 2023,
      dueDate: '2024-04-15',
      filedDate: '2024-04-10',
      transactions: [
        {
          code: 150,
          actionCode: null,
          date: '2024-05-20',
          cycle: '20242205',
          amountCents: taxCents,
          relatedTaxYear: null,
        },
      ],
      returns: [],
    });
    return id;
  }

  async function termsFor(
    taxpayerId: string,
    values: Partial<
      Record<'planType' | 'monthlyAmount' | 'paymentDay' | 'payMethod' | 'lowIncome', string>
    > = {},
  ): Promise<ComputedTerms> {
    const situation = planSituation(await records.recordsFor(taxpayerId), TODAY);
    const checked = checkNewPlanOptions(
      {
        planType: 'long_term',
        monthlyAmount: '500',
        paymentDay: '15',
        payMethod: 'self',
        lowIncome: '',
        ...values,
      },
      situation,
    );
    if (!checked.ok)
      throw new Error(
        JSON.stringify(checked.problems, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
      );
    return checked.terms;
  }

  async function accept(taxpayerId: string, terms: ComputedTerms, key = randomUUID()) {
    const party = await plans.party(taxpayerId);
    assert.ok(party);
    const bank = terms.directDebit ? BANK : undefined;
    const { sha256 } = await renderAgreement({
      terms: termsFromJourney(terms, bank),
      party,
      language: 'en',
      preparedOn: TODAY,
      agencyName: 'Tax Agency',
    });
    return {
      taxpayerId,
      idempotencyKey: key,
      terms,
      bank,
      agreementSha256: sha256,
      locale: 'en' as const,
      email: `${taxpayerId}@example.com`,
      acceptedAt: ACCEPTED_AT,
      today: TODAY,
    };
  }

  async function planPostings(planId: string) {
    return db.query<{ code: number; action_code: string; transaction_date: string; posting: string }>(
      `SELECT code, action_code, transaction_date::text AS transaction_date, posting FROM module_transactions
       WHERE plan_id = $1 ORDER BY id`,
      [planId],
    );
  }

  async function termsRow(taxpayerId: string) {
    const rows = await db.query<{ plan_type: string; monthly_payment_cents: string; payment_day: number }>(
      'SELECT plan_type, monthly_payment_cents::text AS monthly_payment_cents, payment_day FROM payment_plans WHERE taxpayer_id = $1',
      [taxpayerId],
    );
    return rows[0];
  }

  const mailsTo = (taxpayerId: string) => sent.filter((m) => m.to === `${taxpayerId}@example.com`);

  const ftp = (r: TaxpayerRecords, asOf: string) => {
    const m = r.modules.find((x) => x.taxYear === 2023)!;
    return yearBalance(m, noticesFor(r, 2023), asOf).failureToPayCents;
  };
  const without = (r: TaxpayerRecords, code: 971 | 972): TaxpayerRecords => ({
    ...r,
    modules: r.modules.map((m) => ({ ...m, transactions: m.transactions.filter((x) => x.code !== code) })),
  });

  await t.test(
    'accepting is idempotent: the same key twice, or at once, makes one plan and one set of postings',
    async () => {
      const taxpayerId = await taxpayerOwing();
      const input = await accept(taxpayerId, await termsFor(taxpayerId));
      const first = await create.submit(input);
      const second = await create.submit(input);
      assert.equal(first.outcome, 'created');
      assert.equal(second.outcome, 'duplicate');
      assert.ok('plan' in first && 'plan' in second && first.plan.id === second.plan.id);
      const plan = (first as { plan: PlanAgreement }).plan;
      assert.deepEqual(
        [
          plan.version,
          plan.status,
          plan.planType,
          plan.monthlyCents,
          plan.paymentDay,
          plan.firstPaymentDate,
          plan.userFeeCents,
        ],
        [1, 'active', 'long_term', 50_000n, 15, '2025-04-15', 6_900n],
      );
      assert.deepEqual(await planPostings(plan.id), [
        { code: 971, action_code: '063', transaction_date: TODAY, posting: 'plan_in_force' },
      ]);
      assert.deepEqual(await termsRow(taxpayerId), {
        plan_type: 'long_term',
        monthly_payment_cents: '50000',
        payment_day: 15,
      });
      assert.equal(mailsTo(taxpayerId).length, 1, 'one email');
      assert.match(mailsTo(taxpayerId)[0]!.subject, /payment plan is set up/);
      assert.match(mailsTo(taxpayerId)[0]!.text, /\$500\.00/);

      // At once, with a fresh key, on another taxpayer.
      const other = await taxpayerOwing();
      const once = await accept(other, await termsFor(other));
      const results = await Promise.all([create.submit(once), create.submit(once), create.submit(once)]);
      assert.equal(results.filter((r) => r.outcome === 'created').length, 1);
      const rows = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM plan_agreements WHERE taxpayer_id = $1',
        [other],
      );
      assert.equal(rows[0]!.n, 1);
      const id = (results[0] as { plan: PlanAgreement }).plan.id;
      assert.equal((await planPostings(id)).length, 1);

      // A second plan for the same taxpayer (another journey): refused while one is in force.
      const again = await create.submit(await accept(taxpayerId, await termsFor(taxpayerId)));
      assert.equal(again.outcome, 'already_has_plan');
    },
  );

  await t.test(
    'TC 971 AC 063 lowers the failure-to-pay penalty to 0.25% a month while the plan is in force',
    async () => {
      const taxpayerId = await taxpayerOwing();
      await create.submit(await accept(taxpayerId, await termsFor(taxpayerId)));
      const withPlan = await records.recordsFor(taxpayerId);
      const later = '2025-09-10';
      const reduced = ftp(withPlan, later) - ftp(withPlan, TODAY);
      const full = ftp(without(withPlan, 971), later) - ftp(without(withPlan, 971), TODAY);
      assert.ok(reduced > 0 && full > 0);
      // Six months: 0.5% a month without the plan, 0.25% with it (on the same unpaid tax).
      assert.ok(Math.abs(full - 2 * reduced) <= 2, `without ${full}, with ${reduced}`);
      // The home page sees it: the terms row and the posting.
      assert.equal(withPlan.paymentPlan?.monthlyPaymentCents, 50_000);
    },
  );

  await t.test('the accepted agreement renders again to the SHA-256 that was accepted', async () => {
    const taxpayerId = await taxpayerOwing();
    const result = await create.submit(
      await accept(taxpayerId, await termsFor(taxpayerId, { payMethod: 'direct_debit' })),
    );
    assert.equal(result.outcome, 'created');
    const plan = (result as { plan: PlanAgreement }).plan;
    const party = (await plans.party(taxpayerId))!;
    const again = await renderAcceptedAgreement({
      plan,
      bank: await plans.bankDetails(plan.id),
      party,
      agencyName: 'Tax Agency',
    });
    assert.equal(again.verified, true);
    assert.equal(again.sha256, plan.agreementSha256);
    const other = await renderAcceptedAgreement({
      plan,
      bank: await plans.bankDetails(plan.id),
      party,
      agencyName: 'Other Agency',
    });
    assert.equal(other.verified, false);
    // The account number is encrypted; its last four digits are kept in clear.
    const [row] = await db.query<Record<string, unknown>>('SELECT * FROM plan_agreements WHERE id = $1', [
      plan.id,
    ]);
    assert.ok(!JSON.stringify(row).includes(BANK.accountNumber));
    assert.equal(row!['account_last4'], '6789');
    assert.ok(!JSON.stringify(row).includes(`${taxpayerId}@example.com`));
  });

  await t.test(
    'revising makes version 2 and supersedes version 1: $10 online, $0 for a direct-debit plan',
    async () => {
      for (const [payMethod, fee] of [
        ['self', 1_000n],
        ['direct_debit', 0n],
      ] as const) {
        const taxpayerId = await taxpayerOwing();
        const created = await create.submit(
          await accept(taxpayerId, await termsFor(taxpayerId, { payMethod })),
        );
        const v1 = (created as { plan: PlanAgreement }).plan;
        const situation = planSituation(await records.recordsFor(taxpayerId), TODAY);
        const checked = checkRevisionOptions(
          { monthlyAmount: '650', paymentDay: '3', convertToDirectDebit: '', lowIncome: '' },
          v1,
          situation,
        );
        assert.ok(checked.ok);
        const input = { ...(await accept(taxpayerId, checked.terms)), bank: undefined, previousId: v1.id };
        const revised = await revise.submit(input);
        assert.equal(revised.outcome, 'revised');
        const v2 = (revised as { plan: PlanAgreement }).plan;
        assert.deepEqual(
          [v2.version, v2.status, v2.monthlyCents, v2.paymentDay, v2.userFeeCents, v2.directDebit],
          [2, 'active', 65_000n, 3, fee, payMethod === 'direct_debit'],
        );
        assert.equal((await plans.findById(v1.id))?.status, 'superseded');
        assert.equal((await plans.current(taxpayerId))?.id, v2.id);
        assert.deepEqual(
          (await plans.history(taxpayerId)).map((p) => p.version),
          [2, 1],
        );
        if (payMethod === 'direct_debit')
          assert.deepEqual(await plans.bankDetails(v2.id), BANK, 'the account is kept');
        assert.equal((await termsRow(taxpayerId))?.monthly_payment_cents, '65000');
        assert.equal((await planPostings(v2.id)).length, 0, 'the year stays in force: no second TC 971');
        // The same key again: the same revision; a revision of the superseded version: refused.
        assert.equal((await revise.submit(input)).outcome, 'duplicate');
        assert.equal(
          (await revise.submit({ ...input, idempotencyKey: randomUUID() })).outcome,
          'not_current',
        );
      }
    },
  );

  await t.test(
    'checkPlans creates each direct debit once, however often it runs and even at once',
    async () => {
      const taxpayerId = await taxpayerOwing();
      const created = await create.submit(
        await accept(taxpayerId, await termsFor(taxpayerId, { payMethod: 'direct_debit' })),
      );
      const plan = (created as { plan: PlanAgreement }).plan;
      await checkPlans('2025-04-01');
      assert.equal((await plans.payments(plan.id)).length, 0, 'not yet within 10 days of 2025-04-15');
      await checkPlans('2025-04-06');
      await checkPlans('2025-04-06');
      await Promise.all([checkPlans('2025-04-07'), checkPlans('2025-04-07'), checkPlans('2025-04-08')]);
      const payments = await plans.payments(plan.id);
      assert.deepEqual(
        payments.map((p) => [p.paymentDate, p.amountCents, p.status]),
        [['2025-04-15', 50_000n, 'scheduled']],
      );
      const payment = await paymentsOn(db).findById(payments[0]!.id);
      assert.deepEqual(
        [payment?.reason, payment?.method, payment?.taxYear, payment?.planId, payment?.accountLast4],
        ['installment_agreement', 'bank', 2023, plan.id, '6789'],
      );
      assert.equal((await paymentsOn(db).findByKey(`plan:${plan.id}:2025-04-15`))?.id, payment?.id);
      assert.deepEqual(await paymentsOn(db).bankDetails(payment!.id), BANK);
    },
  );

  await t.test(
    'a missed payment: CP523 and default warning once; 30 days later defaulted with TC 972',
    async () => {
      const taxpayerId = await taxpayerOwing();
      const created = await create.submit(await accept(taxpayerId, await termsFor(taxpayerId)));
      const plan = (created as { plan: PlanAgreement }).plan;
      const cp523 = async () =>
        db.query<{ issued_date: string; amount_due_cents: string }>(
          `SELECT issued_date::text AS issued_date, amount_due_cents::text AS amount_due_cents FROM notices
         WHERE taxpayer_id = $1 AND notice_code = 'CP523'`,
          [taxpayerId],
        );
      await checkPlans('2025-04-20');
      assert.equal((await plans.findById(plan.id))?.status, 'active', 'within the 5-day grace');
      await checkPlans('2025-04-21');
      await Promise.all([checkPlans('2025-04-21'), checkPlans('2025-04-22')]);
      assert.equal((await plans.findById(plan.id))?.status, 'default_warning');
      assert.deepEqual(await cp523(), [{ issued_date: '2025-04-21', amount_due_cents: '50000' }]);
      assert.deepEqual(
        mailsTo(taxpayerId).map((m) => m.subject),
        ['Your payment plan is set up', 'You missed a payment on your payment plan (notice CP523)'],
      );
      assert.match(mailsTo(taxpayerId)[1]!.text, /\$500\.00.*\n\nPay what you missed by May 21, 2025/s);

      await checkPlans('2025-05-21');
      assert.equal((await plans.findById(plan.id))?.status, 'default_warning', 'the 30 days are not over');
      await Promise.all([checkPlans('2025-05-22'), checkPlans('2025-05-22')]);
      await checkPlans('2025-05-23');
      assert.equal((await plans.findById(plan.id))?.status, 'defaulted');
      assert.deepEqual(
        (await planPostings(plan.id)).map((p) => [p.code, p.transaction_date, p.posting]),
        [
          [971, TODAY, 'plan_in_force'],
          [972, '2025-05-22', 'plan_ended'],
        ],
      );
      assert.equal(await termsRow(taxpayerId), undefined, 'the terms row is gone');
      assert.equal((await cp523()).length, 1);
      assert.equal(mailsTo(taxpayerId).length, 3);
      assert.match(mailsTo(taxpayerId)[2]!.subject, /ended \(default\)/);
      assert.equal(await plans.current(taxpayerId), undefined);

      // After the default the failure-to-pay rate is back to 0.5% a month.
      const r = await records.recordsFor(taxpayerId);
      const after = ftp(r, '2025-11-22') - ftp(r, '2025-05-22');
      const stillReduced = ftp(without(r, 972), '2025-11-22') - ftp(without(r, 972), '2025-05-22');
      assert.ok(Math.abs(after - 2 * stillReduced) <= 2, `after ${after}, if still in force ${stillReduced}`);
    },
  );

  await t.test('paying what was missed lifts the warning; paying everything completes the plan', async () => {
    const taxpayerId = await taxpayerOwing();
    const created = await create.submit(
      await accept(taxpayerId, await termsFor(taxpayerId, { payMethod: 'direct_debit' })),
    );
    const plan = (created as { plan: PlanAgreement }).plan;
    await checkPlans('2025-04-06');
    // The bank returned the debit (not counted): the warning goes out.
    const [debit] = await plans.payments(plan.id);
    await db.query(`UPDATE payments SET status = 'returned' WHERE id = $1`, [debit!.id]);
    await checkPlans('2025-04-21');
    assert.equal((await plans.findById(plan.id))?.status, 'default_warning');
    // A payment made another way on the plan's year (TC 670) covers it.
    const [module] = await db.query<{ id: string }>('SELECT id FROM tax_modules WHERE taxpayer_id = $1', [
      taxpayerId,
    ]);
    const pay = (date: string, cents: number) =>
      db.query(
        `INSERT INTO module_transactions (module_id, code, action_code, transaction_date, cycle, amount_cents)
         VALUES ($1, 670, NULL, $2, '20251705', $3)`,
        [module!.id, date, -cents],
      );
    await pay('2025-04-24', 50_000);
    await checkPlans('2025-04-25');
    assert.equal((await plans.findById(plan.id))?.status, 'active');
    // Paid off: completed, TC 972, terms row deleted, the next debit cancelled.
    await checkPlans('2025-05-06');
    const scheduled = (await plans.payments(plan.id)).find((p) => p.paymentDate === '2025-05-15');
    assert.equal(scheduled?.status, 'scheduled');
    const owed = yearBalance(
      (await records.recordsFor(taxpayerId)).modules[0]!,
      [],
      '2025-05-08',
    ).balanceCents;
    await pay('2025-05-07', owed);
    await Promise.all([checkPlans('2025-05-08'), checkPlans('2025-05-08')]);
    assert.equal((await plans.findById(plan.id))?.status, 'completed');
    assert.deepEqual(
      (await planPostings(plan.id)).map((p) => [p.code, p.posting]),
      [
        [971, 'plan_in_force'],
        [972, 'plan_ended'],
      ],
    );
    assert.equal(await termsRow(taxpayerId), undefined);
    assert.equal((await paymentsOn(db).findById(scheduled!.id))?.status, 'cancelled');
    assert.deepEqual(
      mailsTo(taxpayerId).map((m) => m.subject),
      [
        'Your payment plan is set up',
        'You missed a payment on your payment plan (notice CP523)',
        'Your payment plan is paid in full',
      ],
    );
  });
}

forEachBackend('payment plans', { migrations: ACCOUNT_MIGRATIONS, timeout: 120_000 }, suite);

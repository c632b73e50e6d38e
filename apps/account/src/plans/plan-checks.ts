// The daily check of every payment plan in force (the payment worker's "plans.check" job calls
// `checkPlans(today)`, possibly several times a day and on several instances at once):
//
// 1. Paid off: the plan's tax years owe nothing today → 'completed', TC 972 AC 063 on every
//    year where a plan is in force, the terms row deleted, scheduled debits after today
//    cancelled; email.
// 2. Missed payments: the agreement's schedule against what was received since it was accepted
//    — the plan's own payments (pending or settled; a returned one does not count) and any
//    other payment (TC 670) on the plan's years, unless reversed (TC 671) — then
//    planStatusAfterMissed: a first missed payment sends the default warning (a CP523 notice,
//    status 'default_warning', email); paying what was missed lifts it; still missed 30 days
//    after the notice → 'defaulted', TC 972 AC 063 (the failure-to-pay rate goes back to 0.5%),
//    terms row deleted, scheduled debits cancelled; email.
// 3. Direct debit: a payment for each due date within the next DIRECT_DEBIT_LEAD_DAYS days
//    (debited on the due date by the payment worker), created once by its idempotency key
//    "plan:<plan id>:<due date>"; the amount is the monthly payment, or what is left to pay when
//    that is less (interest keeps accruing, so the debits go on past the agreement's schedule
//    until the balance is paid).
//
// Running it twice does nothing twice: a payment exists once per key, and every change of
// status is `UPDATE … WHERE status = <the status read>` in the same transaction as the notice,
// the postings and the terms row, so only the run that moved the status writes them and sends
// the email.
import type { Database, Queryable } from '#platform/db/database.ts';
import {
  CURRENT_PLAN_STATUSES,
  type PlanAgreement,
  type PlanAgreementStatus,
  type PlanPayment,
  type PlansRepo,
} from '../db/plans-repo.ts';
import type { PaymentsRepo } from '../db/payments-repo.ts';
import type { TaxRecordsRepo } from '../db/tax-records-repo.ts';
import type { PaymentEmailKind } from '../payments/payment-processing.ts';
import {
  missedInstallments,
  planInstallments,
  planStatusAfterMissed,
  type PaymentReceived,
  type PlanStatus,
} from '../domain/payments/plan-schedule.ts';
import { payoffOn } from '../domain/records/account-overview.ts';
import { addDays, agencyToday, nextDayOfMonth } from '../domain/records/agency-date.ts';
import type { TaxpayerRecords } from '../domain/records/tax-records.ts';
import { sendPlanEmail, type PlanEmailDeps } from './create-plan.ts';

/** Direct debits are created this many days before their due date. [U] our choice. */
export const DIRECT_DEBIT_LEAD_DAYS = 10;
/** Plans read per page. */
const PAGE = 200;

export interface PlanChecksDeps extends PlanEmailDeps {
  db: Database;
  plansOn: (q: Queryable) => PlansRepo;
  paymentsOn: (q: Queryable) => PaymentsRepo;
  records: Pick<TaxRecordsRepo, 'recordsFor'>;
  now: () => Date;
  /** Queue the "payment scheduled" email of a direct debit just created (paymentNotifier). */
  notify?: (paymentId: string, kind: PaymentEmailKind) => Promise<void>;
}

export type PlanCheckOutcome = 'completed' | 'default_warning' | 'warning_cured' | 'defaulted' | 'unchanged';

/** What the plan's years owe on `date`. */
function owedOn(
  records: TaxpayerRecords,
  taxYears: readonly number[],
  date: string,
): { total: bigint; byYear: Map<number, bigint> } {
  const byYear = new Map<number, bigint>();
  for (const y of payoffOn(records, date).years)
    if (taxYears.includes(y.taxYear)) byYear.set(y.taxYear, BigInt(Math.max(0, y.balanceCents)));
  let total = 0n;
  for (const cents of byYear.values()) total += cents;
  return { total, byYear };
}

/** Payments received for the plan since it was accepted (see the header). */
export function paymentsReceived(
  plan: PlanAgreement,
  records: TaxpayerRecords,
  planPayments: readonly PlanPayment[],
): PaymentReceived[] {
  const acceptedOn = agencyToday(plan.acceptedAt);
  const own = new Set(planPayments.map((p) => p.id));
  const reversed = new Set(
    records.modules.flatMap((m) =>
      m.transactions.filter((t) => t.code === 671 && t.paymentId).map((t) => t.paymentId!),
    ),
  );
  const fromPlan = planPayments
    .filter((p) => p.status === 'pending' || p.status === 'settled')
    .map((p) => ({ date: p.paymentDate, amountCents: p.amountCents }));
  const other = records.modules
    .filter((m) => plan.taxYears.includes(m.taxYear))
    .flatMap((m) => m.transactions)
    .filter(
      (t) =>
        t.code === 670 &&
        t.date >= acceptedOn &&
        !(t.paymentId !== undefined && (own.has(t.paymentId) || reversed.has(t.paymentId))),
    )
    .map((t) => ({ date: t.date, amountCents: BigInt(-t.amountCents) }));
  return [...fromPlan, ...other];
}

export function createCheckPlans(deps: PlanChecksDeps): (today: string) => Promise<void> {
  const plans = deps.plansOn(deps.db);
  const log = (plan: PlanAgreement, outcome: string) =>
    deps.logger?.info({ plan: plan.id, outcome }, 'plan check');

  /** Ends the plan: the status, TC 972 AC 063 on every year in force, no terms row, no debits to come. */
  async function endPlan(plan: PlanAgreement, to: PlanAgreementStatus, today: string): Promise<boolean> {
    return deps.db.transaction(async (tx) => {
      const repo = deps.plansOn(tx);
      if (!(await repo.setStatus(plan.id, plan.status, to, deps.now()))) return false;
      const years = new Set([...(await repo.yearsInForce(plan.taxpayerId)), ...plan.taxYears]);
      for (const taxYear of years)
        await repo.postIndicator({
          planId: plan.id,
          taxpayerId: plan.taxpayerId,
          taxYear,
          posting: 'plan_ended',
          date: today,
        });
      await repo.deleteTerms(plan.taxpayerId);
      const payments = deps.paymentsOn(tx);
      for (const payment of await repo.scheduledPaymentsAfter(plan.taxpayerId, today))
        await payments.transition(payment.id, 'scheduled', 'cancelled', deps.now(), {}, `payment plan ${to}`);
      return true;
    });
  }

  async function statusCheck(
    plan: PlanAgreement,
    records: TaxpayerRecords,
    planPayments: PlanPayment[],
    today: string,
  ) {
    const schedule = planInstallments({
      owedCents: plan.owedCents,
      monthlyCents: plan.monthlyCents,
      paymentDay: plan.paymentDay,
      firstPaymentDate: plan.firstPaymentDate,
      ...(plan.payBy ? { payBy: plan.payBy } : {}),
    });
    if (!schedule.ok) throw new Error(`Plan ${plan.id}: stored terms make no schedule (${schedule.problem})`);
    const missed = missedInstallments({
      schedule: schedule.installments,
      paymentsReceived: paymentsReceived(plan, records, planPayments),
      today,
    });
    const acceptedOn = agencyToday(plan.acceptedAt);
    const warningNoticeDate =
      records.notices
        .filter((n) => n.code === 'CP523' && n.issuedDate >= acceptedOn && n.issuedDate <= today)
        .map((n) => n.issuedDate)
        .sort()
        .pop() ?? agencyToday(plan.statusChangedAt);
    const result = planStatusAfterMissed({
      status: plan.status as PlanStatus,
      missed: missed.missed,
      today,
      ...(plan.status === 'default_warning' ? { warningNoticeDate } : {}),
    });
    return { ...result, pastDueCents: missed.pastDueCents };
  }

  async function createDebits(
    plan: PlanAgreement,
    records: TaxpayerRecords,
    planPayments: PlanPayment[],
    today: string,
  ) {
    const bank = await plans.bankDetails(plan.id);
    if (!bank) throw new Error(`Plan ${plan.id}: direct debit without a bank account`);
    const email = await plans.email(plan.id);
    const last = addDays(today, DIRECT_DEBIT_LEAD_DAYS);
    const dueToday = nextDayOfMonth(today, plan.paymentDay);
    let due = plan.firstPaymentDate > dueToday ? plan.firstPaymentDate : dueToday;
    const payments = deps.paymentsOn(deps.db);
    for (; due <= last; due = nextDayOfMonth(addDays(due, 1), plan.paymentDay)) {
      if (planPayments.some((p) => p.paymentDate === due)) continue;
      const owed = owedOn(records, plan.taxYears, due);
      // Debits already scheduled (not yet posted to the ledger) before this one pay part of it.
      const scheduled = planPayments
        .filter((p) => p.status === 'scheduled' && p.paymentDate < due)
        .reduce((sum, p) => sum + p.amountCents, 0n);
      const left = owed.total - scheduled;
      if (left <= 0n) break;
      const amountCents = left < plan.monthlyCents ? left : plan.monthlyCents;
      // The oldest year that still owes on the due date takes the payment.
      const taxYear =
        [...plan.taxYears].sort((a, b) => a - b).find((y) => (owed.byYear.get(y) ?? 0n) > 0n) ??
        Math.min(...plan.taxYears);
      const { created, payment } = await payments.insert(
        {
          taxpayerId: plan.taxpayerId,
          idempotencyKey: `plan:${plan.id}:${due}`,
          taxYear,
          reason: 'installment_agreement',
          amountCents,
          feeCents: 0n,
          paymentDate: due,
          status: 'scheduled',
          bank,
          planId: plan.id,
          locale: plan.locale,
          ...(email ? { email } : {}),
        },
        deps.now(),
      );
      planPayments.push({
        id: payment.id,
        paymentDate: due,
        amountCents: payment.amountCents,
        status: payment.status,
      });
      if (created) await deps.notify?.(payment.id, 'scheduled');
    }
  }

  async function checkPlan(plan: PlanAgreement, today: string): Promise<PlanCheckOutcome> {
    const records = await deps.records.recordsFor(plan.taxpayerId);
    if (owedOn(records, plan.taxYears, today).total <= 0n) {
      if (await endPlan(plan, 'completed', today)) {
        await sendPlanEmail(deps, plans, plan, 'completed');
        return 'completed';
      }
      return 'unchanged';
    }
    const planPayments = await plans.payments(plan.id);
    const status = await statusCheck(plan, records, planPayments, today);
    let outcome: PlanCheckOutcome = 'unchanged';
    if (status.action === 'send_default_warning') {
      const warned = await deps.db.transaction(async (tx) => {
        const repo = deps.plansOn(tx);
        if (!(await repo.setStatus(plan.id, 'active', 'default_warning', deps.now()))) return false;
        await repo.addNotice({
          taxpayerId: plan.taxpayerId,
          code: 'CP523',
          issuedDate: today,
          taxYear: null,
          amountDueCents: status.pastDueCents,
        });
        return true;
      });
      if (warned) {
        outcome = 'default_warning';
        await sendPlanEmail(deps, plans, plan, 'default_warning', {
          pastDueCents: status.pastDueCents,
          ...(status.respondBy ? { respondBy: status.respondBy } : {}),
        });
      }
    } else if (status.action === 'warning_cured') {
      if (await plans.setStatus(plan.id, 'default_warning', 'active', deps.now())) outcome = 'warning_cured';
    } else if (status.action === 'default_plan') {
      if (await endPlan(plan, 'defaulted', today)) {
        await sendPlanEmail(deps, plans, plan, 'defaulted');
        return 'defaulted';
      }
      return 'unchanged';
    }
    if (plan.directDebit) await createDebits(plan, records, planPayments, today);
    return outcome;
  }

  return async function checkPlans(today: string): Promise<void> {
    let after: string | undefined;
    let firstError: unknown;
    for (;;) {
      const page = await plans.currentPlans(after, PAGE);
      for (const plan of page) {
        after = plan.id;
        if (!CURRENT_PLAN_STATUSES.includes(plan.status)) continue;
        try {
          log(plan, await checkPlan(plan, today));
        } catch (error) {
          // One plan's bad data does not stop the others; the job fails (and is retried) at the end.
          firstError ??= error;
          deps.logger?.error({ err: error, plan: plan.id }, 'plan check failed');
        }
      }
      if (page.length < PAGE) break;
    }
    if (firstError !== undefined) throw firstError;
  };
}

// Accepting a revised payment plan (a new amount, payment day, or a conversion to direct debit):
// exactly one revision per idempotency key (the journey's). In ONE transaction: the agreement
// being revised becomes 'superseded' (only from the status it was read in, so two revisions
// racing cannot both win), the new version (+1, 'active') is inserted with the revision fee,
// TC 971 AC 063 is posted on any tax year with a balance where no plan is in force yet (the
// years already in force stay so: the failure-to-pay rate is not interrupted), the terms row the
// home page reads is updated, and the old version's scheduled direct debits after today are
// cancelled (the new version's are made by plan-checks.ts on its own dates). Then an email.
import type { PlanAgreement } from '../db/plans-repo.ts';
import { CURRENT_PLAN_STATUSES } from '../db/plans-repo.ts';
import { sendPlanEmail, type AcceptInput, type PlanUseCaseDeps } from './create-plan.ts';

export type ReviseResult =
  | { outcome: 'revised' | 'duplicate'; plan: PlanAgreement }
  /** The plan to revise is not in force any more (revised, defaulted or completed meanwhile). */
  | { outcome: 'not_current' };

/** Thrown inside the transaction to roll it back when another request got there first. */
class LostRace extends Error {}

export function revisePlan(deps: PlanUseCaseDeps) {
  const plans = deps.plansOn(deps.db);

  async function duplicate(input: AcceptInput): Promise<ReviseResult | undefined> {
    const earlier = await plans.findByKey(input.idempotencyKey);
    if (!earlier) return undefined;
    if (earlier.taxpayerId !== input.taxpayerId)
      throw new Error('Idempotency key belongs to another taxpayer');
    return { outcome: 'duplicate', plan: earlier };
  }

  async function submit(input: AcceptInput & { previousId: string }): Promise<ReviseResult> {
    const earlier = await duplicate(input);
    if (earlier) return earlier;
    const { terms } = input;
    let result: ReviseResult;
    try {
      result = await deps.db.transaction(async (tx): Promise<ReviseResult> => {
        const repo = deps.plansOn(tx);
        const previous = await repo.find(input.taxpayerId, input.previousId);
        if (!previous || !CURRENT_PLAN_STATUSES.includes(previous.status)) return { outcome: 'not_current' };
        if (!(await repo.setStatus(previous.id, previous.status, 'superseded', input.acceptedAt)))
          throw new LostRace();
        const bank = terms.directDebit
          ? (input.bank ?? (previous.directDebit ? await repo.bankDetails(previous.id) : undefined))
          : undefined;
        if (terms.directDebit && !bank) throw new Error('A direct-debit plan needs a bank account');
        const email = input.email ?? (await repo.email(previous.id));
        const { created, plan } = await repo.insert(
          {
            taxpayerId: input.taxpayerId,
            idempotencyKey: input.idempotencyKey,
            planType: terms.planType,
            taxYears: terms.taxYears,
            owedCents: terms.owedCents,
            monthlyCents: terms.monthlyCents,
            paymentDay: terms.paymentDay,
            firstPaymentDate: terms.firstPaymentDate,
            payBy: terms.payBy ?? null,
            bank,
            userFeeCents: terms.fee.cents,
            feeKind: terms.fee.kind,
            lowIncome: terms.lowIncome,
            agreementSha256: input.agreementSha256,
            locale: input.locale,
            email,
          },
          previous.version + 1,
          input.acceptedAt,
        );
        if (!created || !plan) throw new LostRace();
        const inForce = await repo.yearsInForce(input.taxpayerId);
        for (const taxYear of terms.taxYears.filter((y) => !inForce.includes(y)))
          await repo.postIndicator({
            planId: plan.id,
            taxpayerId: input.taxpayerId,
            taxYear,
            posting: 'plan_in_force',
            date: input.today,
          });
        await repo.upsertTerms(input.taxpayerId, {
          planType: terms.planType,
          monthlyCents: terms.monthlyCents,
          paymentDay: terms.paymentDay,
        });
        const payments = deps.paymentsOn(tx);
        for (const payment of await repo.scheduledPaymentsAfter(input.taxpayerId, input.today))
          await payments.transition(
            payment.id,
            'scheduled',
            'cancelled',
            input.acceptedAt,
            {},
            'payment plan revised',
          );
        return { outcome: 'revised', plan };
      });
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      return (await duplicate(input)) ?? { outcome: 'not_current' };
    }
    if (result.outcome === 'revised') await sendPlanEmail(deps, plans, result.plan, 'revised');
    return result;
  }

  return { submit };
}

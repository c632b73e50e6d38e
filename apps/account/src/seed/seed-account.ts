// Idempotent seed of the tax account: the demo taxpayers' records (never in production).
// A taxpayer already on file (same SSN or ITIN fingerprint) is left as it is; each new one is
// written in one transaction, so a failed start never leaves half a record.
import type { AccountApp } from '../main.ts';
import { yearBalance } from '../domain/records/account-overview.ts';
import type { Notice, TaxModule, Transaction } from '../domain/records/tax-records.ts';
import { cycleOf, DEMO_TAXPAYERS, type DemoModule } from './demo-taxpayers.ts';

export interface AccountSeedSettings {
  demoTaxpayers: boolean;
}

const byDate = (a: Transaction, b: Transaction) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * The module's transactions with the penalties and interest assessed on each `assessOn` date:
 * what the money engine says had accrued by then, less what earlier postings charged.
 */
export function withAssessments(module: DemoModule, notices: readonly Notice[]): Transaction[] {
  const transactions = [...module.transactions].sort(byDate);
  const posted = { 166: 0, 276: 0, 196: 0 };
  for (const date of [...(module.assessOn ?? [])].sort()) {
    const asModule: TaxModule = { ...module, id: 'seed', form: '1040', transactions };
    const balance = yearBalance(asModule, notices, date);
    const accrued = {
      166: balance.failureToFileCents,
      276: balance.failureToPayCents,
      196: balance.interestCents,
    };
    for (const code of [166, 276, 196] as const) {
      const cents = accrued[code] - posted[code];
      if (cents <= 0) continue;
      transactions.push({
        code,
        actionCode: null,
        date,
        cycle: cycleOf(date),
        amountCents: cents,
        relatedTaxYear: null,
      });
      posted[code] = accrued[code];
    }
    transactions.sort(byDate);
  }
  return transactions;
}

export async function seedAccount(
  app: Pick<AccountApp, 'db' | 'taxpayers' | 'recordsOn'>,
  settings: AccountSeedSettings,
): Promise<{ taxpayersCreated: number }> {
  let taxpayersCreated = 0;
  if (!settings.demoTaxpayers) return { taxpayersCreated };
  for (const person of DEMO_TAXPAYERS) {
    if (await app.taxpayers.findByTin(person.tin)) continue;
    await app.db.transaction(async (tx) => {
      const { taxpayers, records } = app.recordsOn(tx);
      const id = await taxpayers.create(person);
      for (const module of person.modules) {
        const notices = person.notices.filter((n) => n.taxYear === module.taxYear);
        await records.addModule(id, {
          taxYear: module.taxYear,
          dueDate: module.dueDate,
          filedDate: module.filedDate,
          returns: module.returns,
          transactions: withAssessments(module, notices),
        });
      }
      for (const form of person.informationReturns) await records.addInformationReturn(id, form);
      for (const notice of person.notices) await records.addNotice(id, notice);
      if (person.paymentPlan) await records.setPaymentPlan(id, person.paymentPlan);
    });
    taxpayersCreated += 1;
  }
  return { taxpayersCreated };
}

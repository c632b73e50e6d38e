// A slow, literal second implementation of the money engine's rules, for the tests to compare
// against: it walks every day from the due date to asOf, adds that day's interest to the
// balance (daily compounding, each day's interest rounded at 10^-20), charges every month
// separately and applies every payment as it comes. It shares only the data (rates, minimums,
// percentages) with the engine — not its calendar, interest tables, month runs or ledger — so
// a disagreement between the two points at a bug in one of them.
import { Decimal, formatCents, parseDollars } from '#platform/money/decimal.ts';
import type { MoneyResult, MoneyScenario } from '../../apps/account/src/domain/money/balance.ts';
import { UNDERPAYMENT_RATES } from '../../apps/account/src/domain/money/underpayment-rates.ts';
import { FAILURE_TO_FILE_MINIMUMS } from '../../apps/account/src/domain/money/failure-to-file-minimums.ts';

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number) => new Date(day * DAY_MS);

function dailyRate(day: number): Decimal {
  const date = fromDay(day);
  const year = date.getUTCFullYear();
  const index = (year - 2019) * 4 + Math.floor(date.getUTCMonth() / 3);
  const row = UNDERPAYMENT_RATES[Math.min(index, UNDERPAYMENT_RATES.length - 1)]!;
  const yearDays = (toDay(`${year + 1}-01-01`) - toDay(`${year}-01-01`)) as number;
  return Decimal.ratio(BigInt(row.ratePercent), BigInt(100 * yearDays));
}

/** Growth of one dollar over the days (from, to], day by day. */
function growth(from: number, to: number): Decimal {
  let value = Decimal.ONE;
  for (let day = from + 1; day <= to; day++) value = value.add(value.mul(dailyRate(day)));
  return value;
}

/** The day month k (1-based) of lateness begins: the day after the (k−1)-th anniversary. */
function monthStart(due: number, k: number): number {
  const d = fromDay(due);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + (k - 1);
  const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfMonth)) / DAY_MS + 1;
}

const pct = (cents: bigint, bp: number) =>
  Decimal.fromCents(cents * BigInt(bp)).div(Decimal.fromInteger(10_000));

export function referenceBalance(s: MoneyScenario): MoneyResult {
  const due = toDay(s.dueDate);
  const asOf = toDay(s.asOf);
  const tax0 = parseDollars(s.tax);
  const zero = formatCents(0n);
  if (asOf < due) {
    return {
      tax: s.tax,
      failureToFile: zero,
      failureToPay: zero,
      interest: zero,
      balanceDue: s.tax,
      credit: zero,
    };
  }
  const filedRaw = s.filedDate === null ? null : toDay(s.filedDate);
  const filed = filedRaw !== null && filedRaw <= asOf ? filedRaw : null;
  const notice = s.noticeDate ? toDay(s.noticeDate) : null;
  const levy = s.levyNoticeDate ? toDay(s.levyNoticeDate) : null;
  const plan = s.installmentAgreement
    ? {
        from: toDay(s.installmentAgreement.from),
        to: s.installmentAgreement.to ? toDay(s.installmentAgreement.to) : null,
      }
    : null;
  const payments = s.payments.map((p) => ({ day: toDay(p.date), cents: parseDollars(p.amount) }));

  // Balances: cents for posted amounts, Decimal dollars for interest.
  let tax = tax0;
  let ftf = 0n;
  let ftpPending = 0n;
  let ftpBearing = 0n;
  let interest = Decimal.ZERO;
  let credit = 0n;
  const cents = (d: Decimal) => d.toCents();

  const pay = (amount: bigint) => {
    interest = Decimal.fromCents(cents(interest));
    let left = amount;
    const take = (owing: bigint) => {
      const paid = owing < left ? owing : left;
      left -= paid;
      return owing - paid;
    };
    tax = take(tax);
    ftf = take(ftf);
    ftpPending = take(ftpPending);
    ftpBearing = take(ftpBearing);
    const interestLeft = take(cents(interest));
    interest = Decimal.fromCents(interestLeft);
    credit += left;
  };
  /** A charge of `amount` cents that carries `retro` dollars of interest already. */
  const charge = (kind: 'ftf' | 'pending' | 'bearing', amount: bigint, retro: Decimal) => {
    if (amount === 0n) return;
    if (kind === 'ftf') ftf += amount;
    else if (kind === 'pending') ftpPending += amount;
    else ftpBearing += amount;
    interest = interest.add(retro);
    if (credit > 0n) {
      const c = credit;
      credit = 0n;
      pay(c);
    }
  };

  const late = filed === null || filed > due;
  const lateThrough = filed ?? asOf;
  const filedOnTime = filed !== null && filed <= due;
  const dueYear = fromDay(due).getUTCFullYear();
  const minRow = [...FAILURE_TO_FILE_MINIMUMS].reverse().find((r) => r.dueYear <= dueYear)!;
  // The net amount due: a payment on the due date is timely too.
  const onDueDate = payments.filter((p) => p.day === due).reduce((sum, p) => sum + p.cents, 0n);
  const netDue = tax0 > onDueDate ? tax0 - onDueDate : 0n;
  const minimum = BigInt(minRow.dollars * 100) < netDue ? BigInt(minRow.dollars * 100) : netDue;
  let ftfNet = 0n;
  let ftfFloor = 0n;
  let ftfCharged = 0n;
  let capLeft = 2500;
  let ftpOpen = tax0 > 0n;
  let k = 1;
  let conversionDay: number | null = null;

  const chargeFtf = (day: number) => {
    const total = ftfNet > ftfFloor ? ftfNet : ftfFloor;
    const increment = total - ftfCharged;
    ftfCharged = total;
    charge('ftf', increment, Decimal.fromCents(increment).mul(growth(due, day).sub(Decimal.ONE)));
  };

  for (let day = due; day <= asOf; day++) {
    if (day > due) {
      // 1. The day's interest on everything bearing interest (compounding daily).
      const bearing = Decimal.fromCents(tax + ftf + ftpBearing).add(interest);
      interest = interest.add(bearing.mul(dailyRate(day)));
      // 2. Charges made on this day.
      if (monthStart(due, k) === day) {
        if (ftpOpen && tax === 0n) ftpOpen = false;
        let ftp = 0n;
        if (ftpOpen) {
          let bp = 50;
          if (filedOnTime && plan && plan.from <= day && (plan.to === null || day <= plan.to)) bp = 25;
          else if (levy !== null && day > levy + 10) bp = 100;
          bp = Math.min(bp, capLeft);
          capLeft -= bp;
          if (capLeft === 0) ftpOpen = false;
          ftp = cents(pct(tax, bp));
          charge(notice !== null && day <= notice ? 'pending' : 'bearing', ftp, Decimal.ZERO);
        }
        if (late && k <= 5 && day <= lateThrough) {
          ftfNet += cents(pct(netDue, 500)) - ftp;
          chargeFtf(day);
        }
        k += 1;
      }
      if (late && day === due + 61 && lateThrough >= due + 61) {
        ftfFloor = minimum;
        chargeFtf(day);
      }
      if (day === notice) {
        const owed = tax + ftf + ftpPending + ftpBearing + cents(interest);
        let end = day + 21;
        if (owed >= 10_000_000n) {
          end = day;
          for (let left = 10; left > 0;) {
            end += 1;
            const weekday = fromDay(end).getUTCDay();
            if (weekday !== 0 && weekday !== 6) left -= 1;
          }
        }
        conversionDay = end + 1;
      }
      if (day === conversionDay && notice !== null) {
        const retro = Decimal.fromCents(ftpPending).mul(growth(notice, day).sub(Decimal.ONE));
        ftpBearing += ftpPending;
        ftpPending = 0n;
        interest = interest.add(retro);
      }
    }
    // 3. The day's payments.
    const paid = payments.filter((p) => p.day === day).reduce((sum, p) => sum + p.cents, 0n);
    if (paid > 0n) pay(paid);
  }
  const interestCents = cents(interest);
  const ftp = ftpPending + ftpBearing;
  return {
    tax: formatCents(tax),
    failureToFile: formatCents(ftf),
    failureToPay: formatCents(ftp),
    interest: formatCents(interestCents),
    balanceDue: formatCents(tax + ftf + ftp + interestCents),
    credit: formatCents(credit),
  };
}

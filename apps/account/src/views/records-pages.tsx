// The taxpayer's records: balances by year (shared with the home page), a year's detail
// page (return, transactions in plain language with their codes, W-2s and 1099s, notices),
// the payoff amount for a chosen date, and the page for a person who could not be matched
// to their records. Numbers are exact cents formatted as U.S. dollars.
import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { CsrfField, ErrorSummary } from '#platform/ui/components.tsx';
import { sumCents } from '../domain/records/cents.ts';
import type { YearBalance } from '../domain/records/account-overview.ts';
import type { LinkProblem } from '../domain/records/link-taxpayer.ts';
import {
  ACTION_CODES,
  type InformationReturn,
  type Notice,
  type NoticeCode,
  type TaxModule,
  type TaxReturn,
  type Transaction,
  type TransactionCode,
} from '../domain/records/tax-records.ts';
import { AccountLayout } from './account-layout.tsx';
import { recordsFormat } from './records-format.ts';

const NUMBER_CELL = 'text-right text-tabular';

export const NOTICE_TITLES: Record<NoticeCode, MessageKey> = {
  CP14: 'acct.records.notice.cp14',
  CP501: 'acct.records.notice.cp501',
  CP503: 'acct.records.notice.cp503',
  CP504: 'acct.records.notice.cp504',
  LT11: 'acct.records.notice.lt11',
  L1058: 'acct.records.notice.l1058',
  CP49: 'acct.records.notice.cp49',
  CP2000: 'acct.records.notice.cp2000',
  CP71: 'acct.records.notice.cp71',
  CP523: 'acct.records.notice.cp523',
  CP11: 'acct.records.notice.cp11',
  CP12: 'acct.records.notice.cp12',
  CP22E: 'acct.records.notice.cp22e',
};

const TRANSACTION_TEXT: Record<Exclude<TransactionCode, 971 | 972>, MessageKey> = {
  150: 'acct.records.tc.returnFiled',
  166: 'acct.records.tc.failureToFile',
  196: 'acct.records.tc.interest',
  276: 'acct.records.tc.failureToPay',
  280: 'acct.records.tc.dishonoredPenalty',
  290: 'acct.records.tc.additionalTax',
  291: 'acct.records.tc.abatement',
  610: 'acct.records.tc.paymentWithReturn',
  670: 'acct.records.tc.payment',
  671: 'acct.records.tc.dishonoredPayment',
  706: 'acct.records.tc.creditIn',
  806: 'acct.records.tc.withholding',
  826: 'acct.records.tc.offsetOut',
  846: 'acct.records.tc.refund',
};

/** A transaction in plain language: "Payment received", "Payment plan started"… */
export function describeTransaction(ctx: PageContext, t: Transaction): string {
  if (t.code === 971 || t.code === 972) {
    const pending = t.actionCode === ACTION_CODES.installmentAgreementPending;
    const established = t.actionCode === ACTION_CODES.installmentAgreementEstablished;
    if (t.code === 971)
      return ctx.t(
        established
          ? 'acct.records.tc.planEstablished'
          : pending
            ? 'acct.records.tc.planPending'
            : 'acct.records.tc.otherAction',
      );
    return ctx.t(
      established
        ? 'acct.records.tc.planEnded'
        : pending
          ? 'acct.records.tc.planRequestClosed'
          : 'acct.records.tc.otherReversal',
    );
  }
  return ctx.t(TRANSACTION_TEXT[t.code], { year: t.relatedTaxYear ?? '' });
}

export function transactionCode(ctx: PageContext, t: Transaction): string {
  return t.actionCode
    ? ctx.t('acct.records.codeWithAction', { code: t.code, action: t.actionCode })
    : ctx.t('acct.records.code', { code: t.code });
}

/** The balance of each tax year, split into tax, penalties and interest, with totals. */
export function BalanceTable({
  ctx,
  years,
  asOf,
  linkYears,
}: {
  ctx: PageContext;
  years: YearBalance[];
  asOf: string;
  linkYears: boolean;
}) {
  const { t } = ctx;
  const f = recordsFormat(ctx.locale);
  const total = (pick: (y: YearBalance) => number) => f.money(sumCents(years.map(pick)));
  return (
    <table class="usa-table usa-table--borderless width-full" data-balances>
      <caption>{t('acct.records.years.caption', { date: f.date(asOf) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('acct.records.col.year')}</th>
          <th scope="col" class="text-right">
            {t('acct.records.col.tax')}
          </th>
          <th scope="col" class="text-right">
            {t('acct.records.col.penalties')}
          </th>
          <th scope="col" class="text-right">
            {t('acct.records.col.interest')}
          </th>
          <th scope="col" class="text-right">
            {t('acct.records.col.balance')}
          </th>
        </tr>
      </thead>
      <tbody>
        {years.map((y) => (
          <tr key={y.taxYear} data-year={String(y.taxYear)}>
            <th scope="row">
              {linkYears ? <a href={`/years/${y.taxYear}`}>{String(y.taxYear)}</a> : String(y.taxYear)}
              {y.filedDate === null ? ` (${t('acct.records.years.notFiled')})` : null}
            </th>
            <td class={NUMBER_CELL} data-cell="tax">
              {f.money(y.taxCents)}
            </td>
            <td class={NUMBER_CELL} data-cell="penalties">
              {f.money(y.penaltiesCents)}
            </td>
            <td class={NUMBER_CELL} data-cell="interest">
              {f.money(y.interestCents)}
            </td>
            <td class={`${NUMBER_CELL} text-bold`} data-cell="balance">
              {f.money(y.balanceCents)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-year="total">
          <th scope="row">{t('acct.records.col.total')}</th>
          <td class={NUMBER_CELL}>{total((y) => y.taxCents)}</td>
          <td class={NUMBER_CELL}>{total((y) => y.penaltiesCents)}</td>
          <td class={NUMBER_CELL}>{total((y) => y.interestCents)}</td>
          <td class={`${NUMBER_CELL} text-bold`}>{total((y) => y.balanceCents)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export interface PayoffFormState {
  value: string;
  error: MessageKey | undefined;
}

/** "What if I pay on …": a GET form, so it works without JavaScript. */
export function PayoffDateForm({
  ctx,
  today,
  latest,
  state,
}: {
  ctx: PageContext;
  today: string;
  latest: string;
  state: PayoffFormState;
}) {
  const { t } = ctx;
  const f = recordsFormat(ctx.locale);
  const error = state.error ? t(state.error, { example: today }) : undefined;
  const described = ['payoff-date-hint', error ? 'payoff-date-error' : ''].filter(Boolean).join(' ');
  return (
    <form class="usa-form" method="get" action="/payoff">
      <div class={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
        <label class={`usa-label${error ? ' usa-label--error' : ''}`} for="payoff-date">
          {t('acct.records.whatIf.label')}
        </label>
        <div class="usa-hint" id="payoff-date-hint">
          {t('acct.records.whatIf.hint', { latest: f.date(latest) })}
        </div>
        {error ? (
          <span class="usa-error-message" id="payoff-date-error" role="alert">
            {error}
          </span>
        ) : null}
        <input
          class={`usa-input usa-input--md${error ? ' usa-input--error' : ''}`}
          id="payoff-date"
          name="date"
          type="date"
          min={today}
          max={latest}
          value={state.value}
          required
          aria-describedby={described}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <button class="usa-button" type="submit">
        {t('acct.records.whatIf.submit')}
      </button>
    </form>
  );
}

export function NoticesTable({
  ctx,
  notices,
  showYear = true,
}: {
  ctx: PageContext;
  notices: Notice[];
  /** Off on a year's own page. */
  showYear?: boolean;
}) {
  const { t } = ctx;
  const f = recordsFormat(ctx.locale);
  return (
    <table class="usa-table usa-table--borderless width-full" data-notices>
      <thead>
        <tr>
          <th scope="col">{t('acct.records.col.date')}</th>
          <th scope="col">{t('acct.records.col.notice')}</th>
          <th scope="col">{t('acct.records.col.about')}</th>
        </tr>
      </thead>
      <tbody>
        {notices.map((n) => (
          <tr key={`${n.code}-${n.issuedDate}-${n.taxYear ?? ''}`}>
            <td>{f.date(n.issuedDate)}</td>
            <td>{n.code}</td>
            <td>
              {t(NOTICE_TITLES[n.code])}
              {n.taxYear === null || !showYear
                ? null
                : ` (${t('acct.records.taxYear', { year: n.taxYear })})`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReturnTable({ ctx, taxReturn }: { ctx: PageContext; taxReturn: TaxReturn }) {
  const { t } = ctx;
  const f = recordsFormat(ctx.locale);
  const balance = taxReturn.totalTaxCents - taxReturn.totalPaymentsCents;
  const rows: [MessageKey, string][] = [
    ['acct.records.return.filingStatus', t(`acct.records.filingStatus.${taxReturn.filingStatus}`)],
    ['acct.records.return.wages', f.money(taxReturn.wagesCents)],
    ['acct.records.return.agi', f.money(taxReturn.adjustedGrossIncomeCents)],
    ['acct.records.return.taxableIncome', f.money(taxReturn.taxableIncomeCents)],
    ['acct.records.return.totalTax', f.money(taxReturn.totalTaxCents)],
    ['acct.records.return.payments', f.money(taxReturn.totalPaymentsCents)],
    balance >= 0
      ? ['acct.records.return.owed', f.money(balance)]
      : ['acct.records.return.refund', f.money(-balance)],
  ];
  return (
    <table class="usa-table usa-table--borderless width-full">
      <caption>
        {t(
          taxReturn.kind === 'original'
            ? 'acct.records.year.originalReturn'
            : 'acct.records.year.amendedReturn',
          {
            date: f.date(taxReturn.receivedDate),
          },
        )}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('acct.records.col.item')}</th>
          <th scope="col" class="text-right">
            {t('acct.records.col.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{t(label)}</th>
            <td class={NUMBER_CELL}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface YearPageData {
  module: TaxModule;
  balance: YearBalance;
  informationReturns: InformationReturn[];
  notices: Notice[];
  asOf: string;
}

export function YearPage(ctx: PageContext, data: YearPageData) {
  const { t } = ctx;
  const f = recordsFormat(ctx.locale);
  const { module, balance } = data;
  const year = module.taxYear;
  const title = t('acct.records.taxYear', { year });
  const balanceRows: [MessageKey, number, string][] = [
    ['acct.records.col.tax', balance.taxCents, 'tax'],
    ['acct.records.year.failureToFile', balance.failureToFileCents, 'failureToFile'],
    ['acct.records.year.failureToPay', balance.failureToPayCents, 'failureToPay'],
    ['acct.records.col.interest', balance.interestCents, 'interest'],
  ];
  return (
    <AccountLayout ctx={ctx} title={title} signedIn>
      <p>
        <a href="/">{t('acct.records.backHome')}</a>
      </p>
      <h1>{title}</h1>
      <p class="usa-intro">
        {module.filedDate === null
          ? t('acct.records.year.leadNotFiled', { due: f.date(module.dueDate) })
          : t('acct.records.year.lead', { due: f.date(module.dueDate), filed: f.date(module.filedDate) })}
      </p>

      <h2>{t('acct.records.year.balanceTitle', { date: f.date(data.asOf) })}</h2>
      <table class="usa-table usa-table--borderless" data-year-balance>
        <thead>
          <tr>
            <th scope="col">{t('acct.records.col.item')}</th>
            <th scope="col" class="text-right">
              {t('acct.records.col.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {balanceRows.map(([label, cents, name]) => (
            <tr key={name}>
              <th scope="row">{t(label)}</th>
              <td class={NUMBER_CELL} data-cell={name}>
                {f.money(cents)}
              </td>
            </tr>
          ))}
          {balance.creditCents > 0 ? (
            <tr>
              <th scope="row">{t('acct.records.year.credit')}</th>
              <td class={NUMBER_CELL} data-cell="credit">
                {f.money(balance.creditCents)}
              </td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('acct.records.col.balance')}</th>
            <td class={`${NUMBER_CELL} text-bold`} data-cell="balance">
              {f.money(balance.balanceCents)}
            </td>
          </tr>
        </tfoot>
      </table>

      {module.returns.length > 0 ? (
        <>
          <h2>{t('acct.records.year.returnsTitle')}</h2>
          {module.returns
            .slice()
            .reverse()
            .map((r) => (
              <ReturnTable key={`${r.kind}-${r.receivedDate}`} ctx={ctx} taxReturn={r} />
            ))}
        </>
      ) : null}

      <h2>{t('acct.records.year.transactionsTitle')}</h2>
      {module.transactions.length === 0 ? (
        <p>{t('acct.records.year.noTransactions')}</p>
      ) : (
        <>
          <table class="usa-table usa-table--borderless width-full" data-transactions>
            <caption>{t('acct.records.year.transactionsCaption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('acct.records.col.date')}</th>
                <th scope="col">{t('acct.records.col.code')}</th>
                <th scope="col">{t('acct.records.col.description')}</th>
                <th scope="col" class="text-right">
                  {t('acct.records.col.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {module.transactions.map((tx, index) => (
                <tr key={index} data-code={String(tx.code)}>
                  <td>{f.date(tx.date)}</td>
                  <td>{transactionCode(ctx, tx)}</td>
                  <td>{describeTransaction(ctx, tx)}</td>
                  <td class={NUMBER_CELL}>{f.money(tx.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {module.transactions.some((tx) => tx.code === 166 || tx.code === 276 || tx.code === 196) ? (
            <p>{t('acct.records.year.assessedNote')}</p>
          ) : null}
        </>
      )}

      <h2>{t('acct.records.year.informationTitle')}</h2>
      {data.informationReturns.length === 0 ? (
        <p>{t('acct.records.year.noInformation')}</p>
      ) : (
        <table class="usa-table usa-table--borderless width-full" data-information-returns>
          <thead>
            <tr>
              <th scope="col">{t('acct.records.col.form')}</th>
              <th scope="col">{t('acct.records.col.payer')}</th>
              <th scope="col" class="text-right">
                {t('acct.records.col.income')}
              </th>
              <th scope="col" class="text-right">
                {t('acct.records.col.withheld')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.informationReturns.map((form, index) => (
              <tr key={index}>
                <td>{form.form}</td>
                <td>{form.payerName}</td>
                <td class={NUMBER_CELL}>{f.money(form.amountCents)}</td>
                <td class={NUMBER_CELL}>{f.money(form.withheldCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {data.notices.length > 0 ? (
        <>
          <h2>{t('acct.records.year.noticesTitle')}</h2>
          <NoticesTable ctx={ctx} notices={data.notices} showYear={false} />
        </>
      ) : null}
    </AccountLayout>
  );
}

export type PayoffPageData =
  | { kind: 'result'; date: string; years: YearBalance[]; payoffCents: number; today: string; latest: string }
  | { kind: 'error'; value: string; error: MessageKey; today: string; latest: string };

export function PayoffPage(ctx: PageContext, data: PayoffPageData) {
  const { t } = ctx;
  const f = recordsFormat(ctx.locale);
  const title =
    data.kind === 'result'
      ? t('acct.records.whatIf.resultTitle', { date: f.date(data.date) })
      : t('acct.records.whatIf.title');
  return (
    <AccountLayout ctx={ctx} title={title} signedIn>
      <p>
        <a href="/">{t('acct.records.backHome')}</a>
      </p>
      {data.kind === 'error' ? (
        <ErrorSummary
          title={t('acct.records.whatIf.errorTitle')}
          errors={[{ field: 'payoff-date', message: t(data.error, { example: data.today }) }]}
        />
      ) : null}
      <h1>{title}</h1>
      {data.kind === 'result' ? (
        <>
          <p class="usa-intro" data-payoff-on={data.date}>
            {data.payoffCents > 0
              ? t('acct.records.whatIf.resultLead', {
                  amount: f.money(data.payoffCents),
                  date: f.date(data.date),
                })
              : t('acct.records.whatIf.noBalance', { date: f.date(data.date) })}
          </p>
          {data.years.length > 0 ? (
            <BalanceTable ctx={ctx} years={data.years} asOf={data.date} linkYears />
          ) : null}
          <h2>{t('acct.records.whatIf.another')}</h2>
        </>
      ) : (
        <p>{t('acct.records.whatIf.lead')}</p>
      )}
      <PayoffDateForm
        ctx={ctx}
        today={data.today}
        latest={data.latest}
        state={
          data.kind === 'result'
            ? { value: data.date, error: undefined }
            : { value: data.value, error: data.error }
        }
      />
    </AccountLayout>
  );
}

const PROBLEM_TEXT: Record<LinkProblem, MessageKey> = {
  claims: 'acct.records.unmatched.claims',
  tin: 'acct.records.unmatched.tin',
  name: 'acct.records.unmatched.name',
  birthdate: 'acct.records.unmatched.birthdate',
  address: 'acct.records.unmatched.address',
};

/**
 * Signed in with a verified identity that does not match the agency's records: which
 * elements differ (never their values, never the number), what to do, and the other ways to
 * get help. Sign out is on the page, so it is never a dead end.
 */
export function UnmatchedRecordsPage(ctx: PageContext, problems: LinkProblem[]) {
  const { t } = ctx;
  return (
    <AccountLayout ctx={ctx} title={t('acct.records.unmatched.title')} signedIn>
      <h1>{t('acct.records.unmatched.title')}</h1>
      <p class="usa-intro">{t('acct.records.unmatched.lead')}</p>
      <h2>{t('acct.records.unmatched.reasonsTitle')}</h2>
      <ul class="usa-list" data-link-problems={problems.join(',')}>
        {problems.map((problem) => (
          <li key={problem}>{t(PROBLEM_TEXT[problem])}</li>
        ))}
      </ul>
      <p>{t('acct.records.unmatched.after')}</p>
      <h2>{t('acct.unverified.otherTitle')}</h2>
      <ul class="usa-list">
        <li>{t('acct.unverified.otherPhone')}</li>
        <li>{t('acct.unverified.otherMail')}</li>
        <li>{t('acct.unverified.otherInPerson')}</li>
      </ul>
      <form method="post" action="/sign-out">
        <CsrfField token={ctx.csrfToken} />
        <button class="usa-button usa-button--outline" type="submit">
          {t('acct.nav.signOut')}
        </button>
      </form>
    </AccountLayout>
  );
}

// The tax account's development-only pages: /dev/outbox (emails it "sent") and /dev/payments
// (what the development card processor and bank rails recorded, and the test cards and
// accounts to type to see each outcome). Registered only in development and test mode.
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { Layout } from '#platform/ui/layout.tsx';
import type { PageContext } from '#platform/ui/page-context.ts';
import type { ComponentChildren } from 'preact';
import type { DevBankDebitRecord, DevCardChargeRecord } from '../db/dev-payments-repo.ts';
import type { OutboxMessage } from '../db/outbox-repo.ts';
import type { CardDeclineReason } from '../payments/card-processor.ts';
import {
  DEV_EXAMPLE_ROUTING_NUMBER,
  DEV_TEST_BANK_ACCOUNTS,
  DEV_UNKNOWN_ROUTING_NUMBERS,
  devDebitSettlesOn,
  devDebitStatusOn,
} from '../payments/dev-bank-rails.ts';
import { DEV_TEST_CARDS, type DevCardOutcome } from '../payments/dev-card-processor.ts';
import { recordsFormat } from './records-format.ts';
import { OutboxMessages } from '#platform/ui/outbox-messages.tsx';

const BRAND: Record<string, MessageKey> = {
  visa: 'acct.dev.brand.visa',
  mastercard: 'acct.dev.brand.mastercard',
  amex: 'acct.dev.brand.amex',
  discover: 'acct.dev.brand.discover',
};

const DECLINE_REASON: Record<CardDeclineReason, MessageKey> = {
  card_declined: 'acct.dev.reason.cardDeclined',
  insufficient_funds: 'acct.dev.reason.insufficientFunds',
  expired_card: 'acct.dev.reason.expiredCard',
  incorrect_security_code: 'acct.dev.reason.incorrectSecurityCode',
  over_limit: 'acct.dev.reason.overLimit',
};

const ACCOUNT_TYPE: Record<string, MessageKey> = {
  checking: 'acct.dev.accountType.checking',
  savings: 'acct.dev.accountType.savings',
};

/** NACHA return codes of the test accounts, in words. */
const RETURN_CODE: Record<string, MessageKey> = {
  R01: 'acct.dev.return.insufficientFunds',
  R02: 'acct.dev.return.accountClosed',
  R03: 'acct.dev.return.noAccount',
};

function label(ctx: PageContext, keys: Record<string, MessageKey>, value: string): string {
  const key = keys[value];
  return key ? ctx.t(key) : value;
}

function DevLayout({
  ctx,
  title,
  children,
}: {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <Layout
      ctx={ctx}
      title={title}
      appName="acct.name"
      homeHref="/"
      devNotice
      nav={[
        { href: '/dev/outbox', label: ctx.t('acct.dev.nav.outbox') },
        { href: '/dev/payments', label: ctx.t('acct.dev.nav.payments') },
      ]}
    >
      {children}
    </Layout>
  );
}

export function DevOutboxPage(ctx: PageContext, messages: readonly OutboxMessage[]) {
  const { t } = ctx;
  return (
    <DevLayout ctx={ctx} title={t('acct.dev.outbox.title')}>
      <h1>{t('acct.dev.outbox.title')}</h1>
      <p class="usa-intro">{t('acct.dev.outbox.lead')}</p>
      <OutboxMessages
        messages={messages}
        empty={t('acct.dev.outbox.empty')}
        channelLabel={() => t('acct.dev.outbox.email')}
        labels={{ to: t('acct.dev.outbox.to'), sent: t('acct.dev.outbox.sent') }}
      />
    </DevLayout>
  );
}

export interface DevPaymentsPageData {
  charges: readonly DevCardChargeRecord[];
  debits: readonly DevBankDebitRecord[];
  /** The agency's date: what a pending debit's status() would answer today. */
  today: string;
}

function cardResult(ctx: PageContext, result: DevCardOutcome): string {
  if (result.outcome === 'approved') return ctx.t('acct.dev.result.approved');
  if (result.outcome === 'error') return ctx.t('acct.dev.result.error');
  return ctx.t('acct.dev.result.declined', { reason: ctx.t(DECLINE_REASON[result.reason]) });
}

function chargeResult(ctx: PageContext, charge: DevCardChargeRecord): string {
  const reason = Object.keys(DECLINE_REASON).find((r) => r === charge.reason) as
    CardDeclineReason | undefined;
  if (charge.outcome === 'declined' && reason) return cardResult(ctx, { outcome: 'declined', reason });
  return cardResult(ctx, charge.outcome === 'approved' ? { outcome: 'approved' } : { outcome: 'error' });
}

function debitStatus(ctx: PageContext, debit: DevBankDebitRecord, today: string): string {
  const { t } = ctx;
  if (debit.outcome === 'settled') return t('acct.dev.debit.settled');
  if (debit.outcome === 'returned') return t('acct.dev.debit.returned', { code: debit.returnCode ?? '' });
  let status;
  try {
    status = devDebitStatusOn(debit.effectiveDate, debit.returnCode, today);
  } catch {
    status = { state: 'pending' } as const; // a date outside the holiday calendar
  }
  if (status.state === 'settled') return t('acct.dev.debit.settled');
  if (status.state === 'returned') return t('acct.dev.debit.returned', { code: status.returnCode });
  return debit.returnCode
    ? t('acct.dev.debit.pendingReturn', { code: debit.returnCode })
    : t('acct.dev.debit.pending');
}

function settlesOn(debit: DevBankDebitRecord): string | undefined {
  try {
    return devDebitSettlesOn(debit.effectiveDate);
  } catch {
    return undefined;
  }
}

export function DevPaymentsPage(ctx: PageContext, data: DevPaymentsPageData) {
  const { t, locale } = ctx;
  const f = recordsFormat(locale);
  return (
    <DevLayout ctx={ctx} title={t('acct.dev.payments.title')}>
      <h1>{t('acct.dev.payments.title')}</h1>
      <p class="usa-intro">{t('acct.dev.payments.lead')}</p>

      <h2>{t('acct.dev.payments.charges.title')}</h2>
      {data.charges.length === 0 ? (
        <p>{t('acct.dev.payments.charges.none')}</p>
      ) : (
        <table class="usa-table usa-table--borderless width-full" data-dev-card-charges>
          <caption>{t('acct.dev.payments.charges.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('acct.dev.col.recorded')}</th>
              <th scope="col">{t('acct.dev.col.card')}</th>
              <th scope="col" class="text-right">
                {t('acct.dev.col.amount')}
              </th>
              <th scope="col" class="text-right">
                {t('acct.dev.col.fee')}
              </th>
              <th scope="col">{t('acct.dev.col.result')}</th>
              <th scope="col">{t('acct.dev.col.reference')}</th>
            </tr>
          </thead>
          <tbody>
            {data.charges.map((charge) => (
              <tr key={charge.idempotencyKey} data-outcome={charge.outcome}>
                <th scope="row">{charge.createdAt.toISOString()}</th>
                <td>{t('acct.dev.card', { brand: label(ctx, BRAND, charge.brand), last4: charge.last4 })}</td>
                <td class="text-right text-tabular">{f.money(charge.amountCents)}</td>
                <td class="text-right text-tabular">{f.money(charge.feeCents)}</td>
                <td>{chargeResult(ctx, charge)}</td>
                <td>
                  <code>{charge.chargeId}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('acct.dev.payments.debits.title')}</h2>
      {data.debits.length === 0 ? (
        <p>{t('acct.dev.payments.debits.none')}</p>
      ) : (
        <table class="usa-table usa-table--borderless width-full" data-dev-bank-debits>
          <caption>{t('acct.dev.payments.debits.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('acct.dev.col.recorded')}</th>
              <th scope="col">{t('acct.dev.col.account')}</th>
              <th scope="col">{t('acct.dev.col.routing')}</th>
              <th scope="col" class="text-right">
                {t('acct.dev.col.amount')}
              </th>
              <th scope="col">{t('acct.dev.col.paymentDate')}</th>
              <th scope="col">{t('acct.dev.col.settlesOn')}</th>
              <th scope="col">{t('acct.dev.col.status')}</th>
              <th scope="col">{t('acct.dev.col.reference')}</th>
            </tr>
          </thead>
          <tbody>
            {data.debits.map((debit) => {
              const settles = settlesOn(debit);
              return (
                <tr key={debit.idempotencyKey} data-outcome={debit.outcome}>
                  <th scope="row">{debit.createdAt.toISOString()}</th>
                  <td>
                    {t('acct.dev.account', {
                      type: label(ctx, ACCOUNT_TYPE, debit.accountType),
                      last4: debit.accountLast4,
                    })}
                  </td>
                  <td>{debit.routingNumber}</td>
                  <td class="text-right text-tabular">{f.money(debit.amountCents)}</td>
                  <td>{f.date(debit.effectiveDate)}</td>
                  <td>{settles ? f.date(settles) : ''}</td>
                  <td>{debitStatus(ctx, debit, data.today)}</td>
                  <td>
                    <code>{debit.traceNumber}</code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2>{t('acct.dev.testCards.title')}</h2>
      <p>{t('acct.dev.testCards.lead')}</p>
      <table class="usa-table usa-table--borderless width-full" data-dev-test-cards>
        <caption>{t('acct.dev.testCards.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('acct.dev.col.number')}</th>
            <th scope="col">{t('acct.dev.col.brand')}</th>
            <th scope="col">{t('acct.dev.col.result')}</th>
          </tr>
        </thead>
        <tbody>
          {DEV_TEST_CARDS.map((card) => (
            <tr key={card.number}>
              <th scope="row" class="text-tabular text-no-wrap">
                {card.display}
              </th>
              <td>{label(ctx, BRAND, card.brand)}</td>
              <td>{cardResult(ctx, card.result)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('acct.dev.testAccounts.title')}</h2>
      <p>
        {t('acct.dev.testAccounts.lead', {
          routing: DEV_EXAMPLE_ROUTING_NUMBER,
          unknown: DEV_UNKNOWN_ROUTING_NUMBERS.map((r) => r.routingNumber).join(', '),
        })}
      </p>
      <table class="usa-table usa-table--borderless width-full" data-dev-test-accounts>
        <caption>{t('acct.dev.testAccounts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('acct.dev.col.startsWith')}</th>
            <th scope="col">{t('acct.dev.col.example')}</th>
            <th scope="col">{t('acct.dev.col.result')}</th>
          </tr>
        </thead>
        <tbody>
          {DEV_TEST_BANK_ACCOUNTS.map((account) => (
            <tr key={account.prefix}>
              <th scope="row" class="text-tabular">
                {account.prefix}
              </th>
              <td class="text-tabular">{account.example}</td>
              <td>
                {account.result.state === 'returned'
                  ? t(RETURN_CODE[account.result.returnCode] ?? 'acct.dev.return.other', {
                      code: account.result.returnCode,
                    })
                  : t('acct.dev.return.railsUnavailable')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </DevLayout>
  );
}

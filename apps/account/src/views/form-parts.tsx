// Form parts shared by the tax account's journeys (payments, payment plans): the radio group
// (now in the platform's components), the bank account fields, and the signed-in page
// frame. Errors come in
// already translated, so each journey keeps its own way of naming problems.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '#platform/ui/page-context.ts';
import { RadioGroup, TextField } from '#platform/ui/components.tsx';
export { FieldErrorText, RadioGroup, type RadioOption } from '#platform/ui/components.tsx';
import { AccountLayout } from './account-layout.tsx';

/** A signed-in page of the tax account. */
export function SignedInPage({
  ctx,
  title,
  children,
}: {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <AccountLayout ctx={ctx} title={title} signedIn>
      {children}
    </AccountLayout>
  );
}

export type BankField = 'routingNumber' | 'accountType' | 'accountNumber' | 'accountNumberAgain';

/**
 * Routing number, checking or savings, and the account number typed twice (the second entry is
 * never filled back in). `error` gives a field's translated error, if any.
 */
export function BankAccountFields({
  ctx,
  values,
  error,
}: {
  ctx: PageContext;
  values: { routingNumber: string; accountType: string; accountNumber: string };
  error: (field: BankField) => string | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <TextField
        name="routingNumber"
        label={t('acct.pay.bank.routing')}
        hint={t('acct.pay.bank.routingHint')}
        value={values.routingNumber}
        error={error('routingNumber')}
        inputMode="numeric"
        maxLength={11}
        autocomplete="off"
      />
      <RadioGroup
        name="accountType"
        legend={t('acct.pay.bank.accountType')}
        value={values.accountType}
        error={error('accountType')}
        options={[
          { value: 'checking', label: t('acct.pay.accountType.checking') },
          { value: 'savings', label: t('acct.pay.accountType.savings') },
        ]}
      />
      <TextField
        name="accountNumber"
        label={t('acct.pay.bank.account')}
        hint={t('acct.pay.bank.accountHint')}
        value={values.accountNumber}
        error={error('accountNumber')}
        inputMode="numeric"
        maxLength={21}
        autocomplete="off"
      />
      <TextField
        name="accountNumberAgain"
        label={t('acct.pay.bank.accountAgain')}
        error={error('accountNumberAgain')}
        inputMode="numeric"
        maxLength={21}
        autocomplete="off"
      />
    </>
  );
}

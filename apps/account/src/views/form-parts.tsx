// Form parts shared by the tax account's journeys (payments, payment plans): a USWDS radio
// group whose error is linked to its fieldset, the bank account fields, and the signed-in page
// frame. Errors come in
// already translated, so each journey keeps its own way of naming problems.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '#platform/ui/page-context.ts';
import { TextField } from '#platform/ui/components.tsx';
import { AccountLayout } from './account-layout.tsx';

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
  disabled?: boolean;
}

export function FieldErrorText({ name, error }: { name: string; error: string | undefined }) {
  return error ? (
    <span class="usa-error-message" id={`${name}-error`} role="alert">
      {error}
    </span>
  ) : null;
}

export function RadioGroup({
  name,
  legend,
  hint,
  options,
  value,
  error,
}: {
  name: string;
  legend: string;
  hint?: string | undefined;
  options: RadioOption[];
  value: string | undefined;
  error: string | undefined;
}) {
  const described =
    [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <fieldset class="usa-fieldset" id={name} aria-describedby={described}>
        <legend class="usa-legend">{legend}</legend>
        {hint ? (
          <div class="usa-hint" id={`${name}-hint`}>
            {hint}
          </div>
        ) : null}
        <FieldErrorText name={name} error={error} />
        {options.map((o, i) => (
          <div class="usa-radio" key={o.value}>
            <input
              class="usa-radio__input usa-radio__input--tile"
              id={`${name}-${i}`}
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={o.disabled}
            />
            <label class="usa-radio__label" for={`${name}-${i}`}>
              {o.label}
              {o.hint ? <span class="usa-checkbox__label-description">{o.hint}</span> : null}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

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

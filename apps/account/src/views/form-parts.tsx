// Form parts shared by the tax account's journeys (payments, payment plans): a USWDS radio
// group whose error is linked to its fieldset, and the signed-in page frame. Errors come in
// already translated, so each journey keeps its own way of naming problems.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '#platform/ui/page-context.ts';
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

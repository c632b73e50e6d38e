// Small USWDS form components. Errors are linked to their fields (aria-describedby) and
// summarised at the top of the form, as USWDS and WCAG recommend.
import type { ComponentChildren } from 'preact';

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export interface FieldError {
  field: string;
  message: string;
}

export function ErrorSummary({ title, errors }: { title: string; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="usa-alert usa-alert--error" role="alert">
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading">{title}</h2>
        <ul class="usa-list">
          {errors.map((error) => (
            <li key={error.field}>
              <a href={`#${error.field}`}>{error.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export interface TextFieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string;
  hint?: string;
  error?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  /** Opts the input into the client-side password strength meter (progressive enhancement). */
  strengthMeter?: boolean;
}

export function TextField({
  name,
  label,
  type = 'text',
  value,
  hint,
  error,
  autocomplete,
  required,
  maxLength,
  inputMode,
  strengthMeter,
}: TextFieldProps) {
  const described =
    [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <label class={`usa-label${error ? ' usa-label--error' : ''}`} for={name}>
        {label}
      </label>
      {hint ? (
        <div class="usa-hint" id={`${name}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span class="usa-error-message" id={`${name}-error`} role="alert">
          {error}
        </span>
      ) : null}
      <input
        class={`usa-input${error ? ' usa-input--error' : ''}`}
        id={name}
        name={name}
        type={type as 'text'}
        value={type === 'password' ? undefined : value}
        autocomplete={autocomplete}
        required={required}
        maxLength={maxLength}
        inputMode={inputMode}
        data-password-strength={strengthMeter ? '' : undefined}
        aria-describedby={described}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function Alert({
  kind,
  heading,
  children,
}: {
  kind: 'info' | 'success' | 'warning' | 'error';
  heading?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={`usa-alert usa-alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div class="usa-alert__body">
        {heading ? <h2 class="usa-alert__heading">{heading}</h2> : null}
        <div class="usa-alert__text">{children}</div>
      </div>
    </div>
  );
}

/** A USWDS radio group whose error is linked to its fieldset. */
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

/** One checkbox the person must tick ("I agree", "I saved it"), with its error linked to it. */
export function RequiredCheckbox({
  name,
  label,
  error,
}: {
  name: string;
  label: string;
  error: string | undefined;
}) {
  return (
    <div class={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <FieldErrorText name={name} error={error} />
      <div class="usa-checkbox">
        <input
          class="usa-checkbox__input"
          id={name}
          type="checkbox"
          name={name}
          value="yes"
          aria-describedby={error ? `${name}-error` : undefined}
        />
        <label class="usa-checkbox__label" for={name}>
          {label}
        </label>
      </div>
    </div>
  );
}

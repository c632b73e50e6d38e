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

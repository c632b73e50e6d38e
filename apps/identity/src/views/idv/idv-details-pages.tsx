// Personal details (prefilled from the ID; the SSN or ITIN masked with a show/hide control), then
// confirming the address with a code by text message or by mailed letter.
import type { PageContext } from '#platform/ui/page-context.ts';
import {
  Alert,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  TextField,
  type FieldError,
} from '#platform/ui/components.tsx';
import type { DetailsForm } from '../../verification/flow/personal-details.ts';
import { IdvFrame } from './idv-frame.tsx';

function DateOfBirthFields({
  ctx,
  form,
  error,
}: {
  ctx: PageContext;
  form: Partial<DetailsForm>;
  error?: string | undefined;
}) {
  const { t } = ctx;
  const part = (name: 'dobMonth' | 'dobDay' | 'dobYear', label: string, size: number, max: number) => (
    <div
      class={`usa-form-group usa-form-group--${name === 'dobYear' ? 'year' : name === 'dobDay' ? 'day' : 'month'}`}
    >
      <label class="usa-label" for={name}>
        {label}
      </label>
      <input
        class={`usa-input${error ? ' usa-input--error' : ''}`}
        id={name}
        name={name}
        type="text"
        inputMode="numeric"
        maxLength={max}
        size={size}
        value={form[name] ?? ''}
        autocomplete={name === 'dobYear' ? 'bday-year' : name === 'dobDay' ? 'bday-day' : 'bday-month'}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
  return (
    <fieldset class={`usa-fieldset usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <legend class="usa-legend">{t('idv.details.dob')}</legend>
      <span class="usa-hint" id="dob-hint">
        {t('idv.details.dobHint')}
      </span>
      {error ? (
        <span class="usa-error-message" id="dob-error" role="alert">
          {error}
        </span>
      ) : null}
      <div class="usa-memorable-date">
        {part('dobMonth', t('idv.details.month'), 2, 2)}
        {part('dobDay', t('idv.details.day'), 2, 2)}
        {part('dobYear', t('idv.details.year'), 4, 4)}
      </div>
    </fieldset>
  );
}

export function IdvDetailsPage(
  ctx: PageContext,
  props: { form: Partial<DetailsForm>; errors: FieldError[]; notice?: string | undefined },
) {
  const { t } = ctx;
  const { form } = props;
  const err = (field: string) => props.errors.find((e) => e.field === field)?.message;
  return (
    <IdvFrame ctx={ctx} title={t('idv.details.title')} stage={2} scripts={['/assets/idv-reveal.js']}>
      <h1>{t('idv.details.title')}</h1>
      <p class="usa-intro">{t('idv.details.lead')}</p>
      {props.notice ? <Alert kind="error">{props.notice}</Alert> : null}
      <ErrorSummary title={t('common.fixErrors')} errors={props.errors} />
      <form class="usa-form usa-form--large" method="post" action="/verify/details" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="givenName"
          label={t('idv.details.givenName')}
          value={form.givenName}
          error={err('givenName')}
          autocomplete="given-name"
          maxLength={64}
        />
        <TextField
          name="familyName"
          label={t('idv.details.familyName')}
          value={form.familyName}
          error={err('familyName')}
          autocomplete="family-name"
          maxLength={64}
        />
        <DateOfBirthFields ctx={ctx} form={form} error={err('dobMonth')} />
        <RadioGroup
          name="tinType"
          legend={t('idv.details.tinType')}
          value={form.tinType}
          error={err('tinType')}
          options={[
            { value: 'ssn', label: t('idv.details.ssn') },
            { value: 'itin', label: t('idv.details.itin') },
          ]}
        />
        <div class={`usa-form-group${err('tin') ? ' usa-form-group--error' : ''}`}>
          <label class="usa-label" for="tin">
            {t('idv.details.tin')}
          </label>
          <span class="usa-hint" id="tin-hint">
            {t('idv.details.tinHint')}
          </span>
          {err('tin') ? (
            <span class="usa-error-message" id="tin-error" role="alert">
              {err('tin')}
            </span>
          ) : null}
          <input
            class={`usa-input${err('tin') ? ' usa-input--error' : ''}`}
            id="tin"
            name="tin"
            type="password"
            inputMode="numeric"
            autocomplete="off"
            maxLength={11}
            aria-describedby={`tin-hint${err('tin') ? ' tin-error' : ''}`}
            aria-invalid={err('tin') ? 'true' : undefined}
          />
          <div class="usa-checkbox" data-reveal-for="tin" hidden>
            <input class="usa-checkbox__input" id="tin-show" type="checkbox" aria-controls="tin" />
            <label class="usa-checkbox__label" for="tin-show">
              {t('idv.details.showTin')}
            </label>
          </div>
        </div>
        <fieldset class="usa-fieldset">
          <legend class="usa-legend usa-legend--large">{t('idv.details.addressHeading')}</legend>
          <span class="usa-hint">{t('idv.details.addressHint')}</span>
          <TextField
            name="street"
            label={t('idv.details.street')}
            value={form.street}
            error={err('street')}
            autocomplete="address-line1"
            maxLength={120}
          />
          <TextField
            name="street2"
            label={t('idv.details.street2')}
            value={form.street2}
            autocomplete="address-line2"
            maxLength={120}
          />
          <TextField
            name="city"
            label={t('idv.details.city')}
            value={form.city}
            error={err('city')}
            autocomplete="address-level2"
            maxLength={64}
          />
          <TextField
            name="state"
            label={t('idv.details.state')}
            value={form.state}
            error={err('state')}
            autocomplete="address-level1"
            maxLength={2}
          />
          <TextField
            name="postalCode"
            label={t('idv.details.postalCode')}
            value={form.postalCode}
            error={err('postalCode')}
            autocomplete="postal-code"
            inputMode="numeric"
            maxLength={10}
          />
        </fieldset>
        <p>{t('idv.details.checking')}</p>
        <button class="usa-button usa-button--big" type="submit">
          {t('idv.details.submit')}
        </button>
      </form>
    </IdvFrame>
  );
}

export function IdvAddressPage(
  ctx: PageContext,
  props: {
    address: string;
    method?: string | undefined;
    phone?: string | undefined;
    error?: string | undefined;
    phoneError?: string | undefined;
  },
) {
  const { t } = ctx;
  const errors = [
    ...(props.error ? [{ field: 'method', message: props.error }] : []),
    ...(props.phoneError ? [{ field: 'phone', message: props.phoneError }] : []),
  ];
  return (
    <IdvFrame ctx={ctx} title={t('idv.address.title')} stage={3}>
      <h1>{t('idv.address.title')}</h1>
      <p class="usa-intro">{t('idv.address.lead', { address: props.address })}</p>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      <form class="usa-form usa-form--large" method="post" action="/verify/address" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <RadioGroup
          name="method"
          legend={t('idv.address.title')}
          value={props.method}
          error={props.error}
          options={[
            { value: 'phone', label: t('idv.address.byPhone'), hint: t('idv.address.byPhoneHint') },
            { value: 'mail', label: t('idv.address.byMail'), hint: t('idv.address.byMailHint') },
          ]}
        />
        <TextField
          name="phone"
          label={t('idv.address.phoneLabel')}
          hint={t('idv.handoff.phoneHint')}
          value={props.phone}
          error={props.phoneError}
          inputMode="tel"
          autocomplete="tel"
          maxLength={20}
        />
        <button class="usa-button usa-button--big" type="submit">
          {t('idv.continue')}
        </button>
      </form>
    </IdvFrame>
  );
}

export function IdvCodePage(
  ctx: PageContext,
  props: { by: 'phone' | 'mail'; lead: string; error?: string | undefined; notice?: string | undefined },
) {
  const { t } = ctx;
  return (
    <IdvFrame ctx={ctx} title={t('idv.code.title')} stage={3}>
      <h1>{t('idv.code.title')}</h1>
      <p class="usa-intro">{props.lead}</p>
      {props.notice ? <Alert kind="success">{props.notice}</Alert> : null}
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={props.error ? [{ field: 'code', message: props.error }] : []}
      />
      <form class="usa-form" method="post" action="/verify/address/code" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="code"
          label={t('idv.code.label')}
          hint={t(props.by === 'phone' ? 'idv.code.phoneHint' : 'idv.code.mailHint')}
          error={props.error}
          autocomplete="one-time-code"
          inputMode={props.by === 'phone' ? 'numeric' : 'text'}
          maxLength={20}
        />
        <button class="usa-button usa-button--big" type="submit">
          {t('idv.code.submit')}
        </button>
      </form>
      <form method="post" action="/verify/address/resend" class="margin-top-2">
        <CsrfField token={ctx.csrfToken} />
        <button class="usa-button usa-button--outline" type="submit">
          {t(props.by === 'phone' ? 'idv.code.resendPhone' : 'idv.code.resendMail')}
        </button>
      </form>
      <form method="post" action="/verify/address/switch" class="margin-top-2">
        <CsrfField token={ctx.csrfToken} />
        <button class="usa-button usa-button--unstyled" type="submit">
          {t('idv.code.switch')}
        </button>
      </form>
    </IdvFrame>
  );
}

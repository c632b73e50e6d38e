// The first identity-verification pages: welcome and consent, how to add the ID (this device,
// the phone, or a video call once one exists), the phone hand-off, and the choice of ID.
import type { PageContext } from '#platform/ui/page-context.ts';
import {
  Alert,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  RequiredCheckbox,
  TextField,
} from '#platform/ui/components.tsx';
import { DOCUMENT_TYPES, type DocumentType } from '../../verification/engine/idv-decision.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';

const DOCUMENT_TYPE_LABEL: Record<DocumentType, MessageKey> = {
  'drivers-license': 'idv.idType.drivers_license',
  'state-id': 'idv.idType.state_id',
  passport: 'idv.idType.passport',
  'passport-card': 'idv.idType.passport_card',
};
import { IdvFrame } from './idv-frame.tsx';

export function IdvWelcomePage(
  ctx: PageContext,
  props: { agencyName?: string | undefined; error?: boolean; cancelAction?: string | undefined },
) {
  const { t } = ctx;
  const error = props.error ? t('idv.welcome.consentRequired') : undefined;
  return (
    <IdvFrame ctx={ctx} title={t('idv.welcome.title')} stage={0}>
      <h1>{t('idv.welcome.title')}</h1>
      {props.agencyName ? (
        <p class="usa-intro">{t('idv.welcome.agency', { agency: props.agencyName })}</p>
      ) : null}
      <p>{t('idv.welcome.lead')}</p>
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={error ? [{ field: 'consent', message: error }] : []}
      />
      <h2>{t('idv.welcome.needHeading')}</h2>
      <ul class="usa-list">
        <li>{t('idv.welcome.needId')}</li>
        <li>{t('idv.welcome.needSsn')}</li>
        <li>{t('idv.welcome.needPhone')}</li>
        <li>{t('idv.welcome.needCamera')}</li>
      </ul>
      <p>
        <a class="usa-link" href="/verify/help">
          {t('idv.welcome.cannotPhoto')}
        </a>
      </p>
      <h2>{t('idv.welcome.collectHeading')}</h2>
      <p>{t('idv.welcome.collectBody')}</p>
      <h2>{t('idv.welcome.protectHeading')}</h2>
      <p>{t('idv.welcome.protectBody')}</p>
      <form class="usa-form usa-form--large" method="post" action="/verify" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <RequiredCheckbox name="consent" label={t('idv.welcome.consent')} error={error} />
        <button class="usa-button usa-button--big" type="submit">
          {t('idv.continue')}
        </button>
      </form>
      {props.cancelAction ? <GiveUpButton ctx={ctx} action={props.cancelAction} /> : null}
    </IdvFrame>
  );
}

/** Leaves the journey and tells the agency (an OIDC error with the code, if any). */
export function GiveUpButton({ ctx, action, code }: { ctx: PageContext; action: string; code?: number }) {
  return (
    <form method="post" action={action} class="margin-top-2">
      <CsrfField token={ctx.csrfToken} />
      {code ? <input type="hidden" name="code" value={String(code)} /> : null}
      <button class="usa-button usa-button--unstyled" type="submit">
        {ctx.t('idv.cancel')}
      </button>
    </form>
  );
}

export function IdvHowPage(ctx: PageContext, props: { videoAvailable: boolean; error?: boolean }) {
  const { t } = ctx;
  const error = props.error ? t('idv.how.required') : undefined;
  return (
    <IdvFrame ctx={ctx} title={t('idv.how.title')} stage={1} backHref="/verify">
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={error ? [{ field: 'method', message: error }] : []}
      />
      <form class="usa-form usa-form--large" method="post" action="/verify/how" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h1>{t('idv.how.title')}</h1>
        <RadioGroup
          name="method"
          legend={t('idv.how.title')}
          value={undefined}
          error={error}
          options={[
            { value: 'this-device', label: t('idv.how.thisDevice'), hint: t('idv.how.thisDeviceHint') },
            { value: 'phone', label: t('idv.how.phone'), hint: t('idv.how.phoneHint') },
            {
              value: 'video',
              label: t('idv.how.video'),
              hint: props.videoAvailable ? '' : t('idv.how.videoUnavailable'),
              disabled: !props.videoAvailable,
            },
          ]}
        />
        <button class="usa-button usa-button--big" type="submit">
          {t('idv.continue')}
        </button>
      </form>
    </IdvFrame>
  );
}

export function IdvHandoffPage(
  ctx: PageContext,
  props: {
    qrSvgDataUrl: string;
    sentTo?: string;
    phone?: string;
    error?: string;
    opened: boolean;
    analysing: boolean;
  },
) {
  const { t } = ctx;
  return (
    <IdvFrame ctx={ctx} title={t('idv.handoff.title')} stage={1} scripts={['/assets/idv-poll.js']}>
      <h1>{t('idv.handoff.title')}</h1>
      <p class="usa-intro">{t('idv.handoff.lead')}</p>
      <img src={props.qrSvgDataUrl} alt={t('idv.handoff.qrAlt')} width={220} height={220} class="idv-qr" />
      <div data-idv-poll="/verify/status" class="margin-y-2">
        <p data-idv-poll-status aria-live="polite" class="text-bold">
          {props.analysing
            ? t('idv.handoff.analysing')
            : props.opened
              ? t('idv.handoff.opened')
              : t('idv.handoff.waiting')}
        </p>
        <p data-idv-poll-timeout hidden>
          {t('idv.processing.timeout')}
        </p>
      </div>
      {props.sentTo ? <Alert kind="success">{t('idv.handoff.sent', { phone: props.sentTo })}</Alert> : null}
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={props.error ? [{ field: 'phone', message: props.error }] : []}
      />
      <form class="usa-form" method="post" action="/verify/handoff/send" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="phone"
          type="text"
          inputMode="tel"
          autocomplete="tel"
          label={t('idv.handoff.phoneLabel')}
          hint={t('idv.handoff.phoneHint')}
          value={props.phone}
          error={props.error}
        />
        <button class="usa-button" type="submit">
          {t('idv.handoff.send')}
        </button>
      </form>
      <p>
        <a class="usa-button usa-button--outline" href="/verify/handoff">
          {t('idv.handoff.checkAgain')}
        </a>
      </p>
      <form method="post" action="/verify/how">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="method" value="this-device" />
        <button class="usa-button usa-button--unstyled" type="submit">
          {t('idv.handoff.useThisDevice')}
        </button>
      </form>
    </IdvFrame>
  );
}

export function IdvIdTypePage(
  ctx: PageContext,
  props: {
    action: string;
    value?: string | undefined;
    error?: boolean;
    signedIn?: boolean;
    backHref?: string;
  },
) {
  const { t } = ctx;
  const error = props.error ? t('idv.idType.required') : undefined;
  return (
    <IdvFrame
      ctx={ctx}
      title={t('idv.idType.title')}
      stage={1}
      backHref={props.backHref}
      signedIn={props.signedIn}
    >
      <ErrorSummary title={t('common.fixErrors')} errors={error ? [{ field: 'type', message: error }] : []} />
      <h1>{t('idv.idType.title')}</h1>
      <form class="usa-form usa-form--large" method="post" action={props.action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <RadioGroup
          name="type"
          legend={t('idv.idType.title')}
          hint={t('idv.idType.lead')}
          value={props.value}
          error={error}
          options={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(DOCUMENT_TYPE_LABEL[type]) }))}
        />
        <button class="usa-button usa-button--big" type="submit">
          {t('idv.continue')}
        </button>
      </form>
    </IdvFrame>
  );
}

// Capturing the ID and the selfie: plain multipart forms with file inputs (they work without
// JavaScript, and `capture` opens the camera on phones), enhanced by /assets/idv-capture.js with a
// live camera view, a framing guide and automatic capture; then the analysis progress page.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '#platform/ui/page-context.ts';
import { Alert, CsrfField, ErrorSummary, type FieldError } from '#platform/ui/components.tsx';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import type { DocumentType } from '../../verification/engine/idv-decision.ts';
import { IdvFrame } from './idv-frame.tsx';

const ACCEPT = 'image/jpeg,image/png,image/webp';

function cameraLabels(ctx: PageContext) {
  const { t } = ctx;
  return {
    'data-label-use-camera': t('idv.camera.useCamera'),
    'data-label-take': t('idv.camera.take'),
    'data-label-retake': t('idv.camera.retake'),
    'data-label-hold-steady': t('idv.camera.holdSteady'),
    'data-label-captured': t('idv.camera.captured'),
    'data-label-camera-denied': t('idv.camera.denied'),
    'data-label-too-blurry': t('idv.camera.tooBlurry'),
  };
}

function CaptureField(props: {
  side: 'front' | 'back' | 'selfie';
  label: string;
  hint: string;
  error: string | undefined;
  guide: 'card' | 'passport' | 'face';
}) {
  const { side } = props;
  const selfie = side === 'selfie';
  const described = [`${side}-hint`, props.error ? `${side}-error` : ''].filter(Boolean).join(' ');
  return (
    <div
      class={`idv-capture usa-form-group${props.error ? ' usa-form-group--error' : ''}`}
      data-side={side}
      data-facing={selfie ? 'user' : 'environment'}
      data-guide={props.guide}
      data-frames={selfie ? '3' : undefined}
    >
      <label class="usa-label" for={side}>
        {props.label}
      </label>
      <span class="usa-hint" id={`${side}-hint`}>
        {props.hint}
      </span>
      {props.error ? (
        <span class="usa-error-message" id={`${side}-error`} role="alert">
          {props.error}
        </span>
      ) : null}
      <input
        class="usa-file-input"
        type="file"
        id={side}
        name={side}
        accept={ACCEPT}
        capture={selfie ? 'user' : 'environment'}
        multiple={selfie}
        aria-describedby={described}
      />
    </div>
  );
}

/** A multipart photo form that idv-capture.js enhances with the camera (labels in the page's language). */
function CaptureForm({
  ctx,
  action,
  submit,
  children,
}: {
  ctx: PageContext;
  action: string;
  submit: string;
  children: ComponentChildren;
}) {
  return (
    <form
      class="usa-form usa-form--large"
      method="post"
      action={action}
      enctype="multipart/form-data"
      novalidate
      data-idv-capture
      {...cameraLabels(ctx)}
    >
      <CsrfField token={ctx.csrfToken} />
      {children}
      <button class="usa-button usa-button--big" type="submit">
        {submit}
      </button>
    </form>
  );
}

/** The engine's reason for a retake, in the person's language. */
export function retakeMessage(ctx: PageContext, reason: string | null | undefined): string {
  const key = `idv.retake.${reason ?? 'generic'}` as MessageKey;
  const text = ctx.t(key);
  return text === key ? ctx.t('idv.retake.generic') : text;
}

export function IdvDocumentPage(
  ctx: PageContext,
  props: {
    action: string;
    type: DocumentType;
    retakeReason?: string | null | undefined;
    attemptsLeft?: number | undefined;
    errors: FieldError[];
    signedIn?: boolean;
    changeTypeHref: string;
  },
) {
  const { t } = ctx;
  const passport = props.type === 'passport';
  const errorFor = (field: string) => props.errors.find((e) => e.field === field)?.message;
  return (
    <IdvFrame
      ctx={ctx}
      title={t('idv.document.title')}
      stage={1}
      scripts={['/assets/idv-capture.js']}
      signedIn={props.signedIn}
      backHref={props.changeTypeHref}
    >
      <h1>{t('idv.document.title')}</h1>
      {props.retakeReason ? (
        <Alert kind="warning" heading={t('idv.document.retakeHeading')}>
          <p>{retakeMessage(ctx, props.retakeReason)}</p>
          <p>{t('idv.retake.allAgain')}</p>
          {props.attemptsLeft !== undefined ? (
            <p>{t('idv.document.attemptsLeft', { count: props.attemptsLeft })}</p>
          ) : null}
        </Alert>
      ) : null}
      <p class="usa-intro">{t('idv.document.lead')}</p>
      <ErrorSummary title={t('common.fixErrors')} errors={props.errors} />
      <CaptureForm ctx={ctx} action={props.action} submit={t('idv.continue')}>
        <CaptureField
          side="front"
          guide={passport ? 'passport' : 'card'}
          label={t(passport ? 'idv.document.passportPage' : 'idv.document.front')}
          hint={t(passport ? 'idv.document.passportPageHint' : 'idv.document.frontHint')}
          error={errorFor('front')}
        />
        {passport ? null : (
          <CaptureField
            side="back"
            guide="card"
            label={t('idv.document.back')}
            hint={t('idv.document.backHint')}
            error={errorFor('back')}
          />
        )}
      </CaptureForm>
      <p>
        <a class="usa-link" href={props.changeTypeHref}>
          {t('idv.document.changeType')}
        </a>
      </p>
    </IdvFrame>
  );
}

export function IdvSelfiePage(
  ctx: PageContext,
  props: { action: string; errors: FieldError[]; triesLeft: number; signedIn?: boolean; backHref: string },
) {
  const { t } = ctx;
  return (
    <IdvFrame
      ctx={ctx}
      title={t('idv.selfie.title')}
      stage={1}
      scripts={['/assets/idv-capture.js']}
      signedIn={props.signedIn}
      backHref={props.backHref}
    >
      <h1>{t('idv.selfie.title')}</h1>
      <p class="usa-intro">{t('idv.selfie.lead')}</p>
      <p>{t('idv.selfie.failures', { count: props.triesLeft })}</p>
      <ErrorSummary title={t('common.fixErrors')} errors={props.errors} />
      <CaptureForm ctx={ctx} action={props.action} submit={t('idv.selfie.submit')}>
        <CaptureField
          side="selfie"
          guide="face"
          label={t('idv.selfie.label')}
          hint={t('idv.selfie.hint')}
          error={props.errors.find((e) => e.field === 'selfie')?.message}
        />
      </CaptureForm>
    </IdvFrame>
  );
}

export function IdvProcessingPage(
  ctx: PageContext,
  props: { statusUrl: string; checkHref: string; signedIn?: boolean },
) {
  const { t } = ctx;
  return (
    <IdvFrame
      ctx={ctx}
      title={t('idv.processing.title')}
      stage={1}
      scripts={['/assets/idv-poll.js']}
      signedIn={props.signedIn}
    >
      <h1>{t('idv.processing.title')}</h1>
      <p class="usa-intro">{t('idv.processing.lead')}</p>
      <div data-idv-poll={props.statusUrl}>
        <p data-idv-poll-status aria-live="polite" class="text-bold">
          {t('idv.processing.status')}
        </p>
        <p data-idv-poll-timeout hidden>
          {t('idv.processing.timeout')}
        </p>
      </div>
      <noscript>
        {/* Without JavaScript the person checks with the button (no timed refresh: WCAG 2.2.1). */}
        <p>{t('idv.processing.noScript')}</p>
      </noscript>
      <p>
        <a class="usa-button usa-button--outline" href={props.checkHref}>
          {t('idv.processing.checkAgain')}
        </a>
      </p>
    </IdvFrame>
  );
}

export function IdvMobileDonePage(ctx: PageContext, props: { invalid?: boolean }) {
  const { t } = ctx;
  return (
    <IdvFrame ctx={ctx} title={t('idv.mobile.doneTitle')} signedIn={false}>
      <h1>{props.invalid ? t('idv.handoff.title') : t('idv.mobile.doneTitle')}</h1>
      {props.invalid ? (
        <Alert kind="warning">{t('idv.mobile.linkInvalid')}</Alert>
      ) : (
        <p class="usa-intro">{t('idv.mobile.doneBody')}</p>
      )}
    </IdvFrame>
  );
}

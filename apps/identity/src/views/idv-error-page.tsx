// The numbered identity-verification error page and the public help page listing every code.
// Never a dead end: the cause, what to try, every other way forward (including the tax agency's
// offline options), a support reference, and, when an agency started the verification, a way back
// to it. Codes and their alternatives: verification/flow/idv-error-catalog.ts.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '#platform/ui/page-context.ts';
import type { Locale } from '#platform/i18n/catalog.ts';
import { Alert, CsrfField } from '#platform/ui/components.tsx';
import {
  IDENTITY_THEFT_LINKS,
  OFFLINE_ALTERNATIVES,
  OFFLINE_OPTIONS,
  documentReasonKey,
  type IdvAlternative,
  type IdvErrorEntry,
  type IdvMessageKey,
} from '../verification/flow/idv-error-catalog.ts';
import { IdentityLayout } from './identity-layout.tsx';

/** Links for the alternatives that lead into the flow (its routes are the flow's business). */
export type IdvAlternativeHrefs = Partial<Record<IdvAlternative, string>>;

export interface IdvErrorPageProps {
  entry: IdvErrorEntry;
  /** The engine's failure code, for document_not_verified (6000): adds one specific sentence. */
  reason?: string | undefined;
  /** When a limit was hit: when the person can try again. */
  retryAfter?: Date | undefined;
  /** From supportReference(code, flowId), e.g. "IDV-6001-3F9A2C". */
  reference: string;
  /** The "try again" / continue button; shown only when the entry is retryable. */
  retryHref?: string | undefined;
  /** The agency that started the verification, and its give-up endpoint (POST: code, _csrf). */
  agencyName?: string | undefined;
  giveUpAction?: string | undefined;
  signedIn?: boolean | undefined;
  /** Optional links for alternatives; without one the alternative is explained, not linked. */
  alternativeHrefs?: IdvAlternativeHrefs | undefined;
}

/** Help page listing every code: /verify/errors. */
export const IDV_ERRORS_PATH = '/verify/errors';
export const idvErrorPath = (code: number): string => `${IDV_ERRORS_PATH}/${code}`;

const ALTERNATIVE_KEYS: Record<IdvAlternative, { title: IdvMessageKey; body: IdvMessageKey }> = {
  another_document: {
    title: 'idv.error.alt.anotherDocument.title',
    body: 'idv.error.alt.anotherDocument.body',
  },
  retake_photos: {
    title: 'idv.error.alt.retakePhotos.title',
    body: 'idv.error.alt.retakePhotos.body',
  },
  video_agent: { title: 'idv.error.alt.videoAgent.title', body: 'idv.error.alt.videoAgent.body' },
  mail_letter: { title: 'idv.error.alt.mailLetter.title', body: 'idv.error.alt.mailLetter.body' },
  transcript_by_mail: {
    title: 'idv.error.alt.transcriptByMail.title',
    body: 'idv.error.alt.transcriptByMail.body',
  },
  transcript_by_phone: {
    title: 'idv.error.alt.transcriptByPhone.title',
    body: 'idv.error.alt.transcriptByPhone.body',
  },
  try_later: { title: 'idv.error.alt.tryLater.title', body: 'idv.error.alt.tryLater.body' },
  sign_in_other_account: {
    title: 'idv.error.alt.signInOtherAccount.title',
    body: 'idv.error.alt.signInOtherAccount.body',
  },
  report_identity_theft: {
    title: 'idv.error.alt.reportIdentityTheft.title',
    body: 'idv.error.alt.reportIdentityTheft.body',
  },
  start_again: { title: 'idv.error.alt.startAgain.title', body: 'idv.error.alt.startAgain.body' },
};

/** "Nov 26, 2026, 11:48 AM EST": with the zone, since the person may not be in the agency's. */
function formatRetryTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: 'America/New_York',
  }).format(date);
}

interface Link {
  href: string;
  label: string;
  external?: boolean;
}

function alternativeLinks(ctx: PageContext, alternative: IdvAlternative, hrefs: IdvAlternativeHrefs): Link[] {
  const { t } = ctx;
  const own = (label: IdvMessageKey): Link[] => {
    const href = hrefs[alternative];
    return href ? [{ href, label: t(label) }] : [];
  };
  switch (alternative) {
    case 'another_document':
      return own('idv.error.alt.anotherDocument.link');
    case 'retake_photos':
      return own('idv.error.alt.retakePhotos.link');
    case 'video_agent':
      return own('idv.error.alt.videoAgent.link');
    case 'mail_letter':
      return own('idv.error.alt.mailLetter.link');
    case 'start_again':
      return own('idv.error.alt.startAgain.link');
    case 'try_later':
      return [];
    case 'transcript_by_mail':
      return [
        {
          href: OFFLINE_OPTIONS.form4506tHref,
          label: t('idv.error.alt.transcriptByMail.link'),
          external: true,
        },
      ];
    case 'transcript_by_phone':
      return [
        {
          href: OFFLINE_OPTIONS.transcriptPhoneHref,
          label: t('idv.error.alt.transcriptByPhone.link', { phone: OFFLINE_OPTIONS.transcriptPhone }),
        },
      ];
    case 'sign_in_other_account':
      return [
        {
          href: hrefs.sign_in_other_account ?? '/sign-in',
          label: t('idv.error.alt.signInOtherAccount.link'),
        },
        { href: '/forgot-password', label: t('idv.error.alt.signInOtherAccount.recover') },
      ];
    case 'report_identity_theft':
      return [
        {
          href: IDENTITY_THEFT_LINKS.taxAgency,
          label: t('idv.error.alt.reportIdentityTheft.taxAgencyLink'),
          external: true,
        },
        {
          href: IDENTITY_THEFT_LINKS.ftc[ctx.locale],
          label: t('idv.error.alt.reportIdentityTheft.ftcLink'),
          external: true,
        },
      ];
  }
}

function AlternativeItem({
  ctx,
  alternative,
  hrefs,
}: {
  ctx: PageContext;
  alternative: IdvAlternative;
  hrefs: IdvAlternativeHrefs;
}) {
  const { t } = ctx;
  const keys = ALTERNATIVE_KEYS[alternative];
  const links = alternativeLinks(ctx, alternative, hrefs);
  // The video call is not offered yet: say so instead of linking to nothing.
  const notYet = alternative === 'video_agent' && links.length === 0;
  return (
    <li class="margin-bottom-3" data-alternative={alternative}>
      <h3 class="margin-bottom-05">
        {t(keys.title)}
        {notYet ? <span class="usa-tag margin-left-1">{t('idv.error.notAvailableYet')}</span> : null}
      </h3>
      <p class="margin-top-05">{t(keys.body, { phone: OFFLINE_OPTIONS.transcriptPhone })}</p>
      {links.length > 0 ? (
        <ul class="usa-list usa-list--unstyled">
          {links.map((link) => (
            <li key={link.href}>
              <a
                class={link.external ? 'usa-link usa-link--external' : 'usa-link'}
                href={link.href}
                rel={link.external ? 'noreferrer' : undefined}
              >
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function AlternativeList({
  ctx,
  alternatives,
  hrefs,
  children,
}: {
  ctx: PageContext;
  alternatives: readonly IdvAlternative[];
  hrefs: IdvAlternativeHrefs;
  children?: ComponentChildren;
}) {
  return (
    <ul class="usa-list usa-list--unstyled">
      {alternatives.map((alternative) => (
        <AlternativeItem key={alternative} ctx={ctx} alternative={alternative} hrefs={hrefs} />
      ))}
      {children}
    </ul>
  );
}

const isOffline = (alternative: IdvAlternative) => OFFLINE_ALTERNATIVES.includes(alternative);

export function IdvErrorPage(ctx: PageContext, props: IdvErrorPageProps) {
  const { t } = ctx;
  const { entry } = props;
  const hrefs = props.alternativeHrefs ?? {};
  const title = t('idv.error.heading', { code: entry.code, title: t(entry.titleKey) });
  const reasonKey = entry.id === 'document_not_verified' ? documentReasonKey(props.reason) : undefined;
  const retryTime = props.retryAfter ? formatRetryTime(ctx.locale, props.retryAfter) : undefined;
  // The retry time is said under "What you can try", so "try again later" would only repeat it.
  const online = entry.alternatives.filter(
    (alternative) => !isOffline(alternative) && !(alternative === 'try_later' && retryTime),
  );
  const offline = entry.alternatives.filter(isOffline);
  const agency = props.agencyName && props.giveUpAction ? props.agencyName : undefined;
  return (
    <IdentityLayout ctx={ctx} title={title} signedIn={props.signedIn}>
      <h1>{title}</h1>
      <Alert kind={entry.httpStatus === 422 ? 'error' : 'warning'} heading={t('idv.error.whatHappened')}>
        <p>{t(entry.causeKey)}</p>
        {reasonKey ? <p>{t('idv.error.reasonDetail', { reason: t(reasonKey) })}</p> : null}
      </Alert>

      <h2>{t('idv.error.whatToTry')}</h2>
      <p>{t(entry.tryKey)}</p>
      {retryTime ? (
        <p>
          <strong>{t('idv.error.retryAfter', { time: retryTime })}</strong>
        </p>
      ) : null}
      {entry.retryable && props.retryHref ? (
        <p>
          <a class="usa-button usa-button--big" href={props.retryHref}>
            {t(entry.actionKey)}
          </a>
        </p>
      ) : null}

      {online.length > 0 ? (
        <>
          <h2>{t('idv.error.otherWays')}</h2>
          <AlternativeList ctx={ctx} alternatives={online} hrefs={hrefs} />
        </>
      ) : null}

      <h2>{t('idv.error.offlineTitle')}</h2>
      <p>{t('idv.error.offlineLead')}</p>
      <AlternativeList ctx={ctx} alternatives={offline} hrefs={hrefs} />

      {agency ? (
        <>
          <h2>{t('idv.error.agency.title', { agency })}</h2>
          <p>{t('idv.error.agency.body', { agency, code: entry.code })}</p>
          <form method="post" action={props.giveUpAction}>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="code" value={String(entry.code)} />
            <button class="usa-button usa-button--outline" type="submit">
              {t('idv.error.agency.button', { agency })}
            </button>
          </form>
        </>
      ) : null}

      <h2>{t('idv.error.helpTitle')}</h2>
      <p>
        <strong data-reference>{t('idv.error.reference', { reference: props.reference })}</strong>
      </p>
      <p>{t('idv.error.referenceHint')}</p>
      <p>
        <a class="usa-link" href={IDV_ERRORS_PATH}>
          {t('idv.error.allCodes')}
        </a>
      </p>
    </IdentityLayout>
  );
}

/** The public help page: how verification works, a path without photos, and every code. */
export function IdvErrorIndexPage(
  ctx: PageContext,
  props: { entries: readonly IdvErrorEntry[]; signedIn?: boolean | undefined },
) {
  const { t } = ctx;
  const title = t('idv.error.index.title');
  return (
    <IdentityLayout ctx={ctx} title={title} signedIn={props.signedIn}>
      <h1>{title}</h1>
      <p class="usa-intro">{t('idv.error.index.lead')}</p>

      <h2>{t('idv.error.index.optionsTitle')}</h2>
      <ul class="usa-list usa-list--unstyled">
        <li class="margin-bottom-3">
          <h3 class="margin-bottom-05">{t('idv.error.index.camera.title')}</h3>
          <p class="margin-top-05">{t('idv.error.index.camera.body')}</p>
        </li>
        <li class="margin-bottom-3">
          <h3 class="margin-bottom-05">{t('idv.error.index.phone.title')}</h3>
          <p class="margin-top-05">{t('idv.error.index.phone.body')}</p>
        </li>
      </ul>

      <h2>{t('idv.error.index.noPhotosTitle')}</h2>
      <p>{t('idv.error.index.noPhotosLead')}</p>
      <AlternativeList ctx={ctx} alternatives={['video_agent', ...OFFLINE_ALTERNATIVES]} hrefs={{}}>
        <li class="margin-bottom-3">
          <h3 class="margin-bottom-05">{t('idv.error.index.inPerson.title')}</h3>
          <p class="margin-top-05">{t('idv.error.index.inPerson.body')}</p>
        </li>
      </AlternativeList>

      <h2>{t('idv.error.index.codesTitle')}</h2>
      <ul class="usa-list">
        {props.entries.map((entry) => (
          <li key={entry.code}>
            <a class="usa-link" href={idvErrorPath(entry.code)}>
              {t('idv.error.heading', { code: entry.code, title: t(entry.titleKey) })}
            </a>
          </li>
        ))}
      </ul>
    </IdentityLayout>
  );
}

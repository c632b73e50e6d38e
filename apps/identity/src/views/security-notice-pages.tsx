// Pages behind the "This wasn't me" link in security emails: a confirmation with a form
// (following the link never acts by itself), the locked-account page, one page for each
// way a link can be unusable, and the page sign-in shows for a locked account.
import type { PageContext } from '#platform/ui/page-context.ts';
import { Alert, CsrfField } from '#platform/ui/components.tsx';
import type { SecurityEventKind } from '../db/security-events-repo.ts';
import { IdentityLayout } from './identity-layout.tsx';
import { SecurityReminder } from './security-reminder.tsx';

export const NOT_ME_PATH = '/security/not-me';
export const FORGOT_PASSWORD_PATH = '/forgot-password';

export interface NotMeConfirmProps {
  token: string;
  kind: SecurityEventKind;
  /** Already formatted in the agency's time zone. */
  time: string;
  device: string | null;
}

export function NotMeConfirmPage(ctx: PageContext, props: NotMeConfirmProps) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.notice.confirm.title')}>
      <h1>{t('idp.notice.confirm.title')}</h1>
      <p class="usa-intro">{t('idp.notice.confirm.lead')}</p>
      <dl class="usa-list usa-list--unstyled">
        <dt class="text-bold">{t('idp.notice.confirm.what')}</dt>
        <dd class="margin-left-0 margin-bottom-1">{t(`idp.event.${props.kind}` as const)}</dd>
        <dt class="text-bold">{t('idp.notice.confirm.when')}</dt>
        <dd class="margin-left-0 margin-bottom-1">{props.time}</dd>
        <dt class="text-bold">{t('idp.notice.confirm.device')}</dt>
        <dd class="margin-left-0 margin-bottom-1">{props.device || t('idp.notice.email.unknownDevice')}</dd>
      </dl>
      <p>{t('idp.notice.confirm.explain')}</p>
      <form class="usa-form" method="post" action={NOT_ME_PATH}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        <button class="usa-button usa-button--secondary usa-button--big" type="submit">
          {t('idp.notice.confirm.submit')}
        </button>
      </form>
      <p class="margin-top-3">{t('idp.notice.confirm.wasMe')}</p>
    </IdentityLayout>
  );
}

export function AccountLockedPage(ctx: PageContext) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.notice.locked.title')}>
      <h1>{t('idp.notice.locked.title')}</h1>
      <Alert kind="success">
        <p class="margin-0">{t('idp.notice.locked.body')}</p>
        <p class="margin-bottom-0">{t('idp.notice.locked.signedOut')}</p>
      </Alert>
      <p class="margin-top-3">{t('idp.notice.locked.next')}</p>
      <p>
        <a class="usa-button" href={FORGOT_PASSWORD_PATH}>
          {t('idp.notice.locked.reset')}
        </a>
      </p>
      <SecurityReminder ctx={ctx} />
    </IdentityLayout>
  );
}

export type NoticeLinkProblem = 'unknown' | 'expired' | 'used';

export function NoticeLinkProblemPage(ctx: PageContext, problem: NoticeLinkProblem) {
  const { t } = ctx;
  const title = t(`idp.notice.link.${problem}.title` as const);
  return (
    <IdentityLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Alert kind="warning">{t(`idp.notice.link.${problem}.body` as const)}</Alert>
      <p class="margin-top-3">
        <a class="usa-button" href={FORGOT_PASSWORD_PATH}>
          {t('idp.notice.locked.reset')}
        </a>
      </p>
      <SecurityReminder ctx={ctx} />
    </IdentityLayout>
  );
}

/** What sign-in shows, after a correct password, for an account locked through a notice link. */
export function LockedSignInPage(ctx: PageContext) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.notice.locked.title')}>
      <h1>{t('idp.notice.locked.title')}</h1>
      <Alert kind="error">{t('idp.notice.lockedSignIn')}</Alert>
      <p class="margin-top-3">
        <a class="usa-button" href={FORGOT_PASSWORD_PATH}>
          {t('idp.notice.locked.reset')}
        </a>
      </p>
      <SecurityReminder ctx={ctx} />
    </IdentityLayout>
  );
}

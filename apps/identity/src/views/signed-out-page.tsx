import type { PageContext } from '#platform/ui/page-context.ts';
import { IdentityLayout } from './identity-layout.tsx';

export function SignedOutPage(ctx: PageContext) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.loggedOut.title')}>
      <h1>{t('idp.loggedOut.title')}</h1>
      <p class="usa-intro">{t('idp.loggedOut.body')}</p>
      <p>
        <a class="usa-button" href="/sign-in">
          {t('idp.signIn.submit')}
        </a>
      </p>
    </IdentityLayout>
  );
}

import type { PageContext } from '#platform/ui/page-context.ts';
import { IdentityLayout } from './identity-layout.tsx';

export function HomePage(ctx: PageContext) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.home.title')}>
      <h1>{t('idp.home.title')}</h1>
      <p class="usa-intro">{t('idp.home.lead')}</p>
      <p>{t('idp.home.howTo')}</p>
    </IdentityLayout>
  );
}

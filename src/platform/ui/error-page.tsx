// A numbered error page: what happened, the code to quote, and a way on.
import type { PageContext } from './page-context.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { Layout } from './layout.tsx';

export function errorPage(appName: MessageKey, homeHref: string) {
  return (ctx: PageContext, error: { code: string; message: string }) => (
    <Layout ctx={ctx} title={ctx.t('error.title')} appName={appName} homeHref={homeHref}>
      <h1>{ctx.t('error.title')}</h1>
      <p class="usa-intro">{error.message}</p>
      <p class="app-error-code">{ctx.t('common.errorCode', { code: error.code })}</p>
      <p>
        <a class="usa-button" href={homeHref}>
          {ctx.t('error.goHome')}
        </a>
      </p>
    </Layout>
  );
}

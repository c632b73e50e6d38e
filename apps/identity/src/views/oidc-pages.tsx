// Pages oidc-provider renders itself (logout confirmation, signed out, protocol errors),
// drawn with our layout and language instead of its defaults.
import type { KoaContextWithOIDC } from 'oidc-provider';
import { isLocale, negotiateLocale, translator } from '#platform/i18n/catalog.ts';
import { renderDocument } from '#platform/ui/render.ts';
import type { PageContext } from '#platform/ui/page-context.ts';
import { IdentityLayout } from './identity-layout.tsx';
import { errorPage } from '#platform/ui/error-page.tsx';

export interface OidcPageRenderer {
  logout(ctx: KoaContextWithOIDC, form: string): string;
  loggedOut(ctx: KoaContextWithOIDC): string;
  error(ctx: KoaContextWithOIDC, out: Record<string, unknown>, error: unknown): string;
}

function pageContext(ctx: KoaContextWithOIDC): PageContext {
  // The person's own choice (cookie), then the agency's ui_locales (OIDC Core §3.1.2.1, in
  // order of preference), then the browser's Accept-Language.
  const uiLocales = ctx.oidc?.params?.ui_locales;
  const requested = typeof uiLocales === 'string' ? uiLocales.split(' ').find(isLocale) : undefined;
  const saved = ctx.cookies.get('idp_lang');
  const locale = negotiateLocale(isLocale(saved) ? saved : undefined, requested, ctx.get('accept-language'));
  return { locale, t: translator(locale), csrfToken: '', path: '/' };
}

/** Pulls the action and xsrf value out of the provider's logout form. */
export function parseLogoutForm(form: string): { action: string; xsrf: string } {
  const action = /action="([^"]+)"/.exec(form)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1];
  if (!action || !xsrf) throw new Error('Unexpected logout form from oidc-provider');
  return { action, xsrf };
}

export function createOidcPageRenderer(): OidcPageRenderer {
  const renderError = errorPage('idp.name', '/');
  return {
    logout(ctx, form) {
      const page = pageContext(ctx);
      const { action, xsrf } = parseLogoutForm(form);
      return renderDocument(
        <IdentityLayout ctx={page} title={page.t('idp.logout.title')}>
          <h1>{page.t('idp.logout.title')}</h1>
          <p class="usa-intro">{page.t('idp.logout.lead')}</p>
          <form method="post" action={action} class="usa-form">
            <input type="hidden" name="xsrf" value={xsrf} />
            <button type="submit" name="logout" value="yes" class="usa-button">
              {page.t('idp.logout.yes')}
            </button>
            <button type="submit" class="usa-button usa-button--outline">
              {page.t('idp.logout.no')}
            </button>
          </form>
        </IdentityLayout>,
      );
    },
    loggedOut(ctx) {
      const page = pageContext(ctx);
      return renderDocument(
        <IdentityLayout ctx={page} title={page.t('idp.loggedOut.title')}>
          <h1>{page.t('idp.loggedOut.title')}</h1>
          <p class="usa-intro">{page.t('idp.loggedOut.body')}</p>
        </IdentityLayout>,
      );
    },
    error(ctx, out) {
      const page = pageContext(ctx);
      const code = typeof out.error === 'string' ? `OIDC-${out.error}` : 'OIDC';
      return renderDocument(renderError(page, { code, message: page.t('idp.oidcError.body') }));
    },
  };
}

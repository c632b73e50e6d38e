import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { Alert } from '#platform/ui/components.tsx';
import { IdentityLayout } from './identity-layout.tsx';

/** A confirmation link for an added email address that could not be used. */
export function EmailLinkPage(ctx: PageContext, message: MessageKey) {
  return (
    <IdentityLayout ctx={ctx} title={ctx.t('idp.account.emails')}>
      <h1>{ctx.t('idp.account.emails')}</h1>
      <Alert kind="warning">{ctx.t(message)}</Alert>
      <p>
        <a class="usa-button" href="/account">
          {ctx.t('idp.account.title')}
        </a>
      </p>
    </IdentityLayout>
  );
}

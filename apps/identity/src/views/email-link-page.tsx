import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { MessagePage } from './message-page.tsx';

/** A confirmation link for an added email address that could not be used. */
export function EmailLinkPage(ctx: PageContext, message: MessageKey) {
  return MessagePage(ctx, {
    title: 'idp.account.emails',
    kind: 'warning',
    body: message,
    action: { href: '/account', label: 'idp.account.title' },
  });
}

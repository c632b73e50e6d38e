// A page that tells one outcome and offers the next step: the shape of most "done" and
// "that link did not work" pages.
import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { Alert } from '#platform/ui/components.tsx';
import { IdentityLayout } from './identity-layout.tsx';

export interface MessagePageProps {
  title: MessageKey;
  kind: 'success' | 'warning' | 'error' | 'info';
  body: MessageKey;
  action: { href: string; label: MessageKey };
}

export function MessagePage(ctx: PageContext, props: MessagePageProps) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t(props.title)}>
      <h1>{t(props.title)}</h1>
      <Alert kind={props.kind}>{t(props.body)}</Alert>
      <p>
        <a class="usa-button" href={props.action.href}>
          {t(props.action.label)}
        </a>
      </p>
    </IdentityLayout>
  );
}

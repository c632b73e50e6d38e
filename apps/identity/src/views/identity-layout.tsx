// The identity provider's page frame. Signed-in pages get the account link and sign-out.
import type { ComponentChildren } from 'preact';
import { Layout } from '#platform/ui/layout.tsx';
import type { PageContext } from '#platform/ui/page-context.ts';

const SESSION_TIMEOUT = {
  statusUrl: '/session/status',
  keepAliveUrl: '/session/keep-alive',
  warnSeconds: 150,
};

export function IdentityLayout({
  ctx,
  title,
  signedIn,
  scripts,
  children,
}: {
  ctx: PageContext;
  title: string;
  signedIn?: boolean;
  scripts?: string[];
  children: ComponentChildren;
}) {
  const nav = signedIn
    ? [
        { href: '/account', label: ctx.t('idp.account.title') },
        { href: '/sign-out', label: ctx.t('idp.account.signOut'), post: true },
      ]
    : [];
  return (
    <Layout
      ctx={ctx}
      title={title}
      appName="idp.name"
      homeHref="/"
      nav={nav}
      scripts={scripts}
      sessionTimeout={signedIn ? SESSION_TIMEOUT : undefined}
    >
      {children}
    </Layout>
  );
}

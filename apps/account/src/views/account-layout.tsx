// The tax account's page frame: navigation depends on whether someone is signed in.
import type { ComponentChildren } from 'preact';
import { Layout } from '#platform/ui/layout.tsx';
import type { PageContext } from '#platform/ui/page-context.ts';

export function AccountLayout({
  ctx,
  title,
  signedIn,
  children,
}: {
  ctx: PageContext;
  title: string;
  signedIn: boolean;
  children: ComponentChildren;
}) {
  const nav = signedIn
    ? [
        { href: '/', label: ctx.t('acct.nav.home') },
        { href: '/payments', label: ctx.t('acct.pay.nav') },
        { href: '/sign-out', label: ctx.t('acct.nav.signOut'), post: true },
      ]
    : [{ href: '/sign-in', label: ctx.t('acct.nav.signIn') }];
  return (
    <Layout
      ctx={ctx}
      title={title}
      appName="acct.name"
      homeHref="/"
      nav={nav}
      sessionTimeout={
        signedIn
          ? { statusUrl: '/session/status', keepAliveUrl: '/session/keep-alive', warnSeconds: 150 }
          : undefined
      }
    >
      {children}
    </Layout>
  );
}

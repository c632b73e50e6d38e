// The benefits agency's page frame: the shared USWDS layout under its own name, with a notice
// on every page that this is a demonstration agency.
import type { ComponentChildren } from 'preact';
import { Layout } from '#platform/ui/layout.tsx';
import type { PageContext } from '#platform/ui/page-context.ts';
import { Alert } from '#platform/ui/components.tsx';

export function BenefitsLayout({
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
    ? [{ href: '/sign-out', label: ctx.t('benefits.nav.signOut'), post: true }]
    : [{ href: '/sign-in', label: ctx.t('benefits.nav.signIn') }];
  return (
    <Layout
      ctx={ctx}
      title={title}
      appName="benefits.name"
      homeHref="/"
      nav={nav}
      bannerKey="benefits.banner"
    >
      <Alert kind="info" heading={ctx.t('benefits.demo.heading')}>
        {ctx.t('benefits.demo.body')}
      </Alert>
      {children}
    </Layout>
  );
}

// The identity provider's page frame.
import type { ComponentChildren } from 'preact';
import { Layout } from '#platform/ui/layout.tsx';
import type { PageContext } from '#platform/ui/page-context.ts';

export function IdentityLayout({
  ctx,
  title,
  children,
}: {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title} appName="idp.name" homeHref="/">
      {children}
    </Layout>
  );
}

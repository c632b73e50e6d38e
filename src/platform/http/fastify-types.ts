// Request and reply decorations added by the web server factory.
import type { VNode } from 'preact';
import type { Locale, Translate } from '../i18n/catalog.ts';
import type { PageContext } from '../ui/page-context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
  }
  interface FastifyReply {
    /** Renders a full page with status 200 unless set. */
    page(render: (ctx: PageContext) => VNode): FastifyReply;
  }
  interface FastifyContextConfig {
    /** Set false on a POST route that must not require a CSRF token (e.g. OIDC endpoints). */
    csrf?: boolean;
  }
}

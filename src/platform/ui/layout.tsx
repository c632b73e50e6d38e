// The page shell shared by both apps: USWDS government banner, header, language switch,
// main landmark, footer with the scam reminder. Served entirely from our own origin.
import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../i18n/catalog.ts';
import type { PageContext } from './page-context.ts';

export interface NavLink {
  href: string;
  label: string;
  /** Render as a POST form button (sign-out), carrying the CSRF token. */
  post?: boolean;
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  appName: MessageKey;
  homeHref: string;
  nav?: NavLink[];
  devNotice?: boolean;
  /** The banner line at the very top (default: the tax agency's official-site line). */
  bannerKey?: MessageKey;
  /** Extra scripts from our own origin (progressive enhancement; pages work without them). */
  scripts?: string[];
  /** Signed-in pages: warn before the idle timeout, with a way to stay signed in. */
  sessionTimeout?: { statusUrl: string; keepAliveUrl: string; warnSeconds: number } | undefined;
  children: ComponentChildren;
}

export function languageSwitchHref(path: string, target: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', target);
  // Collapse leading slashes so the link can never become protocol-relative (//other.host).
  return url.pathname.replace(/^\/+/, '/') + url.search;
}

export function Layout({
  ctx,
  title,
  appName,
  homeHref,
  nav = [],
  devNotice,
  bannerKey = 'common.officialSite',
  scripts = [],
  sessionTimeout,
  children,
}: LayoutProps) {
  const { t, locale } = ctx;
  const other = locale === 'en' ? 'es' : 'en';
  const [timeoutBefore = '', timeoutAfter = ''] = t('common.timeout.body', { time: '\u0000' }).split(
    '\u0000',
  );
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${t(appName)}`}</title>
        <link rel="stylesheet" href="/assets/uswds/css/uswds.min.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/uswds/img/favicons/favicon.ico" />
        {(sessionTimeout ? [...scripts, '/assets/session-timeout.js'] : scripts).map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body>
        <a class="usa-skipnav" href="#main-content">
          {t('common.skipToContent')}
        </a>
        <section class="usa-banner" aria-label={t(bannerKey)}>
          <div class="usa-banner__header">
            <div class="usa-banner__inner">
              <div class="grid-col-auto">
                <img class="usa-banner__header-flag" src="/assets/uswds/img/us_flag_small.png" alt="" />
              </div>
              <div class="grid-col-fill">
                <p class="usa-banner__header-text">{t(bannerKey)}</p>
              </div>
            </div>
          </div>
        </section>
        {devNotice ? <div class="app-dev-notice">{t('common.devOnly')}</div> : null}
        <header class="usa-header usa-header--basic">
          <div class="usa-nav-container app-header">
            <div class="usa-navbar">
              <div class="usa-logo">
                <em class="usa-logo__text">
                  <a href={homeHref}>{t(appName)}</a>
                </em>
              </div>
            </div>
            <nav aria-label={t('common.mainNav')} class="app-nav">
              <ul class="usa-list usa-list--unstyled app-nav__list">
                {nav.map((link) => (
                  <li key={link.href}>
                    {link.post ? (
                      <form method="post" action={link.href} class="app-inline-form">
                        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                        <button type="submit" class="usa-button usa-button--unstyled app-nav__link">
                          {link.label}
                        </button>
                      </form>
                    ) : (
                      <a class="app-nav__link" href={link.href}>
                        {link.label}
                      </a>
                    )}
                  </li>
                ))}
                <li>
                  <a
                    class="app-nav__link"
                    href={languageSwitchHref(ctx.path, other)}
                    lang={other}
                    hreflang={other}
                    aria-label={t('common.switchLanguageLabel')}
                  >
                    {t('common.switchLanguage')}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main-content" class="grid-container app-main">
          {children}
        </main>
        {sessionTimeout ? (
          <div
            id="session-timeout"
            class="app-timeout"
            role="alertdialog"
            aria-labelledby="session-timeout-title"
            aria-describedby="session-timeout-body"
            data-status-url={sessionTimeout.statusUrl}
            data-warn-seconds={String(sessionTimeout.warnSeconds)}
            hidden
          >
            <div class="usa-alert usa-alert--warning">
              <div class="usa-alert__body">
                <h2 class="usa-alert__heading" id="session-timeout-title">
                  {t('common.timeout.title')}
                </h2>
                <p class="usa-alert__text" id="session-timeout-body">
                  {timeoutBefore}
                  <strong
                    data-countdown
                  >{`${Math.floor(sessionTimeout.warnSeconds / 60)}:${String(sessionTimeout.warnSeconds % 60).padStart(2, '0')}`}</strong>
                  {timeoutAfter}
                </p>
                <form method="post" action={sessionTimeout.keepAliveUrl}>
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <button class="usa-button" type="submit">
                    {t('common.timeout.stay')}
                  </button>
                </form>
              </div>
            </div>
          </div>
        ) : null}
        <footer class="usa-footer usa-footer--slim">
          <div class="grid-container app-footer">
            <p class="app-scam-warning">{t('common.scamWarning')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

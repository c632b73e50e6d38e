// The frame every identity-verification page shares: the step indicator (USWDS), a Back link,
// the help link, and the signed-in layout. Capture pages add the camera script and styles.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { IdentityLayout } from '../identity-layout.tsx';

/** The stages a person sees (several steps make one stage). */
const STAGES: readonly { key: MessageKey }[] = [
  { key: 'idv.welcome.title' },
  { key: 'idv.document.title' },
  { key: 'idv.details.title' },
  { key: 'idv.address.title' },
  { key: 'idv.password.title' },
];

export function IdvFrame({
  ctx,
  title,
  stage,
  backHref,
  scripts,
  signedIn = true,
  children,
}: {
  ctx: PageContext;
  title: string;
  /** 0-based index into the stages, or undefined for pages outside the sequence. */
  stage?: number | undefined;
  backHref?: string | undefined;
  scripts?: string[];
  signedIn?: boolean;
  children: ComponentChildren;
}) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={title} signedIn={signedIn} scripts={scripts}>
      <link rel="stylesheet" href="/assets/idv-capture.css" />
      {stage !== undefined ? (
        <div class="usa-step-indicator usa-step-indicator--counters-sm" aria-label={t('idv.welcome.title')}>
          <ol class="usa-step-indicator__segments">
            {STAGES.map((s, i) => (
              <li
                key={s.key}
                class={`usa-step-indicator__segment${
                  i < stage
                    ? ' usa-step-indicator__segment--complete'
                    : i === stage
                      ? ' usa-step-indicator__segment--current'
                      : ''
                }`}
                aria-current={i === stage ? 'step' : undefined}
              >
                <span class="usa-step-indicator__segment-label">{t(s.key)}</span>
              </li>
            ))}
          </ol>
          <div class="usa-step-indicator__header">
            <p class="usa-step-indicator__heading">
              <span class="usa-step-indicator__heading-counter">
                {t('idv.progress', { step: stage + 1, total: STAGES.length })}
              </span>
            </p>
          </div>
        </div>
      ) : null}
      {backHref ? (
        <p>
          <a href={backHref} class="usa-link">
            ‹ {t('idv.back')}
          </a>
        </p>
      ) : null}
      {children}
      <p class="margin-top-4">
        <a href="/verify/help" class="usa-link">
          {t('idv.help.link')}
        </a>
      </p>
    </IdentityLayout>
  );
}

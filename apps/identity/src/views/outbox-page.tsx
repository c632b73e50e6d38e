import type { Locale } from '#platform/i18n/catalog.ts';
import type { PageContext } from '#platform/ui/page-context.ts';
import type { OutboxMessage } from '../db/outbox-repo.ts';
import { IdentityLayout } from './identity-layout.tsx';

/**
 * The channel names on the tags. Kept here because this page exists only in development;
 * the Record type still makes Spanish name every channel English does.
 */
const CHANNEL_LABELS: Record<Locale, Record<OutboxMessage['channel'], string>> = {
  en: { email: 'Email', sms: 'Text message', voice: 'Voice call' },
  es: { email: 'Correo electrónico', sms: 'Mensaje de texto', voice: 'Llamada de voz' },
};

export function OutboxPage(ctx: PageContext, messages: OutboxMessage[]) {
  const { t, locale } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.outbox.title')}>
      <h1>{t('idp.outbox.title')}</h1>
      <p class="usa-intro">{t('idp.outbox.lead')}</p>
      {messages.length === 0 ? <p>{t('idp.outbox.empty')}</p> : null}
      {messages.map((message) => (
        <article
          class="usa-summary-box margin-bottom-3"
          key={message.id}
          data-outbox-id={message.id}
          data-channel={message.channel}
          aria-labelledby={`msg-${message.id}`}
        >
          <div class="usa-summary-box__body">
            <h2 class="usa-summary-box__heading" id={`msg-${message.id}`}>
              {message.subject}
            </h2>
            <p class="margin-top-1">
              <span class="usa-tag">{CHANNEL_LABELS[locale][message.channel]}</span>
            </p>
            <dl>
              <dt>{t('idp.outbox.to')}</dt>
              <dd data-recipient>{message.recipient}</dd>
              <dt>{t('idp.outbox.sent')}</dt>
              <dd>{message.createdAt.toISOString()}</dd>
            </dl>
            <div class="app-outbox-body">{linkify(message.body)}</div>
          </div>
        </article>
      ))}
    </IdentityLayout>
  );
}

/** Turns URLs in a plain-text message into links; everything stays escaped text. */
function linkify(body: string) {
  return body.split(/(https?:\/\/\S+)/g).map((part, index) =>
    index % 2 === 1 ? (
      <a href={part} key={index}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

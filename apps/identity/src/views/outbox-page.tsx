import type { PageContext } from '#platform/ui/page-context.ts';
import type { OutboxMessage } from '../db/outbox-repo.ts';
import { IdentityLayout } from './identity-layout.tsx';

export function OutboxPage(ctx: PageContext, messages: OutboxMessage[]) {
  const { t } = ctx;
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
          aria-labelledby={`msg-${message.id}`}
        >
          <div class="usa-summary-box__body">
            <h2 class="usa-summary-box__heading" id={`msg-${message.id}`}>
              {message.subject}
            </h2>
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

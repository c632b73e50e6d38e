import type { Locale } from '#platform/i18n/catalog.ts';
import type { PageContext } from '#platform/ui/page-context.ts';
import type { OutboxMessage } from '../db/outbox-repo.ts';
import { IdentityLayout } from './identity-layout.tsx';
import { OutboxMessages } from '#platform/ui/outbox-messages.tsx';

/**
 * The channel names on the tags. Kept here because this page exists only in development;
 * the Record type still makes Spanish name every channel English does.
 */
const CHANNEL_LABELS: Record<Locale, Record<OutboxMessage['channel'], string>> = {
  en: { email: 'Email', sms: 'Text message', voice: 'Voice call', mail: 'Letter' },
  es: { email: 'Correo electrónico', sms: 'Mensaje de texto', voice: 'Llamada de voz', mail: 'Carta' },
};

/** The link to a posted letter's PDF (development only, like the channel names). */
const ATTACHMENT_LABELS: Record<Locale, string> = { en: 'View letter (PDF)', es: 'Ver la carta (PDF)' };

export function OutboxPage(ctx: PageContext, messages: OutboxMessage[]) {
  const { t, locale } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.outbox.title')}>
      <h1>{t('idp.outbox.title')}</h1>
      <p class="usa-intro">{t('idp.outbox.lead')}</p>
      <OutboxMessages
        messages={messages}
        empty={t('idp.outbox.empty')}
        channelLabel={(channel) => CHANNEL_LABELS[locale][channel as OutboxMessage['channel']]}
        labels={{ to: t('idp.outbox.to'), sent: t('idp.outbox.sent') }}
        attachment={{ label: ATTACHMENT_LABELS[locale], href: (id) => `/dev/outbox/${id}/attachment` }}
      />
    </IdentityLayout>
  );
}

// The messages a development outbox holds (emails, text messages, voice calls the system would
// have sent), as the /dev/outbox pages of both apps show them: newest first, each with its
// channel, recipient and time, and links in the body made clickable (all text stays escaped).
// An app whose outbox keeps attachments (the identity provider's posted letters) passes
// `attachment`, and entries with `hasAttachment` get a link to it; without it nothing changes.
export interface OutboxEntry {
  id: number;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: Date;
  hasAttachment?: boolean;
}

export function OutboxMessages({
  messages,
  empty,
  channelLabel,
  labels,
  attachment,
}: {
  messages: readonly OutboxEntry[];
  /** Shown when there is nothing. */
  empty: string;
  channelLabel: (channel: string) => string;
  labels: { to: string; sent: string };
  /** The link to an entry's attachment (e.g. "View letter (PDF)"), for entries that have one. */
  attachment?: { label: string; href: (id: number) => string };
}) {
  if (messages.length === 0) return <p>{empty}</p>;
  return (
    <>
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
              <span class="usa-tag">{channelLabel(message.channel)}</span>
            </p>
            <dl>
              <dt>{labels.to}</dt>
              <dd data-recipient>{message.recipient}</dd>
              <dt>{labels.sent}</dt>
              <dd>{message.createdAt.toISOString()}</dd>
            </dl>
            <div class="app-outbox-body">{linkify(message.body)}</div>
            {attachment && message.hasAttachment ? (
              <p class="margin-bottom-0">
                <a class="usa-link" href={attachment.href(message.id)} data-attachment-link>
                  {attachment.label}
                </a>
              </p>
            ) : null}
          </div>
        </article>
      ))}
    </>
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

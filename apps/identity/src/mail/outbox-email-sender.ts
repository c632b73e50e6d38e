// Development email adapter: "sends" by writing to the outbox shown at /dev/outbox.
import type { EmailSender } from '#platform/mail/email-port.ts';
import type { OutboxRepo } from '../db/outbox-repo.ts';

export function createOutboxEmailSender(outbox: OutboxRepo): EmailSender {
  return {
    name: 'dev-outbox',
    send: (message) =>
      outbox.add({ channel: 'email', recipient: message.to, subject: message.subject, body: message.text }),
  };
}

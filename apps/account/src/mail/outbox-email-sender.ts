// The tax account's development email adapter: "sends" by writing to its own outbox, shown at
// the tax account's /dev/outbox. A real mail adapter (SMTP) implements the same EmailSender.
import type { EmailSender } from '#platform/mail/email-port.ts';
import type { OutboxRepo } from '../db/outbox-repo.ts';

export function createOutboxEmailSender(outbox: OutboxRepo): EmailSender {
  return {
    name: 'dev-outbox',
    send: (message) =>
      outbox.add({ channel: 'email', recipient: message.to, subject: message.subject, body: message.text }),
  };
}

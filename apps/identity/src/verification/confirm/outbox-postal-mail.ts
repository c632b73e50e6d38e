// Development postal-mail adapter: instead of printing and posting the letter, renders its PDF
// and keeps it in the outbox shown at /dev/outbox (channel 'mail', with a "View letter (PDF)"
// link). The body repeats the code so developers and tests can use it without opening the PDF,
// as text-message codes appear there; the outbox exists only in development.
import type { OutboxAttachments, OutboxRepo } from '../../db/outbox-repo.ts';
import { renderAddressLetterPdf } from './address-letter-pdf.ts';
import { addressOneLine, groupedCode, type PostalMailSender } from './postal-mail-port.ts';

export const OUTBOX_LETTER_SUBJECT = 'Letter: confirm your address';

export function createOutboxPostalMail(
  outbox: OutboxRepo & OutboxAttachments,
  options: { providerName: string; verifyUrl: string; clock: () => Date },
): PostalMailSender {
  return {
    name: 'dev-outbox',
    async send(letter) {
      const pdf = await renderAddressLetterPdf(letter, {
        providerName: options.providerName,
        issuedAt: options.clock(),
        verifyUrl: options.verifyUrl,
      });
      const id = await outbox.addReturningId({
        channel: 'mail',
        recipient: `${letter.recipientName}, ${addressOneLine(letter.address)}`,
        subject: OUTBOX_LETTER_SUBJECT,
        body: [
          `Address confirmation letter (${letter.locale}), posted to the address above.`,
          `Code: ${groupedCode(letter.code)}`,
          `Expires: ${letter.expiresAt.toISOString()}`,
          `Enter it at: ${options.verifyUrl}`,
        ].join('\n'),
        attachment: { bytes: pdf, type: 'application/pdf' },
      });
      return { reference: String(id) };
    },
  };
}

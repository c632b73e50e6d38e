// The development postal-mail adapter keeps each letter's PDF in the dev outbox (a migrated
// identity database): the message lists as 'mail' with an attachment, the bytes read back are the
// PDF, and the outbox page links to it. Messages without one keep working as before.
import assert from 'node:assert/strict';
import { translator } from '#platform/i18n/catalog.ts';
import { renderDocument } from '#platform/ui/render.ts';
import { IDENTITY_MIGRATIONS } from '../../apps/identity/src/db/migrations-folder.ts';
import { createOutboxRepo, type OutboxMessage } from '../../apps/identity/src/db/outbox-repo.ts';
import { renderAddressLetterPdf } from '../../apps/identity/src/verification/confirm/address-letter-pdf.ts';
import {
  createOutboxPostalMail,
  OUTBOX_LETTER_SUBJECT,
} from '../../apps/identity/src/verification/confirm/outbox-postal-mail.ts';
import type { Letter } from '../../apps/identity/src/verification/confirm/postal-mail-port.ts';
import { OutboxPage } from '../../apps/identity/src/views/outbox-page.tsx';
import { forEachBackend } from '../support/db/test-databases.ts';

const NOW = new Date('2027-02-04T15:00:00Z');
const OPTIONS = { providerName: 'Login.example', verifyUrl: 'https://idp.example.gov/verify/address' };

const LETTER: Letter = {
  kind: 'address_confirmation',
  recipientName: 'Pat Smith',
  address: { street: '12 Elm St', city: 'Springfield', state: 'IL', postalCode: '62701' },
  code: 'K7QM4XZ2',
  expiresAt: new Date('2027-03-06T04:59:59Z'),
  locale: 'en',
};

const page = (locale: 'en' | 'es', messages: OutboxMessage[]) =>
  renderDocument(
    OutboxPage({ locale, t: translator(locale), csrfToken: 'x', path: '/dev/outbox' }, messages),
  );

forEachBackend('outbox postal mail', { migrations: IDENTITY_MIGRATIONS }, async (t, db) => {
  const outbox = createOutboxRepo(db);
  const mail = createOutboxPostalMail(outbox, { ...OPTIONS, clock: () => NOW });

  await t.test('is named dev-outbox', () => assert.equal(mail.name, 'dev-outbox'));

  await t.test('a letter lands in the outbox as mail, with its PDF as the attachment', async () => {
    const { reference } = await mail.send(LETTER);
    const [latest] = await outbox.latest(1);
    assert.ok(latest);
    assert.equal(reference, String(latest.id));
    assert.deepEqual(
      {
        channel: latest.channel,
        recipient: latest.recipient,
        subject: latest.subject,
        hasAttachment: latest.hasAttachment,
      },
      {
        channel: 'mail',
        recipient: 'Pat Smith, 12 Elm St, Springfield, IL 62701',
        subject: OUTBOX_LETTER_SUBJECT,
        hasAttachment: true,
      },
    );
    assert.match(latest.body, /^Code: K7QM-4XZ2$/m);
    assert.match(latest.body, /https:\/\/idp\.example\.gov\/verify\/address/);

    const attachment = await outbox.attachment(latest.id);
    assert.ok(attachment);
    assert.equal(attachment.type, 'application/pdf');
    assert.ok(Buffer.isBuffer(attachment.bytes), 'bytea arrives as a Buffer on both backends');
    assert.equal(attachment.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    // Exactly the letter rendered at the clock's time: nothing lost or changed in the database.
    const expected = await renderAddressLetterPdf(LETTER, { ...OPTIONS, issuedAt: NOW });
    assert.ok(attachment.bytes.equals(expected));
  });

  await t.test('messages without an attachment have none, and an unknown id has none', async () => {
    await outbox.add({ channel: 'sms', recipient: '+12025550143', subject: 'Text message', body: 'b' });
    const [sms] = await outbox.latest(1);
    assert.ok(sms);
    assert.equal(sms.hasAttachment, false);
    assert.equal(await outbox.attachment(sms.id), undefined);
    assert.equal(await outbox.attachment(sms.id + 1000), undefined);
  });

  await t.test('addReturningId answers the id latest() lists', async () => {
    const id = await outbox.addReturningId({
      channel: 'email',
      recipient: 'pat@example.gov',
      subject: 'Hello',
      body: 'b',
      attachment: { bytes: Buffer.from([0, 1, 2, 255]), type: 'application/octet-stream' },
    });
    const [latest] = await outbox.latest(1);
    assert.equal(latest?.id, id);
    assert.deepEqual(await outbox.attachment(id), {
      bytes: Buffer.from([0, 1, 2, 255]),
      type: 'application/octet-stream',
    });
  });

  await t.test('the outbox page links to the letter, and only to messages that have one', async () => {
    await mail.send({ ...LETTER, locale: 'es' });
    const messages = await outbox.latest(10);
    const letters = messages.filter((m) => m.hasAttachment && m.channel === 'mail');
    const others = messages.filter((m) => !m.hasAttachment);
    assert.ok(letters.length >= 2 && others.length >= 1);
    for (const [locale, label, tag] of [
      ['en', 'View letter (PDF)', 'Letter'],
      ['es', 'Ver la carta (PDF)', 'Carta'],
    ] as const) {
      const html = page(locale, messages);
      for (const message of messages) {
        const start = html.search(new RegExp(`<article[^>]*data-outbox-id="${message.id}"`));
        assert.ok(start >= 0);
        const entry = html.slice(start, html.indexOf('</article>', start));
        const link = `<a class="usa-link" href="/dev/outbox/${message.id}/attachment" data-attachment-link="true">${label}</a>`;
        if (message.hasAttachment) {
          assert.ok(entry.includes(link), entry);
          if (message.channel === 'mail')
            assert.ok(entry.includes(`<span class="usa-tag">${tag}</span>`), entry);
        } else {
          assert.ok(!entry.includes('data-attachment-link'), entry);
        }
      }
    }
  });
});

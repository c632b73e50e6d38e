// The development telephony adapter writes text messages and voice calls to the dev outbox
// (a migrated identity database), and the outbox page shows them with their channel.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '#platform/i18n/catalog.ts';
import { parsePhoneNumber } from '#platform/telephony/phone-number.ts';
import { TelephonyError, type E164 } from '#platform/telephony/telephony-port.ts';
import { renderDocument } from '#platform/ui/render.ts';
import { IDENTITY_MIGRATIONS } from '../../apps/identity/src/db/migrations-folder.ts';
import { createOutboxRepo, type OutboxRepo } from '../../apps/identity/src/db/outbox-repo.ts';
import { createOutboxTelephonySender } from '../../apps/identity/src/telephony/outbox-telephony-sender.ts';
import { OutboxPage } from '../../apps/identity/src/views/outbox-page.tsx';
import { forEachBackend } from '../support/db/test-databases.ts';

function e164(input: string): E164 {
  const parsed = parsePhoneNumber(input);
  assert.ok(parsed.ok, `${input} parses`);
  return parsed.e164;
}

const page = (locale: 'en' | 'es', messages: Awaited<ReturnType<OutboxRepo['latest']>>) =>
  renderDocument(
    OutboxPage({ locale, t: translator(locale), csrfToken: 'x', path: '/dev/outbox' }, messages),
  );

/** The opening <article …> tag of the outbox entry with this id. */
function articleTag(html: string, id: number): string {
  const match = new RegExp(`<article[^>]*data-outbox-id="${id}"[^>]*>`).exec(html);
  assert.ok(match, `no article for message ${id} in ${html}`);
  return match[0];
}

forEachBackend('outbox telephony sender', { migrations: IDENTITY_MIGRATIONS }, async (t, db) => {
  const outbox = createOutboxRepo(db);
  const sender = createOutboxTelephonySender(outbox);

  await t.test('is named dev-outbox', () => {
    assert.equal(sender.name, 'dev-outbox');
  });

  await t.test('a text message lands in the outbox as sms, text unchanged', async () => {
    await sender.sendSms(e164('(202) 555-0143'), 'Your code is 123456. It expires in 10 minutes.');
    const [latest] = await outbox.latest(1);
    assert.ok(latest);
    assert.deepEqual(
      { channel: latest.channel, recipient: latest.recipient, subject: latest.subject, body: latest.body },
      {
        channel: 'sms',
        recipient: '+12025550143',
        subject: 'Text message',
        body: 'Your code is 123456. It expires in 10 minutes.',
      },
    );
  });

  await t.test('a voice call lands in the outbox as voice, with the code read digit by digit', async () => {
    await sender.placeVoiceCall(e164('415.555.0199'), 'Your code is 654321. Again: 654321.');
    const [latest] = await outbox.latest(1);
    assert.ok(latest);
    assert.deepEqual(
      { channel: latest.channel, recipient: latest.recipient, subject: latest.subject, body: latest.body },
      {
        channel: 'voice',
        recipient: '+14155550199',
        subject: 'Voice call',
        body: 'Your code is 6 5 4 3 2 1. Again: 6 5 4 3 2 1.',
      },
    );
  });

  await t.test('the outbox page tags each message with its channel', async () => {
    await outbox.add({ channel: 'email', recipient: 'pat@example.gov', subject: 'Confirm', body: 'b' });
    const [email, voice, sms] = await outbox.latest(3);
    assert.ok(email && voice && sms);
    assert.deepEqual([email.channel, voice.channel, sms.channel], ['email', 'voice', 'sms']);
    for (const [locale, labels] of [
      ['en', { email: 'Email', sms: 'Text message', voice: 'Voice call', mail: 'Letter' }],
      [
        'es',
        { email: 'Correo electrónico', sms: 'Mensaje de texto', voice: 'Llamada de voz', mail: 'Carta' },
      ],
    ] as const) {
      const html = page(locale, [email, voice, sms]);
      for (const message of [email, voice, sms]) {
        assert.match(articleTag(html, message.id), new RegExp(`data-channel="${message.channel}"`));
        const entry = html.slice(html.indexOf(articleTag(html, message.id)));
        const body = entry.slice(0, entry.indexOf('</article>'));
        assert.match(body, new RegExp(`<span class="usa-tag">${labels[message.channel]}</span>`), body);
        assert.match(
          body,
          new RegExp(`<dd data-recipient[^>]*>${message.recipient.replace('+', '\\+')}</dd>`),
          body,
        );
      }
    }
  });
});

test('the outbox telephony sender reports a failed write as provider_failure, never as another error', async () => {
  const failing: OutboxRepo = {
    add: () => Promise.reject(new Error('database is closed')),
    latest: () => Promise.resolve([]),
  };
  const sender = createOutboxTelephonySender(failing);
  for (const send of [
    () => sender.sendSms(e164('2025550143'), 'Your code is 123456.'),
    () => sender.placeVoiceCall(e164('2025550143'), 'Your code is 123456.'),
  ]) {
    await assert.rejects(send(), (error: unknown) => {
      assert.ok(error instanceof TelephonyError, String(error));
      assert.equal(error.kind, 'provider_failure');
      assert.match(String((error.cause as Error).message), /database is closed/);
      assert.ok(!error.message.includes('123456') && !error.message.includes('2025550143'), error.message);
      return true;
    });
  }
});

test('the outbox telephony sender refuses a value that is not E.164 as invalid_number', async () => {
  const added: unknown[] = [];
  const sender = createOutboxTelephonySender({
    add: async (message) => void added.push(message),
    latest: () => Promise.resolve([]),
  });
  await assert.rejects(
    sender.sendSms('202-555-0143' as E164, 'Your code is 123456.'),
    (error: unknown) =>
      error instanceof TelephonyError && error.kind === 'invalid_number' && error.channel === 'sms',
  );
  await assert.rejects(
    sender.placeVoiceCall('' as E164, 'Your code is 123456.'),
    (error: unknown) =>
      error instanceof TelephonyError && error.kind === 'invalid_number' && error.channel === 'voice',
  );
  assert.deepEqual(added, []);
});

// The SMTP adapter delivers through a real SMTP conversation (a local smtp-server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { createSmtpEmailSender } from '#platform/mail/smtp-email-sender.ts';

test('the SMTP email adapter delivers a message over SMTP', async () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  try {
    const sender = createSmtpEmailSender(`smtp://127.0.0.1:${port}`, 'no-reply@agency.example');
    assert.equal(sender.name, 'smtp');
    await sender.send({
      to: 'person@example.com',
      subject: 'Confirm your email address',
      text: 'Open this link: https://x/y',
      kind: 'sign-up-confirm',
    });
    assert.equal(received.length, 1);
    assert.equal(received[0]!.from, 'no-reply@agency.example');
    assert.deepEqual(received[0]!.to, ['person@example.com']);
    assert.match(received[0]!.data, /Subject: Confirm your email address/);
    assert.match(received[0]!.data, /Open this link: https:\/\/x\/y/);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('the SMTP email adapter reports a failed delivery instead of losing it silently', async () => {
  const sender = createSmtpEmailSender('smtp://127.0.0.1:1', 'no-reply@agency.example');
  await assert.rejects(sender.send({ to: 'person@example.com', subject: 's', text: 't', kind: 'k' }));
});

// SMTP adapter for real use (nodemailer). SMTP_URL is e.g. smtps://user:pass@mail.example.gov:465
import nodemailer from 'nodemailer';
import type { EmailMessage, EmailSender } from './email-port.ts';

export function createSmtpEmailSender(smtpUrl: string, from: string): EmailSender {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: 'smtp',
    async send(message: EmailMessage) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

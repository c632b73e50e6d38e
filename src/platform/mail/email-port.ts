// The email port. Adapters: a development outbox (visible at /dev/outbox) and SMTP.
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** A stable name of the kind of message, for logs and metrics (never the content). */
  kind: string;
}

export interface EmailSender {
  readonly name: string;
  send(message: EmailMessage): Promise<void>;
}

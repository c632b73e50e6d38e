// The development outbox: messages the system would have sent, shown at /dev/outbox.
// A message may carry one attachment (a posted letter's PDF), served by /dev/outbox/:id/attachment;
// latest() only says whether there is one, so listing the page never loads the files.
import type { Queryable } from '#platform/db/database.ts';

export interface OutboxMessage {
  id: number;
  channel: 'email' | 'sms' | 'voice' | 'mail';
  recipient: string;
  subject: string;
  body: string;
  createdAt: Date;
  hasAttachment: boolean;
}

export interface OutboxAttachment {
  bytes: Buffer;
  /** A media type, e.g. 'application/pdf'. */
  type: string;
}

export type NewOutboxMessage = Omit<OutboxMessage, 'id' | 'createdAt' | 'hasAttachment'> & {
  attachment?: OutboxAttachment;
};

export interface OutboxRepo {
  add(message: NewOutboxMessage): Promise<void>;
  latest(limit: number): Promise<OutboxMessage[]>;
}

/** What the letter adapter and the attachment route need besides OutboxRepo. */
export interface OutboxAttachments {
  /** Like add, and answers the new message's id. */
  addReturningId(message: NewOutboxMessage): Promise<number>;
  /** The attachment of message `id`, or undefined when there is no such message or it has none. */
  attachment(id: number): Promise<OutboxAttachment | undefined>;
}

/** PGlite answers bytea as a Uint8Array, node-postgres as a Buffer. */
function toBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

export function createOutboxRepo(db: Queryable): OutboxRepo & OutboxAttachments {
  async function insert(message: NewOutboxMessage): Promise<number> {
    const [row] = await db.query<{ id: number | string }>(
      `INSERT INTO dev_outbox (channel, recipient, subject, body, attachment, attachment_type)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        message.channel,
        message.recipient,
        message.subject,
        message.body,
        message.attachment?.bytes ?? null,
        message.attachment?.type ?? null,
      ],
    );
    return Number(row!.id);
  }
  return {
    async add(message) {
      await insert(message);
    },
    addReturningId: insert,
    async latest(limit) {
      const rows = await db.query<{
        id: number;
        channel: OutboxMessage['channel'];
        recipient: string;
        subject: string;
        body: string;
        created_at: Date;
        has_attachment: boolean;
      }>(
        `SELECT id, channel, recipient, subject, body, created_at, attachment IS NOT NULL AS has_attachment
         FROM dev_outbox ORDER BY id DESC LIMIT $1`,
        [limit],
      );
      return rows.map((r) => ({
        id: r.id,
        channel: r.channel,
        recipient: r.recipient,
        subject: r.subject,
        body: r.body,
        createdAt: r.created_at,
        hasAttachment: r.has_attachment,
      }));
    },
    async attachment(id) {
      const [row] = await db.query<{ attachment: Uint8Array | null; attachment_type: string | null }>(
        'SELECT attachment, attachment_type FROM dev_outbox WHERE id = $1',
        [id],
      );
      if (!row?.attachment) return undefined;
      return { bytes: toBuffer(row.attachment), type: row.attachment_type ?? 'application/octet-stream' };
    },
  };
}

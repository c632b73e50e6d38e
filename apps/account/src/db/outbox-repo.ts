// The tax account's development outbox: emails it would have sent (payment receipts, plan
// notices), kept in account_dev_outbox and shown at /dev/outbox. Same shape as the identity provider's.
import type { Queryable } from '#platform/db/database.ts';

export interface OutboxMessage {
  id: number;
  channel: 'email';
  recipient: string;
  subject: string;
  body: string;
  createdAt: Date;
}

export interface OutboxRepo {
  add(message: Omit<OutboxMessage, 'id' | 'createdAt'>): Promise<void>;
  /** Newest first. */
  latest(limit: number): Promise<OutboxMessage[]>;
}

export function createOutboxRepo(db: Queryable): OutboxRepo {
  return {
    async add(message) {
      await db.query(
        'INSERT INTO account_dev_outbox (channel, recipient, subject, body) VALUES ($1, $2, $3, $4)',
        [message.channel, message.recipient, message.subject, message.body],
      );
    },
    async latest(limit) {
      const rows = await db.query<{
        id: number;
        channel: OutboxMessage['channel'];
        recipient: string;
        subject: string;
        body: string;
        created_at: Date;
      }>(
        'SELECT id, channel, recipient, subject, body, created_at FROM account_dev_outbox ORDER BY id DESC LIMIT $1',
        [limit],
      );
      return rows.map((r) => ({
        id: r.id,
        channel: r.channel,
        recipient: r.recipient,
        subject: r.subject,
        body: r.body,
        createdAt: r.created_at,
      }));
    },
  };
}

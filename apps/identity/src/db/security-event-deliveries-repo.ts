// Security Event Token deliveries to agencies (RFC 8935 push), one row per agency and event.
// Rows are written on the caller's transaction (the action that caused the event); delivery
// workers claim due rows for a short lease (FOR UPDATE SKIP LOCKED, so several instances
// never send the same row at once), then record the outcome. Times come from the caller.
import type { Queryable } from '#platform/db/database.ts';
import { isUuid } from '#platform/db/uuid.ts';

export const SECURITY_EVENT_TYPES = ['account-purged', 'credential-change', 'account-disabled'] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface NewSecurityEventDelivery {
  /** Also the token's `jti`. */
  id: string;
  clientId: string;
  eventType: SecurityEventType;
  /** The agency's pairwise subject for the account. */
  subject: string;
  occurredAt: Date;
}

export interface SecurityEventDelivery extends NewSecurityEventDelivery {
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  createdAt: Date;
}

export interface SecurityEventDeliveriesRepo {
  /**
   * The agencies the account has consented to (expired consents included: they know the
   * person) that registered a `security_event_endpoint`. Read on the caller's transaction.
   */
  subscribedAgencies(tx: Queryable, accountId: string): Promise<string[]>;
  /** Queues deliveries, due at once. */
  enqueue(tx: Queryable, deliveries: readonly NewSecurityEventDelivery[], now: Date): Promise<void>;
  /**
   * Claims up to `limit` pending deliveries due at `now` and not claimed by another worker:
   * each is leased until `now + leaseSeconds` and its attempt counted.
   */
  claimDue(now: Date, limit: number, leaseSeconds: number): Promise<SecurityEventDelivery[]>;
  markDelivered(id: string, now: Date): Promise<void>;
  /** Releases the claim and tries again at `nextAttemptAt`. */
  retryLater(id: string, nextAttemptAt: Date, error: string): Promise<void>;
  /** Gives up on the delivery. */
  markFailed(id: string, now: Date, error: string): Promise<void>;
  find(id: string): Promise<SecurityEventDelivery | undefined>;
  /** An agency's deliveries, newest first (for operators and tests). */
  listForAgency(clientId: string, limit: number): Promise<SecurityEventDelivery[]>;
  /** Puts an agency's failed deliveries back in the queue, due at `now` (an operator's retry). */
  retryFailed(clientId: string, now: Date): Promise<number>;
}

interface Row {
  id: string;
  client_id: string;
  event_type: SecurityEventType;
  subject: string;
  occurred_at: Date;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  delivered_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
}

const COLUMNS =
  'id, client_id, event_type, subject, occurred_at, status, attempts, next_attempt_at, last_error, delivered_at, failed_at, created_at';

const toDelivery = (row: Row): SecurityEventDelivery => ({
  id: row.id,
  clientId: row.client_id,
  eventType: row.event_type,
  subject: row.subject,
  occurredAt: row.occurred_at,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  deliveredAt: row.delivered_at,
  failedAt: row.failed_at,
  createdAt: row.created_at,
});

/** Errors are stored for operators; keep them short. */
const clip = (error: string) => error.slice(0, 500);

export function createSecurityEventDeliveriesRepo(db: Queryable): SecurityEventDeliveriesRepo {
  return {
    async subscribedAgencies(tx, accountId) {
      if (!isUuid(accountId)) return [];
      const rows = await tx.query<{ client_id: string }>(
        `SELECT c.client_id FROM consents c JOIN agencies a ON a.client_id = c.client_id
         WHERE c.account_id = $1 AND a.metadata ->> 'security_event_endpoint' IS NOT NULL
         ORDER BY c.client_id`,
        [accountId],
      );
      return rows.map((row) => row.client_id);
    },
    async enqueue(tx, deliveries, now) {
      for (const d of deliveries) {
        await tx.query(
          `INSERT INTO security_event_deliveries
             (id, client_id, event_type, subject, occurred_at, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $6)`,
          [d.id, d.clientId, d.eventType, d.subject, d.occurredAt, now],
        );
      }
    },
    async claimDue(now, limit, leaseSeconds) {
      const rows = await db.query<Row>(
        `UPDATE security_event_deliveries SET locked_until = $2, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM security_event_deliveries
           WHERE status = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
           ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
         AND status = 'pending'
         RETURNING ${COLUMNS}`,
        [now, new Date(now.getTime() + leaseSeconds * 1000), limit],
      );
      return rows.map(toDelivery).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
    },
    async markDelivered(id, now) {
      await db.query(
        `UPDATE security_event_deliveries
         SET status = 'delivered', delivered_at = $2, locked_until = NULL, last_error = NULL
         WHERE id = $1 AND status = 'pending'`,
        [id, now],
      );
    },
    async retryLater(id, nextAttemptAt, error) {
      await db.query(
        `UPDATE security_event_deliveries SET next_attempt_at = $2, locked_until = NULL, last_error = $3
         WHERE id = $1 AND status = 'pending'`,
        [id, nextAttemptAt, clip(error)],
      );
    },
    async markFailed(id, now, error) {
      await db.query(
        `UPDATE security_event_deliveries
         SET status = 'failed', failed_at = $2, locked_until = NULL, last_error = $3
         WHERE id = $1 AND status = 'pending'`,
        [id, now, clip(error)],
      );
    },
    async find(id) {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM security_event_deliveries WHERE id = $1`, [
        id,
      ]);
      return rows[0] && toDelivery(rows[0]);
    },
    async retryFailed(clientId, now) {
      const rows = await db.query<{ id: string }>(
        `UPDATE security_event_deliveries
            SET status = 'pending', attempts = 0, next_attempt_at = $2, locked_until = NULL,
                failed_at = NULL, last_error = NULL
          WHERE client_id = $1 AND status = 'failed' RETURNING id`,
        [clientId, now],
      );
      return rows.length;
    },
    async listForAgency(clientId, limit) {
      const rows = await db.query<Row>(
        `SELECT ${COLUMNS} FROM security_event_deliveries WHERE client_id = $1
         ORDER BY created_at DESC, id LIMIT $2`,
        [clientId, limit],
      );
      return rows.map(toDelivery);
    },
  };
}

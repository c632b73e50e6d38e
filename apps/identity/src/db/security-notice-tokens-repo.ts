// "This wasn't me" links in security emails. The link holds a random token; only its hash
// is stored, with the event it reports, an expiry and a used mark. Also the one insert of
// a security event that returns its id (the link points at the event it reports).
import type { Queryable } from '#platform/db/database.ts';
import { hashToken, randomToken } from '#platform/crypto/tokens.ts';
import type { SecurityEventKind, SecurityEventsRepo } from './security-events-repo.ts';

export type SecurityEventInput = Parameters<SecurityEventsRepo['record']>[0];

/** Stores a security event like `SecurityEventsRepo.record` and returns its id. */
export async function insertSecurityEvent(db: Queryable, input: SecurityEventInput): Promise<number> {
  const rows = await db.query<{ id: number | string }>(
    `INSERT INTO security_events (account_id, kind, device_id, device_label, occurred_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [input.accountId, input.kind, input.deviceId ?? null, input.deviceLabel ?? null, input.at],
  );
  return Number(rows[0]!.id);
}

/** The security event a notice link reports. */
export interface NoticedEvent {
  id: number;
  kind: SecurityEventKind;
  deviceLabel: string | null;
  occurredAt: Date;
}

export type NoticeTokenState =
  { status: 'valid'; accountId: string; event: NoticedEvent } | { status: 'used' | 'expired' | 'unknown' };

export interface SecurityNoticeTokensRepo {
  /** Creates a link token for one event; returns the token (only its hash is stored). */
  issue(input: { accountId: string; eventId: number; now: Date; ttlSeconds: number }): Promise<string>;
  /** Looks at a token without using it. */
  inspect(token: string, now: Date): Promise<NoticeTokenState>;
  /** Marks a valid token used, atomically; true for exactly one caller. */
  consume(token: string, now: Date): Promise<boolean>;
}

interface Row {
  account_id: string;
  expires_at: Date;
  used_at: Date | null;
  event_id: number | string;
  kind: SecurityEventKind;
  device_label: string | null;
  occurred_at: Date;
}

export function createSecurityNoticeTokensRepo(db: Queryable): SecurityNoticeTokensRepo {
  return {
    async issue({ accountId, eventId, now, ttlSeconds }) {
      const token = randomToken();
      await db.query(
        `INSERT INTO security_notice_tokens (token_hash, account_id, event_id, expires_at)
         VALUES ($1, $2, $3, $4)`,
        [hashToken(token), accountId, eventId, new Date(now.getTime() + ttlSeconds * 1000)],
      );
      return token;
    },
    async inspect(token, now) {
      if (!token) return { status: 'unknown' };
      const rows = await db.query<Row>(
        `SELECT t.account_id, t.expires_at, t.used_at, t.event_id, e.kind, e.device_label, e.occurred_at
         FROM security_notice_tokens t JOIN security_events e ON e.id = t.event_id
         WHERE t.token_hash = $1`,
        [hashToken(token)],
      );
      const row = rows[0];
      if (!row) return { status: 'unknown' };
      if (row.used_at) return { status: 'used' };
      if (row.expires_at.getTime() <= now.getTime()) return { status: 'expired' };
      return {
        status: 'valid',
        accountId: row.account_id,
        event: {
          id: Number(row.event_id),
          kind: row.kind,
          deviceLabel: row.device_label,
          occurredAt: row.occurred_at,
        },
      };
    },
    async consume(token, now) {
      if (!token) return false;
      const rows = await db.query(
        `UPDATE security_notice_tokens SET used_at = $2
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING token_hash`,
        [hashToken(token), now],
      );
      return rows.length === 1;
    },
  };
}

// Audit events: one row for every access to taxpayer data and every sign-in or sign-out.
// Details never hold PII; the subject is the identity provider's opaque identifier.
import type { Queryable } from '#platform/db/database.ts';

export interface AuditEvent {
  subject: string | null;
  action: string;
  requestId: string;
  detail?: Record<string, string | number | boolean>;
}

export interface AuditRepo {
  record(event: AuditEvent): Promise<void>;
  forSubject(subject: string, limit: number): Promise<{ action: string; occurredAt: Date }[]>;
}

export function createAuditRepo(db: Queryable): AuditRepo {
  return {
    async record(event) {
      await db.query(
        'INSERT INTO audit_events (subject, action, request_id, detail) VALUES ($1, $2, $3, $4)',
        [event.subject, event.action, event.requestId, JSON.stringify(event.detail ?? {})],
      );
    },
    async forSubject(subject, limit) {
      const rows = await db.query<{ action: string; occurred_at: Date }>(
        'SELECT action, occurred_at FROM audit_events WHERE subject = $1 ORDER BY id DESC LIMIT $2',
        [subject, limit],
      );
      return rows.map((r) => ({ action: r.action, occurredAt: r.occurred_at }));
    },
  };
}

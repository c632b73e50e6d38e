// Security events per account and device, shown on the account page.
import type { Queryable } from '#platform/db/database.ts';

export const SECURITY_EVENT_KINDS = [
  'account_created',
  'sign_in',
  'sign_in_failed_mfa',
  'password_changed',
  'mfa_added',
  'mfa_removed',
  'mfa_renamed',
  'signed_out_everywhere',
  'email_added',
  'email_removed',
  'agency_revoked',
  'remembered_browsers_forgotten',
  'identity_verified',
  'identity_reactivated',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export interface SecurityEvent {
  id: number;
  kind: SecurityEventKind;
  deviceLabel: string | null;
  occurredAt: Date;
}

export interface SecurityEventsRepo {
  record(input: {
    accountId: string;
    kind: SecurityEventKind;
    deviceId?: string | undefined;
    deviceLabel?: string | undefined;
    at: Date;
  }): Promise<void>;
  list(accountId: string, limit: number): Promise<SecurityEvent[]>;
}

export function createSecurityEventsRepo(db: Queryable): SecurityEventsRepo {
  return {
    async record(input) {
      await db.query(
        'INSERT INTO security_events (account_id, kind, device_id, device_label, occurred_at) VALUES ($1, $2, $3, $4, $5)',
        [input.accountId, input.kind, input.deviceId ?? null, input.deviceLabel ?? null, input.at],
      );
    },
    async list(accountId, limit) {
      const rows = await db.query<{
        id: number;
        kind: SecurityEventKind;
        device_label: string | null;
        occurred_at: Date;
      }>(
        'SELECT id, kind, device_label, occurred_at FROM security_events WHERE account_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT $2',
        [accountId, limit],
      );
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        deviceLabel: r.device_label,
        occurredAt: r.occurred_at,
      }));
    },
  };
}

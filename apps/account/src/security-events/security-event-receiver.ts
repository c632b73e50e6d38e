// Acts on a Security Event Token from the identity provider: once it verifies, "account
// purged", "account disabled" (the owner said "this wasn't me") and "credential change" (a
// password reset) end every tax-account session of the
// subject, and each is written to the audit log. All in one transaction with remembering the
// token's `jti`, so a resent token is acknowledged without acting twice (it would otherwise
// end sessions the person started since), and a failure leaves nothing half done.
import type { JWTVerifyGetKey } from 'jose';
import type { Database, Queryable } from '#platform/db/database.ts';
import type { SessionsRepo } from '../db/sessions-repo.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import { verifySecurityEventToken, type ReceivedEventKind } from './security-event-token.ts';

export const AUDIT_ACTIONS: Record<ReceivedEventKind, string> = {
  'account-purged': 'security_event_account_purged',
  'credential-change': 'security_event_credential_change',
  'account-disabled': 'security_event_account_disabled',
};

export interface SecurityEventReceiverDeps {
  db: Database;
  keys: JWTVerifyGetKey;
  /** The identity provider we trust (the account's OIDC issuer). */
  issuer: string;
  /** Our client id at the provider (the tokens' audience). */
  clientId: string;
  /** The repositories, on the receiving transaction. */
  sessionsOn(q: Queryable): Pick<SessionsRepo, 'destroyAllForSubject'>;
  auditOn(q: Queryable): Pick<AuditRepo, 'record'>;
  now: () => Date;
}

export interface ReceiveOutcome {
  jti: string;
  /** Already received (and acted on) before. */
  duplicate: boolean;
  events: { kind: ReceivedEventKind; subject: string; sessionsEnded: number }[];
  ignored: string[];
}

export interface SecurityEventReceiver {
  /** Verifies and acts; throws SetRejected or SetKeysUnavailable (security-event-token.ts). */
  receive(token: string, requestId: string): Promise<ReceiveOutcome>;
}

export function createSecurityEventReceiver(deps: SecurityEventReceiverDeps): SecurityEventReceiver {
  return {
    async receive(token, requestId) {
      const set = await verifySecurityEventToken(token, {
        keys: deps.keys,
        issuer: deps.issuer,
        audience: deps.clientId,
      });
      return deps.db.transaction(async (tx) => {
        const fresh = await tx.query(
          `INSERT INTO received_security_events (issuer, jti, received_at) VALUES ($1, $2, $3)
           ON CONFLICT (issuer, jti) DO NOTHING RETURNING jti`,
          [deps.issuer, set.jti, deps.now()],
        );
        if (fresh.length === 0) return { jti: set.jti, duplicate: true, events: [], ignored: set.ignored };
        const sessions = deps.sessionsOn(tx);
        const audit = deps.auditOn(tx);
        const events: ReceiveOutcome['events'] = [];
        for (const event of set.events) {
          const sessionsEnded = await sessions.destroyAllForSubject(event.subject);
          await audit.record({
            subject: event.subject,
            action: AUDIT_ACTIONS[event.kind],
            requestId,
            detail: { jti: set.jti, sessions_ended: sessionsEnded },
          });
          events.push({ ...event, sessionsEnded });
        }
        return { jti: set.jti, duplicate: false, events, ignored: set.ignored };
      });
    },
  };
}

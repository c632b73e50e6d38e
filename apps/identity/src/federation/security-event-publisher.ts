// What the account flows call, on their own transaction, when an agency must hear about an
// account: one queued Security Event Token per agency the person consented to that registered
// a `security_event_endpoint`. Called BEFORE an account is deleted: the consents (which
// cascade with it) name the agencies, and each agency's pairwise subject is computed now.
// The delivery worker (security-event-delivery.ts) sends them once the transaction commits.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import { isUuid } from '#platform/db/uuid.ts';
import type { Clock } from '#platform/time/clock.ts';
import type { SecurityEventDeliveriesRepo, SecurityEventType } from '../db/security-event-deliveries-repo.ts';
import type { PairwiseSubject } from './pairwise-subject.ts';

/** The hooks the flows take (optional there): each returns how many deliveries were queued. */
export interface AgencySecurityEvents {
  /** Before the account row is deleted, in the same transaction. */
  accountDeleted(tx: Queryable, accountId: string): Promise<number>;
  /** With the new password hash, in the same transaction. */
  passwordReset(tx: Queryable, accountId: string): Promise<number>;
  /** When the owner locks the account ("this wasn't me"). */
  accountLocked(tx: Queryable, accountId: string): Promise<number>;
}

export interface AgencySecurityEventsDeps {
  deliveries: Pick<SecurityEventDeliveriesRepo, 'subscribedAgencies' | 'enqueue'>;
  /** pairwiseSubjects(secret) — the same function the provider uses for `sub`. */
  pairwiseSubject: PairwiseSubject;
  clock: Clock;
}

export function createAgencySecurityEvents(deps: AgencySecurityEventsDeps): AgencySecurityEvents {
  async function enqueue(tx: Queryable, accountId: string, eventType: SecurityEventType): Promise<number> {
    const clientIds = await deps.deliveries.subscribedAgencies(tx, accountId);
    if (clientIds.length === 0) return 0;
    const now = deps.clock.now();
    await deps.deliveries.enqueue(
      tx,
      clientIds.map((clientId) => ({
        id: randomUUID(),
        clientId,
        eventType,
        subject: deps.pairwiseSubject(clientId, accountId),
        occurredAt: now,
      })),
      now,
    );
    return clientIds.length;
  }

  return {
    async accountDeleted(tx, accountId) {
      if (!isUuid(accountId)) return 0;
      // Locks the account row: a second deletion at the same time waits, then finds no
      // consents (they went with the account) and queues nothing.
      await tx.query('SELECT id FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
      return enqueue(tx, accountId, 'account-purged');
    },
    passwordReset: (tx, accountId) => enqueue(tx, accountId, 'credential-change'),
    accountLocked: (tx, accountId) => enqueue(tx, accountId, 'account-disabled'),
  };
}

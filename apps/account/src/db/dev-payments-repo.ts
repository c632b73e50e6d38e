// Reads what the development payment adapters recorded (dev_card_charges, dev_bank_debits),
// newest first, for the /dev/payments page. Development only; writes belong to the adapters.
// Cents are read as text and returned as bigint, exactly.
import type { Queryable } from '#platform/db/database.ts';

export interface DevCardChargeRecord {
  idempotencyKey: string;
  chargeId: string;
  outcome: 'approved' | 'declined' | 'error';
  /** The decline reason (CardDeclineReason), when declined. */
  reason: string | null;
  brand: string;
  last4: string;
  amountCents: bigint;
  feeCents: bigint;
  createdAt: Date;
}

export interface DevBankDebitRecord {
  idempotencyKey: string;
  traceNumber: string;
  routingNumber: string;
  accountLast4: string;
  accountType: string;
  amountCents: bigint;
  /** YYYY-MM-DD. */
  effectiveDate: string;
  outcome: 'accepted' | 'settled' | 'returned';
  /** Decided at submission for a test account; shown as returned once status() is asked. */
  returnCode: string | null;
  createdAt: Date;
}

export interface DevPaymentsRepo {
  latestCardCharges(limit: number): Promise<DevCardChargeRecord[]>;
  latestBankDebits(limit: number): Promise<DevBankDebitRecord[]>;
}

export function createDevPaymentsRepo(db: Queryable): DevPaymentsRepo {
  return {
    async latestCardCharges(limit) {
      const rows = await db.query<{
        idempotency_key: string;
        charge_id: string;
        outcome: DevCardChargeRecord['outcome'];
        reason: string | null;
        brand: string;
        last4: string;
        amount_cents: string;
        fee_cents: string;
        created_at: Date;
      }>(
        `SELECT idempotency_key, charge_id, outcome, reason, brand, last4, amount_cents::text AS amount_cents,
                fee_cents::text AS fee_cents, created_at
           FROM dev_card_charges ORDER BY created_at DESC, charge_id LIMIT $1`,
        [limit],
      );
      return rows.map((r) => ({
        idempotencyKey: r.idempotency_key,
        chargeId: r.charge_id,
        outcome: r.outcome,
        reason: r.reason,
        brand: r.brand,
        last4: r.last4,
        amountCents: BigInt(r.amount_cents),
        feeCents: BigInt(r.fee_cents),
        createdAt: r.created_at,
      }));
    },
    async latestBankDebits(limit) {
      const rows = await db.query<{
        idempotency_key: string;
        trace_number: string;
        routing_number: string;
        account_last4: string;
        account_type: string;
        amount_cents: string;
        effective_date: string;
        outcome: DevBankDebitRecord['outcome'];
        return_code: string | null;
        created_at: Date;
      }>(
        `SELECT idempotency_key, trace_number, routing_number, account_last4, account_type,
                amount_cents::text AS amount_cents, effective_date::text AS effective_date, outcome,
                return_code, created_at
           FROM dev_bank_debits ORDER BY created_at DESC, trace_number LIMIT $1`,
        [limit],
      );
      return rows.map((r) => ({
        idempotencyKey: r.idempotency_key,
        traceNumber: r.trace_number,
        routingNumber: r.routing_number,
        accountLast4: r.account_last4,
        accountType: r.account_type,
        amountCents: BigInt(r.amount_cents),
        effectiveDate: r.effective_date,
        outcome: r.outcome,
        returnCode: r.return_code,
        createdAt: r.created_at,
      }));
    },
  };
}

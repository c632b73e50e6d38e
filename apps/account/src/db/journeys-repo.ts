// Journeys in progress (make a payment, set up or revise a plan): their state persisted per
// web session so Back, reload and deep links resolve against what was really entered, and an
// idempotency key that every try of the final submission carries. State is encrypted (it can
// hold a bank account number; never a card number — cards are entered on the last step).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { isUuid } from '#platform/db/uuid.ts';

export type JourneyKind = 'payment' | 'plan';

export interface Journey<S> {
  id: string;
  kind: JourneyKind;
  state: S;
  idempotencyKey: string;
}

export interface JourneysRepo {
  start<S>(
    sessionHash: string,
    kind: JourneyKind,
    state: S,
    now: Date,
    ttlSeconds: number,
  ): Promise<Journey<S>>;
  /** The journey if it belongs to this session, is of this kind and has not expired. */
  find<S>(id: string, sessionHash: string, kind: JourneyKind, now: Date): Promise<Journey<S> | undefined>;
  save<S>(id: string, state: S, now: Date, ttlSeconds: number): Promise<void>;
  /** A fresh key for a new try (after a card was declined, the next card is a new payment). */
  newKey(id: string): Promise<string>;
  end(id: string): Promise<void>;
  /** Deletes expired journeys; how many. */
  prune(now: Date): Promise<number>;
}

export function createJourneysRepo(db: Queryable, cipher: FieldCipher): JourneysRepo {
  return {
    async start(sessionHash, kind, state, now, ttlSeconds) {
      const id = randomUUID();
      const idempotencyKey = randomUUID();
      await db.query(
        `INSERT INTO journeys (id, session_hash, kind, state_enc, idempotency_key, created_at, updated_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7)`,
        [
          id,
          sessionHash,
          kind,
          cipher.encrypt(JSON.stringify(state)),
          idempotencyKey,
          now,
          new Date(now.getTime() + ttlSeconds * 1000),
        ],
      );
      return { id, kind, state, idempotencyKey };
    },
    async find<S>(id: string, sessionHash: string, kind: JourneyKind, now: Date) {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<{ state_enc: string; idempotency_key: string }>(
        'SELECT state_enc, idempotency_key FROM journeys WHERE id = $1 AND session_hash = $2 AND kind = $3 AND expires_at > $4',
        [id, sessionHash, kind, now],
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        id,
        kind,
        state: JSON.parse(cipher.decrypt(row.state_enc)) as S,
        idempotencyKey: row.idempotency_key,
      };
    },
    async save(id, state, now, ttlSeconds) {
      await db.query('UPDATE journeys SET state_enc = $2, updated_at = $3, expires_at = $4 WHERE id = $1', [
        id,
        cipher.encrypt(JSON.stringify(state)),
        now,
        new Date(now.getTime() + ttlSeconds * 1000),
      ]);
    },
    async newKey(id) {
      const key = randomUUID();
      await db.query('UPDATE journeys SET idempotency_key = $2 WHERE id = $1', [id, key]);
      return key;
    },
    async end(id) {
      await db.query('DELETE FROM journeys WHERE id = $1', [id]);
    },
    async prune(now) {
      const rows = await db.query<{ id: string }>(
        'DELETE FROM journeys WHERE expires_at <= $1 RETURNING id',
        [now],
      );
      return rows.length;
    },
  };
}

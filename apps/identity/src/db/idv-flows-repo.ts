// Persisted identity-verification journeys (one active per account), the photos awaiting their
// decision, and the "continue on your phone" links. Every step's precondition reads the flow row,
// so Back, reloads and deep links resolve against stored state. Personal data in the row (what the
// document said, what the person typed, the phone) is encrypted; photos are encrypted bytes that
// are deleted as soon as the analysis decides.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import { isUuid } from '#platform/db/uuid.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import type { DocumentType } from '../verification/engine/idv-decision.ts';
import type { DocumentFields } from '../verification/engine/document-fields.ts';
import type { PersonalDetails } from '../verification/flow/personal-details.ts';

export type IdvMethod = 'this-device' | 'phone' | 'video';
export type DocumentStatus = 'none' | 'captured' | 'pending' | 'passed' | 'retry' | 'failed';
export type CaptureSide = 'front' | 'back' | 'selfie';

export interface IdvFlow {
  id: string;
  accountId: string;
  interactionUid: string | null;
  status: 'active' | 'completed' | 'abandoned';
  consentedAt: Date | null;
  method: IdvMethod | null;
  documentType: DocumentType | null;
  documentStatus: DocumentStatus;
  documentReason: string | null;
  documentStartedAt: Date | null;
  documentFields: DocumentFields | null;
  facialMatch: boolean;
  selfieFailures: number;
  details: PersonalDetails | null;
  detailsVerifiedAt: Date | null;
  addressMethod: 'phone' | 'mail' | null;
  phone: string | null;
  confirmationSentAt: Date | null;
  confirmationExpiresAt: Date | null;
  confirmationAttempts: number;
  addressConfirmedAt: Date | null;
  completedAt: Date | null;
  personalKeyAcknowledgedAt: Date | null;
  errorCode: number | null;
  createdAt: Date;
  expiresAt: Date;
}

/** What a step may change. Encrypted fields are encrypted here; `null` clears. */
export type IdvFlowPatch = Partial<
  Pick<
    IdvFlow,
    | 'status'
    | 'consentedAt'
    | 'method'
    | 'documentType'
    | 'documentStatus'
    | 'documentReason'
    | 'documentStartedAt'
    | 'documentFields'
    | 'facialMatch'
    | 'selfieFailures'
    | 'details'
    | 'detailsVerifiedAt'
    | 'addressMethod'
    | 'phone'
    | 'confirmationSentAt'
    | 'confirmationExpiresAt'
    | 'confirmationAttempts'
    | 'addressConfirmedAt'
    | 'completedAt'
    | 'personalKeyAcknowledgedAt'
    | 'errorCode'
  > & { confirmationCodeHash: string | null; personalKey: string | null }
>;

const COLUMN: Record<keyof IdvFlowPatch, string> = {
  status: 'status',
  consentedAt: 'consented_at',
  method: 'method',
  documentType: 'document_type',
  documentStatus: 'document_status',
  documentReason: 'document_reason',
  documentStartedAt: 'document_started_at',
  documentFields: 'document_fields_enc',
  facialMatch: 'facial_match',
  selfieFailures: 'selfie_failures',
  details: 'details_enc',
  detailsVerifiedAt: 'details_verified_at',
  addressMethod: 'address_method',
  phone: 'phone_enc',
  confirmationCodeHash: 'confirmation_code_hash',
  confirmationSentAt: 'confirmation_sent_at',
  confirmationExpiresAt: 'confirmation_expires_at',
  confirmationAttempts: 'confirmation_attempts',
  addressConfirmedAt: 'address_confirmed_at',
  completedAt: 'completed_at',
  personalKeyAcknowledgedAt: 'personal_key_acknowledged_at',
  personalKey: 'personal_key_enc',
  errorCode: 'error_code',
};
const ENCRYPTED_JSON = new Set<keyof IdvFlowPatch>(['documentFields', 'details']);

interface Row {
  id: string;
  account_id: string;
  interaction_uid: string | null;
  status: IdvFlow['status'];
  consented_at: Date | null;
  method: IdvMethod | null;
  document_type: DocumentType | null;
  document_status: DocumentStatus;
  document_reason: string | null;
  document_started_at: Date | null;
  document_fields_enc: string | null;
  facial_match: boolean;
  selfie_failures: number;
  details_enc: string | null;
  details_verified_at: Date | null;
  address_method: 'phone' | 'mail' | null;
  phone_enc: string | null;
  confirmation_sent_at: Date | null;
  confirmation_expires_at: Date | null;
  confirmation_attempts: number;
  address_confirmed_at: Date | null;
  completed_at: Date | null;
  personal_key_acknowledged_at: Date | null;
  error_code: number | null;
  created_at: Date;
  expires_at: Date;
}

export interface IdvFlowsRepo {
  /** The account's active journey, if any and not expired (an expired one is abandoned). */
  active(accountId: string, now: Date): Promise<IdvFlow | undefined>;
  /** The most recent journey of the account, whatever its status (for the last pages). */
  latest(accountId: string): Promise<IdvFlow | undefined>;
  findById(id: string): Promise<IdvFlow | undefined>;
  start(input: {
    accountId: string;
    interactionUid: string | null;
    now: Date;
    ttlSeconds: number;
  }): Promise<IdvFlow>;
  /** Applies a patch; with `when`, only if the row still has those document statuses (a guard). */
  update(
    id: string,
    patch: IdvFlowPatch,
    now: Date,
    when?: { documentStatus: DocumentStatus[] },
  ): Promise<boolean>;
  setInteraction(id: string, interactionUid: string | null, now: Date): Promise<void>;
  /** The personal key awaiting acknowledgment, if any. */
  personalKey(id: string): Promise<string | undefined>;
  /** The stored confirmation code's hash, for comparison. */
  confirmationCodeHash(id: string): Promise<string | undefined>;
  putCapture(flowId: string, side: CaptureSide, images: readonly Uint8Array[], now: Date): Promise<void>;
  capturedSides(flowId: string): Promise<CaptureSide[]>;
  captures(flowId: string): Promise<Partial<Record<CaptureSide, Uint8Array[]>>>;
  /** Deletes the photos (after a decision, or when the journey ends). Returns how many were deleted. */
  deleteCaptures(flowId: string): Promise<number>;
  createHandoff(flowId: string, tokenHash: string, now: Date, ttlSeconds: number): Promise<void>;
  /** The flow a phone link opens (marks it opened), if the link is live. */
  openHandoff(tokenHash: string, now: Date): Promise<string | undefined>;
  handoffOpened(flowId: string): Promise<boolean>;
  /** Journeys whose analysis started before `before` and never finished (a process died). */
  stalePending(before: Date): Promise<string[]>;
}

/** Several frames of a selfie travel as one encrypted value: a JSON list of base64 images. */
function packImages(images: readonly Uint8Array[]): string {
  return JSON.stringify(images.map((image) => Buffer.from(image).toString('base64')));
}
function unpackImages(packed: string): Uint8Array[] {
  return (JSON.parse(packed) as string[]).map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
}

export function createIdvFlowsRepo(db: Queryable, cipher: FieldCipher): IdvFlowsRepo {
  const decryptJson = <T>(value: string | null): T | null =>
    value === null ? null : (JSON.parse(cipher.decrypt(value)) as T);
  const toFlow = (row: Row): IdvFlow => ({
    id: row.id,
    accountId: row.account_id,
    interactionUid: row.interaction_uid,
    status: row.status,
    consentedAt: row.consented_at,
    method: row.method,
    documentType: row.document_type,
    documentStatus: row.document_status,
    documentReason: row.document_reason,
    documentStartedAt: row.document_started_at,
    documentFields: decryptJson<DocumentFields>(row.document_fields_enc),
    facialMatch: row.facial_match,
    selfieFailures: row.selfie_failures,
    details: decryptJson<PersonalDetails>(row.details_enc),
    detailsVerifiedAt: row.details_verified_at,
    addressMethod: row.address_method,
    phone: row.phone_enc === null ? null : cipher.decrypt(row.phone_enc),
    confirmationSentAt: row.confirmation_sent_at,
    confirmationExpiresAt: row.confirmation_expires_at,
    confirmationAttempts: row.confirmation_attempts,
    addressConfirmedAt: row.address_confirmed_at,
    completedAt: row.completed_at,
    personalKeyAcknowledgedAt: row.personal_key_acknowledged_at,
    errorCode: row.error_code,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  });
  const one = async (sql: string, params: unknown[]) => {
    const rows = await db.query<Row>(sql, params);
    return rows[0] && toFlow(rows[0]);
  };
  return {
    async active(accountId, now) {
      await db.query(
        `UPDATE idv_flows SET status = 'abandoned', updated_at = $2
         WHERE account_id = $1 AND status = 'active' AND expires_at <= $2`,
        [accountId, now],
      );
      return one(`SELECT * FROM idv_flows WHERE account_id = $1 AND status = 'active'`, [accountId]);
    },
    latest(accountId) {
      return one(`SELECT * FROM idv_flows WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`, [
        accountId,
      ]);
    },
    async findById(id) {
      if (!isUuid(id)) return undefined;
      return one('SELECT * FROM idv_flows WHERE id = $1', [id]);
    },
    async start({ accountId, interactionUid, now, ttlSeconds }) {
      const flow = await one(
        `INSERT INTO idv_flows (id, account_id, interaction_uid, created_at, updated_at, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5) RETURNING *`,
        [randomUUID(), accountId, interactionUid, now, new Date(now.getTime() + ttlSeconds * 1000)],
      );
      return flow!;
    },
    async update(id, patch, now, when) {
      const sets: string[] = [];
      const params: unknown[] = [id, now];
      for (const [key, value] of Object.entries(patch) as [keyof IdvFlowPatch, unknown][]) {
        let stored = value;
        if (value !== null && ENCRYPTED_JSON.has(key)) stored = cipher.encrypt(JSON.stringify(value));
        else if (value !== null && (key === 'phone' || key === 'personalKey'))
          stored = cipher.encrypt(String(value));
        params.push(stored);
        sets.push(`${COLUMN[key]} = $${params.length}`);
      }
      let guard = '';
      if (when) {
        params.push(when.documentStatus);
        guard = ` AND document_status = ANY($${params.length}::text[])`;
      }
      const rows = await db.query(
        `UPDATE idv_flows SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1${guard} RETURNING id`,
        params,
      );
      return rows.length === 1;
    },
    async setInteraction(id, interactionUid, now) {
      await db.query('UPDATE idv_flows SET interaction_uid = $2, updated_at = $3 WHERE id = $1', [
        id,
        interactionUid,
        now,
      ]);
    },
    async personalKey(id) {
      const rows = await db.query<{ personal_key_enc: string | null }>(
        'SELECT personal_key_enc FROM idv_flows WHERE id = $1',
        [id],
      );
      const sealed = rows[0]?.personal_key_enc;
      return sealed ? cipher.decrypt(sealed) : undefined;
    },
    async confirmationCodeHash(id) {
      const rows = await db.query<{ confirmation_code_hash: string | null }>(
        'SELECT confirmation_code_hash FROM idv_flows WHERE id = $1',
        [id],
      );
      return rows[0]?.confirmation_code_hash ?? undefined;
    },
    async putCapture(flowId, side, images, now) {
      const sealed = Buffer.from(cipher.encrypt(packImages(images)), 'utf8');
      await db.query(
        `INSERT INTO idv_captures (flow_id, side, image_enc, captured_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (flow_id, side) DO UPDATE SET image_enc = EXCLUDED.image_enc, captured_at = EXCLUDED.captured_at`,
        [flowId, side, sealed, now],
      );
    },
    async capturedSides(flowId) {
      const rows = await db.query<{ side: CaptureSide }>('SELECT side FROM idv_captures WHERE flow_id = $1', [
        flowId,
      ]);
      return rows.map((row) => row.side);
    },
    async captures(flowId) {
      const rows = await db.query<{ side: CaptureSide; image_enc: Uint8Array }>(
        'SELECT side, image_enc FROM idv_captures WHERE flow_id = $1',
        [flowId],
      );
      const out: Partial<Record<CaptureSide, Uint8Array[]>> = {};
      for (const row of rows)
        out[row.side] = unpackImages(cipher.decrypt(Buffer.from(row.image_enc).toString('utf8')));
      return out;
    },
    async deleteCaptures(flowId) {
      const rows = await db.query('DELETE FROM idv_captures WHERE flow_id = $1 RETURNING side', [flowId]);
      return rows.length;
    },
    async createHandoff(flowId, tokenHash, now, ttlSeconds) {
      await db.query(
        'INSERT INTO idv_handoffs (token_hash, flow_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [tokenHash, flowId, now, new Date(now.getTime() + ttlSeconds * 1000)],
      );
    },
    async openHandoff(tokenHash, now) {
      const rows = await db.query<{ flow_id: string }>(
        `UPDATE idv_handoffs SET opened_at = COALESCE(opened_at, $2)
         WHERE token_hash = $1 AND expires_at > $2 RETURNING flow_id`,
        [tokenHash, now],
      );
      return rows[0]?.flow_id;
    },
    async handoffOpened(flowId) {
      const rows = await db.query(
        'SELECT 1 FROM idv_handoffs WHERE flow_id = $1 AND opened_at IS NOT NULL LIMIT 1',
        [flowId],
      );
      return rows.length > 0;
    },
    async stalePending(before) {
      const rows = await db.query<{ id: string }>(
        `SELECT id FROM idv_flows WHERE status = 'active' AND document_status = 'pending' AND document_started_at < $1`,
        [before],
      );
      return rows.map((row) => row.id);
    },
  };
}

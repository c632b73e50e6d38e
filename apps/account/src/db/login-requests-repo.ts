// Pending sign-in requests, keyed by a hash of `state`: the PKCE verifier (encrypted) and
// nonce wait here until the identity provider redirects back. Each is usable once.
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { hashToken } from '#platform/crypto/tokens.ts';

export interface LoginRequest {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

export interface LoginRequestsRepo {
  save(state: string, request: LoginRequest, expiresAt: Date): Promise<void>;
  /** Removes and returns the request for `state`, if it exists and has not expired. */
  take(state: string, now: Date): Promise<LoginRequest | undefined>;
}

export function createLoginRequestsRepo(db: Queryable, cipher: FieldCipher): LoginRequestsRepo {
  return {
    async save(state, request, expiresAt) {
      await db.query(
        'INSERT INTO login_requests (state_hash, code_verifier_enc, nonce, return_to, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [hashToken(state), cipher.encrypt(request.codeVerifier), request.nonce, request.returnTo, expiresAt],
      );
    },
    async take(state, now) {
      const rows = await db.query<{
        code_verifier_enc: string;
        nonce: string;
        return_to: string;
        expires_at: Date;
      }>(
        'DELETE FROM login_requests WHERE state_hash = $1 RETURNING code_verifier_enc, nonce, return_to, expires_at',
        [hashToken(state)],
      );
      const row = rows[0];
      if (!row || row.expires_at <= now) return undefined;
      return {
        codeVerifier: cipher.decrypt(row.code_verifier_enc),
        nonce: row.nonce,
        returnTo: row.return_to,
      };
    },
  };
}

// Signing keys and other server secrets, kept in the database (encrypted), so every
// instance of the identity provider signs with the same keys and they survive restarts.
import { generateKeyPair, exportJWK, type JWK } from 'jose';
import { randomBytes } from 'node:crypto';
import type { Database } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';

export const SIGNING_ALGORITHMS = ['RS256', 'ES256'] as const;

export interface SigningKeyInfo {
  kid: string;
  alg: string;
  createdAt: Date;
  retiredAt: Date | undefined;
  publishedUntil: Date | undefined;
}

export interface SecretsRepo {
  /** Active private signing keys (JWK), creating one per algorithm on first use. */
  signingKeys(): Promise<JWK[]>;
  /**
   * The keys to publish and sign with: the active ones first (they sign), then retired keys
   * whose publication window has not ended (they only verify what they signed before).
   */
  publishedSigningKeys(now: Date): Promise<JWK[]>;
  /**
   * Retires the active keys (still published for `publishSeconds`) and creates new ones.
   * Returns the new and the retired key ids.
   */
  rotateSigningKeys(now: Date, publishSeconds: number): Promise<{ created: string[]; retired: string[] }>;
  /** Every signing key with its state, for the operator (no private material). */
  listSigningKeys(): Promise<SigningKeyInfo[]>;
  /** A named random secret (e.g. cookie keys), creating it on first use. */
  secret(name: string): Promise<string>;
}

export function createSecretsRepo(db: Database, cipher: FieldCipher): SecretsRepo {
  return {
    async signingKeys() {
      return db.transaction(async (tx) => {
        await tx.query('LOCK TABLE signing_keys IN EXCLUSIVE MODE');
        const rows = await tx.query<{ alg: string; private_jwk_enc: string }>(
          'SELECT alg, private_jwk_enc FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC',
        );
        const keys = rows.map((row) => JSON.parse(cipher.decrypt(row.private_jwk_enc)) as JWK);
        for (const alg of SIGNING_ALGORITHMS) {
          if (keys.some((key) => key.alg === alg)) continue;
          const { privateKey } = await generateKeyPair(alg, { extractable: true });
          const jwk: JWK = {
            ...(await exportJWK(privateKey)),
            alg,
            use: 'sig',
            kid: randomBytes(12).toString('base64url'),
          };
          await tx.query('INSERT INTO signing_keys (kid, alg, private_jwk_enc) VALUES ($1, $2, $3)', [
            jwk.kid,
            alg,
            cipher.encrypt(JSON.stringify(jwk)),
          ]);
          keys.push(jwk);
        }
        return keys;
      });
    },
    async publishedSigningKeys(now) {
      const active = await this.signingKeys();
      const rows = await db.query<{ private_jwk_enc: string }>(
        `SELECT private_jwk_enc FROM signing_keys
          WHERE retired_at IS NOT NULL AND published_until > $1 ORDER BY retired_at DESC`,
        [now],
      );
      return [...active, ...rows.map((row) => JSON.parse(cipher.decrypt(row.private_jwk_enc)) as JWK)];
    },
    async rotateSigningKeys(now, publishSeconds) {
      const retired = await db.query<{ kid: string }>(
        `UPDATE signing_keys SET retired_at = $1, published_until = $2
          WHERE retired_at IS NULL RETURNING kid`,
        [now, new Date(now.getTime() + publishSeconds * 1000)],
      );
      const keys = await this.signingKeys();
      return { created: keys.map((key) => key.kid!), retired: retired.map((row) => row.kid) };
    },
    async listSigningKeys() {
      const rows = await db.query<{
        kid: string;
        alg: string;
        created_at: Date;
        retired_at: Date | null;
        published_until: Date | null;
      }>('SELECT kid, alg, created_at, retired_at, published_until FROM signing_keys ORDER BY created_at');
      return rows.map((row) => ({
        kid: row.kid,
        alg: row.alg,
        createdAt: row.created_at,
        retiredAt: row.retired_at ?? undefined,
        publishedUntil: row.published_until ?? undefined,
      }));
    },
    async secret(name) {
      const fresh = randomBytes(32).toString('base64url');
      await db.query(
        'INSERT INTO app_secrets (name, value_enc) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
        [name, cipher.encrypt(fresh)],
      );
      const rows = await db.query<{ value_enc: string }>(
        'SELECT value_enc FROM app_secrets WHERE name = $1',
        [name],
      );
      return cipher.decrypt(rows[0]!.value_enc);
    },
  };
}

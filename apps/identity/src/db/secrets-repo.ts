// Signing keys and other server secrets, kept in the database (encrypted), so every
// instance of the identity provider signs with the same keys and they survive restarts.
import { generateKeyPair, exportJWK, type JWK } from 'jose';
import { randomBytes } from 'node:crypto';
import type { Database } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';

export const SIGNING_ALGORITHMS = ['RS256', 'ES256'] as const;

export interface SecretsRepo {
  /** Active private signing keys (JWK), creating one per algorithm on first use. */
  signingKeys(): Promise<JWK[]>;
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

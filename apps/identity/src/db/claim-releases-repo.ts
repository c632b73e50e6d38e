// Verified claims released to one agency at a sign-in. The details are sealed for their owner
// (ADR 0014), so the token and userinfo endpoints, which run without the person's browser, read
// this copy: written when the person signs in to the agency with an unlocked profile, kept
// (encrypted) for the sign-in's lifetime (12 h), replaced at the next sign-in; a password reset's lock deletes it (verified-profiles-repo.ts).
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import type { VerifiedProfile } from './verified-profiles-repo.ts';

export interface ClaimReleasesRepo {
  put(accountId: string, clientId: string, profile: VerifiedProfile, expiresAt: Date): Promise<void>;
  find(accountId: string, clientId: string, now: Date): Promise<VerifiedProfile | undefined>;
}

export function createClaimReleasesRepo(db: Queryable, cipher: FieldCipher): ClaimReleasesRepo {
  return {
    async put(accountId, clientId, profile, expiresAt) {
      await db.query(
        `INSERT INTO claim_releases (account_id, client_id, claims_enc, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, client_id) DO UPDATE SET claims_enc = EXCLUDED.claims_enc, expires_at = EXCLUDED.expires_at`,
        [accountId, clientId, cipher.encrypt(JSON.stringify(profile)), expiresAt],
      );
    },
    async find(accountId, clientId, now) {
      const rows = await db.query<{ claims_enc: string }>(
        'SELECT claims_enc FROM claim_releases WHERE account_id = $1 AND client_id = $2 AND expires_at > $3',
        [accountId, clientId, now],
      );
      if (!rows[0]) return undefined;
      const parsed = JSON.parse(cipher.decrypt(rows[0].claims_enc)) as VerifiedProfile & {
        verifiedAt: string;
        lockedAt?: string;
      };
      return { ...parsed, verifiedAt: new Date(parsed.verifiedAt), lockedAt: undefined };
    },
  };
}

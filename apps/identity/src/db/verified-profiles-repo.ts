// The verified identity of an account (IAL2): its level and dates in the clear, the details
// sealed for their owner (profile-vault.ts: a key that needs the password or the personal key;
// ADR 0014), and the SSN or ITIN also as a keyed fingerprint so one person has one verified
// account. Written by identity verification (and by the demo seed).
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { isSealedVault, type SealedVault } from '../verification/profile-vault.ts';

export interface PostalAddress {
  street_address: string;
  locality: string;
  region: string;
  postal_code: string;
  country: 'US';
}

export interface VerifiedProfile {
  accountId: string;
  level: 'verified' | 'verified-facial-match';
  method: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  birthdate: string;
  address: PostalAddress;
  phone: string | undefined;
  /** Nine digits, no dashes. */
  tin: string;
  tinType: 'ssn' | 'itin';
  verifiedAt: Date;
  /** A password reset locks the profile until the personal key is entered. */
  lockedAt: Date | undefined;
}

/** What is known without unlocking: the level, when, and whether a password reset locked it. */
export type VerifiedProfileStatus = Pick<
  VerifiedProfile,
  'accountId' | 'level' | 'method' | 'tinType' | 'verifiedAt' | 'lockedAt'
> & {
  /** The details, sealed for the owner (absent only on rows written before sealing existed). */
  vault: SealedVault | undefined;
};

/** The personal details inside the vault. */
export type VerifiedDetails = Pick<
  VerifiedProfile,
  'givenName' | 'familyName' | 'birthdate' | 'address' | 'phone' | 'tin' | 'tinType'
>;

export interface NewSealedProfile {
  accountId: string;
  level: VerifiedProfile['level'];
  method: string;
  tin: string;
  tinType: VerifiedProfile['tinType'];
  verifiedAt: Date;
  vault: SealedVault;
}

interface Row {
  account_id: string;
  level: VerifiedProfile['level'];
  method: string;
  tin_type: VerifiedProfile['tinType'];
  verified_at: Date;
  locked_at: Date | null;
  vault: SealedVault | string | null;
}

export interface VerifiedProfilesRepo {
  /**
   * Saves (or replaces, when the account verifies again) the account's sealed profile; false when
   * another account already holds this SSN or ITIN (one verified account per person).
   */
  save(tx: Queryable, profile: NewSealedProfile): Promise<boolean>;
  find(accountId: string): Promise<VerifiedProfileStatus | undefined>;
  /** The account verified with this SSN or ITIN, if any. */
  accountWithTin(tin: string): Promise<string | undefined>;
  /** A password reset: the profile stays locked until the personal key is entered; releases are deleted. */
  lock(tx: Queryable, accountId: string, at: Date): Promise<void>;
  /**
   * After the personal key: the vault rewrapped for the new password and key, unlocked — only if
   * it is still the lock that was opened (a reset in between wins); false otherwise.
   */
  unlock(accountId: string, vault: SealedVault, lockedAt: Date): Promise<boolean>;
}

export function createVerifiedProfilesRepo(db: Queryable, cipher: FieldCipher): VerifiedProfilesRepo {
  const tinFingerprint = (tin: string) => cipher.fingerprint(`tin:${tin}`);
  return {
    async save(tx, profile) {
      const holder = await tx.query<{ account_id: string }>(
        'SELECT account_id FROM verified_profiles WHERE tin_fp = $1',
        [tinFingerprint(profile.tin)],
      );
      if (holder[0] && holder[0].account_id !== profile.accountId) return false;
      await tx.query(
        `INSERT INTO verified_profiles (account_id, level, method, tin_type, tin_fp, verified_at, vault)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (account_id) DO UPDATE SET level = EXCLUDED.level, method = EXCLUDED.method,
           tin_type = EXCLUDED.tin_type, tin_fp = EXCLUDED.tin_fp, verified_at = EXCLUDED.verified_at,
           vault = EXCLUDED.vault, locked_at = NULL, given_name_enc = NULL, family_name_enc = NULL,
           birthdate_enc = NULL, address_enc = NULL, phone_enc = NULL, tin_enc = NULL`,
        [
          profile.accountId,
          profile.level,
          profile.method,
          profile.tinType,
          tinFingerprint(profile.tin),
          profile.verifiedAt,
          JSON.stringify(profile.vault),
        ],
      );
      return true;
    },
    async find(accountId) {
      const rows = await db.query<Row>(
        'SELECT account_id, level, method, tin_type, verified_at, locked_at, vault FROM verified_profiles WHERE account_id = $1',
        [accountId],
      );
      const row = rows[0];
      if (!row) return undefined;
      const vault = typeof row.vault === 'string' ? (JSON.parse(row.vault) as unknown) : row.vault;
      return {
        accountId: row.account_id,
        level: row.level,
        method: row.method,
        tinType: row.tin_type,
        verifiedAt: row.verified_at,
        lockedAt: row.locked_at ?? undefined,
        vault: isSealedVault(vault) ? vault : undefined,
      };
    },
    async accountWithTin(tin) {
      const rows = await db.query<{ account_id: string }>(
        'SELECT account_id FROM verified_profiles WHERE tin_fp = $1',
        [tinFingerprint(tin)],
      );
      return rows[0]?.account_id;
    },
    async lock(tx, accountId, at) {
      // The claims released with the old password go too.
      await tx.query('DELETE FROM claim_releases WHERE account_id = $1', [accountId]);
      await tx.query(
        'UPDATE verified_profiles SET locked_at = $2 WHERE account_id = $1 AND locked_at IS NULL',
        [accountId, at],
      );
    },
    async unlock(accountId, vault, lockedAt) {
      const rows = await db.query(
        `UPDATE verified_profiles SET locked_at = NULL, vault = $2
         WHERE account_id = $1 AND locked_at = $3 RETURNING account_id`,
        [accountId, JSON.stringify(vault), lockedAt],
      );
      return rows.length === 1;
    },
  };
}

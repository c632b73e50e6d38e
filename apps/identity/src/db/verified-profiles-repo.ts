// The verified identity of an account (IAL2): what identity verification confirmed, kept
// encrypted, with the SSN or ITIN also as a keyed fingerprint so one person has one verified
// account. Written by identity verification (and by the demo seed); read to release claims.
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';

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

export type NewVerifiedProfile = Omit<VerifiedProfile, 'lockedAt'>;

interface Row {
  account_id: string;
  level: VerifiedProfile['level'];
  method: string;
  given_name_enc: string;
  family_name_enc: string;
  birthdate_enc: string;
  address_enc: string;
  phone_enc: string | null;
  tin_enc: string;
  tin_type: VerifiedProfile['tinType'];
  verified_at: Date;
  locked_at: Date | null;
}

export interface VerifiedProfilesRepo {
  /** Saves the profile; false when another account already holds this SSN or ITIN. */
  save(tx: Queryable, profile: NewVerifiedProfile): Promise<boolean>;
  find(accountId: string): Promise<VerifiedProfile | undefined>;
  /** The account verified with this SSN or ITIN, if any. */
  accountWithTin(tin: string): Promise<string | undefined>;
}

export function createVerifiedProfilesRepo(db: Queryable, cipher: FieldCipher): VerifiedProfilesRepo {
  const tinFingerprint = (tin: string) => cipher.fingerprint(`tin:${tin}`);
  return {
    async save(tx, profile) {
      const rows = await tx.query<{ account_id: string }>(
        `INSERT INTO verified_profiles (account_id, level, method, given_name_enc, family_name_enc,
           birthdate_enc, address_enc, phone_enc, tin_enc, tin_type, tin_fp, verified_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT DO NOTHING RETURNING account_id`,
        [
          profile.accountId,
          profile.level,
          profile.method,
          cipher.encrypt(profile.givenName),
          cipher.encrypt(profile.familyName),
          cipher.encrypt(profile.birthdate),
          cipher.encrypt(JSON.stringify(profile.address)),
          profile.phone === undefined ? null : cipher.encrypt(profile.phone),
          cipher.encrypt(profile.tin),
          profile.tinType,
          tinFingerprint(profile.tin),
          profile.verifiedAt,
        ],
      );
      return rows.length === 1;
    },
    async find(accountId) {
      const rows = await db.query<Row>('SELECT * FROM verified_profiles WHERE account_id = $1', [accountId]);
      const row = rows[0];
      if (!row) return undefined;
      return {
        accountId: row.account_id,
        level: row.level,
        method: row.method,
        givenName: cipher.decrypt(row.given_name_enc),
        familyName: cipher.decrypt(row.family_name_enc),
        birthdate: cipher.decrypt(row.birthdate_enc),
        address: JSON.parse(cipher.decrypt(row.address_enc)) as PostalAddress,
        phone: row.phone_enc === null ? undefined : cipher.decrypt(row.phone_enc),
        tin: cipher.decrypt(row.tin_enc),
        tinType: row.tin_type,
        verifiedAt: row.verified_at,
        lockedAt: row.locked_at ?? undefined,
      };
    },
    async accountWithTin(tin) {
      const rows = await db.query<{ account_id: string }>(
        'SELECT account_id FROM verified_profiles WHERE tin_fp = $1',
        [tinFingerprint(tin)],
      );
      return rows[0]?.account_id;
    },
  };
}

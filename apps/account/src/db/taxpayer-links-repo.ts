// Links from a signed-in person (the identity provider's pairwise `sub`) to a taxpayer
// record, made on the first sign-in that matched. The link keeps the fingerprint of the SSN
// or ITIN it was made with (a later sign-in must present the same number to reuse it) and,
// encrypted, the verified claims of the last sign-in the tax account needs (never the number).
// When matching fails, which elements differed is kept per subject for the page that explains it.
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { LINK_PROBLEMS, type LinkProblem, type VerifiedIdentity } from '../domain/records/link-taxpayer.ts';

/** The verified claims kept with a link: everything but the number. */
export type LinkedClaims = Omit<VerifiedIdentity, 'tin'>;

export interface TaxpayerLink {
  subject: string;
  taxpayerId: string;
  tinFingerprint: string;
  claims: LinkedClaims;
  linkedAt: Date;
  lastSignInAt: Date;
}

export interface TaxpayerLinksRepo {
  find(subject: string): Promise<TaxpayerLink | undefined>;
  /** Creates or replaces the subject's link, and forgets any earlier problem. */
  save(link: Omit<TaxpayerLink, 'linkedAt' | 'lastSignInAt'>, now: Date): Promise<void>;
  /** A later sign-in: the claims as received now. */
  touch(subject: string, claims: LinkedClaims, now: Date): Promise<void>;
  /** The subject's latest sign-in could not be linked: any earlier link is removed. */
  recordProblems(subject: string, problems: readonly LinkProblem[], now: Date): Promise<void>;
  problemsFor(subject: string): Promise<LinkProblem[] | undefined>;
}

const withoutTin = (claims: LinkedClaims & { tin?: string }): LinkedClaims => {
  const { tin: _tin, ...rest } = claims;
  return rest;
};

export function createTaxpayerLinksRepo(db: Queryable, cipher: FieldCipher): TaxpayerLinksRepo {
  return {
    async find(subject) {
      const rows = await db.query<{
        subject: string;
        taxpayer_id: string;
        tin_fp: string;
        claims_enc: string;
        linked_at: Date;
        last_sign_in_at: Date;
      }>(
        'SELECT subject, taxpayer_id, tin_fp, claims_enc, linked_at, last_sign_in_at FROM taxpayer_links WHERE subject = $1',
        [subject],
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        subject: row.subject,
        taxpayerId: row.taxpayer_id,
        tinFingerprint: row.tin_fp,
        claims: JSON.parse(cipher.decrypt(row.claims_enc)) as LinkedClaims,
        linkedAt: row.linked_at,
        lastSignInAt: row.last_sign_in_at,
      };
    },
    async save(link, now) {
      await db.query(
        `INSERT INTO taxpayer_links (subject, taxpayer_id, tin_fp, claims_enc, linked_at, last_sign_in_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (subject) DO UPDATE SET taxpayer_id = EXCLUDED.taxpayer_id, tin_fp = EXCLUDED.tin_fp,
           claims_enc = EXCLUDED.claims_enc, linked_at = EXCLUDED.linked_at, last_sign_in_at = EXCLUDED.last_sign_in_at`,
        [
          link.subject,
          link.taxpayerId,
          link.tinFingerprint,
          cipher.encrypt(JSON.stringify(withoutTin(link.claims))),
          now,
        ],
      );
      await db.query('DELETE FROM taxpayer_link_problems WHERE subject = $1', [link.subject]);
    },
    async touch(subject, claims, now) {
      await db.query('UPDATE taxpayer_links SET claims_enc = $2, last_sign_in_at = $3 WHERE subject = $1', [
        subject,
        cipher.encrypt(JSON.stringify(withoutTin(claims))),
        now,
      ]);
    },
    async recordProblems(subject, problems, now) {
      await db.query('DELETE FROM taxpayer_links WHERE subject = $1', [subject]);
      await db.query(
        `INSERT INTO taxpayer_link_problems (subject, problems, occurred_at) VALUES ($1, $2, $3)
         ON CONFLICT (subject) DO UPDATE SET problems = EXCLUDED.problems, occurred_at = EXCLUDED.occurred_at`,
        [subject, problems.join(','), now],
      );
    },
    async problemsFor(subject) {
      const rows = await db.query<{ problems: string }>(
        'SELECT problems FROM taxpayer_link_problems WHERE subject = $1',
        [subject],
      );
      const row = rows[0];
      if (!row) return undefined;
      return row.problems.split(',').filter((p): p is LinkProblem => (LINK_PROBLEMS as string[]).includes(p));
    },
  };
}

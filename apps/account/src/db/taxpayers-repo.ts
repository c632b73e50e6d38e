// Taxpayers: who the agency's records are about. The SSN or ITIN, names, date of birth and
// address of record are encrypted; the number is found by its keyed fingerprint, which uses
// the tax account's own fingerprint key (the identity provider's fingerprints are different).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { isUuid } from '#platform/db/uuid.ts';
import { nameControl, type TinType } from '../domain/records/link-taxpayer.ts';
import type { PostalAddress } from '../domain/records/tax-records.ts';

export interface NewTaxpayer {
  /** Nine digits. */
  tin: string;
  tinType: TinType;
  givenName: string;
  familyName: string;
  /** As the master file holds it; derived from the last name when omitted. */
  nameControl?: string;
  /** YYYY-MM-DD */
  birthdate: string;
  addressOfRecord: PostalAddress;
}

export interface Taxpayer {
  id: string;
  tinType: TinType;
  givenName: string;
  familyName: string;
  nameControl: string;
  birthdate: string;
  addressOfRecord: PostalAddress;
}

export interface TaxpayersRepo {
  create(taxpayer: NewTaxpayer): Promise<string>;
  find(id: string): Promise<Taxpayer | undefined>;
  findByTin(tin: string): Promise<Taxpayer | undefined>;
  /** The keyed fingerprint of an SSN or ITIN (the lookup key; also kept on links). */
  tinFingerprint(tin: string): string;
}

interface Row {
  id: string;
  tin_type: TinType;
  given_name_enc: string;
  family_name_enc: string;
  name_control: string;
  birthdate_enc: string;
  address_enc: string;
}

const COLUMNS = 'id, tin_type, given_name_enc, family_name_enc, name_control, birthdate_enc, address_enc';

export function createTaxpayersRepo(db: Queryable, cipher: FieldCipher): TaxpayersRepo {
  const tinFingerprint = (tin: string) => cipher.fingerprint(`tin:${tin}`);
  const toTaxpayer = (row: Row): Taxpayer => ({
    id: row.id,
    tinType: row.tin_type,
    givenName: cipher.decrypt(row.given_name_enc),
    familyName: cipher.decrypt(row.family_name_enc),
    nameControl: row.name_control,
    birthdate: cipher.decrypt(row.birthdate_enc),
    addressOfRecord: JSON.parse(cipher.decrypt(row.address_enc)) as PostalAddress,
  });
  return {
    tinFingerprint,
    async create(taxpayer) {
      if (!/^\d{9}$/.test(taxpayer.tin)) throw new Error('A TIN is nine digits');
      const id = randomUUID();
      await db.query(
        `INSERT INTO taxpayers (id, tin_fp, tin_enc, tin_type, given_name_enc, family_name_enc, name_control,
           birthdate_enc, address_enc)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          tinFingerprint(taxpayer.tin),
          cipher.encrypt(taxpayer.tin),
          taxpayer.tinType,
          cipher.encrypt(taxpayer.givenName),
          cipher.encrypt(taxpayer.familyName),
          taxpayer.nameControl ?? nameControl(taxpayer.familyName),
          cipher.encrypt(taxpayer.birthdate),
          cipher.encrypt(JSON.stringify(taxpayer.addressOfRecord)),
        ],
      );
      return id;
    },
    async find(id) {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM taxpayers WHERE id = $1`, [id]);
      return rows[0] && toTaxpayer(rows[0]);
    },
    async findByTin(tin) {
      const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM taxpayers WHERE tin_fp = $1`, [
        tinFingerprint(tin),
      ]);
      return rows[0] && toTaxpayer(rows[0]);
    },
  };
}

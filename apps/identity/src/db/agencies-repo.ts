// Agencies (OIDC relying parties) stored as rows. Client secrets are encrypted at rest.
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import type { AgencyRegistration } from '../federation/agency-registration.ts';

export type { AgencyRegistration };

export interface AgenciesRepo {
  upsert(agency: AgencyRegistration): Promise<void>;
  find(clientId: string): Promise<AgencyRegistration | undefined>;
  all(): Promise<AgencyRegistration[]>;
  remove(clientId: string): Promise<boolean>;
}

type Metadata = Omit<AgencyRegistration, 'client_secret' | 'client_id' | 'name'>;

export function createAgenciesRepo(db: Queryable, cipher: FieldCipher): AgenciesRepo {
  const toAgency = (row: {
    client_id: string;
    name: string;
    metadata: Metadata;
    client_secret_enc: string | null;
  }): AgencyRegistration => ({
    client_id: row.client_id,
    name: row.name,
    ...row.metadata,
    client_secret: row.client_secret_enc ? cipher.decrypt(row.client_secret_enc) : undefined,
  });
  return {
    async upsert(agency) {
      const { client_id, name, client_secret, ...metadata } = agency;
      await db.query(
        `INSERT INTO agencies (client_id, name, metadata, client_secret_enc) VALUES ($1, $2, $3, $4)
         ON CONFLICT (client_id) DO UPDATE SET name = EXCLUDED.name, metadata = EXCLUDED.metadata,
           client_secret_enc = EXCLUDED.client_secret_enc, updated_at = now()`,
        [client_id, name, JSON.stringify(metadata), client_secret ? cipher.encrypt(client_secret) : null],
      );
    },
    async find(clientId) {
      const rows = await db.query<Parameters<typeof toAgency>[0]>(
        'SELECT client_id, name, metadata, client_secret_enc FROM agencies WHERE client_id = $1',
        [clientId],
      );
      return rows[0] && toAgency(rows[0]);
    },
    async remove(clientId) {
      const rows = await db.query('DELETE FROM agencies WHERE client_id = $1 RETURNING client_id', [
        clientId,
      ]);
      return rows.length > 0;
    },
    async all() {
      const rows = await db.query<Parameters<typeof toAgency>[0]>(
        'SELECT client_id, name, metadata, client_secret_enc FROM agencies ORDER BY client_id',
      );
      return rows.map(toAgency);
    },
  };
}

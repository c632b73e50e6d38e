// The oidc-provider storage adapter over our own table. "Client" is special: agencies are
// rows in `agencies`, read-only to the protocol engine.
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { OidcStore, OidcPayload } from '../db/oidc-store.ts';
import type { AgenciesRepo } from '../db/agencies-repo.ts';
import { agencyToClientMetadata } from './client-metadata.ts';

export function createAdapterFactory(store: OidcStore, agencies: AgenciesRepo) {
  return class SqlAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (this.model === 'Client')
        throw new Error('Agencies are registered with the CLI, not through the protocol');
      await store.upsert(this.model, id, payload as OidcPayload, expiresIn);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') {
        const agency = await agencies.find(id);
        return agency && (agencyToClientMetadata(agency) as AdapterPayload);
      }
      return (await store.find(this.model, id)) as AdapterPayload | undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return (await store.findBy(this.model, 'user_code', userCode)) as AdapterPayload | undefined;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return (await store.findBy(this.model, 'uid', uid)) as AdapterPayload | undefined;
    }

    async consume(id: string): Promise<void> {
      await store.consume(this.model, id);
    }

    async destroy(id: string): Promise<void> {
      await store.destroy(this.model, id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await store.revokeByGrantId(grantId);
    }
  };
}

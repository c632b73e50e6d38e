// Idempotent seed: the tax account's client registration and the demo people.
import type { IdentityApp } from '../main.ts';
import { DEMO_PEOPLE } from './demo-people.ts';

export interface SeedSettings {
  accountBaseUrl: string;
  accountClientId: string;
  accountClientSecret: string;
  demoPeople: boolean;
}

export async function seedIdentity(
  app: IdentityApp,
  settings: SeedSettings,
): Promise<{ peopleCreated: number }> {
  await app.agencies.upsert({
    client_id: settings.accountClientId,
    name: 'Tax Agency Online Account',
    redirect_uris: [`${settings.accountBaseUrl}/auth/callback`],
    post_logout_redirect_uris: [`${settings.accountBaseUrl}/signed-out`],
    token_endpoint_auth_method: 'client_secret_basic',
    client_secret: settings.accountClientSecret,
    scopes: ['openid', 'email', 'profile'],
  });
  await app.refreshAgencies();
  let peopleCreated = 0;
  if (settings.demoPeople) {
    for (const person of DEMO_PEOPLE) {
      let account = await app.accounts.findByEmail(person.email);
      if (!account) {
        const passwordHash = await app.hasher.hash(person.password);
        account = await app.db.transaction((tx) => app.accounts.create(tx, { ...person, passwordHash }));
        peopleCreated += 1;
      }
      // Their second factor: a code by email, which lands in the development outbox.
      if ((await app.methods.list(account.id)).length === 0) {
        await app.mfa.addCodeMethod(account.id, 'email', person.email, 'Email');
      }
    }
  }
  return { peopleCreated };
}

// Idempotent seed: the agencies' registrations and the demo people.
import type { IdentityApp } from '../main.ts';
import { DEMO_PEOPLE } from './demo-people.ts';
import { parseAgencyRegistration, type AgencyRegistrationInput } from '../federation/agency-registration.ts';

export interface SeedSettings {
  /** Registrations checked exactly like `cli agency add --file`. */
  agencies: readonly AgencyRegistrationInput[];
  demoPeople: boolean;
}

export async function seedIdentity(
  app: IdentityApp,
  settings: SeedSettings,
): Promise<{ peopleCreated: number }> {
  for (const registration of settings.agencies) {
    await app.agencies.upsert(parseAgencyRegistration(registration));
  }
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
      // Verified as if they had finished identity verification: the profile sealed with their
      // (public, demo) password; the personal key is not kept. Rows from before sealing existed
      // are sealed again.
      if (person.seedVerified !== false && !(await app.verifiedProfiles.find(account.id))?.vault) {
        const { verified } = person;
        await app.verifiedIdentity.seal({
          accountId: account.id,
          level: 'verified-facial-match',
          method: 'demo-seed',
          details: { givenName: person.givenName, familyName: person.familyName, ...verified },
          password: person.password,
          verifiedAt: new Date('2026-01-15T15:00:00Z'),
        });
      }
    }
  }
  return { peopleCreated };
}

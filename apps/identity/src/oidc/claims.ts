// How an account (and its verified identity, if any) becomes claims. Verified attributes are
// released only when the agency asked for a verified identity level and got it; the SSN or
// ITIN additionally needs its own scope (oidc-provider filters claims by granted scope).
import type { Account } from '../db/accounts-repo.ts';
import type { VerifiedProfile } from '../db/verified-profiles-repo.ts';
import { ACR, AUTHENTICATION_ACR, authenticationLevelOf } from '../federation/assurance-levels.ts';

export { SCOPE_CLAIMS } from '../federation/scopes.ts';

export interface ClaimsContext {
  /** The identity level of this sign-in (the `acr` the agency received). */
  identityAcr: string | undefined;
  /** The authentication methods of this sign-in (`amr`). */
  amr: readonly string[] | undefined;
}

/**
 * `aal` from the sign-in's methods: a hardware-bound key (WebAuthn) resists phishing; a
 * password alone (a remembered browser, at an agency that accepts it) is AAL1.
 */
export function aalFromAmr(amr: readonly string[] | undefined): string {
  return AUTHENTICATION_ACR[authenticationLevelOf(amr)];
}

export function accountClaims(
  account: Account,
  profile: VerifiedProfile | undefined,
  context: ClaimsContext,
): Record<string, unknown> {
  const identityAcr = context.identityAcr ?? ACR.authOnly;
  const verified = !!profile && !profile.lockedAt && identityAcr !== ACR.authOnly;
  const base: Record<string, unknown> = {
    sub: account.id,
    email: account.email,
    email_verified: true,
    ial: verified ? identityAcr : ACR.authOnly,
    aal: aalFromAmr(context.amr),
    verified_at: verified ? Math.floor(profile.verifiedAt.getTime() / 1000) : null,
  };
  if (!verified) {
    // Self-asserted at sign-up; the `ial` claim says it is not verified.
    return {
      ...base,
      given_name: account.givenName,
      family_name: account.familyName,
      name: `${account.givenName} ${account.familyName}`,
    };
  }
  const { address } = profile;
  return {
    ...base,
    given_name: profile.givenName,
    family_name: profile.familyName,
    name: `${profile.givenName} ${profile.familyName}`,
    birthdate: profile.birthdate,
    address: {
      formatted: `${address.street_address}\n${address.locality}, ${address.region} ${address.postal_code}`,
      ...address,
    },
    ...(profile.phone ? { phone_number: profile.phone, phone_number_verified: true } : {}),
    social_security_number: profile.tin,
    tin_type: profile.tinType,
  };
}

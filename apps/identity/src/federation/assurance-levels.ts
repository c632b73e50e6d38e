// The identity and authentication levels an agency can ask for, as `acr_values`, and how a
// request is read against what the agency is registered for. Pure; see the README table.
//
// Identity (NIST SP 800-63A): auth-only (IAL1, nothing verified), verified (IAL2), and
// verified with a facial match (IAL2, the selfie matched to the document's portrait).
// Authentication (SP 800-63B): AAL1 (a password alone, on a browser remembered after a second
// factor; only for agencies registered at aal 1 and never with a verified identity), AAL2, or
// AAL2 with a phishing-resistant authenticator (§5.2.5).
export const ACR = {
  authOnly: 'urn:tia:ial:auth-only',
  verified: 'urn:tia:ial:verified',
  verifiedFacialMatch: 'urn:tia:ial:verified-facial-match',
  aal1: 'urn:tia:aal:1',
  aal2: 'urn:tia:aal:2',
  aal2PhishingResistant: 'urn:tia:aal:2:phishing-resistant',
} as const;

export type IdentityLevel = 'auth-only' | 'verified' | 'verified-facial-match';
export type AuthenticationLevel = 'aal1' | 'aal2' | 'aal2-phishing-resistant';

export const IDENTITY_ACR: Record<IdentityLevel, string> = {
  'auth-only': ACR.authOnly,
  verified: ACR.verified,
  'verified-facial-match': ACR.verifiedFacialMatch,
};
export const AUTHENTICATION_ACR: Record<AuthenticationLevel, string> = {
  aal1: ACR.aal1,
  aal2: ACR.aal2,
  'aal2-phishing-resistant': ACR.aal2PhishingResistant,
};

/** Every value, in the order the discovery document lists them. */
export const ACR_VALUES_SUPPORTED: readonly string[] = Object.values(ACR);

const IDENTITY_RANK: Record<IdentityLevel, number> = {
  'auth-only': 0,
  verified: 1,
  'verified-facial-match': 2,
};
const AUTHENTICATION_RANK: Record<AuthenticationLevel, number> = {
  aal1: 0,
  aal2: 1,
  'aal2-phishing-resistant': 2,
};

export interface RequestedLevels {
  identity: IdentityLevel;
  authentication: AuthenticationLevel;
}

/** What an agency is registered for: the most it may ask for, and its default. */
export interface AgencyLevels {
  ial: 1 | 2;
  /** Facial match may be asked for (only with ial 2). */
  facialMatch: boolean;
  phishingResistant: boolean;
  /** 1: a sign-in without a second factor (on a remembered browser) is accepted; only with ial 1. */
  aal: 1 | 2;
}

export type LevelsResult = { ok: true; levels: RequestedLevels } | { ok: false; problem: string };

/**
 * Reads `acr_values`, a space-separated list in order of preference (OIDC Core §3.1.2.1): the
 * first identity level the agency is registered for, and the first authentication level it may
 * have, win. Missing parts default to the agency's registration. Naming only identity levels
 * above the registration, only AAL1 where the agency is not registered for it or with a verified
 * identity (IAL2 always needs AAL2), or an unknown value, is a problem the agency is told about.
 */
export function readRequestedLevels(acrValues: string | undefined, agency: AgencyLevels): LevelsResult {
  const values = (acrValues ?? '').split(' ').filter(Boolean);
  const unknown = values.filter((value) => !ACR_VALUES_SUPPORTED.includes(value));
  if (unknown.length > 0) return { ok: false, problem: `unsupported acr_values: ${unknown.join(' ')}` };
  const byAcr = (table: Record<string, string>) =>
    values.flatMap((value) => Object.keys(table).filter((level) => table[level] === value));
  const identities = byAcr(IDENTITY_ACR) as IdentityLevel[];
  const authentications = byAcr(AUTHENTICATION_ACR) as AuthenticationLevel[];
  const maxIdentity = agency.ial === 2 ? (agency.facialMatch ? 2 : 1) : 0;
  const registeredIdentity: IdentityLevel = agency.ial === 2 ? 'verified' : 'auth-only';
  const identity =
    identities.length === 0
      ? registeredIdentity
      : identities.find((level) => IDENTITY_RANK[level] <= maxIdentity);
  if (!identity)
    return { ok: false, problem: `this agency is not registered for ${IDENTITY_ACR[identities[0]!]}` };
  // AAL1 only where registered, and never for a verified identity (NIST SP 800-63-3: IAL2 needs
  // AAL2 or above).
  const aal1Allowed = agency.aal === 1 && identity === 'auth-only';
  const allowedAuthentication = (level: AuthenticationLevel) => level !== 'aal1' || aal1Allowed;
  const authentication =
    authentications.length === 0
      ? aal1Allowed
        ? 'aal1'
        : agency.phishingResistant
          ? 'aal2-phishing-resistant'
          : 'aal2'
      : authentications.find(allowedAuthentication);
  if (!authentication)
    return {
      ok: false,
      problem:
        identity === 'auth-only'
          ? `this agency is not registered for ${ACR.aal1}`
          : `${IDENTITY_ACR[identity]} needs ${ACR.aal2} or higher, not ${ACR.aal1}`,
    };
  return { ok: true, levels: { identity, authentication } };
}

/** What an account and its current sign-in have reached. */
export interface ReachedLevels {
  identity: IdentityLevel;
  /** aal1: a password only (a remembered browser); aal2-phishing-resistant: with WebAuthn. */
  authentication: AuthenticationLevel;
}

export type LevelsShortfall = 'identity' | 'authentication';

/** Which requirement is not met, if any (identity first: it takes longer to fix). */
export function levelsShortfall(
  requested: RequestedLevels,
  reached: ReachedLevels,
): LevelsShortfall | undefined {
  if (IDENTITY_RANK[reached.identity] < IDENTITY_RANK[requested.identity]) return 'identity';
  if (AUTHENTICATION_RANK[reached.authentication] < AUTHENTICATION_RANK[requested.authentication])
    return 'authentication';
  return undefined;
}

/** The `amr` values of a second factor (RFC 8176): one-time codes, text messages, WebAuthn keys. */
const SECOND_FACTOR_AMR = new Set(['otp', 'sms', 'hwk', 'swk', 'mfa']);

/**
 * The authentication level a sign-in's `amr` shows: `hwk` (WebAuthn) resists phishing; any
 * other second factor is AAL2; a password alone (or nothing known) is AAL1.
 */
export function authenticationLevelOf(amr: readonly string[] | undefined): AuthenticationLevel {
  if (amr?.includes('hwk')) return 'aal2-phishing-resistant';
  return amr?.some((value) => SECOND_FACTOR_AMR.has(value)) ? 'aal2' : 'aal1';
}

/** The identity level an `acr` names (anything else, or nothing, is auth-only). */
export function identityLevelOf(acr: string | undefined): IdentityLevel {
  const found = Object.entries(IDENTITY_ACR).find(([, value]) => value === acr);
  return (found?.[0] as IdentityLevel | undefined) ?? 'auth-only';
}

/** The identity level an agency receives: what was asked for (never more than was asked). */
export function grantedIdentityAcr(requested: RequestedLevels): string {
  return IDENTITY_ACR[requested.identity];
}

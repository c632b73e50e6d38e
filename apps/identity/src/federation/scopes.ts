// The scopes an agency can ask for, the claims each releases, and which need a verified
// identity (IAL2). Login.gov's bundle, with the SSN or ITIN released only at IAL2.
export const SCOPE_CLAIMS = {
  openid: ['sub', 'ial', 'aal', 'verified_at'],
  email: ['email', 'email_verified'],
  'profile:name': ['name', 'given_name', 'family_name'],
  'profile:birthdate': ['birthdate'],
  profile: ['name', 'given_name', 'family_name', 'birthdate'],
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
  social_security_number: ['social_security_number', 'tin_type'],
} as const;

export type Scope = keyof typeof SCOPE_CLAIMS;
export const SUPPORTED_SCOPES = Object.keys(SCOPE_CLAIMS) as Scope[];

/** Scopes that release nothing below IAL2 (the attribute only exists once verified). */
export const VERIFIED_ONLY_SCOPES: ReadonlySet<Scope> = new Set([
  'profile:birthdate',
  'address',
  'phone',
  'social_security_number',
]);

export function isScope(value: string): value is Scope {
  return Object.hasOwn(SCOPE_CLAIMS, value);
}

/** The attributes a consent screen lists, one per scope, in a stable order (openid first). */
export function consentAttributes(scopes: readonly string[]): Scope[] {
  return SUPPORTED_SCOPES.filter((scope) => scopes.includes(scope));
}

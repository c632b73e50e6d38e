// What the tax account asks the identity provider for: a verified identity (IAL2) at AAL2,
// and the attributes it needs to find the person's tax records (issue #7).
export const TAX_ACCOUNT_ACR_VALUES = 'urn:tia:ial:verified urn:tia:aal:2';
export const TAX_ACCOUNT_SCOPES = [
  'openid',
  'email',
  'profile',
  'address',
  'social_security_number',
] as const;

/** The ID token's `acr` must name a verified identity; anything less is refused here too. */
export const ACCEPTED_IDENTITY_ACRS: readonly string[] = [
  'urn:tia:ial:verified',
  'urn:tia:ial:verified-facial-match',
];

// What the benefits agency asks the identity provider for: no verified identity (auth-only),
// a sign-in with a second factor (AAL2), and the email address. The agency registration and the
// authorization request both read these, so they cannot drift apart.
export const BENEFITS_ACR_VALUES = 'urn:tia:ial:auth-only urn:tia:aal:2';
export const BENEFITS_SCOPES = ['openid', 'email'] as const;

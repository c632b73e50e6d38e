// Token lifetimes in seconds (Login.gov-like: short codes and tokens); a retired signing key
// stays published longer than any token it signed (federation/signing-key-rotation.ts).
export const TOKEN_TTL = {
  AuthorizationCode: 300,
  AccessToken: 600,
  IdToken: 600,
  RefreshToken: 30 * 24 * 3600,
} as const;

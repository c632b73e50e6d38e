// The identity provider's public signing keys, for verifying what it pushes: its discovery
// document names `jwks_uri`, and jose's remote key set fetches and caches it (refetching when
// a token names an unknown `kid`, e.g. after a key rotation). Discovery is lazy and retried
// on the next use after a failure, so the tax account starts while the provider is down.
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

export interface IdentityProviderKeysOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function identityProviderKeys(
  issuer: string,
  options: IdentityProviderKeysOptions = {},
): JWTVerifyGetKey {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5000;
  let keySet: Promise<JWTVerifyGetKey> | undefined;

  async function discover(): Promise<JWTVerifyGetKey> {
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetchImpl(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status !== 200) throw new Error(`Discovery answered HTTP ${response.status}`);
    const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (metadata.issuer !== issuer) throw new Error('Discovery names another issuer');
    if (typeof metadata.jwks_uri !== 'string' || !URL.canParse(metadata.jwks_uri))
      throw new Error('Discovery has no jwks_uri');
    return createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: timeoutMs });
  }

  return async (header, token) => {
    keySet ??= discover().catch((error: unknown) => {
      keySet = undefined;
      throw error;
    });
    return (await keySet)(header, token);
  };
}

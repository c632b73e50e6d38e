// How long a retired signing key stays in the published JWKS: longer than anything it signed
// lives (ID tokens: 10 minutes), plus an hour for agencies that cache the key set and for
// instances that have not restarted yet (they keep signing with the old key until then).
import { TOKEN_TTL } from '../oidc/token-ttl.ts';

export const RETIRED_KEY_PUBLISH_SECONDS = TOKEN_TTL.IdToken + 3600;

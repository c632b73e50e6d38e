// Security Event Tokens (RFC 8417) for agencies: a JWT with header `typ: secevent+jwt`,
// signed with one of the provider's published signing keys (the agency verifies it against
// /oidc/jwks by `kid`), carrying `iss`, `aud` (the agency's client_id), `iat`, `jti` and one
// event. The subject is the agency's pairwise `sub`, as `iss_sub` (RFC 9493): inside the
// event (RISC/CAEP) and as the top-level `sub_id` (OpenID Shared Signals Framework 1.0).
//
// Events: account deleted → RISC account-purged; password reset → CAEP credential-change
// (credential_type password, change_type update).
import { SignJWT, importJWK, type JWK, type JWTPayload } from 'jose';
import type { SecurityEventType } from '../db/security-event-deliveries-repo.ts';

/** The media type of a pushed SET (RFC 8935 §2) and the JWT `typ` header (RFC 8417 §2.3). */
export const SET_MEDIA_TYPE = 'application/secevent+jwt';
export const SET_TYP = 'secevent+jwt';

export const EVENT_TYPE_URIS: Record<SecurityEventType, string> = {
  'account-purged': 'https://schemas.openid.net/secevent/risc/event-type/account-purged',
  'credential-change': 'https://schemas.openid.net/secevent/caep/event-type/credential-change',
  // The owner said "this wasn't me": the account is locked until its password is reset.
  'account-disabled': 'https://schemas.openid.net/secevent/risc/event-type/account-disabled',
};

/** Algorithms a SET may be signed with, most preferred first (both are always provisioned). */
export const SET_SIGNING_ALGORITHMS = ['ES256', 'RS256'] as const;

export interface SecurityEventTokenInput {
  issuer: string;
  /** The agency's client_id. */
  audience: string;
  /** The agency's pairwise subject for the account. */
  subject: string;
  type: SecurityEventType;
  jti: string;
  issuedAt: Date;
  /** When the change happened (CAEP `event_timestamp`); defaults to `issuedAt`. */
  occurredAt?: Date | undefined;
}

const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** The SET's claims. */
export function securityEventClaims(input: SecurityEventTokenInput): JWTPayload {
  const subject = { format: 'iss_sub', iss: input.issuer, sub: input.subject };
  const event =
    input.type === 'credential-change'
      ? {
          subject,
          credential_type: 'password',
          change_type: 'update',
          event_timestamp: seconds(input.occurredAt ?? input.issuedAt),
        }
      : input.type === 'account-disabled'
        ? { subject, reason: 'hijacking' }
        : { subject };
  return {
    iss: input.issuer,
    aud: input.audience,
    iat: seconds(input.issuedAt),
    jti: input.jti,
    sub_id: subject,
    events: { [EVENT_TYPE_URIS[input.type]]: event },
  };
}

/** The active key to sign SETs with: ES256 if there is one, else RS256. */
export function chooseSetSigningKey(keys: readonly JWK[]): JWK {
  for (const alg of SET_SIGNING_ALGORITHMS) {
    const key = keys.find((k) => k.alg === alg && k.kid && k.d);
    if (key) return key;
  }
  throw new Error('No ES256 or RS256 private signing key to sign security event tokens with');
}

/** Signs the SET with `key` (a private JWK with `alg` and `kid`), as a compact JWS. */
export async function signSecurityEventToken(input: SecurityEventTokenInput, key: JWK): Promise<string> {
  const { alg, kid } = key;
  if (!alg || !kid) throw new Error('A SET signing key needs "alg" and "kid"');
  return new SignJWT(securityEventClaims(input))
    .setProtectedHeader({ alg, kid, typ: SET_TYP })
    .sign(await importJWK(key, alg));
}

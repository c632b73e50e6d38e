// Verifies a Security Event Token (RFC 8417) pushed by the identity provider: a JWT with
// header `typ: secevent+jwt`, signed by a key of the provider's JWKS, from our issuer, for
// our client id, with `jti`, `iat` and `events`. Rejections carry the RFC 8935 §2.4 error
// code the push endpoint answers with. Two events are understood (anything else is ignored,
// as RFC 8417 asks): RISC account-purged and CAEP credential-change; their subject is the
// provider's `sub` for us, as `iss_sub` in the event (or the top-level `sub_id`).
import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

export const SET_MEDIA_TYPE = 'application/secevent+jwt';
export const SET_TYP = 'secevent+jwt';
/** The identity provider signs with these (secrets-repo SIGNING_ALGORITHMS). */
export const SET_ALGORITHMS = ['ES256', 'RS256'];

export const ACCOUNT_PURGED = 'https://schemas.openid.net/secevent/risc/event-type/account-purged';
export const CREDENTIAL_CHANGE = 'https://schemas.openid.net/secevent/caep/event-type/credential-change';

export const ACCOUNT_DISABLED = 'https://schemas.openid.net/secevent/risc/event-type/account-disabled';

export type ReceivedEventKind = 'account-purged' | 'credential-change' | 'account-disabled';
const KINDS: Record<string, ReceivedEventKind> = {
  [ACCOUNT_DISABLED]: 'account-disabled',
  [ACCOUNT_PURGED]: 'account-purged',
  [CREDENTIAL_CHANGE]: 'credential-change',
};

/** RFC 8935 §2.4 error codes. */
export type SetErrorCode =
  | 'invalid_request'
  | 'invalid_key'
  | 'invalid_issuer'
  | 'invalid_audience'
  | 'authentication_failed'
  | 'access_denied';

/** The SET is not acceptable; the transmitter is told why (400). */
export class SetRejected extends Error {
  constructor(
    readonly err: SetErrorCode,
    readonly description: string,
  ) {
    super(`${err}: ${description}`);
  }
}

/** The provider's keys could not be fetched: our problem, not the SET's (503, so it is resent). */
export class SetKeysUnavailable extends Error {}

export interface ReceivedSecurityEvent {
  kind: ReceivedEventKind;
  /** The provider's `sub` for this account at our agency. */
  subject: string;
}

export interface VerifiedSecurityEventToken {
  jti: string;
  issuedAt: Date;
  events: ReceivedSecurityEvent[];
  /** Event types we do not act on. */
  ignored: string[];
}

export interface SetVerifyOptions {
  /** The provider's keys, e.g. createRemoteJWKSet on its jwks_uri. */
  keys: JWTVerifyGetKey;
  issuer: string;
  /** Our client id. */
  audience: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Key lookup failures other than "no such key" mean we could not reach the keys. */
function guardKeys(keys: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw error;
      if (error instanceof SetRejected) throw error;
      throw new SetKeysUnavailable('The identity provider keys are unavailable', { cause: error });
    }
  };
}

function rejection(error: unknown): Error {
  if (error instanceof SetKeysUnavailable || error instanceof SetRejected) return error;
  const { code, claim } = error as { code?: unknown; claim?: unknown };
  switch (code) {
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'iss') return new SetRejected('invalid_issuer', 'the issuer is not trusted');
      if (claim === 'aud') return new SetRejected('invalid_audience', 'the audience is not this agency');
      if (claim === 'typ') return new SetRejected('invalid_request', 'the typ header must be secevent+jwt');
      return new SetRejected('invalid_request', `the ${String(claim)} claim is not valid`);
    case 'ERR_JWT_EXPIRED':
      return new SetRejected('invalid_request', 'the token has expired');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return new SetRejected('invalid_key', 'no key of the identity provider matches the token');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new SetRejected('authentication_failed', 'the signature does not verify');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return new SetRejected('invalid_request', 'the signing algorithm is not accepted');
    default:
      return new SetRejected('invalid_request', 'the token is not a valid signed JWT');
  }
}

function readSubject(event: Record<string, unknown>, payload: JWTPayload, issuer: string): string {
  const subject = event.subject ?? payload.sub_id;
  if (!isObject(subject) || subject.format !== 'iss_sub')
    throw new SetRejected('invalid_request', 'the event subject must be an iss_sub identifier');
  if (subject.iss !== issuer)
    throw new SetRejected('invalid_request', 'the event subject has another issuer');
  const sub = subject.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255)
    throw new SetRejected('invalid_request', 'the event subject has no sub');
  return sub;
}

/** Verifies a SET; throws SetRejected (tell the transmitter) or SetKeysUnavailable. */
export async function verifySecurityEventToken(
  token: string,
  options: SetVerifyOptions,
): Promise<VerifiedSecurityEventToken> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, guardKeys(options.keys), {
      issuer: options.issuer,
      audience: options.audience,
      typ: SET_TYP,
      algorithms: SET_ALGORITHMS,
      requiredClaims: ['iss', 'aud', 'iat', 'jti', 'events'],
    }));
  } catch (error) {
    throw rejection(error);
  }
  const { jti, iat, events } = payload;
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > 255)
    throw new SetRejected('invalid_request', 'the jti claim is not valid');
  if (typeof iat !== 'number') throw new SetRejected('invalid_request', 'the iat claim is not valid');
  if (!isObject(events) || Object.keys(events).length === 0)
    throw new SetRejected('invalid_request', 'the events claim must name at least one event');
  const received: ReceivedSecurityEvent[] = [];
  const ignored: string[] = [];
  for (const [type, event] of Object.entries(events)) {
    if (!isObject(event)) throw new SetRejected('invalid_request', 'each event must be a JSON object');
    const kind = Object.hasOwn(KINDS, type) ? KINDS[type] : undefined;
    if (!kind) {
      ignored.push(type);
      continue;
    }
    received.push({ kind, subject: readSubject(event, payload, options.issuer) });
  }
  return { jti, issuedAt: new Date(iat * 1000), events: received, ignored };
}

// The benefits agency's client key for private_key_jwt: an ES256 (P-256) key pair generated on
// first start and kept as a private JWK file (mode 0600), reused afterwards. Only the public
// half leaves this module's file: it goes into the agency registration at the identity provider.
import { createECDH, createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// Type aliases (not interfaces), so they fit the registration schema's open JWK object.
export type PublicClientJwk = {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: 'ES256';
  use: 'sig';
};

export type PrivateClientJwk = PublicClientJwk & { d: string };

export interface ClientKey {
  kid: string;
  privateJwk: PrivateClientJwk;
  publicJwk: PublicClientJwk;
}

/** RFC 7638 thumbprint of an EC public key: a stable key id. */
export function ecThumbprint(jwk: { crv: string; x: string; y: string }): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: 'EC', x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

function toClientKey(jwk: { x: string; y: string; d: string }): ClientKey {
  const kid = ecThumbprint({ crv: 'P-256', x: jwk.x, y: jwk.y });
  const publicJwk: PublicClientJwk = {
    kty: 'EC',
    crv: 'P-256',
    x: jwk.x,
    y: jwk.y,
    kid,
    alg: 'ES256',
    use: 'sig',
  };
  return { kid, publicJwk, privateJwk: { ...publicJwk, d: jwk.d } };
}

export function generateClientKey(): ClientKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  return toClientKey({ x: jwk.x!, y: jwk.y!, d: jwk.d! });
}

/** Reads a stored key; throws a message naming the file when it is not a usable P-256 private key. */
export function parseClientKey(text: string, file: string): ClientKey {
  const problem = (why: string) =>
    new Error(
      `The benefits agency's client key in ${file} ${why}. Delete the file and restart: a new key is generated and registered.`,
    );
  let value: Partial<Record<string, unknown>>;
  try {
    value = JSON.parse(text) as Partial<Record<string, unknown>>;
  } catch {
    throw problem('is not valid JSON');
  }
  const { kty, crv, x, y, d } = value ?? {};
  if (
    kty !== 'EC' ||
    crv !== 'P-256' ||
    typeof x !== 'string' ||
    typeof y !== 'string' ||
    typeof d !== 'string'
  )
    throw problem('is not an EC P-256 private key in JWK form');
  // The public point is recomputed from the private scalar alone (a JWK import would trust x and y).
  let point: Buffer;
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(d, 'base64url'));
    point = ecdh.getPublicKey();
  } catch {
    throw problem('does not hold a valid P-256 private key');
  }
  const coordinate = (from: number) => point.subarray(from, from + 32).toString('base64url');
  if (coordinate(1) !== x || coordinate(33) !== y)
    throw problem('has a public half that does not match its private half');
  return toClientKey({ x, y, d });
}

/**
 * Returns the key kept in `file`, creating it (mode 0600) when missing. Creation is atomic and
 * never overwrites: a complete temporary file is hard-linked into place, so two processes
 * starting at once agree on one key.
 */
export function loadOrCreateClientKey(file: string): ClientKey {
  if (existsSync(file)) return parseClientKey(readFileSync(file, 'utf8'), file);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = generateClientKey();
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, JSON.stringify(key.privateJwk, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, file);
    return key;
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    return parseClientKey(readFileSync(file, 'utf8'), file);
  } finally {
    unlinkSync(temporary);
  }
}

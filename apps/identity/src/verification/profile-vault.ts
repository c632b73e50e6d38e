// The sealed verified profile (ADR 0014). A random data key (DEK) encrypts the profile with
// AES-256-GCM, bound to the account id; the DEK is wrapped twice, under a key derived from the
// password and under one derived from the personal key shown once after verification (as
// Login.gov does). Each key-encryption key (KEK) is argon2id(secret, random salt) mixed with a
// server pepper through HKDF-SHA256, so a stolen database alone cannot be attacked offline.
//
// Buffer ownership: every DEK this module returns (unlock*, openSessionKey, sealVaultAndKeepKey)
// belongs to the caller, who should `.fill(0)` it once done. DEKs passed in (openVault, rewrap*,
// sealSessionKey) are never modified. KEKs, argon2 outputs and decrypted plaintext buffers are
// internal and zeroed after use. Strings (password, profile JSON) cannot be zeroed in JavaScript.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { hashRaw, type Algorithm } from '@node-rs/argon2';
import { OWASP_ARGON2ID } from '../auth/password-hasher.ts';

/** AES-256-GCM output, base64url. */
export interface Box {
  iv: string;
  ct: string;
  tag: string;
}

/** A DEK wrapped under a KEK derived from a secret with this salt, base64url. */
export interface WrappedKey extends Box {
  salt: string;
}

export interface SealedVault {
  v: 1;
  data: Box;
  byPassword: WrappedKey;
  byPersonalKey: WrappedKey;
}

export type ProfileVaultErrorCode = 'malformed' | 'tampered' | 'bad_key' | 'bad_pepper';

export class ProfileVaultError extends Error {
  readonly code: ProfileVaultErrorCode;
  constructor(code: ProfileVaultErrorCode, message: string) {
    super(message);
    this.name = 'ProfileVaultError';
    this.code = code;
  }
}

/** @node-rs/argon2's Algorithm.Argon2id (a const enum, so it cannot be imported as a value). */
const ARGON2ID = 2 as Algorithm;
/** Version 1 of the vault fixes these (OWASP minimum for argon2id); a change needs `v: 2`. */
const KDF_V1 = { algorithm: ARGON2ID, ...OWASP_ARGON2ID, outputLen: 32 };
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT_BYTES = 16;

type Purpose = 'password' | 'personal-key';
const INFO: Record<Purpose | 'session', string> = {
  password: 'tia/profile-vault/password',
  'personal-key': 'tia/profile-vault/personal-key',
  session: 'tia/profile-vault/session',
};

// --- Personal key ------------------------------------------------------------------------------

/** Crockford base32: digits and letters without I, L, O, U. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PERSONAL_KEY_CHARS = 16; // 16 × 5 bits = 80 bits = 10 random bytes

/** A new personal key, 80 random bits, formatted "XXXX-XXXX-XXXX-XXXX". */
export function generatePersonalKey(): string {
  const bytes = randomBytes((PERSONAL_KEY_CHARS * 5) / 8);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  bytes.fill(0);
  let chars = '';
  for (let i = PERSONAL_KEY_CHARS - 1; i >= 0; i--) {
    chars += CROCKFORD_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  }
  return formatPersonalKey(chars);
}

/** Groups 16 characters as "XXXX-XXXX-XXXX-XXXX" for display. */
export function formatPersonalKey(normalised: string): string {
  return normalised.match(/.{1,4}/g)?.join('-') ?? '';
}

/**
 * A personal key as typed → its 16 canonical characters, or undefined if it is not one.
 * Crockford rules: case-insensitive, O → 0, I and L → 1; spaces and dashes are ignored.
 */
export function normalisePersonalKey(input: string): string | undefined {
  const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (chars.length !== PERSONAL_KEY_CHARS) return undefined;
  for (const char of chars) if (!CROCKFORD_ALPHABET.includes(char)) return undefined;
  return chars;
}

// --- Sealing and unlocking ---------------------------------------------------------------------

export interface SealInput {
  accountId: string;
  /** Anything JSON.stringify accepts. */
  profile: unknown;
  password: string;
  /** As shown or typed; normalised here. */
  personalKey: string;
  /** 32-byte server secret from configuration. */
  pepper: Buffer;
}

/** Seals a profile under a new DEK, which is zeroed before returning. */
export async function sealVault(input: SealInput): Promise<SealedVault> {
  const { vault, dataKey } = await sealVaultAndKeepKey(input);
  dataKey.fill(0);
  return vault;
}

/**
 * Like sealVault, but also returns the DEK (the caller owns it and should zero it), so a person
 * who just verified can be given a session key without another argon2 run.
 */
export async function sealVaultAndKeepKey(
  input: SealInput,
): Promise<{ vault: SealedVault; dataKey: Buffer }> {
  checkPepper(input.pepper);
  const personalKey = requirePersonalKey(input.personalKey);
  const dataKey = randomBytes(KEY_BYTES);
  const plain = Buffer.from(JSON.stringify(input.profile) ?? 'null', 'utf8');
  try {
    const data = encrypt(dataKey, plain, dataAad(input.accountId));
    const [byPassword, byPersonalKey] = await Promise.all([
      wrapKey(dataKey, input.password, 'password', input.pepper, data.iv),
      wrapKey(dataKey, personalKey, 'personal-key', input.pepper, data.iv),
    ]);
    return { vault: { v: 1, data, byPassword, byPersonalKey }, dataKey };
  } catch (error) {
    dataKey.fill(0);
    throw error;
  } finally {
    plain.fill(0);
  }
}

/** The DEK (caller owns it), or undefined if the password, pepper or account id is wrong. */
export function unlockWithPassword(
  vault: SealedVault,
  accountId: string,
  password: string,
  pepper: Buffer,
): Promise<Buffer | undefined> {
  return unlock(vault, accountId, password, 'password', pepper);
}

/** The DEK (caller owns it), or undefined if the personal key, pepper or account id is wrong. */
export async function unlockWithPersonalKey(
  vault: SealedVault,
  accountId: string,
  personalKey: string,
  pepper: Buffer,
): Promise<Buffer | undefined> {
  const normalised = normalisePersonalKey(personalKey);
  if (normalised === undefined) return undefined;
  return unlock(vault, accountId, normalised, 'personal-key', pepper);
}

/** Decrypts the profile; throws ProfileVaultError ('tampered') if anything does not authenticate. */
export function openVault<T>(vault: SealedVault, accountId: string, dataKey: Buffer): T {
  checkVault(vault);
  checkKey(dataKey);
  const plain = decrypt(dataKey, vault.data, dataAad(accountId));
  if (!plain) throw new ProfileVaultError('tampered', 'The profile vault did not authenticate');
  try {
    return JSON.parse(plain.toString('utf8')) as T;
  } finally {
    plain.fill(0);
  }
}

/**
 * A copy of the vault whose password wrap uses the new password (after a password reset and the
 * personal key). `dataKey` must be the DEK unlock* returned for this vault: it cannot be checked
 * here (the account id is not an argument), and a wrong one would lock the profile for good.
 */
export async function rewrapForPassword(
  vault: SealedVault,
  dataKey: Buffer,
  newPassword: string,
  pepper: Buffer,
): Promise<SealedVault> {
  checkVault(vault);
  checkKey(dataKey);
  checkPepper(pepper);
  const byPassword = await wrapKey(dataKey, newPassword, 'password', pepper, vault.data.iv);
  return { ...vault, byPassword };
}

/** A copy of the vault whose personal-key wrap uses a new key (the old one stops working). */
export async function rewrapForPersonalKey(
  vault: SealedVault,
  dataKey: Buffer,
  newPersonalKey: string,
  pepper: Buffer,
): Promise<SealedVault> {
  checkVault(vault);
  checkKey(dataKey);
  checkPepper(pepper);
  const normalised = requirePersonalKey(newPersonalKey);
  const byPersonalKey = await wrapKey(dataKey, normalised, 'personal-key', pepper, vault.data.iv);
  return { ...vault, byPersonalKey };
}

/** Whether a value (e.g. read from a jsonb column) has the shape of a version-1 vault. */
export function isSealedVault(x: unknown): x is SealedVault {
  if (!isRecord(x) || x.v !== 1) return false;
  return isBox(x.data) && isWrappedKey(x.byPassword) && isWrappedKey(x.byPersonalKey);
}

// --- Session key -------------------------------------------------------------------------------

/**
 * Seals the DEK under a key derived from the session token (HKDF with the pepper), so a signed-in
 * browser can use the unlocked profile without the password. Returns "v1.<iv>.<ct>.<tag>".
 * The token must be a high-entropy random secret (no argon2 here).
 */
export function sealSessionKey(dataKey: Buffer, sessionToken: string, pepper: Buffer): string {
  checkKey(dataKey);
  checkPepper(pepper);
  const key = hkdf(Buffer.from(sessionToken, 'utf8'), pepper, INFO.session);
  try {
    const box = encrypt(key, dataKey, Buffer.from(`${INFO.session}/v1`));
    return ['v1', box.iv, box.ct, box.tag].join('.');
  } finally {
    key.fill(0);
  }
}

/** The DEK (caller owns it), or undefined if the token or pepper is wrong or the value malformed. */
export function openSessionKey(sealed: string, sessionToken: string, pepper: Buffer): Buffer | undefined {
  checkPepper(pepper);
  const parts = sealed.split('.');
  const [version, iv, ct, tag] = parts;
  if (parts.length !== 4 || version !== 'v1' || !iv || !ct || !tag) return undefined;
  const box = { iv, ct, tag };
  if (!isBox(box)) return undefined;
  const key = hkdf(Buffer.from(sessionToken, 'utf8'), pepper, INFO.session);
  try {
    const dataKey = decrypt(key, box, Buffer.from(`${INFO.session}/v1`));
    if (dataKey && dataKey.length !== KEY_BYTES) {
      dataKey.fill(0);
      return undefined;
    }
    return dataKey;
  } finally {
    key.fill(0);
  }
}

// --- Internals ---------------------------------------------------------------------------------

/** The data box is bound to the version and the account, so a vault cannot be moved. */
function dataAad(accountId: string): Buffer {
  return Buffer.from(`tia/profile-vault/v1/data\0${accountId}`, 'utf8');
}

/** A wrap is bound to its purpose and to this vault's data box (by its unique IV). */
function wrapAad(purpose: Purpose, dataIv: string): Buffer {
  return Buffer.from(`${INFO[purpose]}/v1\0${dataIv}`, 'utf8');
}

async function deriveKek(secret: string, salt: Buffer, purpose: Purpose, pepper: Buffer): Promise<Buffer> {
  const stretched = await hashRaw(secret, { ...KDF_V1, salt });
  try {
    return hkdf(stretched, pepper, INFO[purpose]);
  } finally {
    stretched.fill(0);
  }
}

async function wrapKey(
  dataKey: Buffer,
  secret: string,
  purpose: Purpose,
  pepper: Buffer,
  dataIv: string,
): Promise<WrappedKey> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await deriveKek(secret, salt, purpose, pepper);
  try {
    return { salt: salt.toString('base64url'), ...encrypt(kek, dataKey, wrapAad(purpose, dataIv)) };
  } finally {
    kek.fill(0);
  }
}

async function unlock(
  vault: SealedVault,
  accountId: string,
  secret: string,
  purpose: Purpose,
  pepper: Buffer,
): Promise<Buffer | undefined> {
  checkPepper(pepper);
  if (!isSealedVault(vault)) return undefined;
  const wrapped = purpose === 'password' ? vault.byPassword : vault.byPersonalKey;
  const kek = await deriveKek(secret, Buffer.from(wrapped.salt, 'base64url'), purpose, pepper);
  let dataKey: Buffer | undefined;
  try {
    dataKey = decrypt(kek, wrapped, wrapAad(purpose, vault.data.iv));
  } finally {
    kek.fill(0);
  }
  if (!dataKey) return undefined;
  // The wraps do not name the account; the data box does. Only a DEK that opens it is returned.
  const plain = dataKey.length === KEY_BYTES ? decrypt(dataKey, vault.data, dataAad(accountId)) : undefined;
  if (!plain) {
    dataKey.fill(0);
    return undefined;
  }
  plain.fill(0);
  return dataKey;
}

function hkdf(ikm: Buffer, salt: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, KEY_BYTES));
}

function encrypt(key: Buffer, plain: Buffer, aad: Buffer): Box {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    iv: iv.toString('base64url'),
    ct: ct.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}

/** The plaintext, or undefined if the key, AAD, IV, ciphertext or tag is wrong. */
function decrypt(key: Buffer, box: Box, aad: Buffer): Buffer | undefined {
  const iv = Buffer.from(box.iv, 'base64url');
  const tag = Buffer.from(box.tag, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(box.ct, 'base64url')), decipher.final()]);
  } catch {
    return undefined;
  }
}

function requirePersonalKey(personalKey: string): string {
  const normalised = normalisePersonalKey(personalKey);
  if (normalised === undefined) throw new ProfileVaultError('bad_key', 'Not a personal key');
  return normalised;
}

function checkPepper(pepper: Buffer): void {
  if (!Buffer.isBuffer(pepper) || pepper.length !== KEY_BYTES)
    throw new ProfileVaultError('bad_pepper', 'The profile vault pepper must be 32 bytes');
}

function checkKey(dataKey: Buffer): void {
  if (!Buffer.isBuffer(dataKey) || dataKey.length !== KEY_BYTES)
    throw new ProfileVaultError('bad_key', 'A profile data key must be 32 bytes');
}

function checkVault(vault: SealedVault): void {
  if (!isSealedVault(vault)) throw new ProfileVaultError('malformed', 'Not a profile vault');
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const isB64 = (x: unknown): x is string => typeof x === 'string' && BASE64URL.test(x);

function isBox(x: unknown): x is Box {
  return isRecord(x) && isB64(x.iv) && x.iv !== '' && isB64(x.ct) && isB64(x.tag) && x.tag !== '';
}

function isWrappedKey(x: unknown): x is WrappedKey {
  return isBox(x) && isRecord(x) && isB64(x.salt) && x.salt !== '';
}

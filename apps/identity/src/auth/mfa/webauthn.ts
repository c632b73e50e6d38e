// WebAuthn (passkeys and security keys) with @simplewebauthn/server: registration and
// authentication ceremonies for the second factor.
//
// The expected challenge never lives in the browser in the clear: it is sealed with the
// field cipher (AES-256-GCM, so any change is refused) into a hidden form field, together
// with its purpose, the account, an expiry and a fingerprint of the session it was issued
// to *in its current state* (session token and time of the last second factor). A sealed
// challenge therefore only works for that browser session, for ten minutes, and stops
// working as soon as any second factor succeeds (which moves the session's mfaAt): each
// one can be used to sign in or add a key at most once, without a table to clean up.
//
// Credentials are stored encrypted in mfa_methods.secret_enc as JSON; lookup_fp is a keyed
// fingerprint of the credential id, so the same key cannot be added twice.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Database } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import type { Clock } from '#platform/time/clock.ts';
import type { MfaMethod, MfaMethodsRepo } from '../../db/mfa-methods-repo.ts';

/** COSE algorithm ids: ES256 (-7) and RS256 (-257), what platform and roaming keys support. */
export const WEBAUTHN_ALGORITHMS: readonly number[] = [-7, -257];

/** What is stored (encrypted) for each passkey or security key. */
export interface StoredCredential {
  v: 1;
  credentialId: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  /** The user handle given to the authenticator (base64url), checked when it returns one. */
  userHandle?: string;
  aaguid?: string;
  deviceType?: 'singleDevice' | 'multiDevice';
  backedUp?: boolean;
}

/** What a challenge is bound to: the account, and its session in its current state. */
export interface ChallengeBinding {
  accountId: string;
  sessionToken: string;
  mfaAt: Date | null;
}

export type CeremonyPurpose = 'register' | 'authenticate';

interface SealedChallenge {
  p: CeremonyPurpose;
  a: string;
  s: string;
  c: string;
  x: number;
}

export interface WebauthnDeps {
  db: Database;
  methods: MfaMethodsRepo;
  cipher: FieldCipher;
  clock: Clock;
  /** The identity provider's public URL: its host is the relying party id, its origin the expected origin. */
  issuer: string;
  /** Shown by the browser and the authenticator when a key is added. */
  rpName: string;
  /** How long a sealed challenge is accepted (default 10 minutes). */
  challengeTtlSeconds?: number;
  /** How long the browser waits for the person (default 3 minutes). */
  timeoutMs?: number;
}

export type WebauthnResult = { ok: true; method: MfaMethod } | { ok: false; error: MessageKey };

/** Reads a stored credential; undefined when the secret is not one. */
export function parseStoredCredential(secret: string | null): StoredCredential | undefined {
  if (!secret) return undefined;
  try {
    const value = JSON.parse(secret) as Partial<StoredCredential> | null;
    if (
      !value ||
      value.v !== 1 ||
      typeof value.credentialId !== 'string' ||
      typeof value.publicKey !== 'string' ||
      typeof value.counter !== 'number'
    )
      return undefined;
    return {
      ...value,
      transports: Array.isArray(value.transports) ? value.transports : [],
    } as StoredCredential;
  } catch {
    return undefined;
  }
}

/** The credentials of an account's WebAuthn methods, with the method each belongs to. */
export function webauthnCredentials(methods: readonly MfaMethod[]) {
  return methods.flatMap((method) => {
    const credential = method.kind === 'webauthn' ? parseStoredCredential(method.secret) : undefined;
    return credential ? [{ method, credential }] : [];
  });
}

function parseResponse<T>(json: string): T | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as unknown;
    return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
      ? (value as T)
      : undefined;
  } catch {
    return undefined;
  }
}

export function createWebauthn(deps: WebauthnDeps) {
  const issuer = new URL(deps.issuer);
  const rpID = issuer.hostname;
  const origin = issuer.origin;
  const ttlMs = (deps.challengeTtlSeconds ?? 600) * 1000;
  const timeout = deps.timeoutMs ?? 180_000;

  const sessionPrint = (binding: ChallengeBinding) =>
    deps.cipher.fingerprint(
      `webauthn-session:${binding.sessionToken}:${binding.mfaAt ? binding.mfaAt.getTime() : 0}`,
    );

  const seal = (purpose: CeremonyPurpose, binding: ChallengeBinding, challenge: string): string =>
    deps.cipher.encrypt(
      JSON.stringify({
        p: purpose,
        a: binding.accountId,
        s: sessionPrint(binding),
        c: challenge,
        x: deps.clock.now().getTime() + ttlMs,
      } satisfies SealedChallenge),
    );

  /** The sealed challenge, if sealed here for this purpose, account and session state, and still fresh. */
  const open = (purpose: CeremonyPurpose, binding: ChallengeBinding, sealed: string): string | undefined => {
    try {
      const value = JSON.parse(deps.cipher.decrypt(sealed)) as Partial<SealedChallenge>;
      const fresh = typeof value.x === 'number' && deps.clock.now().getTime() < value.x;
      return value.p === purpose &&
        value.a === binding.accountId &&
        value.s === sessionPrint(binding) &&
        fresh &&
        typeof value.c === 'string'
        ? value.c
        : undefined;
    } catch {
      return undefined;
    }
  };

  /** An opaque, stable user handle per account (not the account id, not personal data). */
  const userHandle = (accountId: string): Uint8Array<ArrayBuffer> =>
    new Uint8Array(Buffer.from(deps.cipher.fingerprint(`webauthn-user:${accountId}`), 'base64url'));

  const credentialPrint = (credentialId: string) => deps.cipher.fingerprint(`webauthn:${credentialId}`);

  return {
    rpID,
    origin,
    userHandle,

    /** Options for navigator.credentials.create(), and the sealed challenge for the form. */
    async startRegistration(
      binding: ChallengeBinding,
      user: { name: string; displayName: string },
      methods: readonly MfaMethod[],
    ): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; sealed: string }> {
      const options = await generateRegistrationOptions({
        rpName: deps.rpName,
        rpID,
        userID: userHandle(binding.accountId),
        userName: user.name,
        userDisplayName: user.displayName,
        timeout,
        attestationType: 'none',
        excludeCredentials: webauthnCredentials(methods).map(({ credential }) => ({
          id: credential.credentialId,
          transports: credential.transports,
        })),
        // No authenticatorAttachment: platform passkeys and roaming security keys are both welcome.
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
        supportedAlgorithmIDs: [...WEBAUTHN_ALGORITHMS],
      });
      return { options, sealed: seal('register', binding, options.challenge) };
    },

    /** Verifies the browser's answer to startRegistration and stores the new credential. */
    async finishRegistration(
      binding: ChallengeBinding,
      sealed: string,
      responseJson: string,
      label: string,
    ): Promise<WebauthnResult> {
      const response = parseResponse<RegistrationResponseJSON>(responseJson);
      if (!response) return { ok: false, error: 'idp.webauthn.error.noResponse' };
      const challenge = open('register', binding, sealed);
      if (!challenge) return { ok: false, error: 'idp.webauthn.error.expired' };
      let info;
      try {
        const result = await verifyRegistrationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: false,
          supportedAlgorithmIDs: [...WEBAUTHN_ALGORITHMS],
        });
        if (!result.verified) return { ok: false, error: 'idp.webauthn.error.notAdded' };
        info = result.registrationInfo;
      } catch {
        return { ok: false, error: 'idp.webauthn.error.notAdded' };
      }
      const lookupFingerprint = credentialPrint(info.credential.id);
      if (await deps.methods.findByLookup(lookupFingerprint)) {
        return { ok: false, error: 'idp.webauthn.error.alreadyAdded' };
      }
      const stored: StoredCredential = {
        v: 1,
        credentialId: info.credential.id,
        publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
        counter: info.credential.counter,
        transports: info.credential.transports ?? response.response.transports ?? [],
        userHandle: Buffer.from(userHandle(binding.accountId)).toString('base64url'),
        aaguid: info.aaguid,
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
      };
      const method = await deps.db.transaction((tx) =>
        deps.methods.create(tx, {
          accountId: binding.accountId,
          kind: 'webauthn',
          label,
          secret: JSON.stringify(stored),
          lookupFingerprint,
        }),
      );
      return { ok: true, method };
    },

    /** Options for navigator.credentials.get() over the account's keys; undefined when it has none. */
    async startAuthentication(
      binding: ChallengeBinding,
      methods: readonly MfaMethod[],
    ): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; sealed: string } | undefined> {
      const credentials = webauthnCredentials(methods);
      if (credentials.length === 0) return undefined;
      const options = await generateAuthenticationOptions({
        rpID,
        timeout,
        userVerification: 'preferred',
        allowCredentials: credentials.map(({ credential }) => ({
          id: credential.credentialId,
          transports: credential.transports,
        })),
      });
      return { options, sealed: seal('authenticate', binding, options.challenge) };
    },

    /** Verifies a signed challenge against the account's keys; updates the signature counter. */
    async verifyAuthentication(
      binding: ChallengeBinding,
      sealed: string,
      responseJson: string,
      methods: readonly MfaMethod[],
    ): Promise<WebauthnResult> {
      const response = parseResponse<AuthenticationResponseJSON>(responseJson);
      if (!response) return { ok: false, error: 'idp.webauthn.error.noResponse' };
      const challenge = open('authenticate', binding, sealed);
      if (!challenge) return { ok: false, error: 'idp.webauthn.error.expired' };
      const match = webauthnCredentials(methods).find(
        ({ method, credential }) =>
          method.accountId === binding.accountId && credential.credentialId === response.id,
      );
      if (!match) return { ok: false, error: 'idp.webauthn.error.notRecognised' };
      const { method, credential } = match;
      const handle = response.response?.userHandle;
      const expectedHandle =
        credential.userHandle ?? Buffer.from(userHandle(binding.accountId)).toString('base64url');
      if (handle && handle !== expectedHandle) {
        return { ok: false, error: 'idp.webauthn.error.notRecognised' };
      }
      let newCounter: number;
      try {
        const result = await verifyAuthenticationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: false,
          credential: {
            id: credential.credentialId,
            publicKey: new Uint8Array(Buffer.from(credential.publicKey, 'base64url')),
            counter: credential.counter,
            transports: credential.transports,
          },
        });
        if (!result.verified) return { ok: false, error: 'idp.webauthn.error.signInFailed' };
        newCounter = result.authenticationInfo.newCounter;
      } catch {
        // A bad signature, another site's challenge, or a counter that went backwards (a cloned key).
        return { ok: false, error: 'idp.webauthn.error.signInFailed' };
      }
      if (newCounter !== credential.counter) {
        await deps.methods.updateSecret(method.id, JSON.stringify({ ...credential, counter: newCounter }));
      }
      await deps.methods.markUsed(method.id, deps.clock.now());
      return { ok: true, method };
    },

    /** For tests and diagnostics: the challenge a sealed value carries, if it is valid here. */
    openChallenge: open,
  };
}

export type Webauthn = ReturnType<typeof createWebauthn>;

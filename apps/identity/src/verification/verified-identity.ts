// The verified identity as the rest of the app uses it: seal a new profile for its owner, unlock it
// with the password at sign-in (kept for the session, sealed with the session token), release its
// claims to an agency, lock it after a password reset and reactivate it with the personal key.
// The details only exist in the clear in memory, for the request that needs them (ADR 0014).
import type { Database, Queryable } from '#platform/db/database.ts';
import type { Clock } from '#platform/time/clock.ts';
import type {
  VerifiedDetails,
  VerifiedProfile,
  VerifiedProfileStatus,
  VerifiedProfilesRepo,
} from '../db/verified-profiles-repo.ts';
import type { IdpSessionsRepo } from '../db/idp-sessions-repo.ts';
import type { ClaimReleasesRepo } from '../db/claim-releases-repo.ts';
import {
  generatePersonalKey,
  openSessionKey,
  openVault,
  rewrapForPassword,
  rewrapForPersonalKey,
  sealSessionKey,
  sealVaultAndKeepKey,
  unlockWithPassword,
  unlockWithPersonalKey,
} from './profile-vault.ts';

export interface VerifiedIdentityDeps {
  db: Database;
  profiles: VerifiedProfilesRepo;
  sessions: IdpSessionsRepo;
  releases: ClaimReleasesRepo;
  /** 32 bytes from the secrets store, mixed into every key derivation. */
  pepper: Buffer;
  clock: Clock;
  /** How long a release serves the token and userinfo endpoints (the longest token it backs). */
  releaseSeconds: number;
}

export type SealOutcome = { ok: true; personalKey: string } | { ok: false; reason: 'duplicate' };

export function createVerifiedIdentity(deps: VerifiedIdentityDeps) {
  const { pepper } = deps;

  async function rememberInSession(sessionToken: string, dataKey: Buffer): Promise<void> {
    await deps.sessions.setProfileKey(sessionToken, sealSessionKey(dataKey, sessionToken, pepper));
  }

  return {
    status: (accountId: string) => deps.profiles.find(accountId),

    /**
     * Seals a newly verified profile with the password; the personal key is returned once. Replaces
     * an existing profile of the same account (verifying again); `duplicate` means the SSN or ITIN
     * belongs to another account.
     */
    async seal(input: {
      accountId: string;
      level: VerifiedProfile['level'];
      method: string;
      details: VerifiedDetails;
      password: string;
      /** The browser session that will use the profile at once (absent for the demo seed). */
      sessionToken?: string | undefined;
      verifiedAt?: Date | undefined;
    }): Promise<SealOutcome> {
      const personalKey = generatePersonalKey();
      const { vault, dataKey } = await sealVaultAndKeepKey({
        accountId: input.accountId,
        profile: input.details,
        password: input.password,
        personalKey,
        pepper,
      });
      try {
        const saved = await deps.db.transaction((tx) =>
          deps.profiles.save(tx, {
            accountId: input.accountId,
            level: input.level,
            method: input.method,
            tin: input.details.tin,
            tinType: input.details.tinType,
            verifiedAt: input.verifiedAt ?? deps.clock.now(),
            vault,
          }),
        );
        if (!saved) return { ok: false, reason: 'duplicate' };
        if (input.sessionToken) await rememberInSession(input.sessionToken, dataKey);
        return { ok: true, personalKey };
      } finally {
        dataKey.fill(0);
      }
    },

    /** At a password sign-in: unlocks the profile for this session (nothing when none or locked). */
    async unlockForSession(accountId: string, password: string, sessionToken: string): Promise<boolean> {
      const status = await deps.profiles.find(accountId);
      if (!status?.vault || status.lockedAt) return false;
      const dataKey = await unlockWithPassword(status.vault, accountId, password, pepper);
      if (!dataKey) return false;
      try {
        await rememberInSession(sessionToken, dataKey);
        return true;
      } finally {
        dataKey.fill(0);
      }
    },

    /** Whether this session holds the key of the account's (unlocked) profile. */
    async sessionCanRelease(accountId: string, sessionToken: string): Promise<boolean> {
      return !!(await this.detailsForSession(accountId, sessionToken));
    },

    /** The profile's details with this session's key, or undefined. */
    async detailsForSession(
      accountId: string,
      sessionToken: string,
    ): Promise<{ status: VerifiedProfileStatus; details: VerifiedDetails } | undefined> {
      const status = await deps.profiles.find(accountId);
      if (!status?.vault || status.lockedAt) return undefined;
      const sealed = await deps.sessions.profileKey(sessionToken);
      const dataKey = sealed ? openSessionKey(sealed, sessionToken, pepper) : undefined;
      if (!dataKey) return undefined;
      try {
        return { status, details: openVault<VerifiedDetails>(status.vault, accountId, dataKey) };
      } catch {
        return undefined; // a key from before the profile was sealed again
      } finally {
        dataKey.fill(0);
      }
    },

    /** Releases the verified claims to one agency for this sign-in; false when the session can't. */
    async release(accountId: string, clientId: string, sessionToken: string): Promise<boolean> {
      const found = await this.detailsForSession(accountId, sessionToken);
      if (!found) return false;
      const now = deps.clock.now();
      await deps.releases.put(
        accountId,
        clientId,
        {
          ...found.details,
          accountId,
          level: found.status.level,
          method: found.status.method,
          verifiedAt: found.status.verifiedAt,
          lockedAt: undefined,
        },
        new Date(now.getTime() + deps.releaseSeconds * 1000),
      );
      return true;
    },

    /** After a password reset: locked until the personal key; releases are forgotten. */
    async lock(tx: Queryable, accountId: string): Promise<void> {
      await deps.profiles.lock(tx, accountId, deps.clock.now());
    },

    /**
     * The personal key (and the current password) unlock a locked profile: rewrapped for the
     * password and for a new personal key, returned once.
     */
    async reactivate(
      accountId: string,
      personalKey: string,
      password: string,
      sessionToken: string,
    ): Promise<{ ok: true; personalKey: string } | { ok: false }> {
      const status = await deps.profiles.find(accountId);
      if (!status?.vault || !status.lockedAt) return { ok: false };
      const dataKey = await unlockWithPersonalKey(status.vault, accountId, personalKey, pepper);
      if (!dataKey) return { ok: false };
      try {
        const fresh = generatePersonalKey();
        const forPassword = await rewrapForPassword(status.vault, dataKey, password, pepper);
        const vault = await rewrapForPersonalKey(forPassword, dataKey, fresh, pepper);
        if (!(await deps.profiles.unlock(accountId, vault, status.lockedAt))) return { ok: false };
        await rememberInSession(sessionToken, dataKey);
        return { ok: true, personalKey: fresh };
      } finally {
        dataKey.fill(0);
      }
    },
  };
}

export type VerifiedIdentity = ReturnType<typeof createVerifiedIdentity>;

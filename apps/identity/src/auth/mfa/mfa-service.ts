// MFA use-cases: set up each kind of method, send one-time codes, verify a second factor.
// Verification answers only "verified" or a message key; it never says which part failed.
import QRCode from 'qrcode';
import type { Database } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import type { EmailSender } from '#platform/mail/email-port.ts';
import type { Clock } from '#platform/time/clock.ts';
import { translator, type Locale, type MessageKey } from '#platform/i18n/catalog.ts';
import type { MfaMethodsRepo, MfaMethod, MfaKind } from '../../db/mfa-methods-repo.ts';
import type { BackupCodesRepo } from '../../db/backup-codes-repo.ts';
import type { OtpChallengesRepo } from '../../db/otp-challenges-repo.ts';
import { matchTotp, newTotpSecret, totpUri } from './totp.ts';
import { newBackupCodes, newOtpCode, normaliseBackupCode, normaliseOtp } from './codes.ts';

export interface CodeSender {
  /** Delivers a one-time code over the method's channel (email, text message or voice). */
  send(kind: MfaKind, destination: string, code: string, locale: Locale): Promise<void>;
}

export interface MfaServiceDeps {
  db: Database;
  methods: MfaMethodsRepo;
  backupCodes: BackupCodesRepo;
  challenges: OtpChallengesRepo;
  cipher: FieldCipher;
  codes: CodeSender;
  clock: Clock;
  issuerName: string;
  /** One-time codes are valid for 10 minutes (Login.gov). */
  otpTtlSeconds: number;
}

export type VerifyResult = { ok: true; method: MfaMethod } | { ok: false; error: MessageKey };

export function createMfaService(deps: MfaServiceDeps) {
  const codeHash = (accountId: string, code: string) => deps.cipher.fingerprint(`otp:${accountId}:${code}`);
  const backupHash = (methodId: string, code: string) =>
    deps.cipher.fingerprint(`backup:${methodId}:${code}`);
  const openSealed = (accountId: string, sealed: string): string | undefined => {
    try {
      const plain = deps.cipher.decrypt(sealed);
      const separator = plain.indexOf(':');
      return plain.slice(0, separator) === accountId && separator > 0
        ? plain.slice(separator + 1)
        : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    /**
     * A TOTP secret (new, or the one being confirmed again after a typo) with its QR code,
     * sealed (encrypted and bound to the account) for the confirmation form.
     */
    async startTotpSetup(accountId: string, accountLabel: string, existingSecret?: string) {
      const secret = existingSecret ?? newTotpSecret();
      const uri = totpUri(secret, accountLabel, deps.issuerName);
      const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return {
        sealed: deps.cipher.encrypt(`${accountId}:${secret}`),
        secret,
        qrDataUri: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}`,
      };
    },

    /** Opens a sealed TOTP secret; undefined if it was tampered with or belongs to someone else. */
    openTotpSecret(accountId: string, sealed: string): string | undefined {
      return openSealed(accountId, sealed);
    },

    /** Seals a destination (phone or email) being confirmed, so the form cannot swap it. */
    sealDestination: (accountId: string, destination: string) =>
      deps.cipher.encrypt(`${accountId}:${destination}`),
    openDestination: (accountId: string, sealed: string) => openSealed(accountId, sealed),

    async finishTotpSetup(accountId: string, sealed: string, code: string, label: string) {
      const secret = this.openTotpSecret(accountId, sealed);
      if (!secret) return { ok: false as const, error: 'idp.mfa.error.setupExpired' as MessageKey };
      const step = matchTotp(secret, code, deps.clock.now());
      if (step === undefined) return { ok: false as const, error: 'idp.mfa.error.wrongCode' as MessageKey };
      const method = await deps.db.transaction((tx) =>
        deps.methods.create(tx, { accountId, kind: 'totp', label, secret }),
      );
      await deps.methods.acceptTotpStep(method.id, step);
      return { ok: true as const, method };
    },

    /** Creates (or regenerates) the backup codes; the plain codes are returned once, to show. */
    async createBackupCodes(accountId: string, label: string) {
      const existing = (await deps.methods.list(accountId)).find((m) => m.kind === 'backup_codes');
      const codes = newBackupCodes();
      const method = await deps.db.transaction(async (tx) => {
        const target =
          existing ?? (await deps.methods.create(tx, { accountId, kind: 'backup_codes', label }));
        await deps.backupCodes.store(
          tx,
          target.id,
          codes.map((code) => backupHash(target.id, normaliseBackupCode(code))),
        );
        return target;
      });
      return { method, codes, regenerated: existing !== undefined };
    },

    async addCodeMethod(
      accountId: string,
      kind: 'email' | 'sms' | 'voice',
      destination: string,
      label: string,
    ) {
      return deps.db.transaction((tx) =>
        deps.methods.create(tx, {
          accountId,
          kind,
          label,
          secret: destination,
          lookupFingerprint: kind === 'email' ? undefined : deps.cipher.fingerprint(`phone:${destination}`),
        }),
      );
    },

    /** Sends a fresh one-time code for a code-based method; returns the challenge id. */
    async sendCode(method: MfaMethod, purpose: string, locale: Locale): Promise<string> {
      if (!method.secret) throw new Error('A code method needs a destination');
      const code = newOtpCode();
      const challenge = await deps.challenges.create({
        accountId: method.accountId,
        methodId: method.id,
        purpose,
        codeHash: codeHash(method.accountId, code),
        now: deps.clock.now(),
        ttlSeconds: deps.otpTtlSeconds,
      });
      await deps.codes.send(method.kind, method.secret, code, locale);
      return challenge.id;
    },

    /** Sends a code to a destination that is not a method yet (confirming a new phone number). */
    async sendSetupCode(
      accountId: string,
      kind: MfaKind,
      destination: string,
      locale: Locale,
    ): Promise<string> {
      const code = newOtpCode();
      const challenge = await deps.challenges.create({
        accountId,
        methodId: null,
        purpose: `setup:${kind}:${deps.cipher.fingerprint(destination)}`,
        codeHash: codeHash(accountId, code),
        now: deps.clock.now(),
        ttlSeconds: deps.otpTtlSeconds,
      });
      await deps.codes.send(kind, destination, code, locale);
      return challenge.id;
    },

    async checkSetupCode(
      accountId: string,
      kind: MfaKind,
      destination: string,
      challengeId: string,
      code: string,
    ) {
      const challenge = await deps.challenges.find(challengeId);
      const purpose = `setup:${kind}:${deps.cipher.fingerprint(destination)}`;
      if (!challenge || challenge.accountId !== accountId || challenge.purpose !== purpose) return false;
      return deps.challenges.consume(challengeId, codeHash(accountId, normaliseOtp(code)), deps.clock.now());
    },

    async verify(
      method: MfaMethod,
      input: { code: string; challengeId?: string | undefined },
    ): Promise<VerifyResult> {
      const now = deps.clock.now();
      let verified = false;
      if (method.kind === 'totp' && method.secret) {
        const step = matchTotp(method.secret, input.code, now);
        if (step !== undefined && !(await deps.methods.acceptTotpStep(method.id, step))) {
          return { ok: false, error: 'idp.mfa.error.codeUsed' };
        }
        verified = step !== undefined;
      } else if (method.kind === 'backup_codes') {
        const code = normaliseBackupCode(input.code);
        verified =
          code.length === 12 && (await deps.backupCodes.consume(method.id, backupHash(method.id, code), now));
      } else if (method.kind === 'email' || method.kind === 'sms' || method.kind === 'voice') {
        const challenge = input.challengeId ? await deps.challenges.find(input.challengeId) : undefined;
        if (!challenge || challenge.methodId !== method.id)
          return { ok: false, error: 'idp.mfa.error.sendAgain' };
        if (challenge.expiresAt <= now) return { ok: false, error: 'idp.mfa.error.codeExpired' };
        if (challenge.consumedAt) return { ok: false, error: 'idp.mfa.error.codeUsed' };
        verified = await deps.challenges.consume(
          challenge.id,
          codeHash(method.accountId, normaliseOtp(input.code)),
          now,
        );
      }
      if (!verified) return { ok: false, error: 'idp.mfa.error.wrongCode' };
      await deps.methods.markUsed(method.id, now);
      return { ok: true, method };
    },

    remainingBackupCodes: (methodId: string) => deps.backupCodes.remaining(methodId),
  };
}

export type MfaService = ReturnType<typeof createMfaService>;

/** Email delivery of one-time codes; text and voice go through the telephony port. */
export function emailCodeSender(
  email: EmailSender,
): (destination: string, code: string, locale: Locale) => Promise<void> {
  return async (destination, code, locale) => {
    const t = translator(locale);
    await email.send({
      to: destination,
      kind: 'one-time-code',
      subject: t('idp.email.code.subject'),
      text: t('idp.email.code.body', { code }),
    });
  };
}

// What each MFA method is: how it is named, and whether it resists phishing (NIST SP
// 800-63B §5.2.5: only verifier-impersonation-resistant authenticators, here WebAuthn).
import type { MessageKey } from '#platform/i18n/catalog.ts';
import type { MfaKind } from '../../db/mfa-methods-repo.ts';

export interface MethodTraits {
  nameKey: MessageKey;
  descriptionKey: MessageKey;
  phishingResistant: boolean;
  /** Sends a one-time code that the person types back. */
  sendsCode: boolean;
}

export const METHOD_TRAITS: Record<MfaKind, MethodTraits> = {
  webauthn: {
    nameKey: 'idp.mfa.kind.webauthn',
    descriptionKey: 'idp.mfa.desc.webauthn',
    phishingResistant: true,
    sendsCode: false,
  },
  totp: {
    nameKey: 'idp.mfa.kind.totp',
    descriptionKey: 'idp.mfa.desc.totp',
    phishingResistant: false,
    sendsCode: false,
  },
  sms: {
    nameKey: 'idp.mfa.kind.sms',
    descriptionKey: 'idp.mfa.desc.sms',
    phishingResistant: false,
    sendsCode: true,
  },
  voice: {
    nameKey: 'idp.mfa.kind.voice',
    descriptionKey: 'idp.mfa.desc.voice',
    phishingResistant: false,
    sendsCode: true,
  },
  email: {
    nameKey: 'idp.mfa.kind.email',
    descriptionKey: 'idp.mfa.desc.email',
    phishingResistant: false,
    sendsCode: true,
  },
  backup_codes: {
    nameKey: 'idp.mfa.kind.backup_codes',
    descriptionKey: 'idp.mfa.desc.backup_codes',
    phishingResistant: false,
    sendsCode: false,
  },
};

/** The methods offered at setup, most secure first. */
export const SETUP_ORDER: readonly MfaKind[] = ['webauthn', 'totp', 'sms', 'voice', 'email', 'backup_codes'];

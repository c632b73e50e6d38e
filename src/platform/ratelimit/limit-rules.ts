// Rate limits and lockouts as data: Login.gov's numbers (18F/identity-idp), each with where it
// comes from, so a reviewer can check them. See /work/shared/reference/identity-anchor.md
// ("Rate limits") and, in the Login.gov repository, config/application.yml.default and
// app/services/rate_limiter.rb. Numbers marked "ours" are choices Login.gov does not publish.
//
// Keys: `limitKey(name, ...parts)` takes one part per entry of the rule's `per`, in order.
// Every part must already be an opaque identifier — an account id, a session id, or an HMAC
// fingerprint (FieldCipher.fingerprint) of an email, phone number, IP address or SSN — never
// the raw value, so the limiter's store (Redis) holds no PII. Parts are restricted to
// base64url characters, which rejects raw emails, phone numbers written with + or spaces, and
// IP addresses outright.
import { assertValidRule, type LimitRule } from './attempt-limiter.ts';

/** What a key part identifies. `destination`: the phone number or email a code is sent to. */
export type KeyPart = 'session' | 'account' | 'ip' | 'email' | 'destination' | 'ssn';

export interface NamedLimitRule extends LimitRule {
  /** The key parts, in order: each an id or a fingerprint, never a raw value. */
  per: readonly KeyPart[];
  /** Set when something other than an AttemptLimiter enforces the rule. */
  enforcedBy?: 'web-server';
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const LIMIT_RULES = {
  // Wrong passwords in one browser session: max_bad_passwords: 5,
  // max_bad_passwords_window_in_seconds: 60 (config/application.yml.default).
  passwordPerSession: { max: 5, windowSeconds: MINUTE, per: ['session'] },

  // Wrong passwords for one account from one IP: 50 per 12 h, then a lockout that grows each
  // time (Login.gov sign_in_user_id_per_ip, pull request #10982: lockout = window × factor^(n−1),
  // capped). Ours: factor 2, capped at 4 days, remembered for a day after a lockout ends.
  // Per account+IP, so an attacker elsewhere cannot lock the real owner out.
  passwordPerAccountIp: {
    max: 50,
    windowSeconds: 12 * HOUR,
    backoff: { baseSeconds: 12 * HOUR, factor: 2, maxSeconds: 96 * HOUR },
    backoffMemorySeconds: 24 * HOUR,
    per: ['account', 'ip'],
  },

  // Wrong one-time codes: 10, then a 10-minute lockout (login_otp_confirmation_max_attempts: 10,
  // lockout_period_in_minutes: 10). Login.gov keeps the count until a correct code (reset the
  // key then); ours: the 24 h window only lets abandoned counts expire.
  otpVerifyPerAccount: { max: 10, windowSeconds: 24 * HOUR, lockoutSeconds: 10 * MINUTE, per: ['account'] },

  // One-time code sends: 11 per 5 min (otp_delivery_blocklist_maxretry: 10 → 11 attempts,
  // otp_delivery_blocklist_findtime: 5 min; rate_limiter.rb phone_otp) and 2 per 10 s
  // (short_term_phone_otp), each per account and per destination phone number or email.
  otpSendPerAccount: { max: 11, windowSeconds: 5 * MINUTE, per: ['account'] },
  otpSendPerDestination: { max: 11, windowSeconds: 5 * MINUTE, per: ['destination'] },
  otpSendBurstPerAccount: { max: 2, windowSeconds: 10, per: ['account'] },
  otpSendBurstPerDestination: { max: 2, windowSeconds: 10, per: ['destination'] },

  // Registration and password-reset emails to one address: 20 per hour
  // (reg_unconfirmed_email_max_attempts / reg_confirmed_email_max_attempts: 20,
  // reset_password_email_max_attempts: 20, each with a 60-minute window).
  registrationEmail: { max: 20, windowSeconds: HOUR, per: ['email'] },
  passwordResetEmail: { max: 20, windowSeconds: HOUR, per: ['email'] },

  // Every request from one IP: 300 per 5 min (requests_per_ip_limit: 300,
  // requests_per_ip_period: 300; config/initializers/rack_attack.rb). Enforced by the web
  // server's rate limit (src/platform/http); listed for completeness.
  requestsPerIp: { max: 300, windowSeconds: 5 * MINUTE, per: ['ip'], enforcedBy: 'web-server' },

  // Identity verification, for later issues. Phone proofing: proof_address_max_attempts: 5 in
  // 360 min. Document capture: doc_auth_max_attempts: 5, doc_auth_attempt_window_in_minutes:
  // 360. Identity resolution: idv_max_attempts: 5, idv_attempt_window_in_hours: 6. SSN:
  // proof_ssn_max_attempts: 10 in 60 min, keyed by the SSN's fingerprint so one SSN cannot be
  // tried from many accounts.
  phoneProofing: { max: 5, windowSeconds: 6 * HOUR, per: ['account'] },
  documentCapture: { max: 5, windowSeconds: 6 * HOUR, per: ['account'] },
  identityResolution: { max: 5, windowSeconds: 6 * HOUR, per: ['account'] },
  ssnProofing: { max: 10, windowSeconds: HOUR, per: ['ssn'] },
} as const satisfies Record<string, NamedLimitRule>;

export type LimitRuleName = keyof typeof LIMIT_RULES;

type StringsFor<P extends readonly KeyPart[]> = { -readonly [I in keyof P]: string };
/** One string per key part the rule names, in order. */
export type LimitKeyParts<N extends LimitRuleName> = StringsFor<(typeof LIMIT_RULES)[N]['per']>;

// Nonsense in the table fails at start-up, not at the first sign-in.
for (const rule of Object.values(LIMIT_RULES)) assertValidRule(rule);

const PART = /^[A-Za-z0-9_-]{1,128}$/;

/** `<rule name>:<part>:<part>…` from ids and fingerprints (see the header: never raw PII). */
export function limitKey<N extends LimitRuleName>(name: N, ...parts: LimitKeyParts<N>): string {
  const rule: NamedLimitRule | undefined = Object.hasOwn(LIMIT_RULES, name) ? LIMIT_RULES[name] : undefined;
  if (!rule) throw new RangeError(`limitKey: no rule named ${String(name)}`);
  const values = parts as readonly string[];
  if (values.length !== rule.per.length)
    throw new RangeError(`limitKey(${name}): expected ${rule.per.join(', ')} (${rule.per.length} parts)`);
  values.forEach((part, i) => {
    if (typeof part !== 'string' || !PART.test(part))
      throw new RangeError(
        `limitKey(${name}): the ${rule.per[i]} part must be an id or fingerprint (base64url), not a raw value`,
      );
  });
  return [name, ...values].join(':');
}

// Sign-in and one-time-code limits (Login.gov's numbers, src/platform/ratelimit/limit-rules.ts)
// applied to this app's events. Keys are built from ids and keyed fingerprints only, so a
// shared Redis never holds an email address, phone number or IP address.
import type { AttemptLimiter, LimitDecision, LimitRule } from '#platform/ratelimit/attempt-limiter.ts';
import { LIMIT_RULES, limitKey } from '#platform/ratelimit/limit-rules.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import type { Clock } from '#platform/time/clock.ts';

export interface AttemptGuards {
  /** Whether this browser may try a password for this account from this address now. */
  passwordAllowed(deviceId: string, accountId: string | undefined, ip: string): Promise<LimitDecision>;
  passwordFailed(deviceId: string, accountId: string | undefined, ip: string): Promise<void>;
  passwordSucceeded(deviceId: string, accountId: string, ip: string): Promise<void>;
  otpVerifyAllowed(accountId: string): Promise<LimitDecision>;
  otpVerifyFailed(accountId: string): Promise<void>;
  otpVerifySucceeded(accountId: string): Promise<void>;
  /** Counts one code sent to `destination` for the account; refused past any of the four limits. */
  otpSend(accountId: string, destination: string): Promise<LimitDecision>;
  /** Counts one sign-up email to the address. */
  registrationEmail(email: string): Promise<LimitDecision>;
}

const worst = (decisions: LimitDecision[]): LimitDecision =>
  decisions.find(
    (d) => !d.allowed && d.retryAfterSeconds === Math.max(...decisions.map((x) => x.retryAfterSeconds)),
  ) ??
  decisions.find((d) => !d.allowed) ?? {
    allowed: true,
    remaining: Math.min(...decisions.map((d) => d.remaining)),
    retryAfterSeconds: 0,
  };

export function createAttemptGuards(
  limiter: AttemptLimiter,
  cipher: FieldCipher,
  clock: Clock,
): AttemptGuards {
  const fp = (kind: string, value: string) => cipher.fingerprint(`limit:${kind}:${value}`);
  const passwordKeys = (deviceId: string, accountId: string | undefined, ip: string) => [
    { key: limitKey('passwordPerSession', deviceId), rule: LIMIT_RULES.passwordPerSession },
    ...(accountId
      ? [
          {
            key: limitKey('passwordPerAccountIp', accountId, fp('ip', ip)),
            rule: LIMIT_RULES.passwordPerAccountIp,
          },
        ]
      : []),
  ];
  /**
   * Counts a failure. The failure that uses up the allowance also starts the rule's lockout
   * at once (the limiter starts lockouts on the first refused hit), so "10 wrong codes, then
   * 10 minutes" holds even though later attempts are only looked at, never counted.
   */
  const countFailure = async (key: string, rule: LimitRule) => {
    const decision = await limiter.hit(key, rule, clock.now());
    if (decision.allowed && decision.remaining === 0 && (rule.lockoutSeconds || rule.backoff)) {
      await limiter.hit(key, rule, clock.now());
    }
  };
  return {
    async passwordAllowed(deviceId, accountId, ip) {
      return worst(
        await Promise.all(
          passwordKeys(deviceId, accountId, ip).map(({ key, rule }) => limiter.peek(key, rule, clock.now())),
        ),
      );
    },
    async passwordFailed(deviceId, accountId, ip) {
      await Promise.all(
        passwordKeys(deviceId, accountId, ip).map(({ key, rule }) => countFailure(key, rule)),
      );
    },
    async passwordSucceeded(deviceId, accountId, ip) {
      await Promise.all(passwordKeys(deviceId, accountId, ip).map(({ key }) => limiter.reset(key)));
    },
    otpVerifyAllowed: (accountId) =>
      limiter.peek(limitKey('otpVerifyPerAccount', accountId), LIMIT_RULES.otpVerifyPerAccount, clock.now()),
    async otpVerifyFailed(accountId) {
      await countFailure(limitKey('otpVerifyPerAccount', accountId), LIMIT_RULES.otpVerifyPerAccount);
    },
    otpVerifySucceeded: (accountId) => limiter.reset(limitKey('otpVerifyPerAccount', accountId)),
    async otpSend(accountId, destination) {
      const dest = fp('destination', destination);
      const now = clock.now();
      const checks = [
        { key: limitKey('otpSendBurstPerAccount', accountId), rule: LIMIT_RULES.otpSendBurstPerAccount },
        { key: limitKey('otpSendBurstPerDestination', dest), rule: LIMIT_RULES.otpSendBurstPerDestination },
        { key: limitKey('otpSendPerAccount', accountId), rule: LIMIT_RULES.otpSendPerAccount },
        { key: limitKey('otpSendPerDestination', dest), rule: LIMIT_RULES.otpSendPerDestination },
      ];
      // Look first, so a refusal by one limit does not use up the others.
      const before = worst(await Promise.all(checks.map(({ key, rule }) => limiter.peek(key, rule, now))));
      if (!before.allowed) return before;
      return worst(await Promise.all(checks.map(({ key, rule }) => limiter.hit(key, rule, now))));
    },
    registrationEmail: (email) =>
      limiter.hit(
        limitKey('registrationEmail', fp('email', email)),
        LIMIT_RULES.registrationEmail,
        clock.now(),
      ),
  };
}

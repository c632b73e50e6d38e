// The telephony port: text messages (SMS) and voice calls that carry one-time codes.
// Adapters: a development outbox (visible at /dev/outbox) and a generic HTTP provider
// (apps/identity/src/telephony/). A real vendor plugs in by implementing TelephonySender, or by
// putting a small bridge behind the HTTP adapter's documented request format.
//
// Contract every adapter keeps:
// - `to` is an E.164 number ("+12025550143"), made by `parsePhoneNumber` (phone-number.ts), never
//   raw form input. The brand stops an unchecked string from reaching an adapter by accident.
// - A call resolves once the provider has *accepted* the message or call for delivery. It does
//   not mean the phone received it; the person's entry of the code is what proves that.
// - An adapter throws only `TelephonyError` (anything else is wrapped, with the original as
//   `cause`), so a caller can tell the cases apart:
//     'invalid_number'   the provider says this number cannot get this message (not assigned,
//                        a landline for SMS, a blocked range). Retrying will not help: ask the
//                        person to check the number or to choose another way.
//     'unreachable'      the provider could not be reached or did not answer in time (DNS,
//                        connection refused, timeout). Usually transient. After a timeout the
//                        message MAY still have gone out, so a retry can deliver a second code.
//     'provider_failure' the provider answered but did not accept the message for another reason
//                        (server error, rejected credentials, rate limit, an unexpected answer),
//                        or the development outbox could not store it. An operator should look.
// - Neither error messages nor logs carry the text (it holds the code) or the full number.
//   Error messages name the channel and, for HTTP, the status; nothing the person typed.
// - Adapters do not retry: whether a second code may be sent is the caller's decision
//   (rate limits, "send another code").
// - Voice: `spokenText` is read aloud as written, except that every run of
//   SPOKEN_DIGITS_MIN_RUN or more digits (a code, a phone number) is read one digit at a time,
//   as `spokenDigits` writes it. Callers pass "Your code is 123456."; the adapter makes the
//   provider say "1 2 3 4 5 6". Shorter numbers ("10 minutes") are read as numbers.

declare const e164Brand: unique symbol;

/** A phone number in E.164 form: "+", country code, national number; 15 digits at most. */
export type E164 = string & { readonly [e164Brand]: true };

const E164_PATTERN = /^\+[1-9][0-9]{1,14}$/;

/**
 * Whether `value` is syntactically E.164 (for values read back from storage). It says nothing
 * about whether the number exists; use `parsePhoneNumber` for anything a person typed.
 */
export function isE164(value: string): value is E164 {
  return E164_PATTERN.test(value);
}

export type TelephonyChannel = 'sms' | 'voice';

export type TelephonyErrorKind = 'invalid_number' | 'unreachable' | 'provider_failure';

export class TelephonyError extends Error {
  readonly kind: TelephonyErrorKind;
  readonly channel: TelephonyChannel;
  /** The provider's HTTP status, when it answered with one. */
  readonly status: number | undefined;

  constructor(
    kind: TelephonyErrorKind,
    channel: TelephonyChannel,
    message: string,
    options: { cause?: unknown; status?: number } = {},
  ) {
    super(`${kind} (${channel}): ${message}`, { cause: options.cause });
    this.name = 'TelephonyError';
    this.kind = kind;
    this.channel = channel;
    this.status = options.status;
  }
}

export interface TelephonySender {
  /** A short name for logs and the start-up banner ("dev-outbox", "http"). */
  readonly name: string;
  /** Sends `text` as a text message. Rejects with TelephonyError (see the contract above). */
  sendSms(to: E164, text: string): Promise<void>;
  /** Calls `to` and reads `spokenText` aloud (long digit runs one digit at a time). Rejects with TelephonyError. */
  placeVoiceCall(to: E164, spokenText: string): Promise<void>;
}

/** Digit runs at least this long are read one digit at a time on a voice call. */
export const SPOKEN_DIGITS_MIN_RUN = 4;

/**
 * Spaces out every run of SPOKEN_DIGITS_MIN_RUN or more digits, the way a text-to-speech voice
 * must be given a code: "Your code is 123456." becomes "Your code is 1 2 3 4 5 6.".
 * Idempotent; shorter numbers and all other text are left as they are.
 */
export function spokenDigits(text: string): string {
  return text.replace(new RegExp(`[0-9]{${SPOKEN_DIGITS_MIN_RUN},}`, 'g'), (run) => run.split('').join(' '));
}

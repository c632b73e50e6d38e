// Telephony adapter for a real provider, over one small HTTP request per message. A vendor
// (or a bridge in front of one) implements this endpoint:
//
//   POST <url>
//   Authorization: Bearer <token>
//   Content-Type: application/json
//   {"channel": "sms" | "voice", "to": "+12025550143", "text": "…"}
//
// - Any 2xx: accepted for delivery. The response body is ignored.
// - A 4xx whose JSON body is {"error": "invalid_number", …}: the number cannot get this
//   message → TelephonyError 'invalid_number'.
// - Anything else (other 4xx such as 401 or 429, 5xx, a redirect, which is not followed):
//   → 'provider_failure', with the status.
// - No answer (DNS, refused connection, reset) or no complete answer within `timeoutMs`:
//   → 'unreachable'. After a timeout the provider may still deliver the message.
//
// For voice, `text` is the script with long digit runs already spaced out ("1 2 3 4 5 6"),
// so a plain text-to-speech voice reads a code digit by digit.
// Nothing of the number or the text goes into error messages.
import {
  isE164,
  spokenDigits,
  TelephonyError,
  type E164,
  type TelephonyChannel,
  type TelephonySender,
} from '#platform/telephony/telephony-port.ts';

export interface HttpTelephonyOptions {
  /** The provider's endpoint, http: or https:. */
  url: string;
  /** Sent as "Authorization: Bearer <token>". */
  token: string;
  /** How long one request (connect, send, answer) may take. Default 10 s. */
  timeoutMs?: number;
  /** Name for logs. Default "http". */
  name?: string;
}

export const DEFAULT_TELEPHONY_TIMEOUT_MS = 10_000;

/** Throws (at start-up) when the options cannot work; sending never throws anything but TelephonyError. */
export function createHttpTelephonySender(options: HttpTelephonyOptions): TelephonySender {
  const url = new URL(options.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`The telephony provider URL must be http: or https:, not ${url.protocol}`);
  }
  if (options.token === '' || /[\r\n]/.test(options.token)) {
    throw new Error('The telephony provider token must be a non-empty single line.');
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TELEPHONY_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new Error('The telephony provider timeout must be a positive number of milliseconds.');
  }

  async function post(channel: TelephonyChannel, to: E164, text: string): Promise<void> {
    if (!isE164(to)) throw new TelephonyError('invalid_number', channel, 'not an E.164 number');
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ channel, to, text }),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new TelephonyError('unreachable', channel, unreachableMessage(cause, timeoutMs), { cause });
    }
    const { status } = response;
    if (status >= 200 && status < 300) {
      await response.body?.cancel().catch(() => undefined);
      return;
    }
    if (status >= 400 && status < 500) {
      let error: unknown;
      try {
        error = errorCode(await response.text());
      } catch (cause) {
        throw new TelephonyError('provider_failure', channel, `HTTP ${status}, unreadable answer`, {
          cause,
          status,
        });
      }
      if (error === 'invalid_number') {
        throw new TelephonyError(
          'invalid_number',
          channel,
          `the provider refused the number (HTTP ${status})`,
          {
            status,
          },
        );
      }
    } else {
      await response.body?.cancel().catch(() => undefined);
    }
    throw new TelephonyError('provider_failure', channel, `the provider answered HTTP ${status}`, { status });
  }

  return {
    name: options.name ?? 'http',
    sendSms: (to, text) => post('sms', to, text),
    placeVoiceCall: (to, spokenText) => post('voice', to, spokenDigits(spokenText)),
  };
}

/** The "error" member of a JSON object body, if there is one. */
function errorCode(body: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as { error?: unknown }).error : undefined;
  } catch {
    return undefined;
  }
}

function unreachableMessage(cause: unknown, timeoutMs: number): string {
  if (cause instanceof Error && cause.name === 'TimeoutError') {
    return `no answer within ${timeoutMs} ms (the message may still be delivered)`;
  }
  return 'could not reach the provider';
}

// Structured JSON logs with PII redaction. Redaction is by key path (pino's fast-redact) and,
// as a second net, by pattern for values that slip into messages (emails, SSNs, phone numbers).
import { pino, type Logger } from 'pino';

export type { Logger };

const PII_KEYS = [
  'email',
  'ssn',
  'tin',
  'itin',
  'phone',
  'name',
  'givenName',
  'familyName',
  'given_name',
  'family_name',
  'address',
  'street',
  'dob',
  'birthdate',
  'password',
  'token',
  'code',
  'secret',
  'id_token',
  'access_token',
  'refresh_token',
  'authorization',
  'cookie',
  'set-cookie',
];

const REDACT_PATHS = [
  ...PII_KEYS,
  ...PII_KEYS.map((k) => `*.${k}`),
  ...PII_KEYS.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

const PATTERNS: [RegExp, string][] = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
  [/\b\d{3}-?\d{2}-?\d{4}\b/g, '[tin]'],
  [/\+?1?[ (.-]*\d{3}[ ).-]*\d{3}[ .-]*\d{4}\b/g, '[phone]'],
];

/** Masks PII patterns inside free text (log messages, URLs). */
export function scrubText(text: string): string {
  return PATTERNS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  // Only plain data: requests, errors and other instances go through their serializers.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, depth + 1)]));
}

export interface LoggerOptions {
  level: string;
  name: string;
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      base: { service: options.name },
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: {
        level: (label) => ({ level: label }),
        // Second net: PII patterns inside any string value, at any depth.
        log: (object) => scrubDeep(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          // log.error(err) copies err.message into msg: scrub it as a message.
          const [first, second] = args as unknown[];
          if (first instanceof Error && typeof second !== 'string') {
            return method.apply(this, [{ err: first }, scrubText(first.message)] as unknown as Parameters<
              typeof method
            >);
          }
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          id: req.id,
          method: req.method,
          url: scrubText(
            req.url.replace(/([?&](code|state|token|id_token_hint|nonce)=)[^&]+/g, '$1[redacted]'),
          ),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (error: Error) => {
          const serialized = pino.stdSerializers.err(error);
          return {
            ...serialized,
            message: scrubText(serialized.message ?? ''),
            stack: scrubText(serialized.stack ?? ''),
          };
        },
      },
    },
    options.destination,
  );
}

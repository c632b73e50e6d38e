// Reads named string fields from a parsed form body. Anything else (a missing body, a
// repeated field, a value that is not a string, an over-long value) is a bad request.
import { badRequest } from '../errors/app-error.ts';

export function formFields<K extends string>(
  body: unknown,
  names: readonly K[],
  maxLength = 4096,
): Record<K, string> {
  if (typeof body !== 'object' || body === null) throw badRequest();
  const source = body as Record<string, unknown>;
  const out = {} as Record<K, string>;
  for (const name of names) {
    const value = source[name] ?? '';
    if (typeof value !== 'string' || value.length > maxLength) throw badRequest();
    out[name] = value;
  }
  return out;
}

/** Reads one string query parameter; repeated or non-string values are a bad request. */
export function queryParam(query: unknown, name: string): string | undefined {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 2048) throw badRequest();
  return value;
}

// An agency's registration, read from a JSON file (`cli agency add --file`) or built by the
// seed, and checked the same way: every problem names the field.
import { z } from 'zod';
import { SUPPORTED_SCOPES } from './scopes.ts';
import type { AgencyLevels } from './assurance-levels.ts';

const CLIENT_ID = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const MIN_SECRET_LENGTH = 32;

/** An absolute https URL (or http on localhost, for development), without a fragment. */
const webUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
      return (url.protocol === 'https:' || (url.protocol === 'http:' && local)) && url.hash === '';
    } catch {
      return false;
    }
  },
  { message: 'must be an https URL (http only on localhost) without a #fragment' },
);

const publicJwk = z
  .object({ kty: z.enum(['RSA', 'EC', 'OKP']), kid: z.string().min(1).optional() })
  .passthrough()
  .refine((jwk) => !('d' in jwk), { message: 'is a private key; register only the public key' });

export const agencyRegistrationSchema = z
  .object({
    client_id: z.string().regex(CLIENT_ID, {
      message: 'must be 3–64 characters: lowercase letters, digits, dot, underscore or hyphen',
    }),
    name: z.string().trim().min(1, { message: 'is required' }).max(100),
    redirect_uris: z.array(webUrl).min(1, { message: 'needs at least one URL' }),
    post_logout_redirect_uris: z.array(webUrl).default([]),
    token_endpoint_auth_method: z.enum(['none', 'private_key_jwt', 'client_secret_basic']),
    client_secret: z
      .string()
      .min(MIN_SECRET_LENGTH, { message: `must be at least ${MIN_SECRET_LENGTH} characters` })
      .optional(),
    jwks: z.object({ keys: z.array(publicJwk).min(1, { message: 'needs at least one key' }) }).optional(),
    scopes: z
      .array(z.enum(SUPPORTED_SCOPES as [string, ...string[]]))
      .refine((scopes) => scopes.includes('openid'), { message: 'must include "openid"' }),
    ial: z.union([z.literal(1), z.literal(2)], { message: 'must be 1 or 2' }),
    /** 1: a password alone on a remembered browser is enough (Login.gov: AAL1 agencies only). */
    aal: z.union([z.literal(1), z.literal(2)], { message: 'must be 1 or 2' }).default(2),
    facial_match: z.boolean().default(false),
    phishing_resistant: z.boolean().default(false),
    failure_url: webUrl,
    refresh_tokens: z.boolean().default(false),
    /** Where signed Security Event Tokens are pushed (RFC 8935), if the agency wants them. */
    security_event_endpoint: webUrl.optional(),
  })
  .strict()
  .superRefine((agency, ctx) => {
    const method = agency.token_endpoint_auth_method;
    if (method === 'client_secret_basic' && !agency.client_secret)
      ctx.addIssue({
        code: 'custom',
        path: ['client_secret'],
        message: 'is required for client_secret_basic',
      });
    if (method !== 'client_secret_basic' && agency.client_secret)
      ctx.addIssue({ code: 'custom', path: ['client_secret'], message: `is not used with ${method}` });
    if (method === 'private_key_jwt' && !agency.jwks)
      ctx.addIssue({ code: 'custom', path: ['jwks'], message: 'is required for private_key_jwt' });
    if (method !== 'private_key_jwt' && agency.jwks)
      ctx.addIssue({ code: 'custom', path: ['jwks'], message: `is not used with ${method}` });
    if (agency.facial_match && agency.ial !== 2)
      ctx.addIssue({ code: 'custom', path: ['facial_match'], message: 'needs ial 2' });
    // A verified identity always needs a second factor (NIST SP 800-63-3: IAL2 needs AAL2).
    if (agency.aal === 1 && agency.ial === 2)
      ctx.addIssue({ code: 'custom', path: ['aal'], message: 'must be 2 with ial 2' });
    if (agency.aal === 1 && agency.phishing_resistant)
      ctx.addIssue({ code: 'custom', path: ['aal'], message: 'must be 2 with phishing_resistant' });
    if (agency.scopes.includes('social_security_number') && agency.ial !== 2)
      ctx.addIssue({ code: 'custom', path: ['scopes'], message: '"social_security_number" needs ial 2' });
    // Pairwise subjects are computed per agency; one host keeps them meaningful (OIDC Core §8.1).
    const hosts = new Set(agency.redirect_uris.map((uri) => URL.canParse(uri) && new URL(uri).host));
    if (hosts.size > 1)
      ctx.addIssue({ code: 'custom', path: ['redirect_uris'], message: 'must all be on one host' });
  });

export type AgencyRegistration = z.output<typeof agencyRegistrationSchema>;
export type AgencyRegistrationInput = z.input<typeof agencyRegistrationSchema>;

export class AgencyRegistrationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The agency registration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(file)';
  if (issue.code === 'unrecognized_keys') return `${field}: unknown field(s) ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${field}: is required`;
  return `${field}: ${issue.message}`;
}

/** Checks a registration; throws AgencyRegistrationError naming each bad field. */
export function parseAgencyRegistration(input: unknown): AgencyRegistration {
  const result = agencyRegistrationSchema.safeParse(input);
  if (!result.success) throw new AgencyRegistrationError(result.error.issues.map(describe));
  return result.data;
}

/** Parses the text of a registration file. */
export function parseAgencyFile(text: string): AgencyRegistration {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AgencyRegistrationError([`(file): is not valid JSON (${(error as Error).message})`]);
  }
  return parseAgencyRegistration(json);
}

/** What an agency is registered for, as the level rules read it. */
export function registeredLevels(agency: AgencyRegistration): AgencyLevels {
  return {
    ial: agency.ial,
    facialMatch: agency.facial_match,
    phishingResistant: agency.phishing_resistant,
    aal: agency.aal,
  };
}

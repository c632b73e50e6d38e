// Agency registration files: a good file gets its defaults; every bad field is named.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AgencyRegistrationError,
  parseAgencyFile,
  parseAgencyRegistration,
  registeredLevels,
} from '../../apps/identity/src/federation/agency-registration.ts';
import { agencyToClientMetadata } from '../../apps/identity/src/oidc/client-metadata.ts';

const GOOD = {
  client_id: 'state-labor',
  name: 'State Labor Department',
  redirect_uris: ['https://labor.example.gov/callback'],
  post_logout_redirect_uris: ['https://labor.example.gov/signed-out'],
  token_endpoint_auth_method: 'client_secret_basic',
  client_secret: 'a-secret-of-at-least-thirty-two-characters',
  scopes: ['openid', 'email'],
  ial: 1,
  aal: 2,
  failure_url: 'https://labor.example.gov/failed',
};
const PUBLIC_KEY = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
};

function problems(input: unknown): string[] {
  try {
    parseAgencyRegistration(input);
  } catch (error) {
    assert.ok(error instanceof AgencyRegistrationError);
    return error.problems;
  }
  assert.fail('expected the registration to be refused');
}

describe('agency registration', () => {
  it('accepts a good file and fills the defaults', () => {
    const agency = parseAgencyFile(JSON.stringify(GOOD));
    assert.equal(agency.client_id, 'state-labor');
    assert.equal(agency.refresh_tokens, false);
    assert.equal(agency.facial_match, false);
    assert.equal(agency.phishing_resistant, false);
    assert.equal(parseAgencyRegistration({ ...GOOD, aal: undefined }).aal, 2, 'aal defaults to 2');
  });

  it('accepts aal 1 for an agency that needs no verified identity, with AAL1 as its default level', () => {
    const agency = parseAgencyRegistration({ ...GOOD, aal: 1 });
    assert.equal(agency.aal, 1);
    assert.deepEqual(registeredLevels(agency), {
      ial: 1,
      facialMatch: false,
      phishingResistant: false,
      aal: 1,
    });
    assert.deepEqual(agencyToClientMetadata(agency).default_acr_values, [
      'urn:tia:ial:auth-only',
      'urn:tia:aal:1',
    ]);
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['an upper-case client_id', { client_id: 'State Labor' }, /^client_id: must be 3–64 characters/],
    ['a missing name', { name: undefined }, /^name: is required$/],
    ['a blank name', { name: '   ' }, /^name: is required$/],
    ['no redirect URI', { redirect_uris: [] }, /^redirect_uris: needs at least one URL$/],
    [
      'a plain-http redirect URI off localhost',
      { redirect_uris: ['http://labor.example.gov/cb'] },
      /^redirect_uris\.0: must be an https URL/,
    ],
    [
      'a redirect URI with a fragment',
      { redirect_uris: ['https://labor.example.gov/cb#x'] },
      /^redirect_uris\.0: .*fragment/,
    ],
    [
      'redirect URIs on two hosts',
      { redirect_uris: ['https://a.example.gov/cb', 'https://b.example.gov/cb'] },
      /^redirect_uris: must all be on one host$/,
    ],
    [
      'an unknown auth method',
      { token_endpoint_auth_method: 'client_secret_post' },
      /^token_endpoint_auth_method: /,
    ],
    [
      'client_secret_basic without a secret',
      { client_secret: undefined },
      /^client_secret: is required for client_secret_basic$/,
    ],
    ['a short secret', { client_secret: 'short' }, /^client_secret: must be at least 32 characters$/],
    [
      'a secret with private_key_jwt',
      { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [PUBLIC_KEY] } },
      /^client_secret: is not used with private_key_jwt$/,
    ],
    [
      'private_key_jwt without keys',
      { token_endpoint_auth_method: 'private_key_jwt', client_secret: undefined },
      /^jwks: is required for private_key_jwt$/,
    ],
    [
      'a private key in jwks',
      {
        token_endpoint_auth_method: 'private_key_jwt',
        client_secret: undefined,
        jwks: { keys: [{ ...PUBLIC_KEY, d: 'secret' }] },
      },
      /^jwks\.keys\.0: is a private key/,
    ],
    ['scopes without openid', { scopes: ['email'] }, /^scopes: must include "openid"$/],
    ['an unknown scope', { scopes: ['openid', 'ssn'] }, /^scopes\.1: /],
    [
      'the SSN scope at ial 1',
      { scopes: ['openid', 'social_security_number'] },
      /^scopes: "social_security_number" needs ial 2$/,
    ],
    ['ial 3', { ial: 3 }, /^ial: must be 1 or 2$/],
    ['aal 3', { aal: 3 }, /^aal: must be 1 or 2$/],
    ['aal 1 with ial 2', { aal: 1, ial: 2 }, /^aal: must be 2 with ial 2$/],
    [
      'aal 1 with phishing_resistant',
      { aal: 1, phishing_resistant: true },
      /^aal: must be 2 with phishing_resistant$/,
    ],
    ['facial match at ial 1', { facial_match: true }, /^facial_match: needs ial 2$/],
    ['a missing failure_url', { failure_url: undefined }, /^failure_url: is required$/],
    ['an unknown field', { logo: 'x.png' }, /unknown field\(s\) logo/],
  ];
  for (const [name, change, expected] of bad) {
    it(`names the field for ${name}`, () => {
      const found = problems({ ...GOOD, ...change });
      assert.ok(
        found.some((p) => expected.test(p)),
        `got: ${found.join(' | ')}`,
      );
    });
  }

  it('refuses text that is not JSON, saying so', () => {
    assert.throws(
      () => parseAgencyFile('{"client_id":'),
      (error: unknown) => {
        assert.ok(error instanceof AgencyRegistrationError);
        assert.match(error.problems[0]!, /^\(file\): is not valid JSON/);
        return true;
      },
    );
  });
});

describe('agencyToClientMetadata', () => {
  it('code flow only, pairwise subjects, no refresh tokens unless registered', () => {
    const metadata = agencyToClientMetadata(parseAgencyRegistration(GOOD));
    assert.deepEqual(metadata.grant_types, ['authorization_code']);
    assert.deepEqual(metadata.response_types, ['code']);
    assert.equal(metadata.subject_type, 'pairwise');
    assert.equal(metadata.scope, 'openid email');
  });

  it('refresh tokens (and offline_access) for an agency registered for them', () => {
    const metadata = agencyToClientMetadata(parseAgencyRegistration({ ...GOOD, refresh_tokens: true }));
    assert.deepEqual(metadata.grant_types, ['authorization_code', 'refresh_token']);
    assert.equal(metadata.scope, 'openid email offline_access');
  });
});

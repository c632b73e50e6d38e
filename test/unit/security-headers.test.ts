// Content-Security-Policy and the other security headers (pure).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, securityHeaders } from '#platform/http/security-headers.ts';

/** Parses a CSP into directive → sources. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    assert.ok(!map.has(name), `directive ${name} appears twice`);
    map.set(name, sources);
  }
  return map;
}

const ORIGINS = ['http://localhost:3000', 'https://account.example.gov'];

describe('contentSecurityPolicy', () => {
  const csp = directives(contentSecurityPolicy(ORIGINS));

  const expected: [directive: string, sources: string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  for (const [directive, sources] of expected) {
    it(`${directive} ${sources.join(' ')}`, () => assert.deepEqual(csp.get(directive), sources));
  }

  it("allows nothing inline or evaluated anywhere ('unsafe-inline', 'unsafe-eval', data: scripts, *)", () => {
    const text = contentSecurityPolicy(ORIGINS);
    assert.ok(!text.includes("'unsafe-inline'"), text);
    assert.ok(!text.includes("'unsafe-eval'"), text);
    assert.ok(!text.includes("'unsafe-hashes'"), text);
    for (const [name, sources] of csp) {
      assert.ok(!sources.includes('*'), `${name} allows *`);
      if (name !== 'img-src') assert.ok(!sources.includes('data:'), `${name} allows data:`);
    }
  });

  it("form-action allows 'self' and each given origin", () => {
    assert.deepEqual(csp.get('form-action'), ["'self'", ...ORIGINS]);
  });

  it("form-action is only 'self' when no origins are given", () => {
    assert.deepEqual(directives(contentSecurityPolicy([])).get('form-action'), ["'self'"]);
  });
});

describe('securityHeaders', () => {
  it('sets CSP, nosniff, frame denial, no referrer, same-origin isolation', () => {
    const headers = securityHeaders({ formActionOrigins: () => ORIGINS, secureTransport: false });
    assert.equal(headers['content-security-policy'], contentSecurityPolicy(ORIGINS));
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['x-frame-options'], 'DENY');
    assert.equal(headers['referrer-policy'], 'no-referrer');
    assert.equal(headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(headers['cross-origin-resource-policy'], 'same-origin');
    assert.ok(headers['permissions-policy']?.includes('geolocation=()'));
  });

  it('sends no HSTS over plain http', () => {
    const headers = securityHeaders({ formActionOrigins: () => [], secureTransport: false });
    assert.equal(headers['strict-transport-security'], undefined);
  });

  it('sends HSTS (at least a year, subdomains) over https', () => {
    const headers = securityHeaders({ formActionOrigins: () => [], secureTransport: true });
    const hsts = headers['strict-transport-security'] ?? '';
    const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1]);
    assert.ok(maxAge >= 31_536_000, hsts);
    assert.match(hsts, /includeSubDomains/);
  });

  it('reads the form-action origins at call time (they may be known only after start-up)', () => {
    let origins: string[] = [];
    const options = { formActionOrigins: () => origins, secureTransport: false };
    assert.ok(!securityHeaders(options)['content-security-policy']?.includes('https://late.example.gov'));
    origins = ['https://late.example.gov'];
    assert.deepEqual(
      directives(securityHeaders(options)['content-security-policy'] ?? '').get('form-action'),
      ["'self'", 'https://late.example.gov'],
    );
  });
});

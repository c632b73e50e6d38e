// Content-Security-Policy and the other security headers. Nothing inline, nothing from
// another origin; `formActionOrigins` lists where a form may lead (including redirects
// after the post, which browsers also check).
export interface SecurityHeaderOptions {
  formActionOrigins: () => readonly string[];
  secureTransport: boolean;
}

export function contentSecurityPolicy(formActionOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action 'self'${formActionOrigins.map((origin) => ` ${origin}`).join('')}`,
  ].join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(options.formActionOrigins()),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(self), microphone=(), geolocation=(), payment=()',
  };
  if (options.secureTransport) headers['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}

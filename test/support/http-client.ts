// A small cookie-keeping client over Fastify's inject, for HTTP-level journeys in tests.
import type { FastifyInstance } from 'fastify';

export interface Response {
  status: number;
  location: string | undefined;
  body: string;
}

export interface HttpClient {
  get(url: string): Promise<Response>;
  post(url: string, form: Record<string, string>, opts?: { csrfFrom?: string }): Promise<Response>;
  /** GETs `url` and posts the form there (or to `action`) with the page's CSRF token. */
  submit(pageUrl: string, form: Record<string, string>, action?: string): Promise<Response>;
  cookie(name: string): string | undefined;
  headers: Record<string, string>;
}

export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

export function createHttpClient(server: FastifyInstance, headers: Record<string, string> = {}): HttpClient {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (setCookie: string | string[] | undefined) => {
    for (const line of ([] as string[]).concat(setCookie ?? [])) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  };
  const toResponse = (r: {
    statusCode: number;
    headers: Record<string, unknown>;
    body: string;
  }): Response => ({
    status: r.statusCode,
    location: typeof r.headers.location === 'string' ? r.headers.location : undefined,
    body: r.body,
  });
  let lastCsrf: string | undefined;
  const client: HttpClient = {
    headers,
    async get(url) {
      const r = await server.inject({
        method: 'GET',
        url,
        headers: { ...headers, cookie: cookieHeader(), accept: 'text/html' },
      });
      remember(r.headers['set-cookie']);
      const m = /name="_csrf" value="([^"]+)"/.exec(r.body);
      if (m) lastCsrf = m[1];
      return toResponse(r);
    },
    async post(url, form) {
      const payload = new URLSearchParams({ _csrf: lastCsrf ?? '', ...form }).toString();
      const r = await server.inject({
        method: 'POST',
        url,
        payload,
        headers: {
          ...headers,
          cookie: cookieHeader(),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
        },
      });
      remember(r.headers['set-cookie']);
      const m = /name="_csrf" value="([^"]+)"/.exec(r.body);
      if (m) lastCsrf = m[1];
      return toResponse(r);
    },
    async submit(pageUrl, form, action) {
      await client.get(pageUrl);
      return client.post(action ?? pageUrl, form);
    },
    cookie: (name) => jar.get(name),
  };
  return client;
}

// Just enough of a browser for a scripted sign-in: fetch with manual redirects and a cookie
// jar keyed by host:port (both apps run on localhost; a real browser keys by host only, but
// their cookie names differ, so the result is the same). Honours Path, Max-Age and Expires.

interface StoredCookie {
  name: string;
  value: string;
  path: string;
  expiresAt: number | undefined;
}

export class CookieJar {
  private readonly byHost = new Map<string, Map<string, StoredCookie>>();

  store(url: URL, setCookieHeaders: readonly string[]): void {
    for (const header of setCookieHeaders) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const cookie: StoredCookie = {
        name: pair.slice(0, eq).trim(),
        value: pair.slice(eq + 1).trim(),
        path: defaultPath(url),
        expiresAt: undefined,
      };
      let maxAge: number | undefined;
      for (const attribute of attributes) {
        const [rawKey = '', ...rest] = attribute.split('=');
        const key = rawKey.trim().toLowerCase();
        const value = rest.join('=').trim();
        if (key === 'path' && value.startsWith('/')) cookie.path = value;
        else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
        else if (key === 'expires' && !Number.isNaN(Date.parse(value))) cookie.expiresAt = Date.parse(value);
      }
      if (maxAge !== undefined) cookie.expiresAt = Date.now() + maxAge * 1000;
      const cookies = this.byHost.get(url.host) ?? new Map<string, StoredCookie>();
      this.byHost.set(url.host, cookies);
      const key = `${cookie.name};${cookie.path}`;
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= Date.now()) cookies.delete(key);
      else cookies.set(key, cookie);
    }
  }

  /** The Cookie header a browser would send to `url`, or undefined if none. */
  header(url: URL): string | undefined {
    const now = Date.now();
    const matching = [...(this.byHost.get(url.host)?.values() ?? [])]
      .filter((c) => (c.expiresAt === undefined || c.expiresAt > now) && pathMatches(url.pathname, c.path))
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length ? matching.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  names(url: URL): string[] {
    return [...(this.byHost.get(url.host)?.values() ?? [])].map((c) => c.name);
  }
}

function defaultPath(url: URL): string {
  const path = url.pathname;
  const lastSlash = path.lastIndexOf('/');
  return lastSlash <= 0 ? '/' : path.slice(0, lastSlash);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  return (
    requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/')
  );
}

export interface Page {
  url: URL;
  status: number;
  body: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class Browser {
  readonly jar = new CookieJar();
  /** Every request made, e.g. "GET localhost:3000/sign-in → 303", for error messages. */
  readonly trace: string[] = [];

  get(url: URL | string): Promise<Page> {
    return this.navigate('GET', new URL(url), undefined);
  }

  post(url: URL | string, form: Record<string, string>): Promise<Page> {
    return this.navigate('POST', new URL(url), new URLSearchParams(form).toString());
  }

  private async navigate(method: string, url: URL, body: string | undefined): Promise<Page> {
    let current = url;
    for (let hop = 0; hop < 20; hop++) {
      const headers: Record<string, string> = { accept: 'text/html', 'accept-language': 'en' };
      const cookie = this.jar.header(current);
      if (cookie) headers.cookie = cookie;
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(current, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(15_000),
      });
      this.jar.store(current, response.headers.getSetCookie());
      this.trace.push(`${method} ${current.host}${current.pathname} → ${response.status}`);
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || !location) {
        return { url: current, status: response.status, body: await response.text() };
      }
      await response.arrayBuffer();
      current = new URL(location, current);
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        method = 'GET';
        body = undefined;
      }
    }
    throw new Error(`too many redirects:\n  ${this.trace.join('\n  ')}`);
  }
}

/** The action, hidden _csrf value and markup of the first form whose action ends with `actionSuffix`. */
export function findForm(
  html: string,
  actionSuffix: string,
): { action: string; csrf: string; html: string } | undefined {
  for (const match of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)) {
    const action = /\baction="([^"]*)"/.exec(match[0].slice(0, match[0].indexOf('>') + 1))?.[1];
    if (action === undefined || !decodeEntities(action).endsWith(actionSuffix)) continue;
    const input = /<input\b[^>]*\bname="_csrf"[^>]*>/.exec(match[0])?.[0];
    const csrf = input && /\bvalue="([^"]*)"/.exec(input)?.[1];
    if (csrf) return { action: decodeEntities(action), csrf: decodeEntities(csrf), html: match[0] };
  }
  return undefined;
}

/** The values of the `<input>` elements named `name` in an HTML fragment (e.g. a form from `findForm`), in page order. */
export function inputValues(html: string, name: string): string[] {
  const values: string[] = [];
  for (const [input] of html.matchAll(/<input\b[^>]*>/g)) {
    if (/\bname="([^"]*)"/.exec(input)?.[1] !== name) continue;
    const value = /\bvalue="([^"]*)"/.exec(input)?.[1];
    if (value !== undefined) values.push(decodeEntities(value));
  }
  return values;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A short, tag-free excerpt of a page for error messages. */
export function excerpt(html: string, length = 400): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

// A browser over Fastify's inject, for HTTP-level tests and benchmarks of the identity provider's
// pages: it keeps cookies and the last CSRF token, has its own client address (the server's
// per-address rate limit), posts forms and multipart uploads, and times each request.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export interface InjectResponse {
  status: number;
  location: string | undefined;
  body: string;
  raw: Buffer;
  /** Server time of the request (inject: no network). */
  ms: number;
  method: 'GET' | 'POST';
  url: string;
}

/** A file to upload: its bytes, and its type (JPEG unless told). */
export type Upload = Buffer | { bytes: Buffer; type: 'image/jpeg' | 'image/png' };

let clients = 0;

export function injectBrowser(server: FastifyInstance, baseUrl: string) {
  clients += 1;
  const remoteAddress = `10.92.${Math.floor(clients / 250)}.${(clients % 250) + 1}`;
  const host = new URL(baseUrl).host;
  const jar = new Map<string, string>();
  let csrf = '';
  async function send(
    method: 'GET' | 'POST',
    url: string,
    payload?: Buffer | string,
    type?: string,
  ): Promise<InjectResponse> {
    const started = performance.now();
    const r = await server.inject({
      method,
      url,
      remoteAddress,
      ...(payload === undefined ? {} : { payload }),
      headers: {
        host,
        accept: 'text/html',
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(type ? { 'content-type': type } : {}),
      },
    });
    const ms = performance.now() - started;
    for (const line of ([] as string[]).concat(r.headers['set-cookie'] ?? [])) {
      const pair = line.split(';')[0]!;
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    csrf = /name="_csrf" value="([^"]+)"/.exec(r.body)?.[1] ?? csrf;
    const location = typeof r.headers.location === 'string' ? r.headers.location : undefined;
    return { status: r.statusCode, location, body: r.body, raw: r.rawPayload, ms, method, url };
  }
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, form: Record<string, string>) =>
      send(
        'POST',
        url,
        new URLSearchParams({ _csrf: csrf, ...form }).toString(),
        'application/x-www-form-urlencoded',
      ),
    /** A multipart/form-data post with the CSRF token; each file named after its field. */
    upload(url: string, files: Record<string, Upload>) {
      const boundary = `----idv${randomBytes(8).toString('hex')}`;
      const parts: Buffer[] = [
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
      ];
      for (const [field, file] of Object.entries(files)) {
        const { bytes, type } = Buffer.isBuffer(file) ? { bytes: file, type: 'image/jpeg' } : file;
        const ext = type === 'image/png' ? 'png' : 'jpg';
        const head = `--${boundary}\r\ncontent-disposition: form-data; name="${field}"; filename="${field}.${ext}"`;
        parts.push(Buffer.from(`${head}\r\ncontent-type: ${type}\r\n\r\n`), bytes, Buffer.from('\r\n'));
      }
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      return send('POST', url, Buffer.concat(parts), `multipart/form-data; boundary=${boundary}`);
    },
  };
}

export type InjectBrowser = ReturnType<typeof injectBrowser>;

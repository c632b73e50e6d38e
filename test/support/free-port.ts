// Free TCP ports for test servers. Ports handed out by `listen(0)` come from the kernel's
// ephemeral range, which outgoing connections (to PostgreSQL, Redis, the other app) also use, so
// a port seen free can be taken before the app listens on it. These come from below that range
// (20000–32767), picked at random so parallel test files rarely meet, and are checked by binding.
import { createServer } from 'node:net';

const LOW = 20_000;
const HIGH = 32_767;

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port that was free a moment ago, outside the ephemeral range; never one of `avoid`. */
export async function freePort(avoid: readonly number[] = []): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW + 1));
    if (!avoid.includes(port) && (await canBind(port))) return port;
  }
  throw new Error(`no free port between ${LOW} and ${HIGH} after 200 tries`);
}

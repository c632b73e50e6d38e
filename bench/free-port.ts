// Free TCP ports: listen on port 0, read the ports the OS chose, close. All listeners are
// held open until every port is known, so the ports are distinct.
import { createServer, type Server } from 'node:net';

function listenOnAnyPort(host: string): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => {
      const address = server.address();
      if (typeof address === 'object' && address) resolve({ server, port: address.port });
      else reject(new Error('could not read the port of a listening socket'));
    });
  });
}

export async function freePorts(count: number, host = 'localhost'): Promise<number[]> {
  const held: { server: Server; port: number }[] = [];
  try {
    for (let i = 0; i < count; i++) held.push(await listenOnAnyPort(host));
    return held.map((h) => h.port);
  } finally {
    await Promise.all(held.map((h) => new Promise((resolve) => h.server.close(resolve))));
  }
}

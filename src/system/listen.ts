// Listens, turning "address in use" into a message that names the setting to change.
import type { FastifyInstance } from 'fastify';
import { ConfigError } from '#platform/config/config-error.ts';

export async function listenOrExplain(
  server: FastifyInstance,
  host: string,
  port: number,
  setting: string,
): Promise<void> {
  try {
    await server.listen({ host, port });
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new ConfigError(
        setting,
        `is ${port}, but another program is already using that port. Stop it, or choose another port, e.g. ${setting}=${port + 10}.`,
      );
    }
    throw error;
  }
}

// A port that is already taken stops start-up with a message naming the setting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import Fastify from 'fastify';
import { listenOrExplain } from '../../src/system/listen.ts';
import { ConfigError } from '#platform/config/config-error.ts';

test('listening on a taken port explains which setting to change', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as { port: number };
  const server = Fastify();
  try {
    await assert.rejects(listenOrExplain(server, '127.0.0.1', port, 'IDP_PORT'), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.setting, 'IDP_PORT');
      assert.match(
        error.message,
        new RegExp(`IDP_PORT is ${port}, but another program is already using that port`),
      );
      return true;
    });
  } finally {
    await server.close();
    blocker.close();
  }
});

// The JobQueue contract (src/platform/jobs), one suite run against every adapter:
// (a) the table queue on PGlite, (b) the table queue on PostgreSQL, (c) pg-boss on PostgreSQL
// (a scratch database each; PostgreSQL only with TEST_PG_URL). Each case uses its own queue
// name, so the cases share one database and one queue instance. Waits poll for a state with
// a deadline instead of sleeping a fixed time, except where the point is that nothing happens.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHook } from 'node:async_hooks';
import type { Database } from '#platform/db/database.ts';
import { openPostgresDatabase } from '#platform/db/postgres-database.ts';
import type { Job, JobLogger, JobQueue, QueueSettings } from '#platform/jobs/job-queue.ts';
import { openJobQueue } from '#platform/jobs/open-job-queue.ts';
import { createPgBossJobQueue } from '#platform/jobs/pg-boss-job-queue.ts';
import { createTableJobQueue } from '#platform/jobs/table-job-queue.ts';
import {
  createScratchPostgresDatabase,
  forEachBackend,
  NO_POSTGRES,
  postgresUrl,
  unique,
} from '../support/db/test-databases.ts';

const SUITE_TIMEOUT = 40_000;
/** Every job carries it; the logs must never contain it. */
const MARKER = `job-data-${unique()}`;

const SETTINGS: QueueSettings = {
  retryLimit: 2,
  retryDelaySeconds: 0,
  retryBackoff: false,
  expireInSeconds: 30,
};

interface Payload {
  marker: string;
  n: number;
}

/** A logger that keeps every entry, to check that no job data reaches the logs. */
function recordingLogger(): JobLogger & { entries: string[] } {
  const entries: string[] = [];
  const record = (object: unknown, message?: string) => {
    entries.push(JSON.stringify({ object, message }));
  };
  return { entries, info: record, warn: record, error: record } as unknown as JobLogger & {
    entries: string[];
  };
}

async function waitFor(
  what: string,
  condition: () => Promise<boolean> | boolean,
  ms = 10_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(50);
  }
}

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

/**
 * Timers and sockets created by the job-queue code (ours or pg-boss's) from now on and not yet
 * cleared or closed: what would keep a process alive. Other code's resources (the database
 * pool's idle timers, the test runner) are left out by the creating stack.
 */
function trackQueueResources(): { live: () => string[]; created: () => number; done: () => void } {
  const live = new Map<number, string>();
  let created = 0;
  const ours = /src\/platform\/jobs\/|node_modules\/pg-boss\//;
  const hook = createHook({
    init(id, type) {
      if (type !== 'Timeout' && type !== 'TCPWRAP') return;
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 60;
      const stack = new Error().stack ?? '';
      Error.stackTraceLimit = limit;
      if (!ours.test(stack)) return;
      created += 1;
      live.set(id, process.env.DEBUG_JOBS ? stack : type);
    },
    destroy(id) {
      live.delete(id);
    },
  });
  hook.enable();
  return { live: () => [...live.values()], created: () => created, done: () => hook.disable() };
}

interface Harness {
  /** The queue every case uses (started). */
  queue: JobQueue;
  /** Another instance on the same storage, as a second worker process would have. */
  another(): JobQueue;
  /** Polling interval for `work` (pg-boss refuses less than 0.5 s). */
  polling: number;
  /** Makes a waiting job look claimed long ago by a worker that has since died. */
  claimByDeadWorker(jobId: string): Promise<void>;
  logger: ReturnType<typeof recordingLogger>;
}

async function contract(t: TestContext, h: Harness): Promise<void> {
  const { queue, polling } = h;
  const newQueue = async (settings: Partial<QueueSettings> = {}) => {
    const name = unique('q-');
    await queue.createQueue(name, { ...SETTINGS, ...settings });
    return name;
  };
  const data = (n: number): Payload => ({ marker: MARKER, n });

  // First, while the shared queue has no workers: nothing else starts or ends timers meanwhile.
  await t.test('stop() leaves no timers or connections behind', async () => {
    const name = await newQueue();
    const tracked = trackQueueResources();
    try {
      const worker = h.another();
      await worker.start();
      let done = false;
      await worker.work<Payload>(name, async () => void (done = true), { pollingIntervalSeconds: polling });
      await worker.send(name, data(1));
      await waitFor('delivered', () => done);
      assert.ok(tracked.created() > 0, 'the worker made timers (the check sees them)');
      await worker.stop();
      // pg-boss's offWork checks its workers once a second after stop() returns.
      await waitFor('released', () => tracked.live().length === 0, 5_000).catch(() => {
        assert.deepEqual(tracked.live(), [], 'timers or sockets left after stop()');
      });
    } finally {
      tracked.done();
    }
  });

  await t.test('send + work: the job is delivered once, with its data', async () => {
    const name = await newQueue();
    const id = await queue.send(name, data(1));
    assert.ok(id);
    const seen: Job<Payload>[] = [];
    await queue.work<Payload>(name, async (job) => void seen.push(job), { pollingIntervalSeconds: polling });
    await waitFor('completed', async () => (await queue.counts(name)).completed === 1);
    await sleep(polling * 1000 * 2);
    assert.equal(seen.length, 1);
    assert.deepEqual(seen[0], { id, name, data: data(1), retryCount: 0 });
    assert.deepEqual(await queue.counts(name), { waiting: 0, running: 0, completed: 1, failed: 0 });
  });

  await t.test('counts: waiting, running, completed, failed', async () => {
    const name = await newQueue({ retryLimit: 0 });
    const later = new Date(Date.now() + 3600_000);
    await queue.send(name, data(1), { startAfter: later });
    await queue.send(name, data(2), { startAfter: later });
    assert.deepEqual(await queue.counts(name), { waiting: 2, running: 0, completed: 0, failed: 0 });
    await queue.send(name, data(3));
    await queue.send(name, data(4));
    const running = gate();
    await queue.work<Payload>(
      name,
      async (job) => {
        if (job.data.n === 3) await running.wait;
        if (job.data.n === 4) throw new Error('no');
      },
      { pollingIntervalSeconds: polling },
    );
    await waitFor('one running', async () => (await queue.counts(name)).running === 1);
    assert.deepEqual(await queue.counts(name), { waiting: 3, running: 1, completed: 0, failed: 0 });
    running.open();
    await waitFor('two finished', async () => (await queue.counts(name)).failed === 1);
    assert.deepEqual(await queue.counts(name), { waiting: 2, running: 0, completed: 1, failed: 1 });
  });

  await t.test('singletonKey: one job per key waiting or running; null for the others', async () => {
    const name = await newQueue();
    const later = new Date(Date.now() + 3600_000);
    const first = await queue.send(name, data(1), { singletonKey: 'a', startAfter: later });
    assert.ok(first);
    assert.equal(await queue.send(name, data(2), { singletonKey: 'a' }), null, 'one is waiting');
    assert.ok(await queue.send(name, data(3), { singletonKey: 'b' }), 'another key');
    assert.ok(await queue.send(name, data(4)), 'no key');
    assert.equal((await queue.counts(name)).waiting, 3);

    // While one runs, a send with its key is refused too; once it is done, a new one is taken.
    const other = await newQueue();
    const release = gate();
    const seen: number[] = [];
    await queue.send(other, data(10), { singletonKey: 'r' });
    await queue.work<Payload>(
      other,
      async (job) => {
        seen.push(job.data.n);
        await release.wait;
      },
      { pollingIntervalSeconds: polling },
    );
    await waitFor('running', async () => (await queue.counts(other)).running === 1);
    assert.equal(await queue.send(other, data(11), { singletonKey: 'r' }), null, 'one is running');
    release.open();
    await waitFor('completed', async () => (await queue.counts(other)).completed === 1);
    assert.ok(await queue.send(other, data(12), { singletonKey: 'r' }), 'none waiting or running');
    await waitFor('second completed', async () => (await queue.counts(other)).completed === 2);
    assert.deepEqual(seen, [10, 12]);
  });

  await t.test('startAfter: not delivered before its time', async () => {
    const name = await newQueue();
    const startAfter = new Date(Date.now() + 2_000);
    await queue.send(name, data(1), { startAfter });
    let deliveredAt = 0;
    await queue.work<Payload>(name, async () => void (deliveredAt = Date.now()), {
      pollingIntervalSeconds: polling,
    });
    await sleep(1_000);
    assert.equal(deliveredAt, 0, 'not yet');
    await waitFor('delivered', () => deliveredAt > 0);
    assert.ok(deliveredAt >= startAfter.getTime() - 100, 'not before startAfter (clock tolerance 100 ms)');
  });

  await t.test('a throwing handler is retried up to retryLimit, then the job fails', async () => {
    const name = await newQueue({ retryLimit: 2 });
    await queue.send(name, data(1));
    const attempts: number[] = [];
    await queue.work<Payload>(
      name,
      async (job) => {
        attempts.push(job.retryCount);
        throw new Error('settlement service unavailable');
      },
      { pollingIntervalSeconds: polling },
    );
    await waitFor('failed', async () => (await queue.counts(name)).failed === 1);
    await sleep(polling * 1000 * 2);
    assert.deepEqual(attempts, [0, 1, 2], 'first attempt + 2 retries');
    assert.deepEqual(await queue.counts(name), { waiting: 0, running: 0, completed: 0, failed: 1 });
  });

  await t.test('a retry after a failure keeps its singletonKey and completes', async () => {
    const name = await newQueue({ retryLimit: 1 });
    await queue.send(name, data(1), { singletonKey: 'once' });
    const attempts: number[] = [];
    await queue.work<Payload>(
      name,
      async (job) => {
        attempts.push(job.retryCount);
        if (job.retryCount === 0) throw new Error('transient');
      },
      { pollingIntervalSeconds: polling },
    );
    await waitFor('completed', async () => (await queue.counts(name)).completed === 1);
    assert.deepEqual(attempts, [0, 1]);
  });

  await t.test(
    'a handler that never finishes: the job is delivered again after expireInSeconds',
    async () => {
      const name = await newQueue({ expireInSeconds: 1, retryLimit: 1 });
      const id = await queue.send(name, data(1));
      const attempts: Job<Payload>[] = [];
      const started = Date.now();
      await queue.work<Payload>(
        name,
        async (job) => {
          attempts.push(job);
          if (job.retryCount === 0) await new Promise<never>(() => undefined); // hangs forever
        },
        { pollingIntervalSeconds: polling },
      );
      await waitFor(
        'completed on the second delivery',
        async () => (await queue.counts(name)).completed === 1,
      );
      assert.deepEqual(
        attempts.map((job) => [job.id, job.retryCount]),
        [
          [id, 0],
          [id, 1],
        ],
      );
      assert.ok(Date.now() - started >= 1_000, 'not before expireInSeconds');
    },
  );

  await t.test("a dead worker's job (an expired claim) is taken back and delivered", async () => {
    const name = await newQueue({ expireInSeconds: 1, retryLimit: 1 });
    const id = await queue.send(name, data(1), { startAfter: new Date(Date.now() + 3600_000) });
    assert.ok(id);
    await h.claimByDeadWorker(id);
    assert.equal((await queue.counts(name)).running, 1);
    const attempts: number[] = [];
    await queue.work<Payload>(name, async (job) => void attempts.push(job.retryCount), {
      pollingIntervalSeconds: polling,
    });
    await waitFor('completed', async () => (await queue.counts(name)).completed === 1);
    assert.deepEqual(attempts, [1], 'delivered as a retry');
  });

  await t.test(
    'stop() waits (bounded) for a running handler, then releases its job for a retry',
    async () => {
      // pg-boss keeps a timer per running handler until expireIn (even after stop): keep it short.
      const name = await newQueue({ retryLimit: 1, expireInSeconds: 3 });
      await queue.send(name, data(1));
      const worker = h.another();
      await worker.start();
      let hung = false;
      await worker.work<Payload>(
        name,
        async () => {
          hung = true;
          await new Promise<never>(() => undefined);
        },
        { pollingIntervalSeconds: polling },
      );
      await waitFor('the handler hangs', () => hung);
      const stopping = Date.now();
      await worker.stop();
      assert.ok(Date.now() - stopping < 5_000, 'stop() is bounded');
      const attempts: number[] = [];
      await queue.work<Payload>(name, async (job) => void attempts.push(job.retryCount), {
        pollingIntervalSeconds: polling,
      });
      await waitFor('completed by the other worker', async () => (await queue.counts(name)).completed === 1);
      assert.deepEqual(attempts, [1]);
    },
  );

  await t.test('send to a queue that was never created throws', async () => {
    await assert.rejects(queue.send(unique('missing-'), data(1)), /does not exist/);
  });

  await t.test('logs never contain job data', () => {
    assert.ok(h.logger.entries.length > 0, 'failures were logged');
    for (const entry of h.logger.entries) assert.ok(!entry.includes(MARKER), entry);
  });
}

forEachBackend('JobQueue contract: table queue', { timeout: SUITE_TIMEOUT }, async (t, db) => {
  const logger = recordingLogger();
  const options = { stopTimeoutSeconds: 1 };
  const queue = createTableJobQueue(db, logger, options);
  await queue.start();
  await queue.start(); // idempotent
  try {
    assert.equal(queue.kind, 'table');
    await contract(t, {
      queue,
      logger,
      polling: 0.2,
      another: () => createTableJobQueue(db, logger, options),
      claimByDeadWorker: async (id) => {
        await db.query(
          `UPDATE platform_jobs SET state = 'active', started_at = now() - interval '1 hour' WHERE id = $1`,
          [id],
        );
      },
    });
  } finally {
    await queue.stop();
  }
  await t.test('openJobQueue: the table queue on this database without a PostgreSQL URL', () => {
    assert.equal(openJobQueue(db, {}, logger).kind, 'table');
  });
});

test(
  'JobQueue contract: pg-boss [postgres]',
  { skip: postgresUrl() ? false : NO_POSTGRES, timeout: SUITE_TIMEOUT },
  async (t) => {
    const scratch = await createScratchPostgresDatabase();
    let db: Database | undefined;
    const logger = recordingLogger();
    const schema = `jobs_${unique()}`;
    const options = {
      connectionString: scratch.url,
      schema,
      maintenanceIntervalSeconds: 1,
      stopTimeoutSeconds: 1,
    };
    const queue = createPgBossJobQueue(options, logger);
    try {
      db = await openPostgresDatabase(scratch.url, 2);
      const inspect = db;
      await queue.start();
      assert.equal(queue.kind, 'pg-boss');
      await contract(t, {
        queue,
        logger,
        polling: 0.5,
        another: () => createPgBossJobQueue(options, logger),
        claimByDeadWorker: async (id) => {
          await inspect.query(
            `UPDATE ${schema}.job SET state = 'active', started_on = now() - interval '1 hour' WHERE id = $1`,
            [id],
          );
        },
      });
      await t.test('openJobQueue: pg-boss on PostgreSQL with its URL, the table queue without', () => {
        assert.equal(openJobQueue(inspect, { postgresUrl: scratch.url }, logger).kind, 'pg-boss');
        assert.equal(openJobQueue(inspect, {}, logger).kind, 'table');
      });
    } finally {
      await queue.stop();
      await db?.close();
      await scratch.drop();
    }
  },
);

// Run by `npm install` (postinstall): makes the blank embedded-database cluster once, so the
// first `npm start` and every test process copy it instead of running initdb (3–5 s each).
// Harmless to run again; a failure here only means the first start is slower.
import { BLANK_CLUSTER_FILE, prepareBlankCluster } from '#platform/db/pglite-database.ts';

try {
  await prepareBlankCluster();
  console.log(`Embedded database template ready: ${BLANK_CLUSTER_FILE}`);
} catch (error) {
  console.warn(
    `Could not prepare the embedded database template (${String(error)}); the first start will make it.`,
  );
}

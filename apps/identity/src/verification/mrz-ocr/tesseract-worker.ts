// The one tesseract.js worker the engine uses, created lazily and kept for the life of the process.
// Everything is loaded from node_modules: the English LSTM data from @tesseract.js-data/eng
// (4.0.0_best_int, gzipped), the worker script and the wasm core from tesseract.js / tesseract.js-core,
// and nothing is cached to disk. Jobs are serialised so that the MRZ mode (whitelist, block PSM) and the
// general-text mode never see each other's parameters.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Page, type Rectangle, type Worker } from 'tesseract.js';

export const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

const require = createRequire(import.meta.url);

/**
 * Folder holding eng.traineddata.gz: the LSTM-only "best_int" model (2.9 MB). The package's 4.0.0 folder
 * adds the legacy engine (10.9 MB) and read the same MRZ specimens identically, only slower to load.
 */
export const ENG_DATA_DIR = join(
  dirname(require.resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);
const TESSERACT_DIR = dirname(require.resolve('tesseract.js/package.json'));
const WORKER_SCRIPT = join(TESSERACT_DIR, 'src/worker-script/node/index.js');
// The node worker loads its wasm core with require('tesseract.js-core/…') (a dependency of tesseract.js);
// corePath is only read by browsers, but point it at that package too so nothing resolves to a CDN.
const CORE_DIR = dirname(
  createRequire(join(TESSERACT_DIR, 'package.json')).resolve('tesseract.js-core/package.json'),
);

export type OcrMode = 'mrz' | 'text';

const MODE_PARAMS: Record<OcrMode, Record<string, string>> = {
  mrz: {
    tessedit_char_whitelist: MRZ_ALPHABET,
    tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
  },
  text: {
    tessedit_char_whitelist: '',
    tessedit_pageseg_mode: PSM.AUTO,
  },
};

let workerPromise: Promise<Worker> | undefined;
let currentMode: OcrMode | undefined;
let queue: Promise<unknown> = Promise.resolve();

async function startWorker(): Promise<Worker> {
  const worker = await createWorker(
    'eng',
    OEM.LSTM_ONLY,
    {
      langPath: ENG_DATA_DIR,
      gzip: true,
      cacheMethod: 'none',
      workerPath: WORKER_SCRIPT,
      corePath: CORE_DIR,
      workerBlobURL: false,
      logger: () => undefined,
      errorHandler: () => undefined,
    },
    // Init-only: no word lists. MRZ text is not language, and names are not dictionary words.
    { load_system_dawg: '0', load_freq_dawg: '0' },
  );
  await worker.setParameters({ user_defined_dpi: '300', tessedit_do_invert: '0' });
  return worker;
}

/** The memoised worker (created on first use; a failed start is retried on the next call). */
export function getMrzWorker(): Promise<Worker> {
  if (!workerPromise) {
    currentMode = undefined;
    workerPromise = startWorker().catch((error: unknown) => {
      workerPromise = undefined;
      throw error;
    });
  }
  return workerPromise;
}

/**
 * Recognise an encoded image (PNG, PGM, JPEG…) in the given mode. Calls are queued: one job at a time,
 * each with its own mode's parameters.
 */
export function recognize(image: Buffer, mode: OcrMode, rectangle?: Rectangle): Promise<Page> {
  const job = queue.then(async () => {
    const worker = await getMrzWorker();
    if (currentMode !== mode) {
      await worker.setParameters(MODE_PARAMS[mode]);
      currentMode = mode;
    }
    const result = await worker.recognize(image, rectangle ? { rectangle } : {}, {
      text: true,
      blocks: true,
    });
    return result.data;
  });
  queue = job.catch(() => undefined);
  return job;
}

/** Terminate the worker (tests, shutdown). The next call to `recognize` starts a new one. */
export async function closeMrzWorker(): Promise<void> {
  const pending = workerPromise;
  workerPromise = undefined;
  currentMode = undefined;
  if (!pending) return;
  await queue;
  try {
    const worker = await pending;
    await worker.terminate();
  } catch {
    // It never started: nothing to close.
  }
}

// Loads @vladmandic/human once, offline, on the tfjs WASM backend, with only the face models this engine
// needs: blazeface (detector; its eye landmarks level the face crop), facemesh (a second confirmation that
// drops false detections, the tight face box, head pose, eye opening), faceres (1024-d embedding),
// antispoof and liveness. Body, hand, object, gesture, emotion, iris, gear, segmentation are off (~10 ms of
// the ~140 ms per face is the mesh).
// Models and wasm binaries are read from node_modules; nothing is fetched:
// - human's package `exports` map is broken, so its node-wasm build is required by path;
// - tfjs only loads models over http(s), so models get a reserved `.invalid` base URL and a small fetch
//   shim serves exactly those URLs from the package's models/ folder (every other URL goes to the real fetch);
// - the wasm binaries are loaded from @tensorflow/tfjs-backend-wasm/dist/ with setWasmPaths (via config).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';

const require = createRequire(import.meta.url);
// `exports` has no "./package.json"; its "node" condition resolves (without loading) to dist/human.node.js.
const HUMAN_DIR = dirname(dirname(require.resolve('@vladmandic/human')));
const MODELS_DIR = join(HUMAN_DIR, 'models');
const WASM_DIR = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
const WASM_DIST = join(WASM_DIR, 'dist') + sep;
/** A reserved TLD (RFC 2606): even if the shim were bypassed, nothing could ever be fetched from it. */
const MODEL_BASE_URL = 'http://human-models.invalid/';

/**
 * XNNPACK threads for the wasm backend: 1 (the target is single-thread latency on 2 cores). Under Node,
 * tfjs-backend-wasm 4.22 reports WASM_HAS_MULTITHREAD_SUPPORT = false and runs the single-threaded SIMD
 * binary anyway (measured), so more threads could not help here; the value keeps that explicit.
 */
const WASM_THREADS = 1;

/** The slice of human's result this engine reads. */
export interface HumanFace {
  box: [number, number, number, number];
  score: number;
  boxScore: number;
  faceScore: number;
  embedding?: number[];
  real?: number;
  live?: number;
  /** 468 face-mesh points [x, y, z] in input pixels (6 detector points when the mesh failed). */
  mesh?: number[][];
  rotation?: { angle: { roll: number; yaw: number; pitch: number } } | null;
}

/** Minimal tensor surface used by the analyzer. */
export interface HumanTensor {
  shape: number[];
  dispose(): void;
  dataSync(): Float32Array | Int32Array | Uint8Array;
}

/** The tfjs functions the analyzer uses (human bundles tfjs and exposes it as `human.tf`). */
export interface TfLike {
  tensor3d(values: Uint8Array | Int32Array, shape: [number, number, number], dtype: 'int32'): HumanTensor;
  tensor1d(values: number[], dtype: 'float32'): HumanTensor;
  tidy<T>(fn: () => T): T;
  zeros(shape: number[]): HumanTensor;
  expandDims(x: HumanTensor, axis: number): HumanTensor;
  mul(a: HumanTensor, b: HumanTensor | number): HumanTensor;
  sum(x: HumanTensor, axis: number, keepDims: boolean): HumanTensor;
  tile(x: HumanTensor, reps: number[]): HumanTensor;
  image: { resizeBilinear(x: HumanTensor, size: [number, number], alignCorners: boolean): HumanTensor };
  getBackend(): string;
  memory(): { numTensors: number };
}

/** A loaded tfjs GraphModel, as far as the analyzer uses it. */
export interface GraphModelLike {
  inputs: { shape?: number[] }[];
  execute(input: HumanTensor): HumanTensor | HumanTensor[];
}

/** The part of a Human instance the analyzer uses (keeps the rest of its API out of our types). */
export interface HumanLike {
  version: string;
  detect(
    input: HumanTensor,
  ): Promise<{ face: (HumanFace & { tensor?: HumanTensor })[]; error?: string | null }>;
  tf: TfLike;
  models: { loaded(): string[]; models: Record<string, GraphModelLike | null | undefined> };
}

/** Human's config for this engine. Exported for tests/bench that want to inspect it. */
export const HUMAN_CONFIG = {
  backend: 'wasm',
  wasmPath: WASM_DIST,
  wasmPlatformFetch: false,
  modelBasePath: MODEL_BASE_URL,
  debug: false,
  async: false,
  warmup: 'none',
  cacheModels: false,
  validateModels: false,
  // Every call is an independent photo: no frame-to-frame caching of boxes or model outputs.
  cacheSensitivity: 0,
  skipAllowed: false,
  filter: { enabled: false, equalization: false, autoBrightness: false, return: false },
  gesture: { enabled: false },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  segmentation: { enabled: false },
  face: {
    enabled: true,
    detector: {
      enabled: true,
      modelPath: 'blazeface.json',
      rotation: true,
      maxDetected: 20,
      minConfidence: 0.5,
      iouThreshold: 0.1,
      skipFrames: 0,
      skipTime: 0,
      return: false,
    },
    mesh: { enabled: true, modelPath: 'facemesh.json', keepInvalid: false },
    attention: { enabled: false },
    iris: { enabled: false },
    emotion: { enabled: false },
    description: { enabled: true, modelPath: 'faceres.json', skipFrames: 0, skipTime: 0 },
    antispoof: { enabled: true, modelPath: 'antispoof.json', skipFrames: 0, skipTime: 0 },
    liveness: { enabled: true, modelPath: 'liveness.json', skipFrames: 0, skipTime: 0 },
    gear: { enabled: false },
  },
} as const;

let installedShim = false;

/** Wraps global fetch so that model URLs under MODEL_BASE_URL are served from node_modules. */
function installModelFetchShim(): void {
  if (installedShim) return;
  installedShim = true;
  const realFetch = globalThis.fetch;
  const root = resolve(MODELS_DIR) + sep;
  const shim = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(MODEL_BASE_URL)) return realFetch(input, init);
    const file = resolve(
      MODELS_DIR,
      decodeURIComponent(url.slice(MODEL_BASE_URL.length).split('?')[0] ?? ''),
    );
    if (!file.startsWith(root)) return new Response(null, { status: 404 });
    try {
      const body = await readFile(file);
      const type = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
      return new Response(body, { status: 200, headers: { 'content-type': type } });
    } catch {
      return new Response(null, { status: 404, statusText: 'model file not found' });
    }
  };
  globalThis.fetch = shim as typeof fetch;
}

interface HumanModule {
  Human: new (config: unknown) => HumanLike & {
    load(): Promise<void>;
    init(): Promise<void>;
    config: { backend: string; face: { description: { enabled: boolean }; detector: { return: boolean } } };
  };
}

/** The model names expected to be loaded (for assertions). */
export const EXPECTED_MODELS = ['blazeface', 'facemesh', 'faceres', 'antispoof', 'liveness'] as const;

export interface HumanLoadInfo {
  ms: number;
  backend: string;
  models: string[];
}

let loading: Promise<HumanLike> | undefined;
let info: HumanLoadInfo | undefined;

/**
 * tfjs-backend-wasm's emscripten glue adds process-wide `uncaughtException`/`unhandledRejection` listeners
 * that rethrow (and print the whole minified module); drop the ones it added so Node's defaults and the
 * app's own handlers decide.
 */
function removeListenersAddedBy<T>(task: () => Promise<T>): Promise<T> {
  const exceptions = new Set(process.listeners('uncaughtException'));
  const rejections = new Set(process.listeners('unhandledRejection'));
  const cleanup = () => {
    for (const l of process.listeners('uncaughtException')) {
      if (!exceptions.has(l)) process.removeListener('uncaughtException', l);
    }
    for (const l of process.listeners('unhandledRejection')) {
      if (!rejections.has(l)) process.removeListener('unhandledRejection', l);
    }
  };
  return task().finally(cleanup);
}

async function load(): Promise<HumanLike> {
  const started = performance.now();
  installModelFetchShim();
  const wasmBackend = require('@tensorflow/tfjs-backend-wasm') as { setThreadsCount(n: number): void };
  wasmBackend.setThreadsCount(WASM_THREADS);
  const { Human } = require(join(HUMAN_DIR, 'dist', 'human.node-wasm.js')) as HumanModule;
  const human = new Human(structuredClone(HUMAN_CONFIG));
  await human.init();
  if (human.tf.getBackend() !== 'wasm') {
    throw new Error(`face engine: wasm backend unavailable (got ${human.tf.getBackend()})`);
  }
  await human.load();
  const models = loadedModelNames(human);
  const missing = EXPECTED_MODELS.filter((name) => !models.includes(name));
  if (missing.length > 0) throw new Error(`face engine: models failed to load: ${missing.join(', ')}`);
  // faceres is loaded above but run by the analyzer itself on a grayscale copy of each face crop (see
  // face-analyzer.ts), so human skips its colour pass and hands back the crop instead.
  human.config.face.description.enabled = false;
  human.config.face.detector.return = true;
  warmUp(human);
  info = { ms: performance.now() - started, backend: human.tf.getBackend(), models };
  return human;
}

/**
 * Runs every model once on zeros so the first real photo does not pay for kernel set-up (measured: the
 * first face analysis took ~410 ms of CPU against ~175 ms afterwards).
 */
function warmUp(human: HumanLike): void {
  for (const name of EXPECTED_MODELS) {
    const model = human.models.models[name];
    const shape = model?.inputs[0]?.shape?.map((d) => (d > 0 ? d : 1));
    if (!model || !shape) continue;
    human.tf.tidy(() => {
      model.execute(human.tf.zeros(shape));
    });
  }
}

/** Names of the models human actually holds. */
function loadedModelNames(human: HumanLike): string[] {
  return [...human.models.loaded()].sort();
}

/** Loads human once; concurrent callers share the same promise; a failed load can be retried. */
export function openHuman(): Promise<HumanLike> {
  loading ??= removeListenersAddedBy(load).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Load time, backend and loaded model names, once openHuman() has resolved. */
export function humanLoadInfo(): HumanLoadInfo | undefined {
  return info;
}

/**
 * Forgets the instance. The tfjs wasm backend and loaded weights stay in this process's memory (tfjs has
 * no safe global teardown); holding no handles, they do not keep the process alive.
 */
export function closeHuman(): void {
  loading = undefined;
  info = undefined;
}

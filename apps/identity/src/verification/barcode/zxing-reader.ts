// The zxing-wasm PDF417 reader, loaded offline: its wasm binary is read from the installed package
// (the library's default would fetch it from a CDN at run time). Returns the payload exactly as encoded:
// AAMVA data is ASCII/Latin-1 with LF, RS (0x1e) and CR separators, so the decoder's raw `bytes` are
// decoded as latin1 rather than trusting a text mode that may rewrite control characters.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import type { GrayImage } from '../images/decode-image.ts';

const require = createRequire(import.meta.url);
let ready: Promise<unknown> | null = null;

/** Instantiates the wasm module once (≈50 ms); later calls return the same promise. */
export function loadZxing(): Promise<unknown> {
  if (!ready) {
    const file = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    ready = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true }).catch(
      (error: unknown) => {
        ready = null;
        throw error;
      },
    );
  }
  return ready;
}

export interface ZxingAttemptOptions {
  /** Spend more effort per image (default true). */
  tryHarder?: boolean;
  /** Also try 90/180/270° (default true: a card photographed upside down or in portrait). */
  tryRotate?: boolean;
  /** Let zxing try its own downscaled pass on big images (default true). */
  tryDownscale?: boolean;
  binarizer?: ReaderOptions['binarizer'];
}

export interface Pdf417Hit {
  text: string;
  /** Corner points reported by zxing, in the coordinates of the image passed in. */
  position: { x: number; y: number }[];
  /**
   * Unused error-correction capacity, 0–1 (zxing's "UEC"): 0 means every EC codeword was spent, where a
   * Reed–Solomon mis-correction (a "valid" but wrong payload) becomes possible. NaN when not reported.
   */
  uec: number;
}

/** Decodes the first PDF417 symbol in a grayscale image, or returns null. */
export async function decodePdf417Gray(
  img: GrayImage,
  opts: ZxingAttemptOptions = {},
): Promise<Pdf417Hit | null> {
  await loadZxing();
  // zxing-wasm takes RGBA ImageData-like input and converts it back to luma with the same BT.601 weights,
  // so a gray value replicated into R, G and B round-trips exactly.
  const n = img.width * img.height;
  const rgba = new Uint8ClampedArray(n * 4);
  const src = img.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const v = src[i]!;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
    rgba[j + 3] = 255;
  }
  const results = await readBarcodes(
    { data: rgba, width: img.width, height: img.height, colorSpace: 'srgb' } as ImageData,
    {
      formats: ['PDF417'],
      textMode: 'Plain',
      characterSet: 'ISO8859_1',
      tryHarder: opts.tryHarder ?? true,
      tryRotate: opts.tryRotate ?? true,
      tryInvert: false,
      tryDownscale: opts.tryDownscale ?? true,
      binarizer: opts.binarizer ?? 'LocalAverage',
      maxNumberOfSymbols: 1,
    },
  );
  const hit = results.find((r) => r.isValid && r.format === 'PDF417');
  if (!hit) return null;
  const p = hit.position;
  return {
    text: bytesToLatin1(hit.bytes),
    position: [p.topLeft, p.topRight, p.bottomRight, p.bottomLeft].map((q) => ({ x: q.x, y: q.y })),
    uec: unusedErrorCorrection(hit.extra),
  };
}

/** Latin-1 decoding: one byte, one UTF-16 code unit, control characters untouched. */
export function bytesToLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function unusedErrorCorrection(extra: string): number {
  try {
    const value = (JSON.parse(extra) as { UEC?: unknown }).UEC;
    return typeof value === 'number' ? value : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

// A fake camera for browser tests: turns still images into a Y4M video (YUV 4:2:0) that Chromium
// plays in a loop as its only camera when started with fakeCameraArgs(). Lets a test drive the
// document and selfie capture pages (getUserMedia, auto-capture) with a known image.
import sharp from 'sharp';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';

export interface FakeCameraOptions {
  /** Frame width in pixels (even; default 640). */
  width?: number;
  /** Frame height in pixels (even; default 480). */
  height?: number;
  /** Frames each image stays on screen (default: 1 for a single image, 2 s' worth for several). */
  framesPerImage?: number;
  /** Frames per second written into the header (default 15). */
  fps?: number;
  /** 'contain' letterboxes the image on `background` (default); 'cover' fills the frame and crops. */
  fit?: 'contain' | 'cover';
  /** With 'contain': the share of the frame the image may fill (0–1, default 1), like a card held back. */
  scale?: number;
  /** Colour round a letterboxed image (default a dark grey table top). */
  background?: { r: number; g: number; b: number };
}

/**
 * Writes `outPath` (a .y4m file) with each image fitted into the frame and returns its absolute path.
 * Colours use BT.601 limited range, which Chromium's I420 → RGB conversion expects.
 */
export async function writeFakeCameraVideo(
  imagePaths: string[],
  outPath: string,
  options: FakeCameraOptions = {},
): Promise<string> {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const fps = options.fps ?? 15;
  const framesPerImage = options.framesPerImage ?? (imagePaths.length === 1 ? 1 : fps * 2);
  if (imagePaths.length === 0) throw new Error('writeFakeCameraVideo needs at least one image');
  if (width % 2 !== 0 || height % 2 !== 0) throw new Error('Y4M 4:2:0 frames need an even width and height');
  if (!Number.isInteger(framesPerImage) || framesPerImage < 1) throw new Error('framesPerImage must be ≥ 1');

  const absolute = resolve(outPath);
  const file = await open(absolute, 'w');
  try {
    await file.write(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    for (const imagePath of imagePaths) {
      const frame = Buffer.concat([
        Buffer.from('FRAME\n'),
        toI420(await fitted(imagePath, width, height, options), width, height),
      ]);
      for (let i = 0; i < framesPerImage; i++) await file.write(frame);
    }
  } finally {
    await file.close();
  }
  return absolute;
}

/** Chromium flags that replace the camera with `y4mPath` and answer permission prompts with "allow". */
export function fakeCameraArgs(y4mPath: string): string[] {
  return [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${resolve(y4mPath)}`,
  ];
}

async function fitted(
  imagePath: string,
  width: number,
  height: number,
  options: FakeCameraOptions,
): Promise<Buffer> {
  const background = { ...(options.background ?? { r: 60, g: 58, b: 55 }), alpha: 1 };
  if (options.fit === 'cover') {
    return sharp(imagePath).rotate().resize(width, height, { fit: 'cover' }).removeAlpha().raw().toBuffer();
  }
  const scale = Math.min(1, Math.max(0.05, options.scale ?? 1));
  const boxW = Math.max(2, Math.round(width * scale));
  const boxH = Math.max(2, Math.round(height * scale));
  const image = await sharp(imagePath)
    .rotate()
    .resize(boxW, boxH, { fit: 'inside' })
    .flatten({ background })
    .png()
    .toBuffer({ resolveWithObject: true });
  return sharp({ create: { width, height, channels: 3, background } })
    .composite([
      {
        input: image.data,
        left: Math.floor((width - image.info.width) / 2),
        top: Math.floor((height - image.info.height) / 2),
      },
    ])
    .removeAlpha()
    .raw()
    .toBuffer();
}

/** Packed RGB → planar I420 (Y, then U and V averaged over 2×2 blocks). */
function toI420(rgb: Buffer, width: number, height: number): Buffer {
  const out = Buffer.alloc((width * height * 3) / 2);
  const uOffset = width * height;
  const vOffset = uOffset + (width * height) / 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      out[y * width + x] = clamp(
        16 + (65.481 * rgb[i]! + 128.553 * rgb[i + 1]! + 24.966 * rgb[i + 2]!) / 255,
      );
    }
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const i = ((y + dy) * width + x + dx) * 3;
        r += rgb[i]!;
        g += rgb[i + 1]!;
        b += rgb[i + 2]!;
      }
      r /= 4 * 255;
      g /= 4 * 255;
      b /= 4 * 255;
      const c = (y / 2) * (width / 2) + x / 2;
      out[uOffset + c] = clamp(128 - 37.797 * r - 74.203 * g + 112 * b);
      out[vOffset + c] = clamp(128 + 112 * r - 93.786 * g - 18.214 * b);
    }
  }
  return out;
}

function clamp(value: number): number {
  return Math.min(255, Math.max(0, Math.round(value)));
}

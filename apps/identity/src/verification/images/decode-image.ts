// Decodes an uploaded document or selfie photo into raw RGB pixels: only JPEG, PNG and WebP are accepted
// (sniffed from the magic bytes, never from a file name or a client-sent type), size limits are enforced
// from the header before any pixel is decoded, EXIF orientation is applied and big photos are downsized
// so every later stage works on a bounded number of pixels.
import sharp, { type Metadata, type Sharp } from 'sharp';

export type ImageErrorCode = 'unsupported_format' | 'unreadable_image' | 'image_too_large';

export class ImageError extends Error {
  readonly code: ImageErrorCode;
  constructor(code: ImageErrorCode, message: string) {
    super(message);
    this.name = 'ImageError';
    this.code = code;
  }
}

/** Raw, 3-channel (RGB), 8-bit pixels, row-major without padding. */
export interface DecodedImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Raw, 1-channel, 8-bit pixels, row-major without padding. */
export interface GrayImage {
  data: Buffer;
  width: number;
  height: number;
}

export type ImageFormat = 'jpeg' | 'png' | 'webp';

export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 40_000_000;
export const DEFAULT_MAX_SIDE = 2000;

/** The format named by the first bytes, or null when it is not one we accept. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((v, i) => b[i] === v)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

export async function decodeImage(bytes: Uint8Array, opts: { maxSide?: number } = {}): Promise<DecodedImage> {
  const maxSide = Math.max(16, Math.round(opts.maxSide ?? DEFAULT_MAX_SIDE));
  const format = sniffImageFormat(bytes);
  if (!format) throw new ImageError('unsupported_format', 'Only JPEG, PNG and WebP images are accepted.');
  if (bytes.length > MAX_IMAGE_BYTES)
    throw new ImageError('image_too_large', 'The image file is larger than 15 MB.');

  const input = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Header only: dimensions are checked before libvips decodes a single pixel.
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageError('unreadable_image', 'The image could not be read.');
  }
  if (!meta.width || !meta.height || meta.format !== format) {
    throw new ImageError('unreadable_image', 'The image could not be read.');
  }
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
    throw new ImageError('image_too_large', 'The image has more than 40 megapixels.');
  }

  try {
    const { data, info } = await sharp(input, {
      failOn: 'truncated',
      limitInputPixels: MAX_IMAGE_PIXELS,
      pages: 1,
    })
      .rotate() // EXIF orientation
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`unexpected channel count ${info.channels}`);
    return { data, width: info.width, height: info.height };
  } catch {
    throw new ImageError('unreadable_image', 'The image could not be read.');
  }
}

/** Luma (BT.601 weights, as libvips and zxing use) of an RGB image. */
export function toGray(img: DecodedImage): GrayImage {
  const n = img.width * img.height;
  const src = img.data;
  const out = Buffer.allocUnsafe(n);
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    out[i] = (src[j]! * 306 + src[j + 1]! * 601 + src[j + 2]! * 117 + 512) >> 10;
  }
  return { data: out, width: img.width, height: img.height };
}

/** A sharp pipeline reading the raw RGB pixels of `img` (for resampling, encoding, compositing). */
export function sharpFromRgb(img: DecodedImage): Sharp {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } });
}

/** A sharp pipeline reading a 1-channel gray image. */
export function sharpFromGray(img: GrayImage): Sharp {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } });
}

/** Raw RGB pixels out of a sharp pipeline. */
export async function rgbFromSharp(pipeline: Sharp): Promise<DecodedImage> {
  const { data, info } = await pipeline
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Raw 1-channel pixels out of a sharp pipeline. */
export async function grayFromSharp(pipeline: Sharp): Promise<GrayImage> {
  const { data, info } = await pipeline
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`unexpected channel count ${info.channels}`);
  return { data, width: info.width, height: info.height };
}

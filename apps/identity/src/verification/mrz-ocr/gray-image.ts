// Grayscale working copies of the photo for MRZ reading: conversion from raw pixels (reduced to a
// bounded size), resizing, rotation, and the sharp pipeline over a grayscale buffer.
import sharp, { type Sharp } from 'sharp';

export interface RawImage {
  /** Raw pixels, RGB (3 channels; 1 and 4 are accepted too), row-major. */
  data: Buffer;
  width: number;
  height: number;
}

/** Largest side the pipeline works at: phone photos are reduced first. */
const WORK_MAX = 1800;

export interface Gray {
  data: Uint8Array;
  width: number;
  height: number;
}

export async function toGray(image: RawImage): Promise<Gray> {
  const channels = Math.round(image.data.length / (image.width * image.height));
  if (![1, 3, 4].includes(channels) || channels * image.width * image.height !== image.data.length) {
    throw new Error('readMrz: data length does not match width × height × channels');
  }
  const scale = Math.min(1, WORK_MAX / Math.max(image.width, image.height));
  let pipeline = sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: channels as 1 | 3 | 4 },
  }).greyscale();
  if (scale < 1)
    pipeline = pipeline.resize(Math.round(image.width * scale), Math.round(image.height * scale));
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data: toSingleChannel(data, info.channels), width: info.width, height: info.height };
}

export function toSingleChannel(data: Buffer, channels: number): Uint8Array {
  if (channels === 1) return new Uint8Array(data.buffer, data.byteOffset, data.length);
  const out = new Uint8Array(data.length / channels);
  for (let i = 0; i < out.length; i += 1) out[i] = data[i * channels]!;
  return out;
}

export function graySharp(g: Gray): Sharp {
  return sharp(Buffer.from(g.data.buffer, g.data.byteOffset, g.data.length), {
    raw: { width: g.width, height: g.height, channels: 1 },
  });
}

export async function resizeGray(g: Gray, width: number): Promise<Gray> {
  if (width >= g.width) return g;
  const height = Math.max(1, Math.round((g.height * width) / g.width));
  const { data, info } = await graySharp(g).resize(width, height).raw().toBuffer({ resolveWithObject: true });
  return { data: toSingleChannel(data, info.channels), width: info.width, height: info.height };
}

export async function rotateGray(g: Gray, degrees: number): Promise<Gray> {
  const { data, info } = await graySharp(g)
    .rotate(degrees, { background: { r: 255, g: 255, b: 255 } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: toSingleChannel(data, info.channels), width: info.width, height: info.height };
}

// Capture-quality gate and image decoding: a sharp card photo with light degradations raises no issue
// (false retakes are costly), while a tiny image, heavy blur and a big glare spot each raise their own
// issue; decodeImage accepts only JPEG/PNG/WebP, applies EXIF orientation, bounds size, and reports
// unsupported, corrupt and oversized inputs with typed errors.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import bwipjs from 'bwip-js';
import sharp from 'sharp';
import { decodeImage, ImageError, toGray } from '../../apps/identity/src/verification/images/decode-image.ts';
import * as degrade from '../../apps/identity/src/verification/images/degrade.ts';
import {
  assessQuality,
  blurScore,
  DEFAULT_QUALITY_THRESHOLDS,
  glareFraction,
} from '../../apps/identity/src/verification/images/image-quality.ts';
import { svgText } from '../../apps/identity/src/verification/specimens/text-paths.ts';

/** A 1012×638 card back with printed text and a PDF417 in its lower part. */
async function cardBack(): Promise<Buffer> {
  const barcode = bwipjs
    .toSVG({
      bcid: 'pdf417',
      text: 'ANSI 636025100002DL DAQ P12345678 DCS SPECIMEN DAC MARIA DBB 04151990 DAG 1234 SAMPLE ST',
      columns: 10,
      eclevel: 5,
      backgroundcolor: 'FFFFFF',
      padding: 0,
    } as Parameters<typeof bwipjs.toSVG>[0])
    .replace(/^<\?xml[^>]*>/, '')
    .replace('<svg ', '<svg x="56" y="330" width="900" height="250" preserveAspectRatio="none" ');
  const lines = [
    'ORGAN DONOR - VETERAN',
    'This card is the property of the issuing state.',
    'DD 22243A1234567890  ISS 08/31/2022  CLASS C',
    'RESTRICTIONS: CORRECTIVE LENSES',
  ];
  const text = lines.map((t, i) =>
    svgText(t, { font: i ? 'sans' : 'sans-bold', size: 24, x: 40, y: 60 + 40 * i, fill: '#333' }),
  );
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="1012" height="638">` +
    `<rect width="100%" height="100%" rx="34" fill="#eef1f4"/>${text.join('')}${barcode}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

let card: Buffer;
let photo: Buffer; // the card tilted on a wooden table, 1687×1265

before(async () => {
  card = await cardBack();
  photo = await degrade.onBusyBackground(card, { seed: 3, scale: 0.6, angle: 6 });
});

const quality = async (bytes: Buffer, kind: 'card' | 'passport' | 'selfie' = 'card') =>
  assessQuality(await decodeImage(bytes), kind);

describe('assessQuality', () => {
  it('raises nothing for a sharp photo, nor for light degradations', async () => {
    const variants: [string, Buffer][] = [
      ['sharp', photo],
      ['card only, tilted', await degrade.rotate(card, -8)],
      ['jpeg q40', await degrade.jpeg(photo, 40)],
      ['blur σ1', await degrade.blur(photo, 1)],
      ['uneven light', await degrade.unevenLight(photo, 0.5)],
      ['keystone', await degrade.perspective(photo, 0.1)],
      ['×0.5', await degrade.downscale(photo, 0.5)],
      ['faint glare', await degrade.glare(photo, { x: 0.5, y: 0.5, radius: 0.15, strength: 0.5 })],
      ['cloth background', await degrade.onBusyBackground(card, { seed: 1, scale: 0.6, angle: -4 })],
      ['clutter background', await degrade.onBusyBackground(card, { seed: 2, scale: 0.6, angle: 12 })],
    ];
    for (const [name, bytes] of variants) {
      const report = await quality(bytes);
      assert.deepEqual(report.issues, [], `${name}: ${JSON.stringify(report.metrics)}`);
    }
  });

  it('flags a tiny image as too small', async () => {
    const report = await quality(await degrade.downscale(photo, 0.3));
    assert.ok(report.issues.includes('image_too_small'), JSON.stringify(report));
    assert.ok(report.metrics.height < DEFAULT_QUALITY_THRESHOLDS.minShortSide.card);
  });

  it('flags heavy blur, and blur grows monotonically worse', async () => {
    const scores: number[] = [];
    for (const sigma of [0, 1.5, 3, 6]) {
      const bytes = sigma ? await degrade.blur(photo, sigma) : photo;
      scores.push(blurScore(await decodeImage(bytes)));
    }
    for (let i = 1; i < scores.length; i++)
      assert.ok(scores[i]! < scores[i - 1]!, `scores ${scores.join(', ')}`);
    for (const bytes of [
      await degrade.blur(photo, 6),
      await degrade.blur(await degrade.rotate(card, 3), 4),
    ]) {
      const report = await quality(bytes);
      assert.deepEqual(report.issues, ['image_blurry'], JSON.stringify(report.metrics));
    }
  });

  it('flags a big glare spot, on the card alone and on a table', async () => {
    const onCard = await degrade.glare(card, { x: 0.5, y: 0.45, radius: 0.35, strength: 1 });
    const onTable = await degrade.glare(photo, { x: 0.5, y: 0.5, radius: 0.25, strength: 1 });
    for (const bytes of [onCard, onTable]) {
      const report = await quality(bytes);
      assert.deepEqual(report.issues, ['image_glare'], JSON.stringify(report.metrics));
    }
  });

  it('measures glare within the card box when one is given', async () => {
    const img = await decodeImage(await degrade.glare(photo, { x: 0.5, y: 0.5, radius: 0.2, strength: 1 }));
    const whole = glareFraction(img);
    // Where onBusyBackground put the card is not exposed; the central half of the frame is a fair stand-in.
    const box = { x: img.width / 4, y: img.height / 4, width: img.width / 2, height: img.height / 2 };
    assert.ok(glareFraction(img, box) > whole * 1.5, `${glareFraction(img, box)} vs ${whole}`);
    assert.equal(glareFraction(await decodeImage(photo)), 0);
  });

  it('works on a gray buffer too and ignores glare for selfies', async () => {
    const img = await decodeImage(photo);
    assert.ok(Math.abs(blurScore(toGray(img)) - blurScore(img)) < 0.01);
    const glary = await decodeImage(await degrade.glare(photo, { x: 0.5, y: 0.5, radius: 0.3, strength: 1 }));
    assert.deepEqual(assessQuality(glary, 'selfie').issues, []);
  });
});

describe('decodeImage', () => {
  it('rejects bytes that are not JPEG, PNG or WebP', async () => {
    for (const bytes of [
      Buffer.from('this is not an image at all'),
      Buffer.from('%PDF-1.7\n1 0 obj'),
      await sharp(card).gif().toBuffer(),
      await sharp(card).tiff().toBuffer(),
      Buffer.alloc(0),
    ]) {
      await assert.rejects(
        decodeImage(bytes),
        (e: unknown) => e instanceof ImageError && e.code === 'unsupported_format',
      );
    }
  });

  it('reports a truncated JPEG or PNG as unreadable', async () => {
    const jpeg = await sharp(card).jpeg().toBuffer();
    const png = await sharp(card).png().toBuffer();
    for (const bytes of [
      jpeg.subarray(0, Math.round(jpeg.length * 0.6)),
      png.subarray(0, 200),
      jpeg.subarray(0, 4),
    ]) {
      await assert.rejects(
        decodeImage(bytes),
        (e: unknown) => e instanceof ImageError && e.code === 'unreadable_image',
      );
    }
  });

  it('refuses files over 15 MB and images over 40 megapixels before decoding them', async () => {
    const huge = Buffer.concat([await sharp(card).png().toBuffer(), Buffer.alloc(15 * 1024 * 1024)]);
    await assert.rejects(
      decodeImage(huge),
      (e: unknown) => e instanceof ImageError && e.code === 'image_too_large',
    );
    const giant = await sharp({ create: { width: 8000, height: 5200, channels: 3, background: '#ffffff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    await assert.rejects(
      decodeImage(giant),
      (e: unknown) => e instanceof ImageError && e.code === 'image_too_large',
    );
  });

  it('applies EXIF orientation, downsizes to maxSide and returns 3-channel RGB', async () => {
    const rotatedJpeg = await sharp(card).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const upright = await decodeImage(rotatedJpeg);
    assert.deepEqual([upright.width, upright.height], [638, 1012]);
    const small = await decodeImage(await sharp(photo).webp().toBuffer(), { maxSide: 800 });
    assert.equal(Math.max(small.width, small.height), 800);
    assert.equal(small.data.length, small.width * small.height * 3);
    const gray = toGray(small);
    assert.equal(gray.data.length, small.width * small.height);
  });
});

// PDF417 reading on simulated captures: an AAMVA-like payload (LF/RS/CR separators) is printed with bwip-js
// on a synthetic card back, the card is degraded (rotation ±15°, blur, JPEG 40, glare, uneven light,
// keystone, busy background, ×0.5 downscale) and every cell must decode to the exact payload. Also checks
// the card locator, the degradations' determinism and that a barcode-free image reads as null.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import bwipjs from 'bwip-js';
import sharp from 'sharp';
import { decodeImage, toGray } from '../../apps/identity/src/verification/images/decode-image.ts';
import * as degrade from '../../apps/identity/src/verification/images/degrade.ts';
import { locateCard, ID1_ASPECT } from '../../apps/identity/src/verification/images/locate-card.ts';
import { readPdf417 } from '../../apps/identity/src/verification/barcode/read-pdf417.ts';
import { decodePdf417Gray, loadZxing } from '../../apps/identity/src/verification/barcode/zxing-reader.ts';
import { svgText } from '../../apps/identity/src/verification/specimens/text-paths.ts';

/** An AAMVA version 10 style payload with correct subfile offsets (~420 bytes). */
function aamvaPayload(documentNumber: string): string {
  const dl = [
    'DCAD',
    'DCBNONE',
    'DCDNONE',
    'DBA08312030',
    "DCSO'BRIEN-GARCIA",
    'DACMARIA',
    'DADELENA',
    'DBD08312022',
    'DBB04151990',
    'DBC2',
    'DAYBRO',
    'DAU065 IN',
    'DAG1234 SAMPLE STREET APT 5',
    'DAIANYTOWN',
    'DAJPA',
    'DAK171010000  ',
    `DAQ${documentNumber}`,
    'DCF83D9BN217QO983B1',
    'DCGUSA',
    'DDEN',
    'DDFN',
    'DDGN',
    'DAZBRO',
    'DCIANYTOWN, PA',
    'DCJ2022083100001',
    'DCK22243A1234567890',
    'DDAF',
    'DDB08292017',
    'DAW150',
    'DDK1',
  ];
  const dlBody = `DL${dl.join('\n')}\r`;
  const zpBody = 'ZPZPAY\nZPBCORRECTIVE LENSES\r';
  const headerLength = 21 + 2 * 10;
  const n4 = (n: number) => String(n).padStart(4, '0');
  const header =
    `@\n\x1e\rANSI 636025100002` +
    `DL${n4(headerLength)}${n4(dlBody.length)}ZP${n4(headerLength + dlBody.length)}${n4(zpBody.length)}`;
  return header + dlBody + zpBody;
}

/** A 1012×638 card back: fine print at the top, the PDF417 in the lower 60%, rounded transparent corners. */
async function cardBack(payload: string): Promise<Buffer> {
  const W = 1012;
  const H = 638;
  const barcode = bwipjs.toSVG({
    bcid: 'pdf417',
    text: payload,
    columns: 13,
    eclevel: 5,
    backgroundcolor: 'FFFFFF',
    padding: 0,
  } as Parameters<typeof bwipjs.toSVG>[0]);
  const [, , bw, bh] = /viewBox="([^"]+)"/.exec(barcode)![1]!.split(' ').map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const width = 900;
  const height = Math.min(320, (width * bh) / bw);
  const nested = barcode
    .replace(/^<\?xml[^>]*>/, '')
    .replace(
      '<svg ',
      `<svg x="${(W - width) / 2}" y="${H - height - 40}" width="${width}" height="${height}" preserveAspectRatio="none" `,
    );
  const text = [
    svgText('ORGAN DONOR - VETERAN', { font: 'sans-bold', size: 22, x: 40, y: 50, fill: '#333' }),
    svgText('This card is the property of the issuing state. SPECIMEN', {
      font: 'sans',
      size: 18,
      x: 40,
      y: 85,
    }),
    svgText('DD 22243A1234567890  ISS 08/31/2022', { font: 'mono', size: 18, x: 40, y: 115, fill: '#444' }),
    svgText('SPECIMEN', { font: 'sans-bold', size: 40, x: 700, y: 150, fill: '#c33', opacity: 0.5 }),
  ].join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">` +
    `<rect width="100%" height="100%" rx="34" fill="#f3f5f7"/><rect y="170" width="${W}" height="6" fill="#8ab"/>` +
    `${text}${nested}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const PAYLOAD = aamvaPayload('P12345678');
let card: Buffer;

before(async () => {
  card = await cardBack(PAYLOAD);
  await loadZxing();
});

describe('zxing reader', () => {
  it('returns the payload byte for byte, control characters included', async () => {
    assert.ok(PAYLOAD.length > 300 && PAYLOAD.length < 500, `payload is ${PAYLOAD.length} bytes`);
    const hit = await decodePdf417Gray(toGray(await decodeImage(card)));
    assert.ok(hit, 'the clean card decodes');
    assert.equal(hit.text, PAYLOAD);
    assert.ok(hit.text.startsWith('@\n\x1e\rANSI '));
    assert.ok(hit.uec > 0.5, `unused error correction ${hit.uec}`);
  });
});

describe('readPdf417 over a degradation grid', () => {
  type Make = (img: Buffer) => Promise<Buffer>;
  const extras: [string, Make][] = [
    ['plain', async (img) => img],
    ['blur σ1.5', (img) => degrade.blur(img, 1.5)],
    ['jpeg q40', (img) => degrade.jpeg(img, 40)],
    ['glare', (img) => degrade.glare(img, { x: 0.45, y: 0.65, radius: 0.2, strength: 0.85 })],
    ['uneven light', (img) => degrade.unevenLight(img, 0.5)],
    ['perspective', (img) => degrade.perspective(img, 0.12)],
    ['downscale ×0.5', (img) => degrade.downscale(img, 0.5)],
  ];
  const angles = [-15, -10, -5, 0, 5, 10, 15];

  it('decodes every cell of rotation × degradation exactly', async () => {
    const failures: string[] = [];
    const times: number[] = [];
    for (const angle of angles) {
      const rotated = angle ? await degrade.rotate(card, angle) : card;
      for (const [name, make] of extras) {
        const photo = await make(rotated);
        const result = await readPdf417(await decodeImage(photo));
        times.push(result?.ms ?? Infinity);
        if (result?.text !== PAYLOAD)
          failures.push(`${angle}° ${name}: ${result ? 'wrong text' : 'not found'}`);
      }
    }
    assert.deepEqual(failures, []);
    times.sort((a, b) => a - b);
    assert.ok(
      times[Math.floor(times.length / 2)]! < 1000,
      `median ${times[Math.floor(times.length / 2)]} ms`,
    );
  });

  it('decodes a card on busy backgrounds (wood, cloth, clutter), tilted, with JPEG and blur', async () => {
    const failures: string[] = [];
    for (const seed of [0, 1, 2, 3, 4, 5]) {
      for (const angle of [-12, 0, 9]) {
        let photo = await degrade.onBusyBackground(card, { seed, scale: 0.6, angle });
        if (seed % 2) photo = await degrade.jpeg(await degrade.blur(photo, 1), 40);
        const result = await readPdf417(photo);
        if (result?.text !== PAYLOAD)
          failures.push(`seed ${seed} ${angle}°: ${result ? 'wrong text' : 'not found'}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('decodes a small capture (busy background, tilted, then ×0.5)', async () => {
    const photo = await degrade.downscale(
      await degrade.onBusyBackground(card, { seed: 7, scale: 0.6, angle: 6 }),
      0.5,
    );
    const result = await readPdf417(photo);
    assert.equal(result?.text, PAYLOAD);
  });

  it('returns null, quickly enough, when there is no barcode', async () => {
    const blank = await degrade.onBusyBackground(
      await sharp({ create: { width: 1012, height: 638, channels: 3, background: '#eef0f2' } })
        .png()
        .toBuffer(),
      { seed: 2, scale: 0.6, angle: 5 },
    );
    const started = performance.now();
    const result = await readPdf417(blank);
    assert.equal(result, null);
    // The whole ladder ran; it must stay bounded (about 1 s here, generous for a loaded CI machine).
    assert.ok(performance.now() - started < 5000);
  });
});

describe('locateCard', () => {
  it('finds the card on busy backgrounds and returns an upright ID-1 crop', async () => {
    const misses: string[] = [];
    for (const seed of [0, 1, 2, 3]) {
      for (const angle of [-10, 4]) {
        const photo = await decodeImage(await degrade.onBusyBackground(card, { seed, scale: 0.6, angle }));
        const found = await locateCard(photo);
        if (!found) {
          misses.push(`seed ${seed} ${angle}°: not found`);
          continue;
        }
        const aspect = found.crop.width / found.crop.height;
        assert.ok(Math.abs(aspect - ID1_ASPECT) < 0.02, `crop aspect ${aspect}`);
        // The card is 1012 px wide on a 1687 px background: the box must be about that size.
        const expectedWidth =
          1012 * Math.cos((angle * Math.PI) / 180) + 638 * Math.abs(Math.sin((angle * Math.PI) / 180));
        if (Math.abs(found.box.width - expectedWidth) > 40)
          misses.push(`seed ${seed} ${angle}°: box ${found.box.width}`);
        if (Math.abs(found.angle - angle) > 2)
          misses.push(`seed ${seed} ${angle}°: angle ${found.angle.toFixed(1)}`);
      }
    }
    assert.deepEqual(misses, []);
  });
});

describe('degradations', () => {
  it('are deterministic for a seed', async () => {
    const a = await degrade.onBusyBackground(card, { seed: 11, scale: 0.6, angle: 3 });
    const b = await degrade.onBusyBackground(card, { seed: 11, scale: 0.6, angle: 3 });
    const c = await degrade.onBusyBackground(card, { seed: 12, scale: 0.6, angle: 3 });
    assert.ok(a.equals(b));
    assert.ok(!a.equals(c));
  });
});

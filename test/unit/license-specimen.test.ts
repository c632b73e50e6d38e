// Specimen license images, portraits and the generator: sizes and formats, 3:4 portraits, selfies of
// the selfie size, deterministic output for a seed (same bytes twice), and the files and truth the
// generator writes for a demo person. (Decoding the back's PDF417 is tested with the barcode reader.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  CARD_SIZE,
  renderLicenseBack,
  renderLicenseFront,
} from '../../apps/identity/src/verification/specimens/license-card.ts';
import {
  loadPortraitSources,
  portraitFor,
  selfieFor,
  PORTRAIT_SIZE,
  SELFIE_SIZE,
} from '../../apps/identity/src/verification/specimens/portraits.ts';
import { specimenPerson } from '../../apps/identity/src/verification/specimens/specimen-people.ts';
import { generateSpecimens } from '../../apps/identity/src/verification/specimens/generate-specimens.ts';

const NOW = new Date('2025-11-26T15:00:00Z');
const person = specimenPerson(7, { now: NOW });

async function meta(image: Buffer): Promise<{ format?: string; width?: number; height?: number }> {
  const m = await sharp(image).metadata();
  return { format: m.format, width: m.width, height: m.height };
}

describe('license card images', () => {
  it('renders a 1012×638 PNG front, with and without a portrait, deterministically', async () => {
    const portrait = await portraitFor(person.portraitIndex);
    const front = await renderLicenseFront(person.license, { portrait, seed: 3 });
    assert.deepEqual(await meta(front), { format: 'png', ...CARD_SIZE });
    assert.ok(front.equals(await renderLicenseFront(person.license, { portrait, seed: 3 })));
    assert.ok(!front.equals(await renderLicenseFront(person.license, { portrait, seed: 4 })));
    const silhouette = await renderLicenseFront({ ...person.license, documentType: 'ID' }, { seed: 3 });
    assert.deepEqual(await meta(silhouette), { format: 'png', ...CARD_SIZE });
    assert.ok(!silhouette.equals(front));
  });

  it('renders a 1012×638 PNG back whose barcode spans most of the card', async () => {
    const back = await renderLicenseBack(person.license, { seed: 3 });
    assert.deepEqual(await meta(back), { format: 'png', ...CARD_SIZE });
    assert.ok(back.equals(await renderLicenseBack(person.license, { seed: 3 })));
    // The PDF417 is black on white: find the extent of dark pixels in the barcode band.
    const { data, info } = await sharp(back)
      .extract({ left: 0, top: 80, width: CARD_SIZE.width, height: 150 })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    let minX = info.width;
    let maxX = 0;
    for (let y = 0; y < info.height; y += 1) {
      for (let x = 0; x < info.width; x += 1) {
        if (data[y * info.width + x]! < 60) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
        }
      }
    }
    const share = (maxX - minX) / CARD_SIZE.width;
    assert.ok(share > 0.8 && share < 0.92, `barcode spans ${share.toFixed(2)} of the width`);
  });
});

describe('portraits', () => {
  it('crops 3:4 portraits (300×400 PNG) for every source', async () => {
    const sources = await loadPortraitSources();
    assert.ok(sources.length >= 10);
    for (const [i] of sources.entries()) {
      assert.deepEqual(await meta(await portraitFor(i)), { format: 'png', ...PORTRAIT_SIZE });
    }
    const byId = await portraitFor(sources[1]!.id);
    assert.ok(byId.equals(await portraitFor(1)));
    assert.ok(byId.equals(await portraitFor(1 + sources.length)), 'indexes wrap around');
    await assert.rejects(portraitFor('no-such-face'), RangeError);
  });

  it('makes 640×800 JPEG selfies, the same bytes for the same seed', async () => {
    const a = await selfieFor(2, 11);
    assert.deepEqual(await meta(a), { format: 'jpeg', ...SELFIE_SIZE });
    assert.ok(a.equals(await selfieFor(2, 11)));
    assert.ok(!a.equals(await selfieFor(2, 12)));
    assert.ok(!a.equals(await portraitFor(2)));
  });
});

describe('generateSpecimens', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'specimens-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes a demo person's license set with truth matching their record, identically twice", async () => {
    const options = {
      outDir: dir,
      type: 'drivers-license',
      seed: 5,
      person: 'maria.garcia@example.com',
      now: NOW,
    } as const;
    const [written, ...rest] = await generateSpecimens(options);
    assert.equal(rest.length, 0);
    assert.ok(written);
    assert.equal(written.name, 'drivers-license-maria-garcia');
    assert.deepEqual((await readdir(dir)).sort(), [
      'drivers-license-maria-garcia-back.png',
      'drivers-license-maria-garcia-front.png',
      'drivers-license-maria-garcia-selfie.jpg',
      'drivers-license-maria-garcia-truth.json',
    ]);
    const truth = JSON.parse(await readFile(written.files.truth, 'utf8'));
    assert.deepEqual(truth, written.truth);
    assert.equal(truth.familyName, 'GARCIA');
    assert.equal(truth.givenNames, 'MARIA');
    assert.equal(truth.dateOfBirth, '1984-03-17');
    assert.deepEqual(truth.address, {
      street: '1200 MAPLE AVE APT 4B',
      city: 'SPRINGFIELD',
      state: 'IL',
      postalCode: '62704',
    });
    assert.equal(truth.documentType, 'drivers-license');
    assert.ok(truth.expirationDate > '2025-11-26');
    const first = await Promise.all(
      [written.files.front, written.files.back!, written.files.selfie].map((f) => readFile(f)),
    );
    await generateSpecimens({ ...options, person: 'Maria  Garcia' });
    const second = await Promise.all(
      [written.files.front, written.files.back!, written.files.selfie].map((f) => readFile(f)),
    );
    first.forEach((bytes, i) => assert.ok(bytes.equals(second[i]!), `file ${i} differs`));
  });

  it('rejects an unknown demo person', async () => {
    await assert.rejects(
      generateSpecimens({ outDir: dir, type: 'state-id', seed: 1, person: 'Nobody Here', now: NOW }),
      /no demo person/,
    );
  });
});

// Face analysis on the tfjs wasm backend (human, models from node_modules, loaded once for this file):
// only the needed models load; a portrait crop gives one face with a 1024-d embedding; a group photo gives
// several faces with boxes in the original pixels; blank and noise images give none; the same face
// transformed (document portrait vs selfie) matches and different people do not at DEFAULT_FACE_THRESHOLDS;
// selfie series are checked for face count, consistency and motion. Anti-spoof / liveness scores of
// genuine vs degraded crops are reported as diagnostics (catching spoofs is not asserted: see the report).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp, { type Sharp } from 'sharp';
import {
  analyzeFaces,
  analyzeSelfie,
  type DecodedImage,
  type FaceBox,
} from '../../apps/identity/src/verification/faces/face-analyzer.ts';
import {
  DEFAULT_FACE_THRESHOLDS,
  faceSimilarity,
} from '../../apps/identity/src/verification/faces/face-match.ts';
import {
  EXPECTED_MODELS,
  humanLoadInfo,
  openHuman,
  type HumanLike,
} from '../../apps/identity/src/verification/faces/human-loader.ts';
import {
  ATTACK_VARIANTS,
  DOCUMENT_VARIANTS,
  SELFIE_VARIANTS,
  cropFace,
  readDemoPhoto,
  readPortraitSources,
  type PortraitSource,
} from '../../bench/idv-face-pairs.ts';

const sources = readPortraitSources();
const source = (id: string): PortraitSource => {
  const found = sources.find((s) => s.id === id);
  assert.ok(found, `portrait source ${id} missing`);
  return found;
};

async function variant(id: string, name: string): Promise<DecodedImage> {
  const s = source(id);
  const make = DOCUMENT_VARIANTS[name] ?? SELFIE_VARIANTS[name] ?? ATTACK_VARIANTS[name];
  assert.ok(make, `variant ${name}`);
  return make(await readDemoPhoto(s.file), s.box, 1000 + sources.indexOf(s));
}

async function onlyFace(image: DecodedImage) {
  const { faces } = await analyzeFaces(image);
  assert.equal(faces.length, 1, 'expected exactly one face');
  return faces[0]!;
}

/** The largest face (wide crops of group photos can include a neighbour's face at the edge). */
async function mainFace(image: DecodedImage) {
  const { faces } = await analyzeFaces(image);
  assert.ok(faces[0], 'expected a face');
  return faces[0];
}

async function rgb(pipeline: Sharp): Promise<DecodedImage> {
  const { data, info } = await pipeline.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const raw = (img: DecodedImage) =>
  sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } });

function iou(a: FaceBox, b: FaceBox): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const inter = Math.max(0, w) * Math.max(0, h);
  return inter / (a.width * a.height + b.width * b.height - inter);
}

let human: HumanLike;

before(async () => {
  human = await openHuman();
});

describe('human loader', () => {
  it('loads once, on wasm, with only the face models', async () => {
    const again = await Promise.all([openHuman(), openHuman()]);
    assert.ok(again.every((h) => h === human));
    const info = humanLoadInfo();
    assert.ok(info);
    assert.equal(info.backend, 'wasm');
    assert.deepEqual(info.models, [...EXPECTED_MODELS].sort());
  });
});

describe('analyzeFaces', () => {
  it('finds one face with a 1024-d embedding in a portrait crop', async () => {
    const s = source('s1-f0');
    const crop = await cropFace(await readDemoPhoto(s.file), s.box, 0.6);
    const face = await onlyFace(crop);
    assert.equal(face.embedding.length, 1024);
    assert.ok(face.embedding.every(Number.isFinite));
    assert.ok(face.score > 0.5 && face.score <= 1, `score ${face.score}`);
    assert.ok(face.box.x >= 0 && face.box.y >= 0);
    assert.ok(face.box.x + face.box.width <= crop.width && face.box.y + face.box.height <= crop.height);
    // The face sits in the middle of the crop, about as wide as the source box.
    const cx = face.box.x + face.box.width / 2;
    assert.ok(Math.abs(cx - crop.width / 2) < crop.width * 0.15, `face centre ${cx} of ${crop.width}`);
    assert.ok(Math.abs(face.box.width - s.box.width) < s.box.width * 0.25);
  });

  it('finds several faces in a group photo, boxes in the original pixels', async () => {
    const photo = await readDemoPhoto('sample1.jpg');
    const { faces, ms } = await analyzeFaces(photo); // 1920 px, downscaled to 1280 inside
    assert.ok(faces.length >= 3, `found ${faces.length}`);
    assert.ok(ms > 0);
    for (const s of sources.filter((p) => p.file === 'sample1.jpg')) {
      const best = Math.max(...faces.map((f) => iou(f.box, s.box)));
      assert.ok(best > 0.6, `${s.id} best IoU ${best.toFixed(2)}`);
    }
  });

  it('finds no face in a blank or a noise image', async () => {
    const blank = { data: Buffer.alloc(640 * 480 * 3, 0xc0), width: 640, height: 480 };
    assert.equal((await analyzeFaces(blank)).faces.length, 0);
    let seed = 7;
    const noise = Buffer.alloc(480 * 480 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    assert.equal((await analyzeFaces({ data: noise, width: 480, height: 480 })).faces.length, 0);
  });

  it('rejects malformed pixel buffers', async () => {
    await assert.rejects(analyzeFaces({ data: Buffer.alloc(10), width: 4, height: 4 }), RangeError);
    await assert.rejects(analyzeFaces({ data: Buffer.alloc(0), width: 0, height: 0 }), RangeError);
  });

  it('leaks no tensors and gives the same result when calls overlap', async () => {
    const a = await variant('s6-f1', 'selfie-wide');
    const b = await variant('s5-f2', 'selfie-wide');
    const [sa, sb] = [await analyzeFaces(a), await analyzeFaces(b)];
    const before = human.tf.memory().numTensors;
    const [pa, pb] = await Promise.all([analyzeFaces(a), analyzeFaces(b)]);
    assert.equal(human.tf.memory().numTensors, before);
    assert.deepEqual(pa.faces[0]?.embedding, sa.faces[0]?.embedding);
    assert.deepEqual(pb.faces[0]?.embedding, sb.faces[0]?.embedding);
  });
});

describe('face matching at DEFAULT_FACE_THRESHOLDS', () => {
  const { match } = DEFAULT_FACE_THRESHOLDS;

  it('is pure and symmetric, 1 for identical embeddings', () => {
    const a = Float32Array.from({ length: 1024 }, (_, i) => Math.sin(i) * 0.5);
    const b = Float32Array.from({ length: 1024 }, (_, i) => Math.cos(i) * 0.5);
    assert.equal(faceSimilarity(a, a), 1);
    assert.equal(faceSimilarity(a, b), faceSimilarity(b, a));
    assert.ok(faceSimilarity(a, b) < 1);
    assert.equal(faceSimilarity(a, b.subarray(0, 512)), 0);
  });

  it('matches the same face as a printed document portrait and as a selfie', async (t) => {
    const cases: [string, string, string][] = [
      ['s1-f0', 'doc-print-photo', 'selfie-wide'],
      ['s3-f2', 'doc-gray-print', 'selfie-mirrored-rotated-cool'],
      ['s6-f2', 'doc-desaturated-small', 'selfie-blur'],
      ['s5-f3', 'doc-clean', 'selfie-dark-noisy-rotated'],
    ];
    for (const [id, doc, selfie] of cases) {
      const score = faceSimilarity(
        (await onlyFace(await variant(id, doc))).embedding,
        (await mainFace(await variant(id, selfie))).embedding,
      );
      t.diagnostic(`${id} ${doc} × ${selfie}: ${score}`);
      assert.ok(score >= match, `${id} ${doc} × ${selfie} scored ${score} < ${match}`);
    }
  });

  it('does not match different people', async (t) => {
    const ids = ['s1-f0', 's3-f2', 's5-f3', 's6-f2', 's4-f1'];
    const docs = await Promise.all(
      ids.map(async (id) => (await onlyFace(await variant(id, 'doc-clean'))).embedding),
    );
    const selfies = await Promise.all(
      ids.map(async (id) => (await mainFace(await variant(id, 'selfie-wide'))).embedding),
    );
    let highest = 0;
    for (let i = 0; i < ids.length; i++) {
      for (let j = 0; j < ids.length; j++) {
        if (i === j) continue;
        const score = faceSimilarity(docs[i]!, selfies[j]!);
        highest = Math.max(highest, score);
        assert.ok(score < match, `${ids[i]} vs ${ids[j]} scored ${score} ≥ ${match}`);
      }
    }
    t.diagnostic(`highest impostor score among ${ids.length * (ids.length - 1)} pairs: ${highest}`);
  });
});

describe('analyzeSelfie', () => {
  it('accepts one image', async () => {
    const result = await analyzeSelfie([await variant('s6-f1', 'selfie-wide')]);
    assert.equal(result.faceCount, 1);
    assert.ok(result.face);
    assert.equal(result.consistent, true);
    assert.equal(result.motion, false);
    assert.ok(result.liveness >= 0 && result.liveness <= 1);
  });

  it('sees motion and one person across a short series, and no motion in copies', async () => {
    const s = source('s6-f1');
    const photo = await readDemoPhoto(s.file);
    const frames = await Promise.all(
      [0, 12, 24].map((dx) =>
        cropFace(photo, { ...s.box, x: s.box.x + dx }, 0.6).then((f) =>
          rgb(raw(f).resize(400, 500, { fit: 'fill' })),
        ),
      ),
    );
    const series = await analyzeSelfie(frames);
    assert.equal(series.frames.length, 3);
    assert.equal(series.faceCount, 1);
    assert.equal(series.consistent, true);
    assert.equal(series.motion, true);
    const copies = await analyzeSelfie([frames[0]!, frames[0]!]);
    assert.equal(copies.motion, false);
  });

  it('flags a series showing different people, and counts faces in a group', async () => {
    const a = await variant('s6-f1', 'selfie-wide');
    const b = await rgb(
      raw(await variant('s1-f0', 'selfie-wide')).resize(a.width, a.height, { fit: 'fill' }),
    );
    const mixed = await analyzeSelfie([a, b]);
    assert.equal(mixed.consistent, false);
    const group = await analyzeSelfie([await readDemoPhoto('sample6.jpg')]);
    assert.ok(group.faceCount >= 2);
    assert.equal(group.face, undefined);
  });
});

describe('anti-spoof and liveness (reported, not asserted as spoof detection)', () => {
  it('scores genuine crops and crude attacks within 0..1', async (t) => {
    const rows: string[] = [];
    for (const id of ['s1-f0', 's6-f1', 's5-f3']) {
      for (const kind of ['selfie-wide', 'attack-print-photo', 'attack-screen-replay']) {
        const f = (await analyzeFaces(await variant(id, kind))).faces[0];
        if (kind === 'selfie-wide') assert.ok(f, `${id}: no face in the genuine selfie`);
        for (const v of [f?.real, f?.live]) assert.ok(v === undefined || (v >= 0 && v <= 1));
        rows.push(`${id} ${kind}: ${f ? `real ${f.real} live ${f.live}` : 'no face detected'}`);
      }
    }
    for (const row of rows) t.diagnostic(row);
  });
});

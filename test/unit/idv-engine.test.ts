// The identity-verification engine's orchestration and decisions, table-driven, with scripted
// analysers (no models): which check fails with which code, retry vs fail, "not verified" kept apart
// from "analysis unavailable", the ghost portrait, and pixels and embeddings wiped after the decision.
// The real analysers on generated specimens are tested in test/integration/idv-engine-specimens.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createIdvEngine,
  type IdvInput,
  type IdvResult,
} from '../../apps/identity/src/verification/engine/idv-engine.ts';
import type {
  DecodedImage,
  FaceFound,
  IdvAnalyzers,
  QualityReport,
  SelfieFound,
} from '../../apps/identity/src/verification/engine/idv-analyzers.ts';
import { ImageError } from '../../apps/identity/src/verification/images/decode-image.ts';
import {
  encodeAamva,
  type LicenseData,
} from '../../apps/identity/src/verification/specimens/aamva-encoder.ts';
import {
  buildTd3Mrz,
  type PassportSpecimen,
} from '../../apps/identity/src/verification/specimens/passport-page.ts';
import { parseMrz } from '../../apps/identity/src/verification/documents/mrz.ts';

const NOW = new Date('2026-11-26T12:00:00Z');
const CONFIG = {
  faceMatchThreshold: 0.6,
  livenessThreshold: 0.5,
  minimumAge: 18,
  printedTextCheck: 'off' as const,
  maxImageSide: 2000,
};

const LICENSE: LicenseData = {
  documentType: 'DL',
  familyName: 'GARCIA',
  givenName: 'MARIA',
  middleName: 'ELENA',
  dateOfBirth: '1984-03-17',
  issueDate: '2022-05-01',
  expirationDate: '2030-03-17',
  documentNumber: 'G12345678901',
  sex: 'F',
  eyeColor: 'BRO',
  heightInches: 64,
  address: { street: '1200 MAPLE AVE APT 4B', city: 'SPRINGFIELD', state: 'IL', postalCode: '62704' },
  documentDiscriminator: 'DD0012345',
};
const PASSPORT: PassportSpecimen = {
  surname: 'WILSON',
  givenNames: 'JAMES',
  documentNumber: 'A12345678',
  nationality: 'USA',
  dateOfBirth: '1990-11-02',
  sex: 'M',
  placeOfBirth: 'MAINE, U.S.A.',
  issueDate: '2020-01-10',
  expirationDate: '2030-01-09',
};

const embedding = (seed: number) => Float32Array.from({ length: 8 }, (_, i) => Math.sin(seed * (i + 1)));
const face = (width: number, seed = 1, extra: Partial<FaceFound> = {}): FaceFound => ({
  box: { x: 10, y: 10, width, height: width * 1.2 },
  score: 0.9,
  embedding: embedding(seed),
  real: 0.9,
  live: 0.9,
  ...extra,
});

interface Script {
  decode?: (bytes: Uint8Array) => DecodedImage;
  quality?: Partial<Record<'front' | 'back', QualityReport['issues']>>;
  barcode?: string | null;
  mrz?: readonly string[] | null;
  portraitFaces?: readonly FaceFound[];
  selfie?: Partial<SelfieFound>;
  similarity?: number;
  throwIn?: 'faces' | 'barcode';
  /** Whether a card is found in the photo (default: yes). */
  card?: boolean;
}

function pixels(tag: number): DecodedImage {
  return { data: Buffer.alloc(12, tag), width: 2, height: 2 };
}

/** Scripted analysers; images are told apart by their first byte: 1 front, 2 back, 3 selfie. */
function analyzers(
  script: Script,
  seen: { images: DecodedImage[]; embeddings: Float32Array[] },
): IdvAnalyzers {
  return {
    decode: async (bytes) => {
      const image = script.decode ? script.decode(bytes) : pixels(bytes[0] ?? 0);
      seen.images.push(image);
      return image;
    },
    quality: (image) => ({
      issues: (image.data[0] === 1 ? script.quality?.front : script.quality?.back) ?? [],
      metrics: { width: image.width },
    }),
    locateCard: async (image) =>
      script.card === false
        ? null
        : { crop: pixels(image.data[0] ?? 0), angle: 0, box: { x: 0, y: 0, width: 2, height: 2 } },
    readBarcode: async () => {
      if (script.throwIn === 'barcode') throw new Error('wasm failed to load');
      const text = script.barcode === undefined ? encodeAamva(LICENSE) : script.barcode;
      return text === null ? null : { text, strategy: 'as-is' };
    },
    readMrz: async () => {
      const lines = script.mrz === undefined ? buildTd3Mrz(PASSPORT) : script.mrz;
      return lines === null ? null : { lines: [...lines], result: parseMrz(lines, { referenceDate: NOW }) };
    },
    readPrintedText: async () => ({ text: '' }),
    faces: async () => {
      if (script.throwIn === 'faces') throw new Error('model file missing');
      const faces = script.portraitFaces ?? [face(200)];
      seen.embeddings.push(...faces.map((f) => f.embedding));
      return faces;
    },
    selfie: async () => {
      const found: SelfieFound = {
        face: face(300, 2),
        faceCount: 1,
        liveness: 0.9,
        consistent: true,
        motion: false,
        ...script.selfie,
      };
      if (found.face) seen.embeddings.push(found.face.embedding);
      return found;
    },
    similarity: () => script.similarity ?? 0.8,
    close: async () => {},
  };
}

const FRONT = Uint8Array.of(1);
const BACK = Uint8Array.of(2);
const SELFIE = Uint8Array.of(3);

async function analyze(script: Script, input: Partial<IdvInput> = {}) {
  const seen = { images: [] as DecodedImage[], embeddings: [] as Float32Array[] };
  const engine = createIdvEngine(CONFIG, analyzers(script, seen));
  const result = await engine.analyze({ type: 'drivers-license', front: FRONT, back: BACK, ...input }, NOW);
  return { result, seen };
}

function completed(result: IdvResult) {
  assert.equal(result.analysis, 'completed');
  return result as Extract<IdvResult, { analysis: 'completed' }>;
}

const check = (result: IdvResult, name: string) => completed(result).checks.find((c) => c.name === name);

describe('identity-verification engine: decisions', () => {
  const cases: {
    name: string;
    script: Script;
    input?: Partial<IdvInput>;
    decision: string;
    reason?: string;
  }[] = [
    { name: 'a valid licence, front and back', script: {}, decision: 'pass' },
    {
      name: 'a valid licence with a matching live selfie',
      script: {},
      input: { selfie: [SELFIE] },
      decision: 'pass',
    },
    {
      name: 'no barcode found on a blurry back',
      script: { barcode: null, quality: { back: ['image_blurry'] } },
      decision: 'retry',
      reason: 'image_blurry',
    },
    {
      name: 'no barcode found on a good photo',
      script: { barcode: null },
      decision: 'retry',
      reason: 'barcode_not_found',
    },
    {
      name: 'no card at all in a good photo of the back',
      script: { barcode: null, card: false },
      decision: 'retry',
      reason: 'card_not_found',
    },
    {
      name: 'no card and no face in a good photo of the front',
      script: { portraitFaces: [], card: false },
      decision: 'retry',
      reason: 'card_not_found',
    },
    {
      name: 'a barcode that is not AAMVA data',
      script: { barcode: 'hello' },
      decision: 'retry',
      reason: 'barcode_unparseable',
    },
    {
      name: 'an expired licence',
      script: { barcode: encodeAamva({ ...LICENSE, expirationDate: '2025-01-01' }) },
      decision: 'fail',
      reason: 'document_expired',
    },
    {
      name: 'a 17-year-old',
      script: { barcode: encodeAamva({ ...LICENSE, dateOfBirth: '2009-06-01' }) },
      decision: 'fail',
      reason: 'under_minimum_age',
    },
    {
      name: 'a birth date in the future',
      script: { barcode: encodeAamva({ ...LICENSE, dateOfBirth: '2027-01-01' }) },
      decision: 'fail',
      reason: 'birth_date_in_future',
    },
    {
      name: 'an Illinois IIN on a Texas address',
      script: {
        barcode: encodeAamva({ ...LICENSE, address: { ...LICENSE.address, state: 'TX' } }, { iin: '636035' }),
      },
      decision: 'fail',
      reason: 'issuer_mismatch',
    },
    {
      name: 'a state ID offered as a licence',
      script: { barcode: encodeAamva({ ...LICENSE, documentType: 'ID' }) },
      decision: 'retry',
      reason: 'document_type_mismatch',
    },
    {
      name: 'no portrait on the front',
      script: { portraitFaces: [] },
      decision: 'retry',
      reason: 'portrait_not_found',
    },
    {
      name: 'no portrait on a glary front',
      script: { portraitFaces: [], quality: { front: ['image_glare'] } },
      decision: 'retry',
      reason: 'image_glare',
    },
    {
      name: 'a ghost portrait beside the portrait',
      script: { portraitFaces: [face(200), face(80, 1)] },
      decision: 'pass',
    },
    {
      name: 'two portrait-sized faces',
      script: { portraitFaces: [face(200), face(180, 3)] },
      decision: 'retry',
      reason: 'portrait_multiple_faces',
    },
    {
      name: 'a selfie with no face',
      script: { selfie: { face: undefined, faceCount: 0 } },
      input: { selfie: [SELFIE] },
      decision: 'retry',
      reason: 'selfie_no_face',
    },
    {
      name: 'a selfie with two people',
      script: { selfie: { faceCount: 2 } },
      input: { selfie: [SELFIE] },
      decision: 'retry',
      reason: 'selfie_multiple_faces',
    },
    {
      name: 'selfie frames of different people',
      script: { selfie: { consistent: false } },
      input: { selfie: [SELFIE, SELFIE] },
      decision: 'retry',
      reason: 'selfie_multiple_faces',
    },
    {
      name: 'a selfie that is not live',
      script: { selfie: { liveness: 0.2 } },
      input: { selfie: [SELFIE] },
      decision: 'retry',
      reason: 'selfie_not_live',
    },
    {
      name: 'a selfie of someone else',
      script: { similarity: 0.3 },
      input: { selfie: [SELFIE] },
      decision: 'fail',
      reason: 'face_mismatch',
    },
    {
      name: 'someone else, not live either: fail wins over retry',
      script: { similarity: 0.3, selfie: { liveness: 0.2 } },
      input: { selfie: [SELFIE] },
      decision: 'fail',
      reason: 'face_mismatch',
    },
    {
      name: 'a licence without its back',
      script: {},
      input: { back: undefined },
      decision: 'retry',
      reason: 'image_unreadable',
    },
    {
      name: 'a front that is not an image',
      script: {
        decode: (bytes) => {
          if (bytes[0] === 1) throw new ImageError('unsupported_format', 'not an image');
          return pixels(bytes[0] ?? 0);
        },
      },
      decision: 'retry',
      reason: 'image_unsupported_format',
    },
    { name: 'a valid passport', script: {}, input: { type: 'passport', back: undefined }, decision: 'pass' },
    {
      name: 'a passport whose MRZ was not read',
      script: { mrz: null },
      input: { type: 'passport', back: undefined },
      decision: 'retry',
      reason: 'mrz_not_found',
    },
    {
      name: 'a passport MRZ with a wrong check digit',
      script: {
        mrz: [
          buildTd3Mrz(PASSPORT)[0],
          buildTd3Mrz(PASSPORT)[1].replace(/^(.{13})\d/, (_m, head: string) => `${head}0`),
        ],
      },
      input: { type: 'passport', back: undefined },
      decision: 'retry',
      reason: 'mrz_check_digit_failed',
    },
    {
      name: 'a passport issued by another country',
      script: {
        mrz: buildTd3Mrz(PASSPORT).map((line, i) => (i === 0 ? line.replace('P<USA', 'P<UTO') : line)),
      },
      input: { type: 'passport', back: undefined },
      decision: 'fail',
      reason: 'document_not_accepted',
    },
    {
      name: 'an expired passport',
      script: { mrz: buildTd3Mrz({ ...PASSPORT, expirationDate: '2024-01-09' }) },
      input: { type: 'passport', back: undefined },
      decision: 'fail',
      reason: 'document_expired',
    },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.decision}${c.reason ? ` (${c.reason})` : ''}`, async () => {
      const { result } = await analyze(c.script, c.input);
      const done = completed(result);
      assert.equal(done.decision, c.decision, JSON.stringify(done.checks));
      assert.equal(done.reason, c.reason);
    });
  }
});

describe('identity-verification engine: results', () => {
  it('reports the licence fields from the barcode, the checks and the face match', async () => {
    const { result } = await analyze({}, { selfie: [SELFIE] });
    const done = completed(result);
    assert.equal(done.document.source, 'barcode');
    assert.deepEqual(done.document.fields, {
      familyName: 'GARCIA',
      givenNames: 'MARIA ELENA',
      dateOfBirth: '1984-03-17',
      expirationDate: '2030-03-17',
      issueDate: '2022-05-01',
      documentNumber: 'G12345678901',
      sex: 'F',
      address: { street: '1200 MAPLE AVE APT 4B', city: 'SPRINGFIELD', state: 'IL', postalCode: '62704' },
      issuer: 'IL',
    });
    assert.deepEqual(done.face, { match: true, score: 0.8, liveness: 0.9 });
    assert.equal(check(result, 'issuer')?.status, 'pass');
    assert.ok(
      done.timings.total !== undefined &&
        done.timings.barcode !== undefined &&
        done.timings.selfie !== undefined,
    );
  });

  it('reports a passport’s fields from the MRZ, without an address', async () => {
    const { result } = await analyze({}, { type: 'passport', back: undefined });
    const fields = completed(result).document.fields;
    assert.equal(fields?.familyName, 'WILSON');
    assert.equal(fields?.documentNumber, 'A12345678');
    assert.equal(fields?.dateOfBirth, '1990-11-02');
    assert.equal(fields?.address, null);
  });

  it('an analyser that cannot run makes the analysis unavailable, not a failed verification', async () => {
    for (const [throwIn, stage] of [
      ['faces', 'portrait'],
      ['barcode', 'barcode'],
    ] as const) {
      const { result } = await analyze({ throwIn });
      assert.equal(result.analysis, 'unavailable');
      assert.equal(result.analysis === 'unavailable' && result.stage, stage);
      assert.equal('decision' in result, false);
    }
  });

  it('overwrites decoded pixels and face embeddings once the decision is made', async () => {
    const { seen } = await analyze({}, { selfie: [SELFIE] });
    assert.ok(seen.images.length >= 3 && seen.embeddings.length >= 2);
    for (const image of seen.images) assert.ok(image.data.every((byte) => byte === 0));
    for (const vector of seen.embeddings) assert.ok(vector.every((value) => value === 0));
  });

  it('also wipes them when the analysis is unavailable', async () => {
    const { seen } = await analyze({ throwIn: 'faces' });
    assert.ok(seen.images.length >= 2);
    for (const image of seen.images) assert.ok(image.data.every((byte) => byte === 0));
  });
});

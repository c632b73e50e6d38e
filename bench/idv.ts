// `npm run bench:idv [-- --quick]`: the identity-verification engine on generated specimens under a
// degradation grid (issue #5). Prints:
// - PDF417 decode + AAMVA parse rate and field accuracy over rotation 0–15° × blur, JPEG quality 40,
//   glare, uneven light, mild perspective, a busy background and downscaling (target ≥ 99%);
// - MRZ read rate (all check digits valid and fields equal to the truth) on passport pages and
//   passport-card backs under milder degradations;
// - whole verifications (front + back + selfie) through the engine: decisions, and per-stage latency
//   p50/p95 (target p95 ≤ 1.5 s);
// - face matching FNMR and FMR on pairs built from the package-shipped photos (target FNMR ≤ 2% at
//   FMR ≤ 0.1%), from bench/idv-face-pairs.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateSpecimens,
  type WrittenSpecimen,
} from '../apps/identity/src/verification/specimens/generate-specimens.ts';
import * as degrade from '../apps/identity/src/verification/images/degrade.ts';
import { decodeImage } from '../apps/identity/src/verification/images/decode-image.ts';
import { readPdf417 } from '../apps/identity/src/verification/barcode/read-pdf417.ts';
import { parseAamva } from '../apps/identity/src/verification/documents/aamva.ts';
import { readMrz } from '../apps/identity/src/verification/mrz-ocr/read-mrz.ts';
import { createIdvEngine } from '../apps/identity/src/verification/engine/idv-engine.ts';
import { localAnalyzers } from '../apps/identity/src/verification/engine/idv-analyzers.ts';
import { readIdvConfig } from '../apps/identity/src/verification/engine/idv-config.ts';
import { fieldsFromAamva, fieldsFromMrz } from '../apps/identity/src/verification/engine/document-fields.ts';
import { closeMrzWorker } from '../apps/identity/src/verification/mrz-ocr/tesseract-worker.ts';
import { measureFaceMatching } from './idv-face-pairs.ts';

const quick = process.argv.includes('--quick');
const NOW = new Date();
const out = mkdtempSync(join(tmpdir(), 'bench-idv-'));

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Cell = { name: string; apply: (bytes: Buffer) => Promise<Buffer> };
const rotations = quick ? [0, 7, -15] : [0, 5, -5, 10, -10, 15, -15];
const conditions: Cell[] = [
  { name: 'clean', apply: async (b) => b },
  { name: 'blur σ1.2', apply: (b) => degrade.blur(b, 1.2) },
  { name: 'jpeg q40', apply: (b) => degrade.jpeg(b, 40) },
  { name: 'glare', apply: (b) => degrade.glare(b, { x: 0.35, y: 0.6, radius: 0.25, strength: 0.85 }) },
  { name: 'uneven light', apply: (b) => degrade.unevenLight(b, 0.5) },
  { name: 'perspective', apply: (b) => degrade.perspective(b, 0.06) },
  { name: 'downscale 0.5', apply: (b) => degrade.downscale(b, 0.5) },
  { name: 'busy background', apply: (b) => degrade.onBusyBackground(b, { seed: b.length, scale: 0.6 }) },
];

function normalised(value: string | undefined | null): string {
  return (value ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function fieldScore(
  fields: ReturnType<typeof fieldsFromAamva> | ReturnType<typeof fieldsFromMrz>,
  truth: WrittenSpecimen['truth'],
): { right: number; total: number } {
  const pairs: [string | undefined, string | undefined][] = [
    [fields.familyName, truth.familyName],
    [fields.givenNames, truth.givenNames],
    [fields.dateOfBirth, truth.dateOfBirth],
    [fields.expirationDate, truth.expirationDate],
    [fields.documentNumber, truth.documentNumber],
  ];
  if (truth.address) {
    pairs.push(
      [fields.address?.street, truth.address.street],
      [fields.address?.city, truth.address.city],
      [fields.address?.state, truth.address.state],
      [fields.address?.postalCode.slice(0, 5), truth.address.postalCode.slice(0, 5)],
    );
  }
  return { right: pairs.filter(([a, b]) => normalised(a) === normalised(b)).length, total: pairs.length };
}

async function barcodeGrid(licences: WrittenSpecimen[]) {
  let decoded = 0;
  let cells = 0;
  let fieldsRight = 0;
  let fieldsTotal = 0;
  const failures = new Map<string, number>();
  const ms: number[] = [];
  for (const specimen of licences) {
    const back = readFileSync(specimen.files.back!);
    for (const angle of rotations) {
      const rotated = angle === 0 ? back : await degrade.rotate(back, angle);
      for (const condition of conditions) {
        cells += 1;
        const bytes = await condition.apply(rotated);
        const t0 = performance.now();
        const read = await readPdf417(await decodeImage(bytes));
        ms.push(performance.now() - t0);
        const parsed = read ? parseAamva(read.text) : undefined;
        if (parsed?.ok) {
          decoded += 1;
          const score = fieldScore(fieldsFromAamva(parsed.value, undefined), specimen.truth);
          fieldsRight += score.right;
          fieldsTotal += score.total;
        } else {
          const key = `${angle}° ${condition.name}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return { decoded, cells, fieldsRight, fieldsTotal, failures, ms };
}

const mrzConditions: Cell[] = [
  { name: 'clean', apply: async (b) => b },
  { name: 'rotate 3°', apply: (b) => degrade.rotate(b, 3) },
  { name: 'jpeg q40', apply: (b) => degrade.jpeg(b, 40) },
  { name: 'blur σ0.8', apply: (b) => degrade.blur(b, 0.8) },
  { name: 'glare', apply: (b) => degrade.glare(b, { x: 0.3, y: 0.3, radius: 0.2, strength: 0.8 }) },
  { name: 'downscale 0.7', apply: (b) => degrade.downscale(b, 0.7) },
];

async function mrzGrid(passports: WrittenSpecimen[]) {
  let read = 0;
  let cells = 0;
  let fieldsRight = 0;
  let fieldsTotal = 0;
  const ms: number[] = [];
  const failures = new Map<string, number>();
  for (const specimen of passports) {
    const book = specimen.type === 'passport';
    const source = readFileSync(book ? specimen.files.front : specimen.files.back!);
    for (const condition of quick ? mrzConditions.slice(0, 3) : mrzConditions) {
      cells += 1;
      const t0 = performance.now();
      const reading = await readMrz(await decodeImage(await condition.apply(source)), book ? 'TD3' : 'TD1');
      ms.push(performance.now() - t0);
      if (reading?.result.ok && reading.result.value.checkDigitsValid) {
        read += 1;
        const score = fieldScore(fieldsFromMrz(reading.result.value), specimen.truth);
        fieldsRight += score.right;
        fieldsTotal += score.total;
      } else {
        const key = `${specimen.type} ${condition.name}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
      }
    }
  }
  return { read, cells, fieldsRight, fieldsTotal, ms, failures };
}

/** The specimen as a phone photographs it: the card on a table, slightly turned, JPEG-compressed. */
async function photographed(specimen: WrittenSpecimen, selfie: WrittenSpecimen = specimen) {
  const onTable = async (file: string, seed: number, angle: number) =>
    degrade.jpeg(await degrade.onBusyBackground(readFileSync(file), { seed, scale: 0.7, angle }), 80);
  return {
    type: specimen.type,
    front: await onTable(specimen.files.front, 7, 4),
    ...(specimen.files.back ? { back: await onTable(specimen.files.back, 9, -6) } : {}),
    selfie: [readFileSync(selfie.files.selfie)],
  };
}

async function verifications(specimens: WrittenSpecimen[]) {
  const engine = createIdvEngine(readIdvConfig(process.env), localAnalyzers());
  const stages = new Map<string, number[]>();
  const decisions = new Map<string, number>();
  const genuine = { matched: 0, compared: 0 };
  const impostor = { matched: 0, compared: 0 };
  let firstMs = 0;
  try {
    for (const [index, specimen] of [specimens[0]!, ...specimens].entries()) {
      const result = await engine.analyze(await photographed(specimen), NOW);
      if (index === 0) {
        // The first verification loads the models and starts the OCR worker: reported on its own.
        firstMs = result.timings.total ?? 0;
        continue;
      }
      const key =
        result.analysis === 'unavailable'
          ? `unavailable (${result.stage})`
          : `${result.decision}${result.reason ? ` (${result.reason})` : ''}`;
      decisions.set(key, (decisions.get(key) ?? 0) + 1);
      for (const [stage, ms] of Object.entries(result.timings))
        stages.set(stage, [...(stages.get(stage) ?? []), ms]);
      if (result.analysis === 'completed' && result.face?.score !== undefined) {
        genuine.compared += 1;
        if (result.face.match) genuine.matched += 1;
      }
    }
    // Impostors: each document with the selfie of every specimen person whose face is another one.
    for (const specimen of specimens.slice(0, quick ? 4 : 12)) {
      for (const other of specimens) {
        if (other.truth.portraitId === specimen.truth.portraitId) continue;
        const result = await engine.analyze(await photographed(specimen, other), NOW);
        if (result.analysis === 'completed' && result.face?.score !== undefined) {
          impostor.compared += 1;
          if (result.face.match) impostor.matched += 1;
        }
      }
    }
  } finally {
    await engine.close();
  }
  return { stages, decisions, firstMs, genuine, impostor };
}

const started = performance.now();
console.log(`bench:idv${quick ? ' (quick)' : ''}: generating specimens in ${out}…`);
const people = quick ? 3 : 10;
const licences = [
  ...(await generateSpecimens({ outDir: out, type: 'drivers-license', seed: 101, count: people, now: NOW })),
  ...(await generateSpecimens({
    outDir: out,
    type: 'state-id',
    seed: 202,
    count: Math.ceil(people / 2),
    now: NOW,
  })),
];
const passports = [
  ...(await generateSpecimens({
    outDir: out,
    type: 'passport',
    seed: 303,
    count: Math.ceil(people / 2),
    now: NOW,
  })),
  ...(await generateSpecimens({
    outDir: out,
    type: 'passport-card',
    seed: 404,
    count: Math.ceil(people / 2),
    now: NOW,
  })),
];

const barcode = await barcodeGrid(licences);
console.log(
  `\nPDF417 decode + AAMVA parse: ${barcode.decoded}/${barcode.cells} = ${pct(barcode.decoded, barcode.cells)} (target ≥ 99%)`,
);
console.log(
  `  grid: ${licences.length} card backs × rotations ${rotations.join('/')}° × ${conditions.map((c) => c.name).join(', ')}`,
);
console.log(
  `  field accuracy on decoded cards: ${pct(barcode.fieldsRight, barcode.fieldsTotal)} of ${barcode.fieldsTotal} fields`,
);
console.log(
  `  read time p50 ${percentile(barcode.ms, 50).toFixed(0)} ms, p95 ${percentile(barcode.ms, 95).toFixed(0)} ms`,
);
if (barcode.failures.size > 0)
  console.log(`  failed cells: ${[...barcode.failures].map(([k, n]) => `${k} ×${n}`).join('; ')}`);

const mrz = await mrzGrid(passports);
console.log(`\nMRZ read (every check digit valid): ${mrz.read}/${mrz.cells} = ${pct(mrz.read, mrz.cells)}`);
console.log(
  `  field accuracy on read zones: ${pct(mrz.fieldsRight, mrz.fieldsTotal)} of ${mrz.fieldsTotal} fields`,
);
console.log(
  `  read time p50 ${percentile(mrz.ms, 50).toFixed(0)} ms, p95 ${percentile(mrz.ms, 95).toFixed(0)} ms`,
);
if (mrz.failures.size > 0)
  console.log(`  failed cells: ${[...mrz.failures].map(([k, n]) => `${k} ×${n}`).join('; ')}`);
await closeMrzWorker();

const full = await verifications([...licences, ...passports]);
console.log(
  `\nWhole verifications (front + back + selfie, cards photographed on a table, JPEG 80): ${[...full.decisions].map(([k, n]) => `${k}: ${n}`).join(', ')}`,
);
for (const [stage, values] of [...full.stages].sort((a, b) =>
  a[0] === 'total' ? 1 : b[0] === 'total' ? -1 : 0,
)) {
  console.log(
    `  ${stage.padEnd(13)} p50 ${String(percentile(values, 50)).padStart(5)} ms   p95 ${String(percentile(values, 95)).padStart(5)} ms`,
  );
}
console.log(
  `  (target: total p95 ≤ 1500 ms. Not counted: a first verification that loaded the models, ${full.firstMs} ms.`,
);
console.log(`   OCR of the printed front runs in tesseract's worker thread, alongside the face analysis.)`);

console.log(
  `  face match through the whole engine: genuine selfies matched ${full.genuine.matched}/${full.genuine.compared}` +
    ` (FNMR ${pct(full.genuine.compared - full.genuine.matched, full.genuine.compared)}),` +
    ` impostor selfies matched ${full.impostor.matched}/${full.impostor.compared} (FMR ${pct(full.impostor.matched, full.impostor.compared)})`,
);

const faces = await measureFaceMatching({ quick });
console.log(
  `\nFace matching: ${faces.genuinePairs} genuine pairs, ${faces.impostorPairs} impostor pairs, threshold ${faces.threshold}`,
);
console.log(
  `  FNMR ${(faces.fnmr * 100).toFixed(2)}%  FMR ${(faces.fmr * 100).toFixed(3)}%  (target FNMR ≤ 2% at FMR ≤ 0.1%)`,
);

rmSync(out, { recursive: true, force: true });
console.log(`\nbench:idv done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(0);

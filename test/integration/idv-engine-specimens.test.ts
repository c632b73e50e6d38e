// The identity-verification engine with its real analysers (sharp, zxing-wasm, tesseract.js,
// @vladmandic/human) on generated specimens, photographed the way people do: on a table, turned,
// compressed. One engine, loaded once, for the whole file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createIdvEngine,
  type IdvEngine,
  type IdvResult,
} from '../../apps/identity/src/verification/engine/idv-engine.ts';
import { localAnalyzers } from '../../apps/identity/src/verification/engine/idv-analyzers.ts';
import { readIdvConfig } from '../../apps/identity/src/verification/engine/idv-config.ts';
import {
  generateSpecimens,
  type WrittenSpecimen,
} from '../../apps/identity/src/verification/specimens/generate-specimens.ts';
import * as degrade from '../../apps/identity/src/verification/images/degrade.ts';

const NOW = new Date('2026-11-26T12:00:00Z');

function completed(result: IdvResult) {
  assert.equal(result.analysis, 'completed', JSON.stringify(result));
  return result as Extract<IdvResult, { analysis: 'completed' }>;
}
const summary = (result: IdvResult) =>
  JSON.stringify(completed(result).checks.filter((c) => c.status !== 'pass'));

describe('identity-verification engine on specimens', () => {
  let dir = '';
  let engine: IdvEngine;
  let licence: WrittenSpecimen;
  let stranger: WrittenSpecimen;
  let passport: WrittenSpecimen;
  let expired: WrittenSpecimen;
  const first = (written: WrittenSpecimen[]) => written[0]!;
  const file = (path: string | undefined) => readFileSync(path!);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'idv-engine-'));
    engine = createIdvEngine(readIdvConfig({}), localAnalyzers());
    licence = first(
      await generateSpecimens({
        outDir: dir,
        type: 'drivers-license',
        seed: 11,
        now: NOW,
        person: 'Linda Chen',
      }),
    );
    stranger = first(
      await generateSpecimens({
        outDir: join(dir, 'other'),
        type: 'drivers-license',
        seed: 12,
        now: NOW,
        person: 'Maria Garcia',
      }),
    );
    passport = first(await generateSpecimens({ outDir: dir, type: 'passport', seed: 13, now: NOW }));
    // Issued for someone twelve years ago: the licence has since expired.
    expired = first(
      await generateSpecimens({
        outDir: join(dir, 'old'),
        type: 'state-id',
        seed: 14,
        now: new Date('2014-06-01T00:00:00Z'),
      }),
    );
  });
  after(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("passes a demo person's licence photographed on a table, turned and compressed, with their selfie", async () => {
    assert.notEqual(
      licence.truth.portraitId,
      stranger.truth.portraitId,
      'the two demo people need different faces',
    );
    const front = await degrade.jpeg(
      await degrade.onBusyBackground(file(licence.files.front), { seed: 3, scale: 0.7, angle: 6 }),
      75,
    );
    const back = await degrade.jpeg(
      await degrade.onBusyBackground(file(licence.files.back), { seed: 4, scale: 0.7, angle: -9 }),
      75,
    );
    const result = completed(
      await engine.analyze(
        { type: 'drivers-license', front, back, selfie: [file(licence.files.selfie)] },
        NOW,
      ),
    );
    assert.equal(result.decision, 'pass', summary(result));
    assert.equal(result.document.fields?.familyName, licence.truth.familyName);
    assert.equal(result.document.fields?.dateOfBirth, licence.truth.dateOfBirth);
    assert.equal(result.document.fields?.documentNumber, licence.truth.documentNumber);
    assert.equal(result.face?.match, true);
  });

  it("fails someone else's selfie against the licence portrait", async () => {
    const result = completed(
      await engine.analyze(
        {
          type: 'drivers-license',
          front: file(licence.files.front),
          back: file(licence.files.back),
          selfie: [file(stranger.files.selfie)],
        },
        NOW,
      ),
    );
    assert.equal(result.decision, 'fail', summary(result));
    assert.equal(result.reason, 'face_mismatch');
    assert.ok(
      result.face &&
        result.face.score !== undefined &&
        result.face.score < readIdvConfig({}).faceMatchThreshold,
    );
  });

  it('asks for a retake when the back is too blurred to read, saying so', async () => {
    const back = await degrade.blur(file(licence.files.back), 6);
    const result = completed(
      await engine.analyze({ type: 'drivers-license', front: file(licence.files.front), back }, NOW),
    );
    assert.equal(result.decision, 'retry', summary(result));
    assert.equal(result.reason, 'image_blurry');
  });

  it('reads a passport page’s MRZ and passes it with its selfie', async () => {
    const front = await degrade.jpeg(await degrade.rotate(file(passport.files.front), 2), 70);
    const result = completed(
      await engine.analyze({ type: 'passport', front, selfie: [file(passport.files.selfie)] }, NOW),
    );
    assert.equal(result.decision, 'pass', summary(result));
    assert.equal(result.document.source, 'mrz');
    assert.equal(result.document.fields?.documentNumber, passport.truth.documentNumber);
    assert.equal(result.document.fields?.dateOfBirth, passport.truth.dateOfBirth);
    assert.equal(result.document.fields?.address, null);
  });

  it('fails an expired state ID, and a licence offered as a state ID is a retake of the right document', async () => {
    const old = completed(
      await engine.analyze(
        { type: 'state-id', front: file(expired.files.front), back: file(expired.files.back) },
        NOW,
      ),
    );
    assert.equal(old.decision, 'fail', summary(old));
    assert.equal(old.reason, 'document_expired');

    const wrongType = completed(
      await engine.analyze(
        { type: 'state-id', front: file(licence.files.front), back: file(licence.files.back) },
        NOW,
      ),
    );
    assert.equal(wrongType.decision, 'retry');
    assert.equal(wrongType.reason, 'document_type_mismatch');
  });
});

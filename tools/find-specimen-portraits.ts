// Finds the usable portrait faces in the group photos shipped with @vladmandic/face-api
// (demo/sample1.jpg … sample6.jpg) and writes them to
// apps/identity/src/verification/specimens/portrait-sources.json, which the specimen generator crops
// portraits from and the face benchmark builds pairs from. Run: `npx tsx tools/find-specimen-portraits.ts`.
// Each photo is analysed at full resolution (all 22 faces are found). Kept: faces whose mesh box is ≥ 90 px
// wide, detector score ≥ 0.6 and mesh score ≥ 0.9 (blazeface gives 0.53–0.92 on these true faces), yaw within
// ±30° (drops the profile) and eyes open (mesh eye aspect ratio ≥ 0.25; drops two looking-down faces).
// `roll` (degrees, head tilt) is included so the generator can straighten a tilted portrait.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import {
  analyzeFaces,
  type DetectedFace,
  type FaceBox,
} from '../apps/identity/src/verification/faces/face-analyzer.ts';

export interface PortraitSource {
  id: string;
  file: string;
  box: FaceBox;
  score: number;
  roll: number;
}

const MIN_WIDTH = 90;
const MIN_SCORE = 0.6;
const MIN_MESH_SCORE = 0.9;
const MAX_YAW = 30;
const MIN_EYE_OPENNESS = 0.25;

const require = createRequire(import.meta.url);
export const FACE_API_DEMO_DIR = join(dirname(dirname(require.resolve('@vladmandic/face-api'))), 'demo');
const OUT = fileURLToPath(
  new URL('../apps/identity/src/verification/specimens/portrait-sources.json', import.meta.url),
);

function usable(face: DetectedFace): boolean {
  const pose = face.pose;
  return (
    face.box.width >= MIN_WIDTH &&
    face.score >= MIN_SCORE &&
    face.meshScore >= MIN_MESH_SCORE &&
    pose !== undefined &&
    Math.abs(pose.yaw) <= MAX_YAW &&
    (face.eyeOpenness ?? 0) >= MIN_EYE_OPENNESS
  );
}

export async function findSpecimenPortraits(
  log: (line: string) => void = () => {},
): Promise<PortraitSource[]> {
  const out: PortraitSource[] = [];
  for (let n = 1; n <= 6; n++) {
    const file = `sample${n}.jpg`;
    const { data, info } = await sharp(join(FACE_API_DEMO_DIR, file))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { faces } = await analyzeFaces({ data, width: info.width, height: info.height }, { maxSide: 4096 });
    const kept = faces.filter(usable).sort((a, b) => a.box.x - b.box.x);
    for (const face of faces) {
      const p = face.pose;
      log(
        `${file} x=${face.box.x} y=${face.box.y} w=${face.box.width} score=${face.score.toFixed(2)} mesh=${face.meshScore.toFixed(2)} ` +
          `yaw=${p?.yaw} pitch=${p?.pitch} roll=${p?.roll} eyes=${face.eyeOpenness} ${usable(face) ? 'KEEP' : 'drop'}`,
      );
    }
    kept.forEach((face, i) =>
      out.push({
        id: `s${n}-f${i}`,
        file,
        box: face.box,
        score: Math.round(face.score * 1000) / 1000,
        roll: face.pose?.roll ?? 0,
      }),
    );
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const portraits = await findSpecimenPortraits((line) => process.stdout.write(`${line}\n`));
  writeFileSync(OUT, `${JSON.stringify(portraits, null, 2)}\n`);
  process.stdout.write(`wrote ${portraits.length} portraits to ${OUT}\n`);
}

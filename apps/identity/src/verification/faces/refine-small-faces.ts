// Faces that are small in the photo (a document portrait is about an eighth of a card's width) are
// analysed a second time on a crop around them. The detector sees the photo at 256 px, so a small face
// gets a coarse box and a poorly aligned crop, and its embedding suffers: on specimen licences the
// same face scored 0.52 from the whole card and 1.00 from a crop of the portrait (scratch measurement,
// 2026-11-26). The second pass keeps the first pass's boxes (in photo pixels) and replaces the
// embedding, anti-spoof and liveness scores with the crop's.
import { rgbFromSharp, sharpFromRgb, type DecodedImage } from '../images/decode-image.ts';
import { analyzeFaces, type DetectedFace } from './face-analyzer.ts';

/** Faces narrower than this share of the photo's shorter side get the second pass. */
const SMALL_FACE = 0.3;
/** Margin around the face box on each side, as a share of the box's larger side. */
const MARGIN = 0.8;

export async function analyzeFacesRefined(image: DecodedImage): Promise<DetectedFace[]> {
  const { faces } = await analyzeFaces(image);
  const refined: DetectedFace[] = [];
  for (const face of faces) {
    const { box } = face;
    if (box.width >= SMALL_FACE * Math.min(image.width, image.height)) {
      refined.push(face);
      continue;
    }
    const margin = Math.round(MARGIN * Math.max(box.width, box.height));
    const left = Math.max(0, box.x - margin);
    const top = Math.max(0, box.y - margin);
    const width = Math.min(image.width, box.x + box.width + margin) - left;
    const height = Math.min(image.height, box.y + box.height + margin) - top;
    const crop = await rgbFromSharp(sharpFromRgb(image).extract({ left, top, width, height }));
    const again = (await analyzeFaces(crop)).faces[0];
    crop.data.fill(0);
    refined.push(again ? { ...again, box } : face);
  }
  return refined;
}

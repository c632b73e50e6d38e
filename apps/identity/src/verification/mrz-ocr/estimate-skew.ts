// Skew of the text lines in a dark-text mask, for straightening a photo when no MRZ was found yet.

/** Skew of the text lines in degrees (positive: lines fall to the right), by projection sharpness. */
export function estimateSkew(mask: Uint8Array, width: number, height: number): number {
  const xs: number[] = [];
  const ys: number[] = [];
  const step = Math.max(1, Math.round(Math.sqrt((width * height) / 250_000)));
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      if (mask[y * width + x]) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 200) return 0;
  const margin = Math.ceil(width * Math.tan((13 * Math.PI) / 180)) + 2;
  const bins = new Float64Array(height + 2 * margin);
  const score = (degrees: number): number => {
    const t = Math.tan((degrees * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < xs.length; i += 1) {
      const row = Math.round(ys[i]! - xs[i]! * t) + margin;
      bins[row]! += 1;
    }
    let s = 0;
    for (let i = 0; i < bins.length; i += 1) s += bins[i]! * bins[i]!;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let a = -12; a <= 12; a += 0.5) {
    const s = score(a);
    if (s > bestScore * 1.0001) {
      best = a;
      bestScore = s;
    }
  }
  const coarse = best;
  for (let a = coarse - 0.4; a <= coarse + 0.41; a += 0.1) {
    const s = score(a);
    if (s > bestScore) {
      best = a;
      bestScore = s;
    }
  }
  return Math.round(best * 10) / 10;
}

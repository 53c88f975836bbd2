// A small deterministic k-means. ml-kmeans 7 is ESM-only, which this CommonJS (module node16) lib
// and the API's Jest cannot load; this is the same algorithm (k-means++ seeding, Lloyd iterations)
// with a seeded PRNG, restarted a few times to keep the best (lowest inertia) result.

export interface KMeansResult {
  /** Cluster index of each point. */
  labels: number[];
  centroids: number[][];
  /** Sum of squared distances of points to their centroid. */
  inertia: number;
}

/** mulberry32: tiny, fast, good enough for seeding; the same seed always gives the same stream. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function squaredDistance(p: ReadonlyArray<number>, q: ReadonlyArray<number>): number {
  let d = 0;
  for (let i = 0; i < p.length; i += 1) {
    const diff = (p[i] as number) - (q[i] as number);
    d += diff * diff;
  }
  return d;
}

function nearest(point: ReadonlyArray<number>, centroids: ReadonlyArray<ReadonlyArray<number>>): number {
  let best = 0;
  let bestD = Infinity;
  centroids.forEach((c, i) => {
    const d = squaredDistance(point, c);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

function seedCentroids(points: ReadonlyArray<ReadonlyArray<number>>, k: number, rand: () => number): number[][] {
  const centroids: number[][] = [[...(points[Math.floor(rand() * points.length)] as number[])]];
  while (centroids.length < k) {
    const d2 = points.map((p) => Math.min(...centroids.map((c) => squaredDistance(p, c))));
    const sum = d2.reduce((a, b) => a + b, 0);
    if (sum === 0) break; // fewer distinct points than k
    let r = rand() * sum;
    let pick = d2.length - 1;
    for (let i = 0; i < d2.length; i += 1) {
      r -= d2[i] as number;
      if (r < 0 && (d2[i] as number) > 0) {
        pick = i;
        break;
      }
    }
    centroids.push([...(points[pick] as number[])]);
  }
  return centroids;
}

function lloyd(points: ReadonlyArray<ReadonlyArray<number>>, initial: number[][], maxIterations: number): KMeansResult {
  let centroids = initial;
  let labels = points.map((p) => nearest(p, centroids));
  for (let iter = 0; iter < maxIterations; iter += 1) {
    centroids = centroids.map((c, ci) => {
      const members = points.filter((_, i) => labels[i] === ci);
      if (members.length === 0) return c; // an emptied cluster keeps its place
      return c.map((_, dim) => members.reduce((s, m) => s + (m[dim] as number), 0) / members.length);
    });
    const next = points.map((p) => nearest(p, centroids));
    const changed = next.some((l, i) => l !== labels[i]);
    labels = next;
    if (!changed) break;
  }
  const inertia = points.reduce((s, p, i) => s + squaredDistance(p, centroids[labels[i] as number] as number[]), 0);
  return { labels, centroids, inertia };
}

/** Deterministic k-means: same points, k and seed → same result. */
export function kmeans(
  points: ReadonlyArray<ReadonlyArray<number>>,
  k: number,
  opts: { seed?: number; restarts?: number; maxIterations?: number } = {},
): KMeansResult {
  if (points.length === 0) return { labels: [], centroids: [], inertia: 0 };
  const rand = seededRandom(opts.seed ?? 42);
  let best: KMeansResult | null = null;
  for (let r = 0; r < (opts.restarts ?? 8); r += 1) {
    const result = lloyd(points, seedCentroids(points, Math.min(k, points.length), rand), opts.maxIterations ?? 100);
    if (best === null || result.inertia < best.inertia - 1e-12) best = result;
  }
  return best as KMeansResult;
}

/**
 * Mean silhouette width: for each point, (b − a) / max(a, b) with a = mean distance to its own
 * cluster and b = the smallest mean distance to another cluster; 0 for a point alone in its
 * cluster. Null with fewer than two clusters. Euclidean distance.
 */
export function silhouette(points: ReadonlyArray<ReadonlyArray<number>>, labels: ReadonlyArray<number>): number | null {
  const clusters = [...new Set(labels)];
  if (clusters.length < 2) return null;
  let total = 0;
  points.forEach((p, i) => {
    const own = labels[i] as number;
    const meanTo = (c: number): number => {
      let sum = 0;
      let n = 0;
      points.forEach((q, j) => {
        if (j !== i && labels[j] === c) {
          sum += Math.sqrt(squaredDistance(p, q));
          n += 1;
        }
      });
      return n === 0 ? 0 : sum / n;
    };
    if (labels.filter((l) => l === own).length === 1) return;
    const a = meanTo(own);
    const b = Math.min(...clusters.filter((c) => c !== own).map(meanTo));
    const m = Math.max(a, b);
    total += m === 0 ? 0 : (b - a) / m;
  });
  return total / points.length;
}

// Seeded spherical k-means on TF-IDF vectors, k chosen by silhouette on a fixed sample.
// Deterministic: the same vectors in the same order always give the same clusters.
import { seededRandom } from '../analytics/kmeans';
import { dotDense, dotSparse, type SparseVector } from './vectors';

export interface Clustering {
  k: number;
  labels: Int32Array;
  /** Unit-length centroids, one per cluster. */
  centroids: Float64Array[];
  silhouette: number;
}

export interface ClusterOptions {
  seed?: number;
  minK?: number;
  maxK?: number;
  /** k is chosen on at most this many documents (evenly spaced), then the chosen k runs on all. */
  sampleSize?: number;
  iterations?: number;
  restarts?: number;
}

const DEFAULTS: Required<ClusterOptions> = { seed: 20240601, minK: 2, maxK: 12, sampleSize: 1500, iterations: 25, restarts: 3 };

function normalise(c: Float64Array): void {
  let n = 0;
  for (let i = 0; i < c.length; i += 1) n += (c[i] as number) ** 2;
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < c.length; i += 1) c[i] = (c[i] as number) / n;
}

function densify(v: SparseVector, dim: number): Float64Array {
  const d = new Float64Array(dim);
  for (let k = 0; k < v.idx.length; k += 1) d[v.idx[k] as number] = v.val[k] as number;
  return d;
}

/** One k-means run: k-means++ seeding (cosine distance), then Lloyd iterations. */
function kmeansOnce(vectors: ReadonlyArray<SparseVector>, dim: number, k: number, random: () => number, iterations: number): { labels: Int32Array; centroids: Float64Array[]; score: number } {
  const n = vectors.length;
  const centroids: Float64Array[] = [densify(vectors[Math.floor(random() * n)] as SparseVector, dim)];
  const best = new Float64Array(n).fill(Infinity);
  while (centroids.length < k) {
    const last = centroids[centroids.length - 1] as Float64Array;
    let total = 0;
    for (let i = 0; i < n; i += 1) {
      const d = Math.max(0, 1 - dotDense(vectors[i] as SparseVector, last));
      if (d < (best[i] as number)) best[i] = d;
      total += best[i] as number;
    }
    let pick = n - 1;
    let r = random() * total;
    for (let i = 0; i < n; i += 1) {
      r -= best[i] as number;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    centroids.push(densify(vectors[pick] as SparseVector, dim));
  }
  return lloyd(vectors, dim, centroids, iterations);
}

/**
 * Lloyd iterations from the given centroids (changed in place) until no document moves. The
 * assignment step reads the centroids transposed (term-major, k contiguous values per term), so a
 * document's k similarities come from one pass over its terms; each sum still adds the same
 * products in the same order as a dot product per centroid would.
 */
function lloyd(vectors: ReadonlyArray<SparseVector>, dim: number, centroids: Float64Array[], iterations: number): { labels: Int32Array; centroids: Float64Array[]; score: number } {
  const n = vectors.length;
  const k = centroids.length;
  const labels = new Int32Array(n).fill(-1);
  const packed = new Float64Array(dim * k);
  const sims = new Float64Array(k);
  let score = 0;
  for (let it = 0; it < iterations; it += 1) {
    for (let c = 0; c < k; c += 1) {
      const cen = centroids[c] as Float64Array;
      for (let t = 0; t < dim; t += 1) packed[t * k + c] = cen[t] as number;
    }
    let changed = 0;
    score = 0;
    for (let i = 0; i < n; i += 1) {
      const v = vectors[i] as SparseVector;
      const idx = v.idx;
      const val = v.val;
      sims.fill(0);
      for (let j = 0; j < idx.length; j += 1) {
        const x = val[j] as number;
        const base = (idx[j] as number) * k;
        for (let c = 0; c < k; c += 1) sims[c] = (sims[c] as number) + x * (packed[base + c] as number);
      }
      let arg = 0;
      let sim = -Infinity;
      for (let c = 0; c < k; c += 1) {
        const s = sims[c] as number;
        if (s > sim + 1e-12) {
          sim = s;
          arg = c;
        }
      }
      score += sim;
      if (labels[i] !== arg) {
        labels[i] = arg;
        changed += 1;
      }
    }
    if (changed === 0 && it > 0) break;
    for (const c of centroids) c.fill(0);
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i += 1) {
      const v = vectors[i] as SparseVector;
      const c = centroids[labels[i] as number] as Float64Array;
      sizes[labels[i] as number] += 1;
      for (let j = 0; j < v.idx.length; j += 1) c[v.idx[j] as number] = (c[v.idx[j] as number] as number) + (v.val[j] as number);
    }
    for (let c = 0; c < k; c += 1) {
      // An emptied cluster restarts at the document farthest from its centroid.
      if (sizes[c] === 0) {
        let far = 0;
        let farSim = Infinity;
        for (let i = 0; i < n; i += 1) {
          const s = dotDense(vectors[i] as SparseVector, centroids[labels[i] as number] as Float64Array);
          if (s < farSim) {
            farSim = s;
            far = i;
          }
        }
        centroids[c] = densify(vectors[far] as SparseVector, dim);
      } else normalise(centroids[c] as Float64Array);
    }
  }
  return { labels, centroids, score };
}

function bestOf(vectors: ReadonlyArray<SparseVector>, dim: number, k: number, o: Required<ClusterOptions>): { labels: Int32Array; centroids: Float64Array[] } {
  const random = seededRandom(o.seed + k * 7919);
  let best: { labels: Int32Array; centroids: Float64Array[]; score: number } | null = null;
  for (let r = 0; r < o.restarts; r += 1) {
    const run = kmeansOnce(vectors, dim, k, random, o.iterations);
    if (!best || run.score > best.score + 1e-9) best = run;
  }
  return best as { labels: Int32Array; centroids: Float64Array[] };
}

/** Mean silhouette (cosine distance) of a labelling, from a precomputed similarity matrix. */
export function silhouette(sim: ReadonlyArray<Float64Array>, labels: ArrayLike<number>, k: number): number {
  const n = sim.length;
  if (n < 2 || k < 2) return 0;
  let total = 0;
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i += 1) counts[labels[i] as number] += 1;
  for (let i = 0; i < n; i += 1) {
    sums.fill(0);
    const row = sim[i] as Float64Array;
    for (let j = 0; j < n; j += 1) if (j !== i) sums[labels[j] as number] += 1 - (row[j] as number);
    const own = labels[i] as number;
    if ((counts[own] as number) <= 1) continue;
    const a = (sums[own] as number) / ((counts[own] as number) - 1);
    let b = Infinity;
    for (let c = 0; c < k; c += 1) if (c !== own && (counts[c] as number) > 0) b = Math.min(b, (sums[c] as number) / (counts[c] as number));
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b, 1e-12);
  }
  return total / n;
}

/** Clusters unit vectors into k groups, k in [minK, maxK] with the best silhouette on a sample. */
export function clusterVectors(vectors: ReadonlyArray<SparseVector>, dim: number, options: ClusterOptions = {}): Clustering {
  const o = { ...DEFAULTS, ...options };
  const n = vectors.length;
  const usable = vectors.filter((v) => v.idx.length > 0).length;
  const maxK = Math.min(o.maxK, Math.max(1, Math.floor(usable / 3)));
  if (maxK < 2 || dim === 0) {
    const c = new Float64Array(dim);
    for (const v of vectors) for (let j = 0; j < v.idx.length; j += 1) c[v.idx[j] as number] = (c[v.idx[j] as number] as number) + (v.val[j] as number);
    normalise(c);
    return { k: 1, labels: new Int32Array(n), centroids: [c], silhouette: 0 };
  }
  const step = Math.max(1, n / o.sampleSize);
  const sampleIdx: number[] = [];
  for (let x = 0; Math.floor(x) < n && sampleIdx.length < o.sampleSize; x += step) sampleIdx.push(Math.floor(x));
  const sample = sampleIdx.map((i) => vectors[i] as SparseVector);
  // Silhouette on at most 400 of the sample keeps the pairwise matrix small.
  const silStep = Math.max(1, sample.length / 400);
  const silIdx: number[] = [];
  for (let x = 0; Math.floor(x) < sample.length && silIdx.length < 400; x += silStep) silIdx.push(Math.floor(x));
  const sim = silIdx.map((i) => Float64Array.from(silIdx, (j) => dotSparse(sample[i] as SparseVector, sample[j] as SparseVector)));
  let chosen = { k: Math.max(2, o.minK), score: -Infinity, run: null as { labels: Int32Array; centroids: Float64Array[] } | null };
  for (let k = Math.max(2, o.minK); k <= maxK; k += 1) {
    const run = bestOf(sample, dim, k, o);
    const s = silhouette(sim, silIdx.map((i) => run.labels[i] as number), k);
    if (s > chosen.score + 1e-9) chosen = { k, score: s, run };
  }
  const best = chosen.run as { labels: Int32Array; centroids: Float64Array[] };
  // The sample is every document: its best run is the answer. Otherwise the sample's centroids
  // (best of the restarts) seed Lloyd iterations on all documents, instead of restarting from
  // k-means++ on all of them (3 × (k + iterations) passes over n → at most `iterations`).
  const final = sample.length === n ? best : lloyd(vectors, dim, best.centroids.map((c) => Float64Array.from(c)), o.iterations);
  return { k: chosen.k, labels: final.labels, centroids: final.centroids, silhouette: chosen.score };
}

// The clustering model behind a scope's themes, and the rule that makes live updates cheap while
// keeping "the same comments give the same themes, ids included" (docs/analytics.md § Live updates).
//
// The model (vocabulary, LSA axes, centroids) is built on the first themeModelSize(n) of the n
// comments in time order; the later ones join their nearest theme. Both steps depend only on the
// comments, so the result is a pure function of them — wherever and whenever it is computed. The
// model only changes at checkpoints (every ~3–6 % of growth), so a live meeting's new comment costs
// a projection and a nearest-centroid look-up, not a new clustering.
import { clusterVectors, type ClusterOptions } from './cluster';
import { lsaProjection, project, type LsaProjection } from './lsa';
import { dotDense, tfidf, vectorise, type SparseVector, type Vocabulary } from './vectors';
import { stableHash } from './hash';

/** Scopes up to this many comments are clustered whole every time (about 0.1 s here). */
export const THEME_FULL_BUILD_LIMIT = 400;
/** Latent dimensions: measured best of 8–100 on the evaluation set (docs/analytics.md). */
export const THEME_LSA_DIMS = 24;

export interface ThemeModelOptions extends ClusterOptions {
  /** Latent dimensions of the LSA step; 0 clusters the raw TF-IDF vectors. */
  lsaDims?: number;
  /** Scopes up to this size are clustered whole (tests lower it to exercise the incremental path). */
  fullBuildLimit?: number;
}

/** A model built on the first `size` comments (time order) of a scope. */
export interface ThemeModel {
  size: number;
  /** Of the ids of those comments: a cached model is reused only for exactly the same prefix. */
  fingerprint: string;
  vocabulary: Vocabulary;
  /** TF-IDF vectors of the prefix (for key phrases and representatives). */
  vectors: SparseVector[];
  projection: LsaProjection | null;
  /** Unit centroids in the clustering space (latent, or TF-IDF without LSA). */
  centroids: Float64Array[];
  /** Cluster of each prefix comment. */
  labels: Int32Array;
}

/**
 * How many of n comments (in time order) the model is built on: all of them up to the full-build
 * limit, then the last checkpoint at least half a step behind n. Steps are n/32–n/16, so the model
 * is rebuilt after every 3–6 % of growth; the half-step lag means the next model's comments all
 * exist before it is needed, so it can be built ahead, off the path of a new comment.
 */
export function themeModelSize(n: number, fullBuildLimit = THEME_FULL_BUILD_LIMIT): number {
  if (n <= fullBuildLimit) return n;
  const step = 2 ** Math.max(0, Math.floor(Math.log2(n)) - 4);
  return Math.max(1, Math.floor((n - step / 2) / step) * step);
}

/** Model sizes the next comments will need (n + 1 … n + half a step), each ≤ n: build them ahead. */
export function upcomingModelSizes(n: number, fullBuildLimit = THEME_FULL_BUILD_LIMIT): number[] {
  const out = new Set<number>();
  const reach = Math.max(1, 2 ** Math.max(0, Math.floor(Math.log2(Math.max(1, n))) - 5));
  for (let m = n + 1; m <= n + reach; m += 1) {
    const size = themeModelSize(m, fullBuildLimit);
    if (size < m && size <= n && size !== themeModelSize(n, fullBuildLimit)) out.add(size);
  }
  return [...out];
}

export const modelFingerprint = (ids: ReadonlyArray<string>): string => `${ids.length}:${stableHash(ids.join(','))}`;

/** Clusters the given (prefix) comments' terms: TF-IDF, LSA, seeded spherical k-means with k by silhouette. */
export function buildThemeModel(ids: ReadonlyArray<string>, terms: ReadonlyArray<ReadonlyArray<string>>, options: ThemeModelOptions = {}): ThemeModel {
  const { vocabulary, vectors } = tfidf(terms);
  const dims = options.lsaDims ?? THEME_LSA_DIMS;
  const lsa = dims === 0 ? null : lsaProjection(vectors, vocabulary.terms.length, dims);
  const projection = lsa?.projection ?? null;
  const space = lsa?.embedded ?? vectors;
  const clustering = clusterVectors(space, projection ? projection.axes.length : vocabulary.terms.length, options);
  return { size: ids.length, fingerprint: modelFingerprint(ids), vocabulary, vectors, projection, centroids: clustering.centroids, labels: clustering.labels };
}

/** The cluster a comment beyond the model's prefix joins: the nearest centroid (ties: the first). */
export function assignToModel(model: ThemeModel, vector: SparseVector): number {
  const v = model.projection ? project(vector, model.projection) : vector;
  let arg = 0;
  let sim = -Infinity;
  model.centroids.forEach((c, i) => {
    const s = dotDense(v, c);
    if (s > sim + 1e-12) {
      sim = s;
      arg = i;
    }
  });
  return arg;
}

/** Each comment's cluster and TF-IDF vector (in the model's vocabulary): the prefix's from the model, the rest assigned. */
export function applyModel(model: ThemeModel, terms: ReadonlyArray<ReadonlyArray<string>>): { labels: Int32Array; vectors: SparseVector[] } {
  const labels = new Int32Array(terms.length);
  labels.set(model.labels);
  const vectors = model.vectors.slice();
  for (let i = model.size; i < terms.length; i += 1) {
    const v = vectorise(terms[i] as ReadonlyArray<string>, model.vocabulary);
    vectors.push(v);
    labels[i] = assignToModel(model, v);
  }
  return { labels, vectors };
}

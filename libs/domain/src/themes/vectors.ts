// TF-IDF vectors over index terms, sparse and L2-normalised, so a dot product is the cosine.

export interface SparseVector {
  /** Term indices, ascending. */
  idx: Int32Array;
  val: Float64Array;
}

export interface Vocabulary {
  terms: string[];
  index: Map<string, number>;
  idf: Float64Array;
}

/**
 * Builds the vocabulary (terms used by at least minDf documents, sorted so that the same documents
 * give the same indices whatever their order) and each document's sublinear TF-IDF vector.
 */
export function tfidf(docs: ReadonlyArray<ReadonlyArray<string>>, minDf = docs.length >= 30 ? 2 : 1): { vocabulary: Vocabulary; vectors: SparseVector[] } {
  const df = new Map<string, number>();
  for (const terms of docs) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const kept = [...df.entries()].filter(([, n]) => n >= minDf).map(([t]) => t).sort();
  const index = new Map(kept.map((t, i) => [t, i]));
  const n = docs.length;
  const idf = new Float64Array(kept.length);
  kept.forEach((t, i) => (idf[i] = Math.log((1 + n) / (1 + (df.get(t) as number))) + 1));
  const vocabulary = { terms: kept, index, idf };
  return { vocabulary, vectors: docs.map((terms) => vectorise(terms, vocabulary)) };
}

/** One document's vector in an existing vocabulary (unknown terms ignored). */
export function vectorise(terms: ReadonlyArray<string>, vocabulary: Vocabulary): SparseVector {
  const tf = new Map<number, number>();
  for (const t of terms) {
    const i = vocabulary.index.get(t);
    if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
  }
  const idx = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
  const val = new Float64Array(idx.length);
  let norm = 0;
  idx.forEach((i, k) => {
    const w = (1 + Math.log(tf.get(i) as number)) * (vocabulary.idf[i] as number);
    val[k] = w;
    norm += w * w;
  });
  norm = Math.sqrt(norm);
  if (norm > 0) for (let k = 0; k < val.length; k += 1) val[k] = (val[k] as number) / norm;
  return { idx, val };
}

export function dotDense(v: SparseVector, dense: Float64Array): number {
  let s = 0;
  for (let k = 0; k < v.idx.length; k += 1) s += (v.val[k] as number) * (dense[v.idx[k] as number] as number);
  return s;
}

export function dotSparse(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i] as number;
    const y = b.idx[j] as number;
    if (x === y) {
      s += (a.val[i] as number) * (b.val[j] as number);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return s;
}

// External cluster quality against gold labels: purity and normalised mutual information.

/** Share of items whose cluster's majority gold label is their own. */
export function purity(clusters: ReadonlyArray<string | number>, gold: ReadonlyArray<string>): number {
  const byCluster = new Map<string | number, Map<string, number>>();
  clusters.forEach((c, i) => {
    const m = byCluster.get(c) ?? new Map<string, number>();
    m.set(gold[i] as string, (m.get(gold[i] as string) ?? 0) + 1);
    byCluster.set(c, m);
  });
  let majority = 0;
  for (const m of byCluster.values()) majority += Math.max(...m.values());
  return clusters.length === 0 ? 0 : majority / clusters.length;
}

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/** NMI with the arithmetic-mean normalisation (as scikit-learn's default): 2·I / (H(C) + H(G)). */
export function nmi(clusterLabels: ReadonlyArray<string | number>, gold: ReadonlyArray<string>): number {
  const clusters = clusterLabels.map(String);
  const n = clusters.length;
  if (n === 0) return 0;
  const cc = new Map<string, number>();
  const gc = new Map<string, number>();
  const joint = new Map<string, number>();
  clusters.forEach((c, i) => {
    const g = gold[i] as string;
    cc.set(c, (cc.get(c) ?? 0) + 1);
    gc.set(g, (gc.get(g) ?? 0) + 1);
    const key = `${c}\u0000${g}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  });
  let mi = 0;
  for (const [key, nij] of joint) {
    const [c, g] = key.split('\u0000') as [string, string];
    const ni = cc.get(c) as number;
    const nj = gc.get(g) as number;
    mi += (nij / n) * Math.log((n * nij) / (ni * nj));
  }
  const h = entropy(cc.values(), n) + entropy(gc.values(), n);
  return h === 0 ? 1 : (2 * mi) / h;
}

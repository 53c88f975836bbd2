import { kmeans, seededRandom, silhouette } from './kmeans';

describe('kmeans', () => {
  const points = [[0], [1], [10], [11], [0.5]];

  it('separates obvious clusters, deterministically', () => {
    const r = kmeans(points, 2, { seed: 7 });
    expect(new Set([r.labels[0], r.labels[1], r.labels[4]]).size).toBe(1);
    expect(r.labels[2]).toBe(r.labels[3]);
    expect(r.labels[0]).not.toBe(r.labels[2]);
    expect(r.inertia).toBeCloseTo(0.5 + 0.5, 10);
    expect(kmeans(points, 2, { seed: 7 })).toEqual(r);
  });

  it('copes with more clusters than distinct points and with no points', () => {
    const r = kmeans(
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      3,
    );
    expect(new Set(r.labels).size).toBe(1);
    expect(kmeans([], 2)).toEqual({ labels: [], centroids: [], inertia: 0 });
  });

  it('has a reproducible random stream', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('silhouette', () => {
  it('matches a hand computation', () => {
    // Point 0: a = 1, b = (10 + 11) / 2; point 1: a = 1, b = (9 + 10) / 2; the other two mirror them.
    const s = silhouette([[0], [1], [10], [11]], [0, 0, 1, 1]);
    expect(s).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 12);
  });

  it('is null for a single cluster and counts singletons as 0', () => {
    expect(silhouette([[0], [1]], [0, 0])).toBeNull();
    expect(silhouette([[0], [1], [5]], [0, 0, 1])).toBeCloseTo((4 / 5 + 3 / 4 + 0) / 3, 12);
  });
});

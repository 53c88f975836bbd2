// Themes (広聴): what the comments of a proposal, meeting or process are about, who raises each
// theme and with which stance. Deterministic: the same comments give the same themes, ids included.
import { SECTORS, type Sector } from '../sectors';
import type { Stance } from '../enums';
import { lsaEmbed } from './lsa';
import { SUBWORD } from './normalise';
import { clusterVectors, type ClusterOptions } from './cluster';
import { dotDense, tfidf, vectorise, type SparseVector, type Vocabulary } from './vectors';

export interface ThemeComment {
  id: string;
  authorId: string;
  sector: Sector;
  stance: Stance;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Index terms (termsOf). */
  terms: ReadonlyArray<string>;
}

export interface ThemeSectorShare {
  sector: Sector;
  /** Comments of the theme by this sector's authors. */
  count: number;
  /** count / theme size. */
  share: number;
  /** The sector's share of all comments in scope (what an even spread would give). */
  target: number;
  /** share < target / 2: the sector is quiet on this theme. */
  underRepresented: boolean;
}

export interface Theme {
  id: string;
  label: string;
  /** The label is a facilitator's, not the key phrases. */
  renamed: boolean;
  keyPhrases: string[];
  size: number;
  commentIds: string[];
  /** Sectors with at least SMALL_SECTOR_AUTHORS authors in the theme, in SECTORS order. */
  sectors: ThemeSectorShare[];
  /** Sectors raising the theme through fewer than SMALL_SECTOR_AUTHORS people: named, not counted. */
  smallSectors: Sector[];
  stances: { stance: Stance; count: number }[];
  /** Up to 3 comments nearest the theme's centre, from different authors where possible. */
  representativeIds: string[];
  bridging: boolean;
  divide: boolean;
  /** Comments per time slice of the scope (THEME_TREND_SLICES equal slices, first to last comment). */
  trend: number[];
}

export interface ThemeOptions extends ClusterOptions {
  /** Key phrases per theme. */
  phrases?: number;
  /** Prefixed to every theme id (the API puts the scope there, e.g. `proposal:<id>~`). */
  idPrefix?: string;
  /** Facilitators' merges, oldest first: each list's themes become its first theme. */
  merges?: ReadonlyArray<ReadonlyArray<string>>;
  /** Facilitators' labels by theme id. */
  labels?: Readonly<Record<string, string>>;
  /** Latent dimensions of the LSA step; 0 clusters the raw TF-IDF vectors. */
  lsaDims?: number;
}

export const SMALL_SECTOR_AUTHORS = 3;
export const THEME_TREND_SLICES = 6;
/** Latent dimensions: measured best of 8–100 on the evaluation set (docs/analytics.md). */
export const THEME_LSA_DIMS = 24;
const STANCE_ORDER: Stance[] = ['SUPPORT', 'CONCERN', 'QUESTION', 'NEUTRAL'];

/** FNV-1a, 32 bit, as 8 hex digits: a short stable id. */
export function stableHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const byTimeThenId = (a: ThemeComment, b: ThemeComment) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Key phrases: the centroid's heaviest terms, a compound before the words inside it. */
function keyPhrases(centroid: Float64Array, vocabulary: Vocabulary, count: number): string[] {
  const ranked = [...centroid.keys()].filter((i) => (centroid[i] as number) > 0).sort((a, b) => (centroid[b] as number) - (centroid[a] as number) || a - b);
  const chosen: string[] = [];
  for (const i of ranked) {
    const term = vocabulary.terms[i] as string;
    if (term.startsWith(SUBWORD)) continue;
    // 「バス路線」 already says 「バス」; a part of a chosen phrase (or a phrase containing a chosen part) is skipped.
    if (chosen.some((c) => c.includes(term) || term.includes(c))) continue;
    chosen.push(term);
    if (chosen.length >= count) break;
  }
  return chosen;
}

function supportShare(list: ThemeComment[]): number | null {
  const support = list.filter((c) => c.stance === 'SUPPORT').length;
  const concern = list.filter((c) => c.stance === 'CONCERN').length;
  return support + concern === 0 ? null : support / (support + concern);
}

/**
 * Groups comments into themes: TF-IDF vectors, seeded spherical k-means with k chosen by
 * silhouette, then per theme its key phrases, sector and stance mix, representatives and trend.
 * A theme is **bridging** when at least 3 sectors, and at least half of the sectors commenting in
 * scope, raise it; a **divide** when two sectors with enough authors differ by half or more in their
 * share of support (support / (support + concern)).
 */
export function buildThemes(input: ReadonlyArray<ThemeComment>, options: ThemeOptions = {}): Theme[] {
  if (input.length === 0) return [];
  const comments = [...input].sort(byTimeThenId);
  const { vocabulary, vectors } = tfidf(comments.map((c) => c.terms));
  const latent = options.lsaDims === 0 ? vectors : lsaEmbed(vectors, vocabulary.terms.length, options.lsaDims ?? THEME_LSA_DIMS);
  const clustering = clusterVectors(latent, latent === vectors ? vocabulary.terms.length : (latent.find((v) => v.idx.length > 0)?.idx.length ?? 0), options);
  // Key phrases and representatives come from the TF-IDF centroid of each cluster (readable terms).
  const tfidfCentroids = new Map<number, Float64Array>();
  clustering.labels.forEach((label, i) => {
    const c = tfidfCentroids.get(label) ?? new Float64Array(vocabulary.terms.length);
    const v = vectors[i] as SparseVector;
    for (let j = 0; j < v.idx.length; j += 1) c[v.idx[j] as number] = (c[v.idx[j] as number] as number) + (v.val[j] as number);
    tfidfCentroids.set(label, c);
  });
  const clusters = new Map<number, number[]>();
  clustering.labels.forEach((label, i) => clusters.set(label, [...(clusters.get(label) ?? []), i]));
  // The earliest comment anchors the id, so a theme keeps its id (and a facilitator's rename) as comments arrive.
  const prefix = options.idPrefix ?? '';
  const groups = new Map<string, { members: number[]; centroid: Float64Array }>();
  for (const [label, members] of clusters) {
    groups.set(`${prefix}${stableHash(comments[members[0] as number]!.id)}`, { members, centroid: tfidfCentroids.get(label) as Float64Array });
  }
  // A facilitator's merge: the later themes of the list join the first one present.
  for (const ids of options.merges ?? []) {
    const present = ids.filter((id) => groups.has(id));
    const target = groups.get(present[0] as string);
    if (!target) continue;
    for (const id of present.slice(1)) {
      const other = groups.get(id) as { members: number[]; centroid: Float64Array };
      target.members = [...target.members, ...other.members].sort((a, b) => a - b);
      target.centroid = target.centroid.map((x, i) => x + (other.centroid[i] as number));
      groups.delete(id);
    }
  }

  const scopeSectorCounts = new Map<Sector, number>();
  for (const c of comments) scopeSectorCounts.set(c.sector, (scopeSectorCounts.get(c.sector) ?? 0) + 1);
  const activeSectors = scopeSectorCounts.size;
  const t0 = comments[0]!.createdAt;
  const span = comments[comments.length - 1]!.createdAt - t0;

  const themes: Theme[] = [];
  for (const [id, { members, centroid }] of groups) {
    const list = members.map((i) => comments[i] as ThemeComment);
    const phrases = keyPhrases(centroid, vocabulary, options.phrases ?? 3);
    const authorsBySector = new Map<Sector, Set<string>>();
    const countBySector = new Map<Sector, number>();
    for (const c of list) {
      authorsBySector.set(c.sector, (authorsBySector.get(c.sector) ?? new Set()).add(c.authorId));
      countBySector.set(c.sector, (countBySector.get(c.sector) ?? 0) + 1);
    }
    const sectors: ThemeSectorShare[] = [];
    const smallSectors: Sector[] = [];
    for (const sector of SECTORS) {
      const authors = authorsBySector.get(sector)?.size ?? 0;
      if (authors === 0) continue;
      if (authors < SMALL_SECTOR_AUTHORS) {
        smallSectors.push(sector);
        continue;
      }
      const count = countBySector.get(sector) as number;
      const share = count / list.length;
      const target = (scopeSectorCounts.get(sector) as number) / comments.length;
      sectors.push({ sector, count, share, target, underRepresented: share < target / 2 });
    }
    const raising = authorsBySector.size;
    const bridging = raising >= 3 && raising * 2 >= activeSectors;
    const shares = sectors.map((s) => supportShare(list.filter((c) => c.sector === s.sector))).filter((x): x is number => x !== null);
    const divide = shares.length >= 2 && Math.max(...shares) - Math.min(...shares) >= 0.5;
    const ranked = members
      .map((i) => ({ i, sim: dotDense(vectors[i] as SparseVector, centroid) }))
      .sort((a, b) => b.sim - a.sim || byTimeThenId(comments[a.i] as ThemeComment, comments[b.i] as ThemeComment));
    const representatives: ThemeComment[] = [];
    for (const pass of [true, false]) {
      for (const { i } of ranked) {
        if (representatives.length >= 3) break;
        const c = comments[i] as ThemeComment;
        if (representatives.includes(c)) continue;
        if (pass && representatives.some((r) => r.authorId === c.authorId)) continue;
        representatives.push(c);
      }
    }
    const trend = new Array<number>(THEME_TREND_SLICES).fill(0);
    for (const c of list) trend[span === 0 ? THEME_TREND_SLICES - 1 : Math.min(THEME_TREND_SLICES - 1, Math.floor(((c.createdAt - t0) / span) * THEME_TREND_SLICES))]! += 1;
    themes.push({
      id,
      label: options.labels?.[id] ?? (phrases.join('・') || '（その他）'),
      renamed: options.labels?.[id] !== undefined,
      keyPhrases: phrases,
      size: list.length,
      commentIds: list.map((c) => c.id),
      sectors,
      smallSectors,
      stances: STANCE_ORDER.map((stance) => ({ stance, count: list.filter((c) => c.stance === stance).length })),
      representativeIds: representatives.map((c) => c.id),
      bridging,
      divide,
      trend,
    });
  }
  return themes.sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
}

/** A model kept between full rebuilds: new comments join the nearest theme in < 1 ms each. */
export interface ThemeIndex {
  vocabulary: Vocabulary;
  centroids: Float64Array[];
  themeIds: string[];
}

export function themeIndex(input: ReadonlyArray<ThemeComment>, themes: ReadonlyArray<Theme>): ThemeIndex {
  const { vocabulary, vectors } = tfidf(input.map((c) => c.terms));
  const position = new Map(input.map((c, i) => [c.id, i]));
  const dim = vocabulary.terms.length;
  const centroids = themes.map((t) => {
    const c = new Float64Array(dim);
    for (const id of t.commentIds) {
      const v = vectors[position.get(id) as number] as SparseVector;
      for (let j = 0; j < v.idx.length; j += 1) c[v.idx[j] as number] = (c[v.idx[j] as number] as number) + (v.val[j] as number);
    }
    const n = Math.sqrt(c.reduce((s, x) => s + x * x, 0));
    return n > 0 ? c.map((x) => x / n) : c;
  });
  return { vocabulary, centroids, themeIds: themes.map((t) => t.id) };
}

/** The theme a new comment belongs to (nearest centroid), or null when it shares no term with any. */
export function assignToTheme(index: ThemeIndex, terms: ReadonlyArray<string>): string | null {
  const v = vectorise(terms, index.vocabulary);
  let best = -1;
  let bestSim = 0;
  index.centroids.forEach((c, i) => {
    const s = dotDense(v, c);
    if (s > bestSim + 1e-12) {
      bestSim = s;
      best = i;
    }
  });
  return best < 0 ? null : (index.themeIds[best] as string);
}

// Themes (広聴): what the comments of a proposal, meeting or process are about, who raises each
// theme and with which stance. Deterministic: the same comments give the same themes, ids included.
import { SECTORS, type Sector } from '../sectors';
import type { Stance } from '../enums';
import { stableHash } from './hash';
import { applyModel, buildThemeModel, modelFingerprint, themeModelSize, type ThemeModel, type ThemeModelOptions } from './model';
import { SUBWORD } from './normalise';
import { dotDense, type SparseVector, type Vocabulary } from './vectors';

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
  /** Sectors that commented in scope but not on this theme: who is silent on it. */
  silentSectors: Sector[];
  stances: { stance: Stance; count: number }[];
  /** Up to 3 comments nearest the theme's centre, from different authors where possible. */
  representativeIds: string[];
  bridging: boolean;
  divide: boolean;
  /** Comments per time slice of the scope (THEME_TREND_SLICES equal slices, first to last comment). */
  trend: number[];
}

/** Models kept between builds (the API keeps one per scope); keyed by the prefix's fingerprint. */
export interface ThemeModelCache {
  get(fingerprint: string): ThemeModel | undefined;
  set(model: ThemeModel): void;
}

export interface ThemeOptions extends ThemeModelOptions {
  /** Key phrases per theme. */
  phrases?: number;
  /** Prefixed to every theme id (the API puts the scope there, e.g. `proposal:<id>~`). */
  idPrefix?: string;
  /** Facilitators' merges, oldest first: each list's themes become its first theme. */
  merges?: ReadonlyArray<ReadonlyArray<string>>;
  /** Facilitators' labels by theme id. */
  labels?: Readonly<Record<string, string>>;
  models?: ThemeModelCache;
}

export const SMALL_SECTOR_AUTHORS = 3;
export const THEME_TREND_SLICES = 6;
const STANCE_ORDER: Stance[] = ['SUPPORT', 'CONCERN', 'QUESTION', 'NEUTRAL'];

export { stableHash };

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
  const terms = comments.map((c) => c.terms);
  const size = themeModelSize(comments.length, options.fullBuildLimit);
  const prefixIds = comments.slice(0, size).map((c) => c.id);
  let model = options.models?.get(modelFingerprint(prefixIds));
  if (!model) {
    model = buildThemeModel(prefixIds, terms.slice(0, size), options);
    options.models?.set(model);
  }
  const { labels, vectors } = applyModel(model, terms);
  const { vocabulary } = model;
  // Key phrases and representatives come from the TF-IDF centroid of each cluster (readable terms).
  const clusters = new Map<number, { members: number[]; centroid: Float64Array }>();
  labels.forEach((label, i) => {
    let c = clusters.get(label);
    if (!c) {
      c = { members: [], centroid: new Float64Array(vocabulary.terms.length) };
      clusters.set(label, c);
    }
    c.members.push(i);
    const v = vectors[i] as SparseVector;
    for (let j = 0; j < v.idx.length; j += 1) c.centroid[v.idx[j] as number] = (c.centroid[v.idx[j] as number] as number) + (v.val[j] as number);
  });
  // The earliest comment anchors the id, so a theme keeps its id (and a facilitator's rename) as comments arrive.
  const prefix = options.idPrefix ?? '';
  const groups = new Map<string, { members: number[]; centroid: Float64Array }>();
  for (const [, group] of [...clusters].sort((a, b) => a[0] - b[0])) groups.set(`${prefix}${stableHash(comments[group.members[0] as number]!.id)}`, group);
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
    const silentSectors = SECTORS.filter((s) => scopeSectorCounts.has(s) && !authorsBySector.has(s));
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
      silentSectors,
      stances: STANCE_ORDER.map((stance) => ({ stance, count: list.filter((c) => c.stance === stance).length })),
      representativeIds: representatives.map((c) => c.id),
      bridging,
      divide,
      trend,
    });
  }
  return themes.sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
}

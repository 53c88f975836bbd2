import { SECTOR_LABELS, STANCE_LABELS, type Sector, type Stance } from '@yoriai/domain';
import type { EntityManager } from 'typeorm';
import type { ThemeEngine } from '../theme/theme.engine';
import type { Bilingual, MinutesSectorRef } from './minutes-document';

/**
 * 「主な論点」 of the minutes: the meeting's themes (= Meeting.themes: visible comments on the
 * agenda's proposals, written while the meeting ran, drafts never), so the secretariat's summary
 * starts written. Sectors with fewer than 3 authors in a theme are named without figures, as in
 * tallies; representatives are quoted verbatim with their author's sector, never a hidden comment.
 */
export interface MinutesThemeRepresentative {
  commentId: string;
  body: string;
  sector: Sector;
  sectorLabel: Bilingual;
  stance: Stance;
  stanceLabel: Bilingual;
}

export interface MinutesTheme {
  id: string;
  /** Key phrases joined by ・, or the facilitator's name for it. */
  label: string;
  renamed: boolean;
  keyPhrases: string[];
  size: number;
  /** Sectors with at least 3 authors: comments and share of the theme (4 decimals). */
  sectors: (MinutesSectorRef & { count: number; share: number })[];
  /** Raised by fewer than 3 people of the sector: named, not counted. */
  smallSectors: MinutesSectorRef[];
  /** Commented in the meeting, but not on this theme. */
  silentSectors: MinutesSectorRef[];
  stances: { stance: Stance; label: Bilingual; count: number }[];
  bridging: boolean;
  divide: boolean;
  representatives: MinutesThemeRepresentative[];
}

export interface MinutesThemes {
  /** Visible comments the themes were built from. */
  comments: number;
  themes: MinutesTheme[];
}

const sectorLabel = (s: Sector): Bilingual => ({ ja: SECTOR_LABELS[s].ja, en: SECTOR_LABELS[s].en });
const stanceLabel = (s: Stance): Bilingual => ({ ja: STANCE_LABELS[s].ja, en: STANCE_LABELS[s].en });
const ref = (sector: Sector): MinutesSectorRef => ({ sector, label: sectorLabel(sector) });

/** The section, read in the minutes' own snapshot (`em`). */
export async function minutesThemes(engine: ThemeEngine, meetingId: string, em: EntityManager): Promise<MinutesThemes> {
  const result = await engine.themes({ kind: 'meeting', id: meetingId }, em);
  const themes = result?.themes ?? [];
  const ids = themes.flatMap((t) => t.representativeIds);
  const rows = ids.length
    ? await em.query<{ id: string; body: string; sector: Sector; stance: Stance }[]>('SELECT id, body, sector, stance FROM comment WHERE id = ANY ($1::uuid[]) AND hidden_at IS NULL', [ids])
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    comments: new Set(themes.flatMap((t) => t.commentIds)).size,
    themes: themes.map((t) => ({
      id: t.id,
      label: t.label,
      renamed: t.renamed,
      keyPhrases: t.keyPhrases,
      size: t.size,
      sectors: t.sectors.map((s) => ({ ...ref(s.sector), count: s.count, share: Math.round(s.share * 10000) / 10000 })),
      smallSectors: t.smallSectors.map(ref),
      silentSectors: t.silentSectors.map(ref),
      stances: t.stances.map((s) => ({ stance: s.stance, label: stanceLabel(s.stance), count: s.count })),
      bridging: t.bridging,
      divide: t.divide,
      representatives: t.representativeIds.flatMap((id) => {
        const c = byId.get(id);
        return c ? [{ commentId: c.id, body: c.body, sector: c.sector, sectorLabel: sectorLabel(c.sector), stance: c.stance, stanceLabel: stanceLabel(c.stance) }] : [];
      }),
    })),
  };
}

import { bridgingScore, dialogueIndex, isSector, rawAgreeShare, representation, SECTOR_LABELS, SECTORS, type Ballot, type Sector, type Tally } from '@yoriai/domain';
import { SECRET_MIN_VOTERS } from '../voting/tally.service';
import type { MinutesAnalytics, MinutesDecisionAnalytics, MinutesSectorRef, MinutesTally } from './minutes-document';
import type { MinutesSource } from './minutes-source';

/**
 * The analytics section of the minutes (docs/analytics.md), from data the minutes already hold:
 * the same libs/domain formulas as the GraphQL fields, applied to the decision's recorded tally,
 * the meeting's comments and its attendance. Only the missing voices need votes, which the
 * AnalyticsService reads (meetingMissingVoices) in the minutes' snapshot.
 */

/** Shares are stored rounded (4 decimals) so the frozen document's hash is easy to reproduce. */
const round4 = (x: number) => Math.round(x * 10000) / 10000;
const round = (x: number | null) => (x === null ? null : round4(x));
const label = (s: Sector) => ({ ja: SECTOR_LABELS[s].ja, en: SECTOR_LABELS[s].en });

/**
 * Bridging score and the per-sector agreement row of one decision, from the tally as recorded. A
 * secret ballot's record already holds the merged tally: the score is computed on it (like the live
 * score), and every sector not shown on its own (pooled, or fewer than 3 voters) is suppressed.
 */
export function decisionAnalytics(tally: MinutesTally, ballot: Ballot): MinutesDecisionAnalytics {
  const asTally: Tally = { ...tally, bySector: tally.bySector.map((r) => ({ sector: r.sector, agree: r.agree, disagree: r.disagree, abstain: r.abstain, block: r.block, total: r.total })) };
  const secret = ballot === 'SECRET';
  return {
    bridgingScore: round(bridgingScore(asTally)),
    agreement: SECTORS.map((sector) => {
      const row = tally.bySector.find((r) => r.sectors.includes(sector));
      if (!row) return { sector, label: label(sector), agreeShare: null, voters: 0, suppressed: false };
      if (secret && (row.sectors.length > 1 || row.total < SECRET_MIN_VOTERS)) return { sector, label: label(sector), agreeShare: null, voters: null, suppressed: true };
      return { sector, label: label(sector), agreeShare: round(rawAgreeShare(row)), voters: row.total, suppressed: false };
    }),
  };
}

/** Dialogue index of the meeting's comments (hidden ones still count as replies, as in Meeting.dialogueIndex) and attendance vs targets. */
export function meetingAnalytics(source: Pick<MinutesSource, 'comments' | 'attendance' | 'process'>): MinutesAnalytics {
  const comments = source.comments.filter((c) => isSector(c.sector)).map((c) => ({ id: c.id, parentId: c.parentId, sector: c.sector as Sector }));
  const dialogue = dialogueIndex(comments);
  const counts: Partial<Record<Sector, number>> = {};
  for (const a of source.attendance) if (isSector(a.sector)) counts[a.sector] = (counts[a.sector] ?? 0) + 1;
  const targets = (source.process.representationTargets ?? {}) as Partial<Record<Sector, number>>;
  return {
    dialogue: { index: round(dialogue.index), replies: dialogue.replies, crossSector: dialogue.crossSector },
    representation: representation(counts, targets).map((r) => ({ sector: r.sector, label: label(r.sector), count: r.count, share: round4(r.share), target: round4(r.target), underRepresented: r.underRepresented })),
  };
}

export function sectorRefs(sectors: ReadonlyArray<Sector>): MinutesSectorRef[] {
  return sectors.map((sector) => ({ sector, label: label(sector) }));
}

import type { Sector } from '../sectors';

export interface DialogueIndex {
  /** crossSector / replies; null when there are no replies. */
  index: number | null;
  replies: number;
  crossSector: number;
}

/**
 * Share of replies whose author is from a different sector than the comment replied to: how much
 * the sectors talk with each other (議論) rather than past each other (意見を聞く).
 * Only replies whose parent is in `comments` count (a parent outside the list has no known sector).
 */
export function dialogueIndex(
  comments: ReadonlyArray<{ id: string; parentId: string | null; sector: Sector }>,
): DialogueIndex {
  const sectorOf = new Map(comments.map((c) => [c.id, c.sector]));
  let replies = 0;
  let crossSector = 0;
  for (const c of comments) {
    if (c.parentId === null) continue;
    const parentSector = sectorOf.get(c.parentId);
    if (parentSector === undefined) continue;
    replies += 1;
    if (parentSector !== c.sector) crossSector += 1;
  }
  return { index: replies === 0 ? null : crossSector / replies, replies, crossSector };
}

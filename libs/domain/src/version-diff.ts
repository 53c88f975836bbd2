import { diffChars, diffLines } from 'diff';
import { canonicalJson } from './canonical-json';

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface VersionContent {
  title: string;
  body: string;
  kpis: ReadonlyArray<unknown>;
}

export interface VersionDiff {
  title: DiffPart[];
  body: DiffPart[];
  kpisChanged: boolean;
}

function parts(changes: ReadonlyArray<{ value: string; added?: boolean; removed?: boolean }>): DiffPart[] {
  return changes.map((c) => ({ value: c.value, added: c.added === true, removed: c.removed === true }));
}

/**
 * What an amendment changed. The body (Markdown) is compared by line. The title is compared by
 * character, not by word: Japanese has no spaces, so a word diff would mark the whole title changed.
 * KPIs are compared structurally (key order does not matter).
 */
export function diffVersions(a: VersionContent, b: VersionContent): VersionDiff {
  return {
    title: parts(diffChars(a.title, b.title)),
    body: parts(diffLines(a.body, b.body)),
    kpisChanged: canonicalJson(a.kpis) !== canonicalJson(b.kpis),
  };
}

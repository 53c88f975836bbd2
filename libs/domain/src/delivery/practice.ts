import { canonicalJson } from '../canonical-json';
import { contentHash, hashRecord } from '../hash-chain';

/**
 * 横展開: a decided proposal shared as an open-data package ("practice package"), and the check a
 * receiving Yoriai runs on it. The check is the offline verifier's (tools/verify-records.mjs
 * `verifyPractice`, which mirrors this function line for line and is tested against it):
 *
 * 1. the record's hash recomputes from its body and prevHash (hashRecord, as in the chain);
 * 2. the record decided this proposal: body.proposalId, and body.proposalHash equals the
 *    contentHash of the proposal text and KPIs in the package; the outcome is ADOPTED;
 * 3. the links (seq, prevHash, hash) run from the record to the head without a gap: each link's
 *    prevHash is the previous link's hash, the first link is the record itself, and the last one's
 *    hash is `chain.headHash` — so the record is an ancestor of the head that the source process
 *    publishes in records.json (compare the head to be sure it is that process's chain).
 */
export const PRACTICE_FORMAT = 'yoriai.practice/1' as const;
/** Canonical JSON length a package may have (the GraphQL body limit is 256 kB). */
export const PRACTICE_MAX_CHARS = 200_000;
export const PRACTICE_MAX_LINKS = 1_000;
export const PRACTICE_MAX_KPIS = 20;
export const PRACTICE_MAX_ITEMS = 200;
export const PRACTICE_MAX_MEASUREMENTS = 1_000;

export type PracticeCheck =
  | 'RECORD_HASH_MISMATCH'
  | 'NOT_CANONICAL'
  | 'PROPOSAL_MISMATCH'
  | 'CONTENT_HASH_MISMATCH'
  | 'NOT_ADOPTED'
  | 'CHAIN_BROKEN'
  | 'HEAD_MISMATCH';

export interface PracticeVerification {
  verified: boolean;
  /** Why it is not verified; null when verified. */
  reason: PracticeCheck | null;
}

export interface PracticeKpiText {
  indicator: string;
  baseline: string | null;
  target: string;
  deadline: string | null;
  unit?: string;
}

export interface PracticeLink {
  seq: number;
  prevHash: string | null;
  hash: string;
}

/** The part of a package that the check reads (the rest is data for people and templates). */
export interface PracticeProof {
  proposal: { id: string; title: string; body: string; kpis: PracticeKpiText[] };
  record: { seq: number; prevHash: string | null; hash: string; body: Record<string, unknown> };
  chain: { headHash: string; links: PracticeLink[] };
}

export function verifyPractice(pkg: PracticeProof): PracticeVerification {
  const fail = (reason: PracticeCheck): PracticeVerification => ({ verified: false, reason });
  const { record, proposal, chain } = pkg;
  let recomputed: string;
  let proposalHash: string;
  try {
    recomputed = hashRecord(record.body, record.prevHash);
    proposalHash = contentHash({ title: proposal.title, body: proposal.body, kpis: proposal.kpis });
  } catch {
    return fail('NOT_CANONICAL');
  }
  if (recomputed !== record.hash) return fail('RECORD_HASH_MISMATCH');
  if (record.body.proposalId !== proposal.id) return fail('PROPOSAL_MISMATCH');
  if (record.body.proposalHash !== proposalHash) return fail('CONTENT_HASH_MISMATCH');
  if (record.body.outcome !== 'ADOPTED') return fail('NOT_ADOPTED');
  const first = chain.links[0];
  if (!first || first.seq !== record.seq || first.hash !== record.hash || first.prevHash !== record.prevHash) return fail('CHAIN_BROKEN');
  for (let i = 1; i < chain.links.length; i += 1) {
    const prev = chain.links[i - 1] as PracticeLink;
    const link = chain.links[i] as PracticeLink;
    if (link.seq !== prev.seq + 1 || link.prevHash !== prev.hash) return fail('CHAIN_BROKEN');
  }
  if ((chain.links[chain.links.length - 1] as PracticeLink).hash !== chain.headHash) return fail('HEAD_MISMATCH');
  return { verified: true, reason: null };
}

/** Size of a package as the limits count it (canonical JSON characters); throws on values JSON cannot hold. */
export function practiceSize(pkg: unknown): number {
  return canonicalJson(pkg).length;
}

import type { Ballot, DecisionReason, DecisionRule, Outcome, Sector, Stance, Tally, VoteChoice } from '@yoriai/domain';
import type { RoundParams } from '../voting/voting-round.entity';
import type { ConsensusRecordEntity } from './consensus-record.entity';

export const RECORD_FORMAT = 'yoriai.consensus-record/1';

/**
 * One item of the dissent register, frozen into the record. Ids are stable ('v:' + vote id,
 * 'c:' + comment id) so responses (dissent_response) can refer to them from outside the hash.
 */
export interface DissentItem {
  id: string;
  kind: 'VOTE' | 'COMMENT';
  /** Null for a secret-ballot vote from a sector with fewer than 3 voters (it would identify the voter). */
  sector: Sector | null;
  choice: Extract<VoteChoice, 'DISAGREE' | 'BLOCK'> | null;
  stance: Extract<Stance, 'CONCERN'> | null;
  text: string | null;
  /** Only for open ballots of a process that names dissent (process.dissentNamed). */
  authorName: string | null;
}

export interface RecordReason {
  code: string;
  params: Record<string, string | number>;
  ja: string;
  en: string;
}

export interface RecordCorrection {
  reason: string;
  previousOutcome: Outcome;
  correctedById: string;
}

/**
 * Exactly what is hashed: hash = libs/domain hashRecord(body, prevHash). Plain JSON only (strings,
 * integers, the threshold as a JSON number, ISO timestamps), so any language can re-verify it from
 * records.json. Action items and dissent responses come later and are NOT part of it.
 *
 * `tally` is the raw tally for open ballots — then `decide(rule, tally, params)` reproduces
 * `outcome` exactly. For secret ballots it is the merged tally (sectors with < 3 voters pooled):
 * raw small-sector figures would reveal individual votes in a public record. Totals are unchanged
 * by merging, so MAJORITY, SUPERMAJORITY and CONSENSUS outcomes still reproduce from it; for
 * CROSS_SECTOR on a secret ballot the per-sector test ran on the raw figures, which never leave
 * the server, and `reasons` (with small sectors redacted) is the published account of it.
 */
export interface RecordBody {
  format: typeof RECORD_FORMAT;
  processId: string;
  proposalId: string;
  roundId: string;
  proposalVersion: number;
  proposalHash: string;
  proposalTitle: string;
  rule: DecisionRule;
  params: RoundParams;
  ballot: Ballot;
  outcome: Outcome;
  reasons: RecordReason[];
  tally: Tally;
  dissent: DissentItem[];
  facilitatorId: string;
  decidedAt: string;
  seq: number;
  supersedesId: string | null;
  correction: RecordCorrection | null;
  /** A revised plan or a re-vote: the record it revises (absent from first decisions). */
  revises?: { recordId: string; seq: number; hash: string };
}

export function toRecordReasons(reasons: ReadonlyArray<DecisionReason>): RecordReason[] {
  return reasons.map((r) => ({ code: r.code, params: { ...r.params }, ja: r.ja, en: r.en }));
}

/**
 * For secret ballots: removes from the published reasons what would identify a voter — which
 * sectors blocked, and the figures of sectors too small to be shown (the same < 3 rule as the
 * merged tally). The outcome itself was decided on the raw tally.
 */
export function redactSecretReasons(reasons: ReadonlyArray<RecordReason>, raw: Tally, minVoters: number): RecordReason[] {
  const small = new Set(raw.bySector.filter((s) => s.total < minVoters).map((s) => s.sector as string));
  const out: RecordReason[] = [];
  let smallBelow = false;
  for (const r of reasons) {
    if (r.code === 'BLOCKED') {
      const n = Number(r.params.block);
      out.push({ code: 'BLOCKED', params: { block: n }, ja: `ブロックが ${n} 件あります（無記名投票のため分野は非公開）`, en: `${n} block${n === 1 ? '' : 's'} (sectors not shown: secret ballot)` });
    } else if (r.code === 'SECTOR_BELOW_THRESHOLD' && small.has(String(r.params.sector))) {
      if (!smallBelow) {
        out.push({
          code: 'SMALL_SECTOR_BELOW_THRESHOLD',
          params: {},
          ja: '投票者が3人未満の分野で賛成が基準に届きませんでした（無記名投票のため分野は非公開）',
          en: 'A sector with fewer than 3 voters was below the threshold (not named: secret ballot)',
        });
      }
      smallBelow = true;
    } else {
      out.push(r);
    }
  }
  return out;
}

/** Which copied column disagrees with the hashed body (null when all agree). */
export function columnMismatch(row: ConsensusRecordEntity): string | null {
  const b = row.body as Partial<RecordBody>;
  const checks: [string, unknown, unknown][] = [
    ['processId', row.processId, b.processId],
    ['seq', row.seq, b.seq],
    ['proposalId', row.proposalId, b.proposalId],
    ['roundId', row.roundId, b.roundId],
    ['proposalVersion', row.proposalVersion, b.proposalVersion],
    ['proposalHash', row.proposalHash, b.proposalHash],
    ['rule', row.rule, b.rule],
    ['outcome', row.outcome, b.outcome],
    ['supersedesId', row.supersedesId, b.supersedesId ?? null],
    ['facilitatorId', row.facilitatorId, b.facilitatorId ?? null],
    ['decidedAt', row.decidedAt instanceof Date ? row.decidedAt.toISOString() : row.decidedAt, b.decidedAt],
  ];
  const bad = checks.find(([, column, body]) => column !== body);
  return bad ? bad[0] : null;
}

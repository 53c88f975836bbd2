import type { Outcome } from '../enums';
import { formatPercent, round4 } from '../format';
import { formatSector, type Sector } from '../sectors';
import type { RuleParams } from './rule-params';

/** One line of explanation; `code` and `params` for machines, `ja`/`en` ready to show. */
export interface DecisionReason {
  code: string;
  params: Record<string, string | number>;
  ja: string;
  en: string;
}

export interface Decision {
  outcome: Outcome;
  /** Why, for adoption as much as for rejection, in evaluation order. */
  reasons: DecisionReason[];
  /** The parameters actually applied, defaults filled in. */
  params: Required<RuleParams>;
}

/**
 * part ≥ threshold × whole, tolerant of float noise: 3 of 5 must meet 0.6 although 0.6 × 5 is
 * 3.0000000000000004 in binary. Counts are integers, so 1e-9 can never let a real shortfall through.
 */
export function meetsThreshold(part: number, whole: number, threshold: number): boolean {
  return whole > 0 && part >= threshold * whole - 1e-9;
}

function reason(code: string, params: Record<string, string | number>, ja: string, en: string): DecisionReason {
  return { code, params, ja, en };
}

export const reasons = {
  quorumNotMet: (cast: number, quorum: number) =>
    reason(
      'QUORUM_NOT_MET',
      { cast, quorum },
      `投票数 ${cast} が定足数 ${quorum} に届きません`,
      `${cast} votes cast, below the quorum of ${quorum}`,
    ),
  quorumMet: (cast: number, quorum: number) =>
    reason(
      'QUORUM_MET',
      { cast, quorum },
      `投票数 ${cast} は定足数 ${quorum} 以上です`,
      `${cast} votes cast, quorum of ${quorum} met`,
    ),
  noVotes: () =>
    reason(
      'NO_VOTES',
      {},
      '棄権以外の票がないため採択できません',
      'No votes other than abstentions, so nothing can be adopted',
    ),
  majorityReached: (agree: number, against: number) =>
    reason(
      'MAJORITY_REACHED',
      { agree, against },
      `賛成 ${agree} > 反対 ${against}（ブロックを含む）`,
      `${agree} agree > ${against} against (blocks included)`,
    ),
  majorityNotReached: (agree: number, against: number) =>
    reason(
      'MAJORITY_NOT_REACHED',
      { agree, against },
      `賛成 ${agree} < 反対 ${against}（ブロックを含む）`,
      `${agree} agree < ${against} against (blocks included)`,
    ),
  tie: (agree: number, against: number) =>
    reason(
      'TIE',
      { agree, against },
      `賛成 ${agree} = 反対 ${against}：同数のため採択されません`,
      `${agree} agree = ${against} against: a tie is not adopted`,
    ),
  thresholdMet: (agree: number, nonAbstaining: number, threshold: number) =>
    reason(
      'THRESHOLD_MET',
      { agree, nonAbstaining, share: round4(agree / nonAbstaining), threshold: round4(threshold) },
      `賛成 ${formatPercent(agree / nonAbstaining)}（${agree}/${nonAbstaining}）≥ 基準 ${formatPercent(threshold)}`,
      `${formatPercent(agree / nonAbstaining)} agree (${agree}/${nonAbstaining}) ≥ ${formatPercent(threshold)}`,
    ),
  thresholdNotMet: (agree: number, nonAbstaining: number, threshold: number) =>
    reason(
      'THRESHOLD_NOT_MET',
      { agree, nonAbstaining, share: round4(agree / nonAbstaining), threshold: round4(threshold) },
      `賛成 ${formatPercent(agree / nonAbstaining)}（${agree}/${nonAbstaining}）< 基準 ${formatPercent(threshold)}`,
      `${formatPercent(agree / nonAbstaining)} agree (${agree}/${nonAbstaining}) < ${formatPercent(threshold)}`,
    ),
  blocked: (block: number, sectors: ReadonlyArray<Sector>) =>
    reason(
      'BLOCKED',
      { block, sectors: sectors.join(',') },
      `ブロックが ${block} 件あります（${sectors.map((s) => formatSector(s, 'ja')).join('、')}）`,
      `${block} block${block === 1 ? '' : 's'} (${sectors.map((s) => formatSector(s, 'en')).join(', ')})`,
    ),
  noBlock: () => reason('NO_BLOCK', {}, 'ブロックはありません', 'Nobody blocked'),
  tooFewSectors: (sectors: number, minSectors: number) =>
    reason(
      'TOO_FEW_SECTORS',
      { sectors, minSectors },
      `投票した分野が ${sectors} 分野で、必要な ${minSectors} 分野に届きません`,
      `${sectors} sector${sectors === 1 ? '' : 's'} voted, fewer than the ${minSectors} required`,
    ),
  enoughSectors: (sectors: number, minSectors: number) =>
    reason(
      'ENOUGH_SECTORS',
      { sectors, minSectors },
      `${sectors} 分野が投票しました（必要 ${minSectors} 分野）`,
      `${sectors} sectors voted (${minSectors} required)`,
    ),
  sectorBelowThreshold: (sector: Sector, agree: number, nonAbstaining: number, threshold: number) =>
    reason(
      'SECTOR_BELOW_THRESHOLD',
      { sector, agree, nonAbstaining, share: round4(agree / nonAbstaining), threshold: round4(threshold) },
      `${formatSector(sector, 'ja')}: 賛成 ${formatPercent(agree / nonAbstaining)} < 基準 ${formatPercent(threshold)}`,
      `${formatSector(sector, 'en')}: ${formatPercent(agree / nonAbstaining)} agree < ${formatPercent(threshold)}`,
    ),
  allSectorsMet: (sectors: number, threshold: number) =>
    reason(
      'ALL_SECTORS_MET',
      { sectors, threshold: round4(threshold) },
      `全${sectors}分野で基準（賛成 ${formatPercent(threshold)} 以上）を満たしました`,
      `All ${sectors} sectors reached ${formatPercent(threshold)} agree`,
    ),
};

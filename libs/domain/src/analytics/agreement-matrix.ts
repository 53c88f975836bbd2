import { SECTORS, type Sector } from '../sectors';
import type { Tally } from '../tally';
import { rawAgreeShare } from './shares';

export interface AgreementCell {
  proposalId: string;
  pillarId?: string;
  sector: Sector;
  /** agree / (agree + disagree + block) of this sector; null when it took no position. */
  agreeShare: number | null;
  /** Votes cast by the sector, abstentions included. */
  voters: number;
}

/**
 * Proposal × sector agree shares for the heat map: a full grid (every proposal × every sector in
 * `sectors`, default all seven), with null cells where a sector has not voted, so the map has no holes.
 */
export function agreementMatrix(
  items: ReadonlyArray<{ proposalId: string; pillarId?: string; tally: Tally }>,
  sectors: ReadonlyArray<Sector> = SECTORS,
): AgreementCell[] {
  const order = SECTORS.filter((s) => sectors.includes(s));
  return items.flatMap((item) =>
    order.map((sector) => {
      const row = item.tally.bySector.find((r) => r.sector === sector);
      const cell: AgreementCell = {
        proposalId: item.proposalId,
        sector,
        agreeShare: row ? rawAgreeShare(row) : null,
        voters: row ? row.total : 0,
      };
      if (item.pillarId !== undefined) cell.pillarId = item.pillarId;
      return cell;
    }),
  );
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BALLOT_LABELS,
  CHOICE_LABELS,
  isBallot,
  isDecisionRule,
  isSector,
  isVoteChoice,
  mergeSmallSectors,
  RULE_LABELS,
  SECTOR_LABELS,
  SECTORS,
  tallyVotes,
  type Sector,
  VOTE_CHOICES,
  type VoteChoice,
} from '@yoriai/domain';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { Errors } from '../../common/errors/domain-error';
import { checkChain } from '../minutes/minutes-assembler';
import type { MinutesChainCheck } from '../minutes/minutes-document';
import { ProcessEntity } from '../process/process.entity';
import { ConsensusRecordEntity } from '../record/consensus-record.entity';
import { toCsv } from './csv';
import type { Lang } from './export-labels';

const PROCESS = { ja: '協議プロセス', en: 'The process' };
/** A secret ballot never shows a sector of fewer voters than this on its own (as the live tally). */
const SECRET_MIN_VOTERS = 3;

interface VoteRow {
  proposalId: string;
  proposalTitle: string;
  roundId: string;
  round: number;
  proposalVersion: number;
  rule: string;
  ballot: string;
  roundStatus: string;
  sector: string;
  choice: string;
  reason: string | null;
  proxy: boolean;
  castAt: Date;
  current: boolean;
  /** Null for secret ballots: the query never selects who cast a secret vote. */
  voter: string | null;
  organization: string | null;
}

const HEADER = {
  ja: ['提案ID', '提案', '採決回', '版', '決定方式', '投票方式', '採決状況', '分野', '選択', '理由', '代理入力', '日時（日本時間）', '投票者', '所属'],
  en: ['proposal_id', 'proposal', 'round', 'version', 'rule', 'ballot', 'round_status', 'sector', 'choice', 'reason', 'proxy', 'time_jst', 'voter', 'organization'],
};
const HISTORY_HEADER = { ja: '現在の票', en: 'current' };
const ROUND_STATUS = { OPEN: { ja: '投票受付中', en: 'open' }, CLOSED: { ja: '締切', en: 'closed' } } as Record<string, { ja: string; en: string }>;
const YES_NO = { ja: ['はい', 'いいえ'], en: ['yes', 'no'] };

const JST = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

export interface RecordsExport {
  format: 'yoriai.records/1';
  algorithm: Record<string, string>;
  process: { id: string; title: string };
  exportedAt: string;
  length: number;
  verification: MinutesChainCheck;
  records: Array<{ seq: number; id: string; prevHash: string | null; hash: string; supersedesId: string | null; body: Record<string, unknown> }>;
}

/** Process-wide exports: every vote (votes.csv) and the consensus-record chain (records.json). */
@Injectable()
export class ProcessExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async process(viewer: Viewer, processId: string): Promise<ProcessEntity> {
    if (!isUUID(processId)) throw Errors.notFound(PROCESS);
    await this.access.require(viewer, processId, 'export.download');
    return this.dataSource.manager.findOneOrFail(ProcessEntity, { where: { id: processId } });
  }

  /**
   * votes.csv: one row per current vote (with `history`, also every earlier vote a voter changed
   * away from, open ballots only). Secret ballots: no voter, organisation, time or proxy flag;
   * sectors of fewer than 3 voters merged (as the live tally shows them); rows in an order that
   * says nothing about who voted when; and no rows at all while the round is still open, when
   * watching the file change would tell who just voted what.
   */
  async votesCsv(viewer: Viewer, processId: string, lang: Lang, history: boolean): Promise<{ process: ProcessEntity; csv: string; rows: number }> {
    const process = await this.process(viewer, processId);
    const rows: VoteRow[] = await this.dataSource.query(
      `WITH rounds AS (
         SELECT r.*, dense_rank() OVER (PARTITION BY r.proposal_id ORDER BY r.opened_at, r.id)::int AS round_no
           FROM voting_round r WHERE r.process_id = $1
       ), casts AS (
         SELECT v.round_id, v.participant_id, v.sector, v.choice, v.reason, v.proxy, v.updated_at AS cast_at, true AS current, v.event_id AS seq
           FROM vote v JOIN rounds r ON r.id = v.round_id
         UNION ALL
         SELECT e.round_id, e.participant_id, e.sector, e.choice, e.reason, e.proxy, e.created_at, false, e.id
           FROM vote_event e JOIN rounds r ON r.id = e.round_id
           JOIN vote v ON v.round_id = e.round_id AND v.participant_id = e.participant_id
          WHERE $2 AND r.ballot = 'OPEN' AND e.id <> v.event_id
       )
       SELECT r.proposal_id AS "proposalId", pr.title AS "proposalTitle", r.id AS "roundId", r.round_no AS round,
              r.proposal_version AS "proposalVersion", r.rule, r.ballot, r.status AS "roundStatus",
              c.sector, c.choice, c.reason, c.proxy, c.cast_at AS "castAt", c.current,
              CASE WHEN r.ballot = 'OPEN' THEN p.display_name END AS voter,
              CASE WHEN r.ballot = 'OPEN' THEN COALESCE(m.organization, p.organization) END AS organization
         FROM casts c JOIN rounds r ON r.id = c.round_id
         JOIN proposal pr ON pr.id = r.proposal_id
         JOIN participant p ON p.id = c.participant_id
         LEFT JOIN membership m ON m.process_id = r.process_id AND m.participant_id = c.participant_id
        WHERE NOT (r.ballot = 'SECRET' AND r.status = 'OPEN')
        ORDER BY pr.created_at, pr.id, r.round_no, c.seq`,
      [processId, history],
    );
    const groups = this.secretSectorGroups(rows);
    // The query orders by time; inside a secret round, rows are re-sorted by sector, choice and
    // reason instead, so their order says nothing about who voted when.
    // A merged group sorts as one, or the position of a row would tell which small sector it came from.
    const shownSectors = (r: VoteRow): Sector[] => (isSector(r.sector) ? (groups.get(r.roundId)?.get(r.sector) ?? [r.sector]) : []);
    const roundStart = new Map<string, number>();
    rows.forEach((r, i) => roundStart.has(r.roundId) || roundStart.set(r.roundId, i));
    const key = (r: VoteRow, i: number): [number, number, number, string, number] =>
      r.ballot === 'SECRET'
        ? [roundStart.get(r.roundId) as number, SECTORS.indexOf(shownSectors(r)[0] as Sector), VOTE_CHOICES.indexOf(r.choice as VoteChoice), r.reason ?? '', 0]
        : [roundStart.get(r.roundId) as number, 0, 0, '', i];
    const ordered = rows
      .map((r, i) => ({ r, k: key(r, i) }))
      .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || (a.k[3] < b.k[3] ? -1 : a.k[3] > b.k[3] ? 1 : 0) || a.k[4] - b.k[4])
      .map((x) => x.r);
    const body = ordered.map((r) => {
      const secret = r.ballot === 'SECRET';
      const merged = shownSectors(r);
      const row: Array<string | number | boolean | null> = [
        r.proposalId,
        r.proposalTitle,
        r.round,
        r.proposalVersion,
        isDecisionRule(r.rule) ? RULE_LABELS[r.rule][lang] : r.rule,
        isBallot(r.ballot) ? BALLOT_LABELS[r.ballot][lang] : r.ballot,
        ROUND_STATUS[r.roundStatus]?.[lang] ?? r.roundStatus,
        merged.map((s) => SECTOR_LABELS[s][lang]).join(lang === 'ja' ? '・' : ' + '),
        isVoteChoice(r.choice) ? CHOICE_LABELS[r.choice as VoteChoice][lang] : r.choice,
        r.reason ?? '',
        secret ? '' : r.proxy ? YES_NO[lang][0] : YES_NO[lang][1],
        secret ? '' : JST.format(r.castAt),
        secret ? '' : (r.voter ?? ''),
        secret ? '' : (r.organization ?? ''),
      ];
      if (history) row.push(r.current ? YES_NO[lang][0] : YES_NO[lang][1]);
      return row;
    });
    const header = history ? [...HEADER[lang], HISTORY_HEADER[lang]] : HEADER[lang];
    return { process, csv: toCsv(header, body), rows: body.length };
  }

  /** Per secret round: which sectors are shown together (mergeSmallSectors over its current votes). */
  private secretSectorGroups(rows: VoteRow[]): Map<string, Map<Sector, Sector[]>> {
    const byRound = new Map<string, VoteRow[]>();
    for (const r of rows) if (r.ballot === 'SECRET' && r.current && isSector(r.sector) && isVoteChoice(r.choice)) byRound.set(r.roundId, [...(byRound.get(r.roundId) ?? []), r]);
    const out = new Map<string, Map<Sector, Sector[]>>();
    for (const [roundId, votes] of byRound) {
      const merged = mergeSmallSectors(tallyVotes(votes.map((v) => ({ sector: v.sector as Sector, choice: v.choice as VoteChoice }))), SECRET_MIN_VOTERS);
      const map = new Map<Sector, Sector[]>();
      for (const g of merged.bySector) for (const s of g.mergedSectors ?? [g.sector]) map.set(s, g.mergedSectors ?? [g.sector]);
      out.set(roundId, map);
    }
    return out;
  }

  /** records.json: the whole chain as stored (bodies exactly as hashed), with how to verify it offline. */
  async recordsJson(viewer: Viewer, processId: string): Promise<RecordsExport> {
    const process = await this.process(viewer, processId);
    const records = await this.dataSource.manager.find(ConsensusRecordEntity, { where: { processId }, order: { seq: 'ASC' } });
    return {
      format: 'yoriai.records/1',
      algorithm: {
        hash: 'hash = lowercase_hex(sha256(utf8(canonicalJson({ "body": body, "prevHash": prevHash }))))',
        canonicalJson:
          'JSON with object keys sorted by UTF-16 code units (recursively), no whitespace, strings and numbers exactly as JavaScript JSON.stringify writes them (non-ASCII characters as UTF-8, not \\u escapes), array order kept',
        chain: 'seq runs 1, 2, 3 … without gaps; the first record has prevHash null; every other prevHash equals the hash of the record before it',
        corrections: 'a correction is a new record whose supersedesId names the record it corrects; records are never edited',
        verify: 'node tools/verify-records.mjs records.json',
      },
      process: { id: process.id, title: process.title },
      exportedAt: new Date().toISOString(),
      length: records.length,
      verification: checkChain({ records, process }),
      records: records.map((r) => ({ seq: r.seq, id: r.id, prevHash: r.prevHash, hash: r.hash, supersedesId: r.supersedesId, body: r.body })),
    };
  }
}

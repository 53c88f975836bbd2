import {
  ACTION_ITEM_STATUS_LABELS,
  BALLOT_LABELS,
  CHOICE_LABELS,
  contentHash,
  isBallot,
  isDecisionRule,
  isOutcome,
  isProposalStatus,
  isSector,
  isStance,
  isVoteChoice,
  mergeSmallSectors,
  OUTCOME_LABELS,
  readActionItemStatus,
  RULE_LABELS,
  SECTOR_LABELS,
  sectorIndex,
  STANCE_LABELS,
  STANCES,
  STATUS_LABELS,
  verifyChain,
  type Sector,
  type Tally,
} from '@yoriai/domain';
import type { ConsensusRecordEntity } from '../record/consensus-record.entity';
import { columnMismatch, type DissentItem, type RecordBody } from '../record/record-body';
import {
  Bilingual,
  MINUTES_KIND,
  MINUTES_SCHEMA_VERSION,
  MINUTES_TIME_ZONE,
  MinutesActionItem,
  MinutesChainCheck,
  MinutesAgendaItem,
  MinutesDecision,
  MinutesDissent,
  MinutesDocument,
  MinutesKpi,
  MinutesPerson,
  MinutesProposal,
  MinutesSectorAttendance,
  MinutesTally,
} from './minutes-document';
import type { MinutesSource, PersonRow } from './minutes-source';
import { decisionAnalytics, meetingAnalytics, sectorRefs } from './minutes-analytics';
import { formatMeetingWhen } from './minutes-time';

export interface AssembleOptions {
  status: 'DRAFT' | 'FINAL';
  generatedAt: Date;
  finalizedAt?: Date | null;
  finalizedById?: string | null;
}

/** Figures read beside the source (AnalyticsService.meetingMissingVoices): per agenda item id. */
export interface AssembleAnalytics {
  missingVoices: ReadonlyMap<string, Sector[]>;
}

const label = (l: { ja: string; en: string }): Bilingual => ({ ja: l.ja, en: l.en });
const iso = (d: Date | string | null | undefined): string | null => (d == null ? null : new Date(d).toISOString());
const sectorOf = (s: unknown): Sector | null => (isSector(s) ? s : null);
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const num = (x: unknown, fallback = 0): number => (typeof x === 'number' && Number.isFinite(x) ? x : fallback);
const ref = (r: ConsensusRecordEntity | undefined) => (r ? { recordId: r.id, seq: r.seq } : null);
const MERGED = { ja: '（統合）', en: ' (merged)' };

function person(row: PersonRow | undefined): MinutesPerson | null {
  if (!row) return null;
  return { participantId: row.participantId, name: row.name, organization: row.organization, sector: sectorOf(row.sector), guest: row.kind === 'GUEST' };
}

function kpis(raw: unknown): MinutesKpi[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((k: Record<string, unknown>) => ({
    indicator: str(k?.indicator) ?? '',
    baseline: str(k?.baseline),
    target: str(k?.target) ?? '',
    deadline: str(k?.deadline),
  }));
}

/** Label of a tally row; a merged group of a secret ballot names every sector in it. */
function rowLabel(sectors: Sector[]): Bilingual {
  if (sectors.length === 1) return label(SECTOR_LABELS[sectors[0] as Sector]);
  return {
    ja: sectors.map((s) => SECTOR_LABELS[s].ja).join('・') + MERGED.ja,
    en: sectors.map((s) => SECTOR_LABELS[s].en).join(' + ') + MERGED.en,
  };
}

/** The record's tally (as it was hashed); secret ballots show sectors of fewer than 3 voters merged. */
function tallyOf(raw: unknown, secret: boolean): MinutesTally {
  const t = (raw ?? {}) as Record<string, unknown>;
  const rows = Array.isArray(t.bySector) ? (t.bySector as Record<string, unknown>[]) : [];
  let tally: Tally = {
    agree: num(t.agree),
    disagree: num(t.disagree),
    abstain: num(t.abstain),
    block: num(t.block),
    total: num(t.total),
    bySector: rows
      .filter((r) => isSector(r.sector))
      .map((r) => {
        const merged = Array.isArray(r.mergedSectors) ? (r.mergedSectors as unknown[]).filter(isSector) : [];
        return {
          sector: r.sector as Sector,
          agree: num(r.agree),
          disagree: num(r.disagree),
          abstain: num(r.abstain),
          block: num(r.block),
          total: num(r.total),
          ...(merged.length > 1 ? { mergedSectors: merged } : {}),
        };
      }),
  };
  if (secret && tally.bySector.length) tally = mergeSmallSectors(tally);
  return {
    agree: tally.agree,
    disagree: tally.disagree,
    abstain: tally.abstain,
    block: tally.block,
    total: tally.total,
    bySector: tally.bySector.map((r) => {
      const sectors = r.mergedSectors ?? [r.sector];
      return { sector: r.sector, sectors, label: rowLabel(sectors), agree: r.agree, disagree: r.disagree, abstain: r.abstain, block: r.block, total: r.total };
    }),
  };
}

/** The record's dissent register (frozen in the hashed body) with the responses written since. */
function dissentOf(record: ConsensusRecordEntity, named: boolean, source: MinutesSource): MinutesDissent[] {
  const raw = (record.body as Partial<RecordBody>).dissent;
  if (!Array.isArray(raw)) return [];
  const responses = source.responses.filter((r) => r.recordId === record.id);
  return raw.map((item: Partial<DissentItem>, i): MinutesDissent => {
    const id = str(item.id) ?? String(i + 1);
    const choice = isVoteChoice(item.choice) ? item.choice : null;
    const sector = sectorOf(item.sector);
    return {
      id,
      kind: item.kind === 'COMMENT' ? 'COMMENT' : 'VOTE',
      choice,
      choiceLabel: choice ? label(CHOICE_LABELS[choice]) : null,
      sector,
      sectorLabel: sector ? label(SECTOR_LABELS[sector]) : null,
      // The record names dissenters only for open ballots of processes that name dissent; checked again here.
      name: named ? str(item.authorName) : null,
      reason: str(item.text) ?? '',
      responses: responses
        .filter((r) => r.dissentId === id)
        .map((r) => ({ response: r.response, respondedBy: source.people.get(r.respondedById)?.name ?? null, respondedAt: iso(r.respondedAt) as string })),
    };
  });
}

function decisionOf(record: ConsensusRecordEntity, source: MinutesSource): MinutesDecision {
  const body = record.body as Record<string, unknown>;
  const round = source.rounds.find((r) => r.id === record.roundId);
  const ballotRaw = body.ballot ?? round?.ballot;
  const ballot = isBallot(ballotRaw) ? ballotRaw : 'OPEN';
  const rule = isDecisionRule(record.rule) ? record.rule : 'MAJORITY';
  const outcome = isOutcome(record.outcome) ? record.outcome : 'REJECTED';
  const params = (body.params ?? round?.params ?? {}) as Record<string, unknown>;
  const reasons = Array.isArray(body.reasons) ? (body.reasons as Record<string, unknown>[]) : [];
  // Voters are named only where the ballot was open and the process names dissent.
  const named = ballot === 'OPEN' && source.process.dissentNamed;
  const actionItems: MinutesActionItem[] = source.actionItems
    .filter((a) => a.recordId === record.id)
    .map((a) => {
      const ownerSector = sectorOf(a.ownerSector);
      return {
        id: a.id,
        title: a.title,
        ownerOrganization: a.ownerOrganization,
        ownerSector,
        ownerSectorLabel: ownerSector ? label(SECTOR_LABELS[ownerSector]) : null,
        dueDate: a.dueDate,
        kpi: a.kpi,
        status: readActionItemStatus(a.status),
        statusLabel: label(ACTION_ITEM_STATUS_LABELS[readActionItemStatus(a.status)]),
      };
    });
  const tally = tallyOf(body.tally, ballot === 'SECRET');
  return {
    recordId: record.id,
    seq: record.seq,
    hash: record.hash,
    prevHash: record.prevHash,
    supersedes: ref(source.records.find((r) => r.id === record.supersedesId)),
    supersededBy: ref(source.records.find((r) => r.supersedesId === record.id)),
    decidedAt: iso(record.decidedAt) as string,
    proposalVersion: record.proposalVersion,
    proposalHash: record.proposalHash,
    rule,
    ruleLabel: label(RULE_LABELS[rule]),
    params: { threshold: num(params.threshold), quorum: num(params.quorum), minSectors: num(params.minSectors, 1) },
    ballot,
    ballotLabel: label(BALLOT_LABELS[ballot]),
    outcome,
    outcomeLabel: label(OUTCOME_LABELS[outcome]),
    reasons: reasons.map((r) => ({ code: str(r.code) ?? '', ja: str(r.ja) ?? '', en: str(r.en) ?? '' })),
    tally,
    dissent: dissentOf(record, named, source),
    actionItems,
    analytics: decisionAnalytics(tally, ballot),
  };
}

function proposalOf(id: string, source: MinutesSource, window: { start: Date | null; end: Date }): MinutesProposal | null {
  const p = source.proposals.find((x) => x.id === id);
  // Unpublished drafts are visible only to their author and the secretariat, so not in minutes every member can download.
  if (!p || p.status === 'DRAFT') return null;
  const v = source.versions.find((x) => x.proposalId === id);
  const comments = source.comments.filter((c) => c.proposalId === id);
  const visible = comments.filter((c) => !c.hidden && isStance(c.stance) && isSector(c.sector));
  const decisions = source.records
    .filter((r) => r.proposalId === id && window.start != null && r.decidedAt >= window.start && r.decidedAt <= window.end)
    .map((r) => decisionOf(r, source));
  const author = source.people.get(p.authorId);
  return {
    id: p.id,
    title: v?.title ?? p.title,
    version: v?.version ?? p.version,
    contentHash: v?.contentHash ?? contentHash({ title: p.title, body: p.body, kpis: p.kpis }),
    status: isProposalStatus(p.status) ? p.status : 'OPEN',
    statusLabel: label(STATUS_LABELS[isProposalStatus(p.status) ? p.status : 'OPEN']),
    author: author?.name ?? '',
    authorSector: sectorOf(author?.sector),
    kpis: kpis(v?.kpis ?? p.kpis),
    discussion: {
      total: visible.length,
      hiddenCount: comments.filter((c) => c.hidden).length,
      earlierCount: source.earlierComments.get(id) ?? 0,
      byStance: STANCES.map((stance) => ({
        stance,
        label: label(STANCE_LABELS[stance]),
        comments: visible
          .filter((c) => c.stance === stance)
          .map((c) => ({
            id: c.id,
            author: c.author,
            organization: c.organization,
            sector: c.sector as Sector,
            sectorLabel: label(SECTOR_LABELS[c.sector as Sector]),
            body: c.body,
            createdAt: iso(c.createdAt) as string,
            replyToId: c.parentId,
          })),
      })).filter((g) => g.comments.length > 0),
    },
    decisions,
  };
}

function attendanceOf(source: MinutesSource): { total: number; bySector: MinutesSectorAttendance[] } {
  const groups = new Map<Sector, MinutesSectorAttendance>();
  for (const a of source.attendance) {
    const sector = sectorOf(a.sector);
    if (!sector) continue;
    let g = groups.get(sector);
    if (!g) groups.set(sector, (g = { sector, label: label(SECTOR_LABELS[sector]), count: 0, attendees: [] }));
    g.count += 1;
    g.attendees.push({ name: a.name, organization: a.organization, guest: a.kind === 'GUEST', joinedAt: iso(a.joinedAt) as string });
  }
  const bySector = [...groups.values()].sort((a, b) => sectorIndex(a.sector) - sectorIndex(b.sector));
  return { total: bySector.reduce((n, g) => n + g.count, 0), bySector };
}

/**
 * The same verdict as verifyRecordChain: every hash recomputed from its body (libs/domain
 * verifyChain), the copied columns agreeing with the hashed body, and no record missing at the end.
 */
export function checkChain(source: Pick<MinutesSource, 'records' | 'process'>): MinutesChainCheck {
  const rows = source.records;
  const verdict = verifyChain(rows.map((r) => ({ seq: r.seq, prevHash: r.prevHash, hash: r.hash, body: r.body })));
  let brokenAt = verdict.brokenAt;
  let reason: string | null = verdict.reason ?? null;
  const mismatch = rows.findIndex((row, i) => (brokenAt === null || i + 1 < brokenAt) && columnMismatch(row) !== null);
  if (mismatch >= 0) {
    brokenAt = mismatch + 1;
    reason = `COLUMN_MISMATCH:${columnMismatch(rows[mismatch] as ConsensusRecordEntity)}`;
  }
  if (brokenAt === null && source.process.recordSeq > rows.length) {
    brokenAt = rows.length + 1;
    reason = 'MISSING_RECORDS';
  }
  return { valid: brokenAt === null, length: rows.length, brokenAt, reason, headHash: rows.length ? (rows[rows.length - 1] as ConsensusRecordEntity).hash : null };
}

/** Turns the loaded rows into the MinutesDocument (pure: same source and options, same document). */
export function assembleMinutes(source: MinutesSource, options: AssembleOptions, analytics: AssembleAnalytics = { missingVoices: new Map() }): MinutesDocument {
  const { meeting, process } = source;
  const window = { start: meeting.startedAt, end: meeting.endedAt ?? options.generatedAt };
  const chain = checkChain(source);
  const agenda: MinutesAgendaItem[] = source.agenda.map((item) => {
    const pillar = item.pillarId ? source.pillars.find((p) => p.id === item.pillarId) : undefined;
    return {
      id: item.id,
      position: item.position,
      title: item.title,
      pillar: pillar ? { id: pillar.id, position: pillar.position, title: pillar.title, titleEn: pillar.titleEn } : null,
      plannedMinutes: item.plannedMinutes,
      summary: item.summary,
      proposals: item.proposalIds.map((id) => proposalOf(id, source, window)).filter((p): p is MinutesProposal => p !== null),
      missingVoices: sectorRefs(analytics.missingVoices.get(item.id) ?? []),
    };
  });
  const offAgenda = source.offAgendaIds.map((id) => proposalOf(id, source, window)).filter((p): p is MinutesProposal => p !== null);
  const finalizer = options.finalizedById ? source.people.get(options.finalizedById) : undefined;
  return {
    kind: MINUTES_KIND,
    schemaVersion: MINUTES_SCHEMA_VERSION,
    status: options.status,
    meeting: {
      id: meeting.id,
      title: meeting.title,
      status: meeting.status,
      location: meeting.location,
      scheduledAt: iso(meeting.startsAt),
      startedAt: iso(meeting.startedAt),
      endedAt: iso(meeting.endedAt),
      timeZone: MINUTES_TIME_ZONE,
      when: formatMeetingWhen(meeting.startedAt ?? meeting.startsAt, meeting.startedAt ? meeting.endedAt : null),
    },
    process: { id: process.id, title: process.title },
    organizers: source.organizers.map((o) => person(o) as MinutesPerson),
    facilitator: meeting.facilitatorId ? person(source.people.get(meeting.facilitatorId)) : null,
    attendance: attendanceOf(source),
    agenda,
    offAgenda,
    summary: source.minutes?.summary ?? '',
    analytics: meetingAnalytics(source),
    footer: {
      generatedAt: options.generatedAt.toISOString(),
      finalizedAt: iso(options.finalizedAt ?? null),
      finalizedBy: finalizer?.name ?? null,
      chain,
    },
  };
}

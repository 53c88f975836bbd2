import {
  currentMeasurements,
  kpiIdOf,
  kpiLate,
  kpiProgress,
  kpiReached,
  parseKpiNumber,
  SECTORS,
  todayInJapan,
} from '@yoriai/domain';
import { PROGRESS_FORMAT, type ActionItemPayload, type ProgressDecision, type ProgressKpi, type ProgressReport } from '@yoriai/realtime-contract';

export type { ProgressDecision, ProgressKpi, ProgressReport };
import type { EntityManager } from 'typeorm';
import type { ActionItemEntity } from '../record/action-item.entity';
import type { Kpi } from '../proposal/proposal.entity';
import { toActionItemPayload, toMeasurementPayload } from './delivery-payloads';
import type { KpiMeasurementEntity } from './kpi-measurement.entity';

/**
 * Builds the progress report (libs/realtime-contract ProgressReport) of a process's decisions: the
 * public progress page, progress.json/csv, the minutes' progress section and the practice package
 * all read it, so they cannot disagree.
 */
interface DecisionRow {
  proposalId: string;
  pillarId: string;
  kpis: Kpi[];
  title: string;
  recordId: string;
  seq: number;
  hash: string;
  decidedAt: Date;
  revisesRecordId: string | null;
}

export interface ProgressOptions {
  /** Only measurements entered by then (minutes of a past meeting); default: all. */
  cutoff?: Date | null;
  /** Only these proposals (a practice package: one decision). */
  proposalIds?: string[];
  now?: Date;
}

/** A process's progress, read in five queries whatever its size. Pass a transaction's manager for one snapshot. */
export async function loadProgress(em: EntityManager, processId: string, options: ProgressOptions = {}): Promise<ProgressReport | null> {
  const [process] = await em.query<{ id: string; title: string; region: string | null }[]>('SELECT id, title, region FROM process WHERE id = $1', [processId]);
  if (!process) return null;
  const pillars = await em.query<{ id: string; position: number; title: string; titleEn: string | null }[]>(
    'SELECT id, position, title, title_en AS "titleEn" FROM pillar WHERE process_id = $1 ORDER BY position',
    [processId],
  );
  // Each ADOPTED proposal with its latest record (a correction or a re-vote is the one that counts).
  const decisions = await em.query<DecisionRow[]>(
    `SELECT DISTINCT ON (p.id) p.id AS "proposalId", p.pillar_id AS "pillarId", p.kpis, r.body->>'proposalTitle' AS title,
            r.id AS "recordId", r.seq, r.hash, r.decided_at AS "decidedAt", r.body->'revises'->>'recordId' AS "revisesRecordId"
       FROM proposal p JOIN consensus_record r ON r.proposal_id = p.id
      WHERE p.process_id = $1 AND p.status = 'ADOPTED' AND ($2::uuid[] IS NULL OR p.id = ANY($2))
      ORDER BY p.id, r.seq DESC`,
    [processId, options.proposalIds ?? null],
  );
  decisions.sort((a, b) => a.seq - b.seq);
  const ids = decisions.map((d) => d.proposalId);
  const items = ids.length
    ? await em.query<Array<ActionItemEntity & { proposalId: string }>>(
        `SELECT a.id, a.record_id AS "recordId", r.proposal_id AS "proposalId", a.title, a.status, a.progress,
                to_char(a.start_date, 'YYYY-MM-DD') AS "startDate", to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate",
                a.status_reason AS "statusReason", a.owner_organization AS "ownerOrganization", a.owner_sector AS "ownerSector", a.kpi_id AS "kpiId"
           FROM action_item a JOIN consensus_record r ON r.id = a.record_id
          WHERE r.proposal_id = ANY($1) ORDER BY a.due_date NULLS LAST, a.created_at, a.id`,
        [ids],
      )
    : [];
  const measurements = ids.length
    ? await em.query<KpiMeasurementEntity[]>(
        `SELECT id, kpi_id AS "kpiId", proposal_id AS "proposalId", value, to_char(measured_at, 'YYYY-MM-DD') AS "measuredAt", source, note, sector,
                supersedes_id AS "supersedesId", created_at AS "createdAt"
           FROM kpi_measurement WHERE proposal_id = ANY($1) AND ($2::timestamptz IS NULL OR created_at <= $2)
          ORDER BY measured_at, created_at, id`,
        [ids, options.cutoff ?? null],
      )
    : [];
  return buildProgress(process, pillars, decisions, items, measurements, options.now ?? new Date());
}

function buildProgress(
  process: ProgressReport['process'],
  pillars: Array<{ id: string; position: number; title: string; titleEn: string | null }>,
  decisions: DecisionRow[],
  items: Array<ActionItemEntity & { proposalId: string }>,
  measurements: KpiMeasurementEntity[],
  now: Date,
): ProgressReport {
  const today = todayInJapan(now);
  const byKpi = new Map<string, KpiMeasurementEntity[]>();
  for (const m of measurements) byKpi.set(m.kpiId, [...(byKpi.get(m.kpiId) ?? []), m]);
  const decisionOf = (d: DecisionRow): ProgressDecision => ({
    proposalId: d.proposalId,
    title: d.title,
    recordId: d.recordId,
    seq: d.seq,
    hash: d.hash,
    decidedAt: new Date(d.decidedAt).toISOString(),
    revisesRecordId: d.revisesRecordId,
    kpis: (d.kpis ?? []).map((k, i) => kpiOf(kpiIdOf(d.proposalId, i), k, byKpi.get(kpiIdOf(d.proposalId, i)) ?? [], today)),
    roadmap: items.filter((a) => a.proposalId === d.proposalId).map((a) => toActionItemPayload(a, d.proposalId, today)),
  });
  const all = decisions.map((d) => ({ pillarId: d.pillarId, decision: decisionOf(d) }));
  const roadmap = all.flatMap((d) => d.decision.roadmap);
  const kpis = all.flatMap((d) => d.decision.kpis);
  const count = (xs: ActionItemPayload[]) => ({
    items: xs.length,
    done: xs.filter((x) => x.status === 'DONE').length,
    late: xs.filter((x) => x.late).length,
    delayed: xs.filter((x) => x.status === 'DELAYED').length,
    dropped: xs.filter((x) => x.status === 'DROPPED').length,
  });
  return {
    format: PROGRESS_FORMAT,
    process,
    generatedAt: now.toISOString(),
    today,
    summary: { decisions: all.length, ...count(roadmap), kpis: kpis.length, kpisReached: kpis.filter((k) => k.reached).length, kpisLate: kpis.filter((k) => k.late).length },
    sectors: SECTORS.map((sector) => ({ sector, ...count(roadmap.filter((x) => x.ownerSector === sector)) })).filter((r) => r.items > 0),
    pillars: pillars
      .map((p) => ({ ...p, decisions: all.filter((d) => d.pillarId === p.id).map((d) => d.decision) }))
      .filter((p) => p.decisions.length > 0),
  };
}

function kpiOf(id: string, k: Kpi, rows: KpiMeasurementEntity[], today: string): ProgressKpi {
  const baseline = parseKpiNumber(k.baseline);
  const target = parseKpiNumber(k.target);
  const current = currentMeasurements(rows);
  const last = current[current.length - 1];
  const latest = last ? { value: last.value, measuredAt: last.measuredAt } : null;
  const targets = { baseline: baseline.value, target: target.value, deadline: k.deadline ?? null };
  return {
    id,
    indicator: k.indicator,
    baseline: k.baseline ?? null,
    target: k.target,
    deadline: k.deadline ?? null,
    unit: k.unit ?? target.unit ?? baseline.unit,
    baselineValue: baseline.value,
    targetValue: target.value,
    latest,
    progress: kpiProgress(targets, latest?.value ?? null),
    reached: kpiReached(targets, latest?.value ?? null),
    late: kpiLate(targets, latest?.value ?? null, today),
    measurements: current.map(toMeasurementPayload),
    corrections: rows.length - current.length,
  };
}

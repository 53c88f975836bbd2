import { isLate, isSector, readActionItemStatus, todayInJapan, type Sector } from '@yoriai/domain';
import type { ActionItemPayload, KpiMeasurementPayload } from '@yoriai/realtime-contract';
import type { EntityManager } from 'typeorm';
import type { ActionItemEntity } from '../record/action-item.entity';
import type { KpiMeasurementEntity } from './kpi-measurement.entity';

const sectorOf = (s: unknown): Sector | null => (isSector(s) ? s : null);

/** A roadmap item as everyone may see it (progress page, socket event): no person, only organisation and sector. */
export function toActionItemPayload(a: ActionItemEntity, proposalId: string, today = todayInJapan()): ActionItemPayload {
  const status = readActionItemStatus(a.status);
  return {
    id: a.id,
    recordId: a.recordId,
    proposalId,
    title: a.title,
    status,
    progress: a.progress,
    startDate: a.startDate,
    dueDate: a.dueDate,
    statusReason: a.statusReason,
    ownerOrganization: a.ownerOrganization,
    ownerSector: sectorOf(a.ownerSector),
    kpiId: a.kpiId,
    late: isLate({ status, dueDate: a.dueDate }, today),
  };
}

/** A measurement as everyone may see it: the reporting sector, never the person. */
export function toMeasurementPayload(m: KpiMeasurementEntity): KpiMeasurementPayload {
  return {
    id: m.id,
    kpiId: m.kpiId,
    proposalId: m.proposalId,
    value: m.value,
    measuredAt: m.measuredAt,
    source: m.source,
    note: m.note,
    sector: sectorOf(m.sector),
    createdAt: new Date(m.createdAt).toISOString(),
    supersedesId: m.supersedesId,
  };
}

export async function actionItemPayload(em: EntityManager, id: string): Promise<ActionItemPayload | null> {
  const [row] = await em.query<Array<ActionItemEntity & { proposalId: string }>>(
    `SELECT a.id, a.record_id AS "recordId", r.proposal_id AS "proposalId", a.title, a.status, a.progress,
            to_char(a.start_date, 'YYYY-MM-DD') AS "startDate", to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate",
            a.status_reason AS "statusReason", a.owner_organization AS "ownerOrganization", a.owner_sector AS "ownerSector", a.kpi_id AS "kpiId"
       FROM action_item a JOIN consensus_record r ON r.id = a.record_id WHERE a.id = $1`,
    [id],
  );
  return row ? toActionItemPayload(row, row.proposalId) : null;
}

export async function measurementPayload(em: EntityManager, id: string): Promise<KpiMeasurementPayload | null> {
  const [row] = await em.query<KpiMeasurementEntity[]>(
    `SELECT id, kpi_id AS "kpiId", proposal_id AS "proposalId", value, to_char(measured_at, 'YYYY-MM-DD') AS "measuredAt", source, note, sector,
            supersedes_id AS "supersedesId", created_at AS "createdAt"
       FROM kpi_measurement WHERE id = $1`,
    [id],
  );
  return row ? toMeasurementPayload(row) : null;
}

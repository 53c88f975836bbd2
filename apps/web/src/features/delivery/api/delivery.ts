import type { ActionItemStatus, Sector } from '@yoriai/domain';
import { graphql } from '../../../gql';

/**
 * The progress report (GET /api/processes/:id/progress.json, format yoriai.progress/1): one
 * document for the member pages and the public page alike, so the public page can never show more
 * than members see (docs/delivery.md).
 */
export interface ProgressItem {
  id: string;
  recordId: string;
  proposalId: string;
  title: string;
  status: ActionItemStatus;
  progress: number;
  startDate: string | null;
  dueDate: string | null;
  statusReason: string | null;
  ownerOrganization: string | null;
  ownerSector: Sector | null;
  kpiId: string | null;
  late: boolean;
}

export interface ProgressMeasurement {
  id: string;
  kpiId: string;
  value: number;
  measuredAt: string;
  source: string | null;
  note: string | null;
  sector: Sector | null;
  createdAt: string;
  supersedesId: string | null;
}

export interface ProgressKpi {
  id: string;
  indicator: string;
  baseline: string | null;
  target: string;
  deadline: string | null;
  unit: string | null;
  baselineValue: number | null;
  targetValue: number | null;
  latest: { value: number; measuredAt: string } | null;
  progress: number | null;
  reached: boolean;
  late: boolean;
  measurements: ProgressMeasurement[];
  corrections: number;
}

export interface ProgressDecision {
  proposalId: string;
  title: string;
  recordId: string;
  seq: number;
  hash: string;
  decidedAt: string;
  revisesRecordId: string | null;
  kpis: ProgressKpi[];
  roadmap: ProgressItem[];
}

export interface ProgressReport {
  format: 'yoriai.progress/1';
  process: { id: string; title: string; region: string | null };
  generatedAt: string;
  today: string;
  summary: { decisions: number; items: number; done: number; late: number; delayed: number; dropped: number; kpis: number; kpisReached: number; kpisLate: number };
  sectors: Array<{ sector: Sector; items: number; done: number; late: number; delayed: number; dropped: number }>;
  pillars: Array<{ id: string; position: number; title: string; titleEn: string | null; decisions: ProgressDecision[] }>;
}

export class ProgressUnavailable extends Error {
  constructor(readonly status: number) {
    super(`progress.json answered ${status}`);
  }
}

export async function fetchProgress(processId: string, signal?: AbortSignal): Promise<ProgressReport> {
  const res = await fetch(`/api/processes/${encodeURIComponent(processId)}/progress.json`, { credentials: 'same-origin', signal });
  if (!res.ok) throw new ProgressUnavailable(res.status);
  return (await res.json()) as ProgressReport;
}

export const DeliveryProcessQuery = graphql(`
  query DeliveryProcess($id: ID!) {
    process(id: $id) {
      id
      title
      progressPublic
      region
      myMembership {
        role
        sector
        organization
      }
      importedTemplates(first: 50) {
        proposalId
        title
        status
        provenance {
          sourceProcess
          sourceProcessTitle
          region
          recordHash
          verified
          verifyReason
          importedAt
        }
      }
    }
  }
`);

export const MoveItemMutation = graphql(`
  mutation MoveRoadmapItem($input: UpdateActionItemInput!) {
    updateActionItem(input: $input) {
      id
      status
      progress
      statusReason
      late
    }
  }
`);

export const RecordMeasurementMutation = graphql(`
  mutation RecordKpiMeasurement($input: RecordKpiMeasurementInput!) {
    recordKpiMeasurement(input: $input) {
      id
      value
      measuredAt
    }
  }
`);

export const DeliverySettingsMutation = graphql(`
  mutation UpdateDeliverySettings($input: UpdateDeliverySettingsInput!) {
    updateDeliverySettings(input: $input) {
      id
      progressPublic
      region
    }
  }
`);

export const ImportPracticeMutation = graphql(`
  mutation ImportPractice($processId: ID!, $package: JSON!) {
    importPractice(processId: $processId, package: $package) {
      id
      title
      provenance {
        verified
        verifyReason
      }
    }
  }
`);

import type { ActionItemPayload, KpiMeasurementPayload, ProgressDecision, ProgressKpi, ProgressReport } from '@yoriai/realtime-contract';
import { graphql } from '../../../gql';

/** The progress report and its parts (libs/realtime-contract progress.ts): the same document for member pages and the public page. */
export type ProgressItem = ActionItemPayload;
export type ProgressMeasurement = KpiMeasurementPayload;
export type { ProgressDecision, ProgressKpi, ProgressReport };

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

import type { Sector } from '@yoriai/domain';
import type { ActionItemPayload, KpiMeasurementPayload } from '@yoriai/realtime-contract';
import type { GqlClient } from './graphql-client';
import type { TestProcess } from './process-factories';
import { newProposal, type KpiFields, type TestProposal } from './proposal-factories';
import { castVote, closeVoting, openVoting, type TestRecord } from './voting-factories';

export const ITEM_FIELDS = 'id recordId title status progress startDate dueDate statusReason ownerOrganization ownerSector kpiId late statusChangedAt';
export const MEASUREMENT_FIELDS = 'id kpiId value measuredAt source note sector supersedesId createdAt';
export const RECORD_MEASUREMENT = `mutation($i: RecordKpiMeasurementInput!) { recordKpiMeasurement(input: $i) { ${MEASUREMENT_FIELDS} } }`;
export const UPDATE_ITEM = `mutation($i: UpdateActionItemInput!) { updateActionItem(input: $i) { ${ITEM_FIELDS} } }`;
export const ADD_ITEM = `mutation($i: AddActionItemInput!) { addActionItem(input: $i) { ${ITEM_FIELDS} } }`;
export const SETTINGS = 'mutation($i: UpdateDeliverySettingsInput!) { updateDeliverySettings(input: $i) { id progressPublic region } }';
export const PROPOSAL_KPIS = `query($id: ID!, $h: Boolean) { proposal(id: $id) { id kpis { id indicator baseline target deadline unit
  status { baselineValue targetValue latestValue latestMeasuredAt progress reached late }
  measurements(history: $h) { ${MEASUREMENT_FIELDS} } } } }`;

export const DECIDED_KPIS: KpiFields[] = [
  { indicator: '移住相談件数', baseline: '年間120件', target: '年間300件', deadline: '2027-03-31' },
  { indicator: 'サテライトオフィス誘致企業数', baseline: '0社', target: '10社', deadline: '2028-03-31' },
];

export interface Decided {
  proposal: TestProposal;
  record: TestRecord;
  kpiIds: string[];
}

/** A proposal with KPIs, adopted by MAJORITY with the given voters' AGREE (an open ballot). */
export async function decidedProposal(organizer: GqlClient, process: TestProcess, voters: GqlClient[], overrides: { title?: string; kpis?: KpiFields[]; pillarId?: string } = {}): Promise<Decided> {
  const proposal = await newProposal(organizer, process, { kpis: DECIDED_KPIS, ...overrides });
  await openVoting(organizer, proposal.id, { rule: 'MAJORITY', ballot: 'OPEN' });
  for (const v of voters) await castVote(v, proposal.id, 'AGREE');
  const record = await closeVoting(organizer, proposal.id);
  const { proposal: p } = await organizer.ok<{ proposal: { kpis: { id: string }[] } }>(PROPOSAL_KPIS, { id: proposal.id });
  return { proposal, record, kpiIds: p.kpis.map((k) => k.id) };
}

export interface ItemFields {
  title?: string;
  ownerOrganization?: string | null;
  ownerSector?: Sector | null;
  startDate?: string | null;
  dueDate?: string | null;
  kpiId?: string | null;
}

export async function addItem(client: GqlClient, recordId: string, fields: ItemFields = {}): Promise<TestItem> {
  const r = await client.ok<{ addActionItem: TestItem }>(ADD_ITEM, { i: { recordId, title: '移住体験住宅を3棟整備する', ...fields } });
  return r.addActionItem;
}

/** As GraphQL returns them (the same fields as the live payloads, minus proposalId; dates as ISO strings). */
export type TestItem = Omit<ActionItemPayload, 'proposalId'> & { statusChangedAt: string | null };
export type TestMeasurement = Omit<KpiMeasurementPayload, 'proposalId'>;

/** A YYYY-MM-DD date `days` away from today (UTC is close enough for dates a month or more apart). */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

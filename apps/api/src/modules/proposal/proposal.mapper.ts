import { kpiIdOf, type ProposalStatus } from '@yoriai/domain';
import { QueryFailedError } from 'typeorm';
import type { ParticipantEntity } from '../participant/participant.entity';
import { ParticipantKind, ParticipantModel } from '../participant/participant.model';
import type { MembershipEntity } from '../process/membership.entity';
import type { ProposalVersionEntity } from './proposal-version.entity';
import type { Kpi, ProposalEntity } from './proposal.entity';
import type { KpiModel, ProposalModel, ProposalVersionModel } from './proposal.model';

/** A KPI with its tracking id (libs/domain kpiIdOf: the proposal and the KPI's place in the list). */
export const toKpiModel = (k: Kpi, proposalId: string, index: number): KpiModel => ({
  id: kpiIdOf(proposalId, index),
  proposalId,
  indicator: k.indicator,
  baseline: k.baseline ?? null,
  target: k.target,
  deadline: k.deadline ?? null,
  unit: k.unit ?? null,
});

export const toProposalModel = (p: ProposalEntity): ProposalModel => ({
  id: p.id,
  processId: p.processId,
  pillarId: p.pillarId,
  authorId: p.authorId,
  title: p.title,
  body: p.body,
  kpis: p.kpis.map((k, i) => toKpiModel(k, p.id, i)),
  status: p.status as ProposalStatus,
  version: p.version,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

export const toVersionModel = (v: ProposalVersionEntity): ProposalVersionModel => ({
  version: v.version,
  title: v.title,
  body: v.body,
  kpis: v.kpis.map((k, i) => toKpiModel(k, v.proposalId, i)),
  contentHash: v.contentHash,
  authorId: v.authorId,
  note: v.note,
  createdAt: v.createdAt,
});

/**
 * An author as other members see them: name and the organisation they represent in this process
 * (membership first, else their profile). Private profile fields are never filled in.
 */
export function toPublicAuthor(p: ParticipantEntity, membership: MembershipEntity | null): ParticipantModel {
  return {
    id: p.id,
    displayName: p.displayName,
    kind: p.kind as ParticipantKind,
    organization: membership?.organization ?? p.organization,
    email: null,
    ageBand: null,
    gender: null,
    locale: p.locale,
  };
}

/** Whether `e` is PostgreSQL's unique violation (23505) on the named index. */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const driver = (e as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  return driver?.code === '23505' && driver.constraint === constraint;
}

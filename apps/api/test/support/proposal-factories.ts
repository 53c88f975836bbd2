import type { ProposalStatus, Stance } from '@yoriai/domain';
import { Client } from 'pg';
import { GqlClient } from './graphql-client';
import type { TestProcess } from './process-factories';

export interface KpiFields {
  indicator: string;
  baseline?: string | null;
  target: string;
  deadline?: string | null;
  unit?: string | null;
}

export interface TestProposal {
  id: string;
  processId: string;
  pillarId: string;
  title: string;
  status: ProposalStatus;
  version: number;
}

export interface ProposalOverrides {
  pillarId?: string;
  title?: string;
  body?: string;
  kpis?: KpiFields[];
  draft?: boolean;
  clientRequestId?: string;
}

export const CREATE_PROPOSAL = /* GraphQL */ `
  mutation CreateProposal($input: CreateProposalInput!) {
    createProposal(input: $input) { id processId pillarId title status version }
  }
`;

/**
 * A proposal created through the real createProposal mutation by `client` (who must be a member
 * allowed to propose, e.g. the organiser or a PARTICIPANT). OPEN unless `draft: true`.
 */
export async function newProposal(client: GqlClient, process: TestProcess, overrides: ProposalOverrides = {}): Promise<TestProposal> {
  const input = {
    processId: process.id,
    pillarId: process.pillarIds[0],
    title: '空き家を活用したサテライトオフィス誘致',
    body: '## 概要\n\n市内の空き家を改修し、首都圏企業のサテライトオフィスとして提供する。\n',
    kpis: [{ indicator: '誘致企業数', baseline: '0社', target: '10社', deadline: '2028-03-31' }],
    ...overrides,
  };
  const data = await client.ok<{ createProposal: TestProposal }>(CREATE_PROPOSAL, { input });
  return data.createProposal;
}

export const ADD_COMMENT = /* GraphQL */ `
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) { id proposalId parentId stance body proposalVersion }
  }
`;

export interface TestComment {
  id: string;
  proposalId: string;
  parentId: string | null;
  stance: Stance;
  body: string | null;
  proposalVersion: number;
}

/** A comment (or, with parentId, a reply) written by `client` on an OPEN or VOTING proposal. */
export async function newComment(
  client: GqlClient,
  proposalId: string,
  overrides: { parentId?: string; stance?: Stance; body?: string; clientRequestId?: string } = {},
): Promise<TestComment> {
  const input = { proposalId, stance: 'SUPPORT', body: '賛成です。地域の雇用につながると思います。', ...overrides };
  const data = await client.ok<{ addComment: TestComment }>(ADD_COMMENT, { input });
  return data.addComment;
}

/** Direct SQL against the run's database, for assertions the API does not expose (row counts). */
export async function sql<T = Record<string, unknown>>(databaseUrl: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Rows of one process in the tables proposals and comments write to, to show that a refused
 * request wrote nothing (scoped to the process: other test files run in parallel on the same database).
 */
export async function writeCounts(databaseUrl: string, processId: string): Promise<Record<'proposal' | 'proposal_version' | 'comment' | 'audit_log', number>> {
  const [row] = await sql<Record<'proposal' | 'proposal_version' | 'comment' | 'audit_log', number>>(
    databaseUrl,
    `SELECT (SELECT count(*)::int FROM proposal WHERE process_id = $1) AS proposal,
            (SELECT count(*)::int FROM proposal_version v JOIN proposal p ON p.id = v.proposal_id WHERE p.process_id = $1) AS proposal_version,
            (SELECT count(*)::int FROM comment c JOIN proposal p ON p.id = c.proposal_id WHERE p.process_id = $1) AS comment,
            (SELECT count(*)::int FROM audit_log WHERE process_id = $1) AS audit_log`,
    [processId],
  );
  return row;
}

/**
 * Puts a proposal in a status only a voting round can produce (VOTING, ADOPTED, REJECTED), so the
 * proposal and comment rules for those states can be tested without the voting module.
 */
export async function forceProposalStatus(databaseUrl: string, proposalId: string, status: ProposalStatus): Promise<void> {
  await sql(databaseUrl, 'UPDATE proposal SET status = $2 WHERE id = $1', [proposalId, status]);
}

import { Logger } from '@nestjs/common';
import { VOTE_CHOICES, type VoteChoice } from '@yoriai/domain';
import { isIn, isUUID, length, matches, maxLength } from 'class-validator';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { getLocation, Kind, parse, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { TokenService } from '../../common/auth/token.service';
import { errorLanguage, toTypedError } from '../../common/errors/graphql-exception.filter';
import { QUERY_LIMITS } from '../../common/graphql/query-limits';
import { CLIENT_REQUEST_ID, NO_NUL, type CastVoteInput } from './dto/voting.input';
import type { VoteService } from './vote.service';
import type { VoteModel } from './voting.model';

/** Fields of the Vote type that are plain values of the model (Vote.participant has a resolver: not here). */
const SCALARS: Record<string, (v: VoteModel) => unknown> = {
  id: (v) => v.id,
  proposalId: (v) => v.proposalId,
  roundId: (v) => v.roundId,
  choice: (v) => v.choice,
  reason: (v) => v.reason,
  sector: (v) => v.sector,
  proxy: (v) => v.proxy,
  updatedAt: (v) => (v.updatedAt instanceof Date ? v.updatedAt : new Date(v.updatedAt)).toISOString(),
  __typename: () => 'Vote',
};

/** A recognised castVote document: the variable carrying the input, and what to answer. */
export interface CastVoteShape {
  operationName: string | null;
  variable: string;
  /** Response key of the mutation field (its alias, or castVote). */
  key: string;
  fields: string[];
  /** Where the castVote field starts in the document (for error locations, as GraphQL reports them). */
  location: { line: number; column: number };
}

/** Documents seen (by query string): their shape, or null when they are anything else. Bounded. */
const SHAPE_CACHE_LIMIT = 256;

/**
 * Recognises exactly `mutation [Name]($v: CastVoteInput!) { [alias:] castVote(input: $v) { <Vote scalar
 * fields> } }` — one operation, one variable, no directives, fragments or inline arguments. Anything
 * else is null (Apollo answers it). A recognised document is valid against the schema by construction.
 */
export function castVoteShape(query: string): CastVoteShape | null {
  let doc: DocumentNode;
  try {
    doc = parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
  } catch {
    return null;
  }
  if (doc.definitions.length !== 1 || doc.definitions[0].kind !== Kind.OPERATION_DEFINITION) return null;
  const op = doc.definitions[0] as OperationDefinitionNode;
  if (op.operation !== 'mutation' || op.directives?.length || op.variableDefinitions?.length !== 1) return null;
  const def = op.variableDefinitions[0];
  if (def.defaultValue || def.directives?.length || def.type.kind !== Kind.NON_NULL_TYPE || def.type.type.kind !== Kind.NAMED_TYPE || def.type.type.name.value !== 'CastVoteInput') return null;
  if (op.selectionSet.selections.length !== 1 || op.selectionSet.selections[0].kind !== Kind.FIELD) return null;
  const field = op.selectionSet.selections[0] as FieldNode;
  if (field.name.value !== 'castVote' || field.directives?.length || field.arguments?.length !== 1 || !field.selectionSet) return null;
  const arg = field.arguments[0];
  if (arg.name.value !== 'input' || arg.value.kind !== Kind.VARIABLE || arg.value.name.value !== def.variable.name.value) return null;
  const fields: string[] = [];
  for (const sel of field.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD || sel.alias || sel.directives?.length || sel.arguments?.length || sel.selectionSet || !(sel.name.value in SCALARS)) return null;
    if (!fields.includes(sel.name.value)) fields.push(sel.name.value);
  }
  const location = field.loc ? getLocation(field.loc.source, field.loc.start) : { line: 1, column: 1 };
  return { operationName: op.name?.value ?? null, variable: def.variable.name.value, key: field.alias?.value ?? 'castVote', fields, location };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const INPUT_KEYS = new Set(['proposalId', 'choice', 'reason', 'clientRequestId']);

/**
 * The input exactly as GraphQL coercion and the ValidationPipe (CastVoteInput's class-validator rules)
 * would accept it, or null: anything they would refuse goes to Apollo for the canonical typed error.
 */
export function castVoteInput(variables: unknown, variable: string): CastVoteInput | null {
  if (!isObject(variables) || Object.keys(variables).some((k) => k !== variable)) return null;
  const input = variables[variable];
  if (!isObject(input) || Object.keys(input).some((k) => !INPUT_KEYS.has(k))) return null;
  const { proposalId, choice, reason, clientRequestId } = input;
  if (typeof proposalId !== 'string' || !isUUID(proposalId)) return null;
  if (typeof choice !== 'string' || !isIn(choice, [...VOTE_CHOICES])) return null;
  if (reason != null && (typeof reason !== 'string' || !maxLength(reason, 2000) || !matches(reason, NO_NUL))) return null;
  if (clientRequestId != null && (typeof clientRequestId !== 'string' || !length(clientRequestId, 1, 64) || !matches(clientRequestId, CLIENT_REQUEST_ID))) return null;
  return { proposalId, choice: choice as VoteChoice, reason: (reason as string | null | undefined) ?? null, clientRequestId: (clientRequestId as string | null | undefined) ?? null };
}

/** Only JSON bodies (CSRF: a browser cannot send them cross-site without a preflight; Apollo's csrfPrevention sees the same). */
function isJson(req: Request): boolean {
  const type = req.headers['content-type'];
  return typeof type === 'string' && type.split(';')[0].trim().toLowerCase() === 'application/json';
}

const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';

/**
 * The content type Apollo would answer with (its negotiation between the two JSON types, in its
 * order), or null when the Accept header takes neither (Apollo then answers 406: left to it).
 */
function answerType(req: Request): string | null {
  if (!req.headers.accept) return JSON_TYPE;
  const preferred = req.accepts(['application/json', 'application/graphql-response+json']);
  if (preferred === 'application/json') return JSON_TYPE;
  if (preferred === 'application/graphql-response+json') return GRAPHQL_RESPONSE_TYPE;
  return null;
}

/**
 * Writes the answer as Apollo does (status 200 for results and for errors raised while executing)
 * straight to the socket: express's res.json would also compute an ETag nobody uses for a mutation.
 * Headers set by earlier middleware (helmet's security headers) are kept.
 */
function send(res: Response, type: string, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/**
 * The lean path of castVote (issue 12): an express middleware on POST /graphql, before Apollo, that
 * answers a castVote-only document without the GraphQL/Nest pipeline (validation of the document
 * against the schema, context, guards, ValidationPipe, pino-http). It authenticates exactly like the
 * normal path (TokenService.authenticate: signature, expiry and the server-side session on every
 * request) and calls the same VoteService.castVote. Everything it is not sure about falls through to
 * Apollo unchanged: other documents, non-JSON bodies, no token or a failed authentication (Apollo
 * answers the typed UNAUTHENTICATED and clears a dead session cookie), input that coercion or
 * validation would refuse. Errors of the vote itself are answered in Apollo's shape through the same
 * toTypedError as the exception filter.
 */
export function castVoteFastPath(deps: { tokens: TokenService; votes: Pick<VoteService, 'castVote'> }): RequestHandler {
  const logger = new Logger('Errors');
  const shapes = new Map<string, CastVoteShape | null>();
  const shapeOf = (query: string): CastVoteShape | null => {
    const known = shapes.get(query);
    if (known !== undefined) return known;
    const shape = castVoteShape(query);
    if (shapes.size < SHAPE_CACHE_LIMIT) shapes.set(query, shape);
    return shape;
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' || req.path !== '/graphql' || !isJson(req)) return next();
    const body: unknown = req.body;
    if (!isObject(body) || typeof body.query !== 'string' || !body.query.includes('castVote') || body.extensions !== undefined) return next();
    const shape = shapeOf(body.query);
    if (!shape) return next();
    if (body.operationName != null && body.operationName !== shape.operationName) return next();
    const input = castVoteInput(body.variables, shape.variable);
    const token = TokenService.requestToken(req);
    const type = answerType(req);
    if (!input || !token || !type) return next();

    deps.tokens.authenticate(token).then(
      (viewer) =>
        deps.votes.castVote(viewer, input).then(
          (vote) => {
            const out: Record<string, unknown> = {};
            for (const f of shape.fields) out[f] = SCALARS[f](vote);
            send(res, type, { data: { [shape.key]: out } });
          },
          (e: unknown) => {
            const typed = toTypedError(e, errorLanguage(req), logger);
            const extensions = { code: typed.category, reason: typed.reason, ...(typed.details ? { details: typed.details } : {}) };
            send(res, type, { errors: [{ message: typed.message, locations: [shape.location], path: [shape.key], extensions }], data: null });
          },
        ),
      // Not signed in as far as this path can tell: the normal path gives the canonical answer.
      () => next(),
    )
      .catch((e: unknown) => {
        if (!res.headersSent) next(e);
      });
  };
}

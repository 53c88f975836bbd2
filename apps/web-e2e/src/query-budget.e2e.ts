import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { WORKSPACE, startBuiltServer, type E2eServer } from './support/server';

// The API refuses expensive operations before running them (depth, aliases, complexity that
// counts list page sizes). Every query the web app can send must fit, or a page breaks in
// production with "クエリが複雑すぎます". This checks them all against the built server.
const LIMIT_REASONS = ['QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_TOKENS'];
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

function webQueries(): { name: string; document: DocumentNode }[] {
  const generated = readFileSync(path.join(WORKSPACE, 'apps/web/src/gql/graphql.ts'), 'utf8');
  return [...generated.matchAll(/export const (\w+)Document = (\{.*\}) as unknown as DocumentNode/g)]
    .map((m) => ({ name: m[1] as string, document: JSON.parse(m[2] as string) as DocumentNode }))
    .filter(({ document }) => document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'query'));
}

function placeholderVariables(document: DocumentNode): Record<string, unknown> {
  const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const vars: Record<string, unknown> = {};
  for (const v of op?.variableDefinitions ?? []) {
    const type = JSON.stringify(v.type);
    vars[v.variable.name.value] = type.includes('"Int"') ? 1 : type.includes('"String"') ? 'ABC234' : PLACEHOLDER_ID;
  }
  return vars;
}

describe('the web app’s queries', () => {
  let server: E2eServer;
  beforeAll(async () => {
    server = await startBuiltServer();
  });
  afterAll(() => server?.stop());

  const queries = webQueries();

  it('are all found in the generated client', () => {
    expect(queries.length).toBeGreaterThan(15);
  });

  it.each(queries.map((q) => [q.name, q.document] as const))('%s fits within the API’s query limits', async (_name, document) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(document), variables: placeholderVariables(document) }),
    });
    const body = (await res.json()) as { errors?: { message: string; extensions?: { reason?: string } }[] };
    const refused = (body.errors ?? []).filter((e) => LIMIT_REASONS.includes(e.extensions?.reason ?? ''));
    expect(refused.map((e) => e.message)).toEqual([]);
  });
});

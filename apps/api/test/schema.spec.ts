import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RunningServer } from '../src/server';
import { startTestServer } from './support/test-app';

const SCHEMA_FILE = path.join(__dirname, '../schema.gql');
const HEADER = '# Generated from the code-first resolvers by `npm run schema`; do not edit by hand.\n# CI fails when this file is stale. The web app generates its typed operations from it.\n\n';

describe('schema.gql', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('is committed and matches the running schema (run `npm run schema` after changing resolvers)', () => {
    const schema = server.app.get(GraphQLSchemaHost).schema;
    const printed = HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
    if (process.env.UPDATE_SCHEMA) writeFileSync(SCHEMA_FILE, printed);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });
});
